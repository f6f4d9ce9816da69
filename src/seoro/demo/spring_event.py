"""The demo's spring partnering day, already held: "2026 상반기 해외 파트너 상담회" on 20 May 2026,
where fourteen of Hanbit's firms and institutes met sixteen overseas experts of the directory.

Unlike the October event (:mod:`seoro.demo.event`, whose timetable ``seoro event schedule`` builds),
this one is history: its timetable is fixed here as it was held, with who checked in at the door,
the one overseas guest who did not come (their two meetings did not take place), and what both sides
answered afterwards when asked whether they want to follow up. The leads that came of its meetings
are in :mod:`seoro.demo.pipeline`.

Participants and requests are records keyed by the columns of :mod:`seoro.files.event_columns`, as
in the October event; everyone is referred to by e-mail. All people are synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from seoro.demo.common import Record, compact, text_of, texts_of
from seoro.demo.firms import FIRMS, firm_email
from seoro.demo.organisations import ZONE_CORE
from seoro.demo.people import build_experts
from seoro.domain.events import Event, ParticipationType, Session, Table
from seoro.domain.text import BilingualText

DAY = date(2026, 5, 20)
NAME = BilingualText("2026 상반기 해외 파트너 상담회", "2026 Spring Overseas Partner Meetings")
REQUESTED_AT = datetime(2026, 5, 11, 0, 0, tzinfo=UTC)  # requests were made the week before
PUBLISHED_AT = datetime(2026, 5, 19, 8, 0, tzinfo=UTC)  # final agendas went out the evening before
DOORS_OPEN = datetime(2026, 5, 20, 0, 35, tzinfo=UTC)  # 09:35 in Seoul: the first check-in
NO_SHOW = "hyunwoo.yoon@carmelridge.example.com"  # the guest from Haifa whose flight was cancelled
MARKED_ABSENT_AT = datetime(2026, 5, 20, 1, 20, tzinfo=UTC)  # 10:20 in Seoul, 20 minutes into slot 1
ANSWERS_FROM = datetime(2026, 5, 21, 0, 0, tzinfo=UTC)  # the follow-up survey went out the next morning

REGIONAL_FIRMS = (  # the Korean side, by registered name (and the energy institute, below)
    "(주)한빛수소테크",
    "주식회사 그린수전해",
    "(주)하이드로젠로지스",
    "(주)한빛배터리소재",
    "주식회사 솔리드셀",
    "(주)리배터리",
    "(주)새솔AI",
    "(주)가온로보틱스",
    "(주)한빛파워반도체",
    "주식회사 새솔모빌리티",
    "(주)누리데이터",
    "주식회사 케이티타늄",
    "(주)한빛그린바이오",
)
HERI_EMAIL = "global-rnd@heri.example.org"
OVERSEAS = (  # experts of the directory, by e-mail
    "dahye.hwang@borealh2.example.com",
    "seungho.yoo@belleforet.example.org",
    "dahye.jang@belleforet.example.org",
    "hyejin.jang@bayview-tech.example.org",
    "grace.ahn@belle-rive.example.com",
    "youngsoo.hwang@missionmesa.example.org",
    "kevin.song@belleforet.example.org",
    "hyunwoo.kim@pacific-cedar.example.org",
    "hana.jung@bayview-tech.example.org",
    "julia.park@coastline-mobility.example.com",
    "yejin.han@pacific-cedar.example.org",
    "kyungmin.yoon@bayview-tech.example.org",
    "taeyang.yoon@sunsetridge.example.org",
    "grace.choi@sunsetridge.example.org",
    NO_SHOW,
    "grace.lee@maplecircuit.example.com",
)


class Answer(NamedTuple):
    """One side's answer to "do you want to follow up?"; ``online``: how (None: either way)."""

    wants: bool
    online: bool | None = None
    note: str = ""


class HeldMeeting(NamedTuple):
    """A meeting of the timetable: who asked whom (e-mails), slot (from 0), and both sides' answers
    (the requester's first; ``None``: never answered)."""

    requester: str
    requested: str
    slot: int
    answers: tuple[Answer | None, Answer | None] = (None, None)


YES, YES_ONLINE, YES_EVENT = Answer(True), Answer(True, True), Answer(True, False)
NO = Answer(False)


def _firm(name: str) -> str:
    return firm_email(next(f for f in FIRMS if f.name_ko == name))


# fmt: off
def _timetable() -> list[HeldMeeting]:
    f = _firm
    return [
        HeldMeeting(f("(주)한빛수소테크"), "dahye.hwang@borealh2.example.com", 0, (YES_ONLINE, YES_ONLINE)),
        HeldMeeting("seungho.yoo@belleforet.example.org", f("주식회사 그린수전해"), 0, (YES, YES_ONLINE)),
        HeldMeeting(f("(주)누리데이터"), NO_SHOW, 0),
        HeldMeeting(f("(주)하이드로젠로지스"), "dahye.jang@belleforet.example.org", 1, (YES_EVENT, Answer(True, False, "10월 상담회에 다시 참가 예정"))),
        HeldMeeting(f("(주)한빛배터리소재"), "hyejin.jang@bayview-tech.example.org", 1, (YES, YES_ONLINE)),
        HeldMeeting(f("주식회사 솔리드셀"), "grace.ahn@belle-rive.example.com", 2, (YES, Answer(False, None, "Purity spec too far from our grades"))),
        HeldMeeting("youngsoo.hwang@missionmesa.example.org", f("(주)리배터리"), 2, (YES_ONLINE, YES_ONLINE)),
        HeldMeeting(f("(주)한빛수소테크"), "taeyang.yoon@sunsetridge.example.org", 2, (YES, Answer(False, None, "We already work together on the durability tests"))),
        HeldMeeting(f("(주)새솔AI"), "kevin.song@belleforet.example.org", 3, (YES, NO)),
        HeldMeeting(f("주식회사 그린수전해"), "taeyang.yoon@sunsetridge.example.org", 3, (NO, NO)),
        HeldMeeting(f("(주)한빛배터리소재"), "grace.ahn@belle-rive.example.com", 3, (YES, NO)),
        HeldMeeting(f("(주)가온로보틱스"), "hyunwoo.kim@pacific-cedar.example.org", 4, (YES, YES_EVENT)),
        HeldMeeting(f("(주)한빛파워반도체"), "hana.jung@bayview-tech.example.org", 4, (YES_ONLINE, YES)),
        HeldMeeting(NO_SHOW, f("주식회사 케이티타늄"), 4),
        HeldMeeting(f("주식회사 새솔모빌리티"), "julia.park@coastline-mobility.example.com", 5, (YES, YES)),
        HeldMeeting("yejin.han@pacific-cedar.example.org", f("(주)누리데이터"), 5, (YES_ONLINE, YES_ONLINE)),
        HeldMeeting(f("주식회사 솔리드셀"), "hyejin.jang@bayview-tech.example.org", 5, (NO, NO)),
        HeldMeeting(f("주식회사 케이티타늄"), "kyungmin.yoon@bayview-tech.example.org", 6, (YES, None)),
        HeldMeeting(HERI_EMAIL, "taeyang.yoon@sunsetridge.example.org", 6, (YES_ONLINE, YES_ONLINE)),
        HeldMeeting("grace.lee@maplecircuit.example.com", f("(주)새솔AI"), 6, (Answer(True, True, "Happy to demo the edge module again"), YES)),
        HeldMeeting(f("(주)한빛그린바이오"), "grace.choi@sunsetridge.example.org", 7, (NO, NO)),
        HeldMeeting(f("(주)리배터리"), "hyejin.jang@bayview-tech.example.org", 7),
        HeldMeeting("grace.lee@maplecircuit.example.com", f("(주)가온로보틱스"), 8, (YES_ONLINE, None)),
        HeldMeeting(f("(주)한빛그린바이오"), "yejin.han@pacific-cedar.example.org", 8),
        HeldMeeting(f("주식회사 새솔모빌리티"), "hyunwoo.kim@pacific-cedar.example.org", 9, (NO, NO)),
    ]
# fmt: on


@dataclass(frozen=True)
class SpringEvent:
    """The event, its spreadsheets, and what happened: the timetable (``meetings`` with their tables,
    numbered from 1 in each slot), who checked in when, who was marked absent."""

    event: Event
    participants: list[Record]
    requests: list[Record]
    meetings: list[tuple[HeldMeeting, int]]
    check_ins: dict[str, datetime]
    absent: dict[str, datetime]


def spring_event_definition() -> Event:
    return Event(
        name=NAME,
        venue="한빛테크노파크 국제회의실 / Hanbit Technopark Conference Hall",
        timezone="Asia/Seoul",
        auto_accept=True,
        cross_type_only=True,
        max_in_a_row=3,
        sessions=[
            Session("am", DAY, time(10, 0), 30, end=time(12, 0), name=BilingualText("오전", "Morning")),
            Session("pm", DAY, time(14, 0), 30, end=time(17, 0), name=BilingualText("오후", "Afternoon")),
        ],
        tables=[Table(n, f"T{n}", seats=4) for n in range(1, 7)],
        types=[
            ParticipationType("regional", BilingualText("지역기업", "Regional firm"), max_meetings=5),
            ParticipationType("overseas", BilingualText("해외 파트너", "Overseas partner"), max_meetings=5),
        ],
    )


def _regional() -> list[Record]:
    records: list[Record] = []
    for name in REGIONAL_FIRMS:
        firm = next(f for f in FIRMS if f.name_ko == name)
        records.append({"name_ko": firm.contact_name, "organisation": firm.name_ko, "email": firm_email(firm),
                        "type": "regional", "languages": ["ko", "en"]})  # fmt: skip
    records.append({"name_ko": "정다은", "organisation": ZONE_CORE, "email": HERI_EMAIL, "type": "regional",
                    "languages": ["ko", "en"]})  # fmt: skip
    return records


def _overseas() -> list[Record]:
    experts = {text_of(e, "email"): e for e in build_experts()}
    records: list[Record] = []
    for email in OVERSEAS:
        e = experts[email]
        record = {"name_en": text_of(e, "name_en"), "name_ko": e.get("name_ko", ""), "email": email,
                  "organisation": texts_of(e, "affiliations")[0], "type": "overseas"}  # fmt: skip
        records.append(compact(record))
    return records


def _tables(meetings: list[HeldMeeting]) -> list[tuple[HeldMeeting, int]]:
    """Each meeting with its table: 1, 2, 3 … in the order the slot lists them."""
    used: dict[int, int] = {}
    out = []
    for m in meetings:
        used[m.slot] = used.get(m.slot, 0) + 1
        out.append((m, used[m.slot]))
    return out


def build_spring_event() -> SpringEvent:
    meetings = _timetable()
    people = _regional() + _overseas()
    emails = [text_of(p, "email") for p in people]
    arrivals = {email: DOORS_OPEN + timedelta(minutes=2 * i) for i, email in enumerate(emails) if email != NO_SHOW}
    requests: list[Record] = [
        {"requester": m.requester, "requested": m.requested, "priority": "높음" if m.slot % 3 else "보통"}
        for m in meetings
    ]
    return SpringEvent(
        event=spring_event_definition(),
        participants=people,
        requests=requests,
        meetings=_tables(meetings),
        check_ins=arrivals,
        absent={NO_SHOW: MARKED_ABSENT_AT},
    )
