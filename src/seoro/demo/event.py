"""The demo brokerage event: a day of 1:1 partnering meetings between Hanbit's regional firms and
institutes and overseas partners from the demo directory (all fictional, like the province).

CONTEXT's brokerage formats are seminars, consultation sessions and **1:1 company matching**; this is
the last: a morning and an afternoon session of 20-minute slots with a coffee break in each, nine
numbered tables and a booth the energy institute keeps all day, meetings only between a regional and
an overseas participant, each side with a cap, and interpreters (ko-en, ko-ja) for pairs without a
shared language.

Participants, interpreters and requests are records keyed by the columns of
:mod:`seoro.files.event_columns`, with values as the reader yields them ("오전", "필수", e-mails), so
the demo loader imports them the way a real file is imported. Everyone refers to people by e-mail.
Experts come from the directory without a language column: the import takes their languages from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from seoro.demo.common import Record, compact, rng_for, text_of, texts_of
from seoro.demo.firms import FIRMS, Firm, firm_email
from seoro.demo.organisations import ZONE_CORE
from seoro.demo.people import build_experts
from seoro.domain.events import Event, ParticipationType, Session, Table
from seoro.domain.text import BilingualText

DAY = date(2026, 10, 14)
REGIONAL, OVERSEAS = "지역기업", "해외 파트너"
BOOTH_TABLE = 10
# How many overseas experts of each main field are invited (the firms' fields, hydrogen and batteries first).
INVITED = {"S07": 5, "S02": 6, "S09": 4, "S03": 3, "S01": 3, "S05": 2, "S11": 1, "S06": 2}
DELEGATION_EMPLOYER = "Boreal Hydrogen Systems Inc."  # its experts come as one delegation
EXTRA_DELEGATES = {  # firm → (second delegate, their e-mail user, languages): a delegation of two
    "(주)한빛수소테크": ("이준서", "cto", ["ko", "en"]),
    "(주)한빛배터리소재": ("정하윤", "global", ["ko", "en"]),
}
WALK_INS = (  # a fictional Japanese firm, not in the directory: their languages need a ko-ja interpreter
    ("Haruto Sato", "haruto.sato@setouchi-h2.example.com"),
    ("Yui Tanaka", "yui.tanaka@setouchi-h2.example.com"),
)
WALK_IN_ORGANISATION = "Setouchi Hydrogen Works K.K."


@dataclass(frozen=True)
class DemoEvent:
    """The event (no booth host yet: the participants' 부스 column names it), and its spreadsheets.

    ``recommended``: (requester, requested, score) pairs staff add from shared technology fields, as
    ``seoro event recommend`` does from match scores. ``lock``: (requester, requested, slot number
    from 1, table number) of the opening meeting staff pin before scheduling.
    """

    event: Event
    participants: list[Record]
    interpreters: list[Record]
    requests: list[Record]
    recommended: list[tuple[str, str, float]]
    lock: tuple[str, str, int, int]


def demo_event_definition() -> Event:
    breaks_am, breaks_pm = ((time(10, 50), time(11, 10)),), ((time(15, 10), time(15, 30)),)
    return Event(
        name=BilingualText("2026 한빛 국제 기술협력 상담회", "2026 Hanbit International Technology Partnering Days"),
        venue="새솔컨벤션센터 / Saesol Convention Center",
        timezone="Asia/Seoul",
        auto_accept=True,
        request_expiry_hours=72,
        cross_type_only=True,
        max_in_a_row=4,
        sessions=[
            Session(
                "am", DAY, time(9, 30), 20, end=time(12, 10), name=BilingualText("오전", "Morning"), breaks=breaks_am
            ),
            Session(
                "pm", DAY, time(13, 30), 20, end=time(16, 50), name=BilingualText("오후", "Afternoon"), breaks=breaks_pm
            ),
        ],
        tables=[Table(n, f"T{n}", seats=6 if n <= 2 else 4) for n in range(1, BOOTH_TABLE)]
        + [Table(BOOTH_TABLE, f"부스 {BOOTH_TABLE}", seats=4)],
        types=[
            ParticipationType("regional", BilingualText(REGIONAL, "Regional firm"), max_meetings=8),
            ParticipationType("overseas", BilingualText(OVERSEAS, "Overseas partner"), max_meetings=10),
        ],
    )


def _top(code: str) -> str:
    return code if code.startswith("R.") else code.split(".")[0]


def _overlap(a: list[str], b: list[str]) -> float:
    """1 for a shared field, 0.5 for a shared top-level field only, else 0."""
    if set(a) & set(b):
        return 1.0
    return 0.5 if {_top(x) for x in a} & {_top(x) for x in b} else 0.0


@dataclass(frozen=True)
class _Person:
    email: str
    fields: list[str]
    regional: bool
    lead: bool  # the one who asks and is asked for a delegation
    label: str  # what messages call them


def _firms() -> list[Firm]:
    """Firms with a national field the invited experts work in (agri-bio and defence-only firms stay home)."""
    return [f for f in FIRMS if {_top(x) for x in f.fields} & set(INVITED)]


def _availability(rng_value: float) -> str:
    if rng_value < 0.1:
        return "오전"
    if rng_value < 0.2:
        return "오후"
    if rng_value < 0.27:
        return "09:30-11:30, 14:00-16:50"
    return ""


def _regional() -> tuple[list[Record], list[_Person]]:
    rng = rng_for("event/regional")
    records: list[Record] = []
    people: list[_Person] = []
    for i, firm in enumerate(_firms()):
        email = firm_email(firm)
        delegation = firm.name_ko if firm.name_ko in EXTRA_DELEGATES else ""
        languages = ["ko", "en"] if i % 4 == 3 else ["ko"]
        type_ = REGIONAL if i % 2 else "regional"  # staff write the type's name or its code
        records.append(
            compact(
                {
                    "name_ko": firm.contact_name,
                    "organisation": firm.name_ko,
                    "email": email,
                    "type": type_,
                    "languages": languages,
                    "availability": _availability(rng.random()),
                    "delegation": delegation,
                }
            )
        )
        people.append(_Person(email, list(firm.fields), True, True, firm.needs[0].title_ko))
        if delegation:
            name, user, langs = EXTRA_DELEGATES[firm.name_ko]
            extra = f"{user}@{email.split('@')[1]}"
            second: Record = {"name_ko": name, "organisation": firm.name_ko, "email": extra, "type": type_}
            records.append(second | {"languages": langs, "delegation": delegation})
    for name, organisation, email, fields, booth in (
        ("정다은", ZONE_CORE, "global-rnd@heri.example.org", ["S07", "S02"], str(BOOTH_TABLE)),
        ("문서진", "한빛과학기술원", "global-rnd@hist.example.org", ["S12", "S05", "S09"], ""),
    ):
        record = {"name_ko": name, "organisation": organisation, "email": email, "type": REGIONAL}
        records.append(
            compact(record | {"languages": ["ko", "en"], "booth": booth, "max_meetings": 12 if booth else 0})
        )
        people.append(_Person(email, fields, True, True, organisation))
    return records, people


def _overseas() -> tuple[list[Record], list[_Person]]:
    rng = rng_for("event/overseas")
    experts = [e for e in build_experts() if e["country"] != "KR"]
    wanted = dict(INVITED)
    chosen = [e for e in experts if DELEGATION_EMPLOYER in texts_of(e, "affiliations")]
    for e in experts:
        top = _top(texts_of(e, "fields")[0])
        if e not in chosen and wanted.get(top, 0) > 0:
            wanted[top] -= 1
            chosen.append(e)
    records: list[Record] = []
    people: list[_Person] = []
    for i, e in enumerate(chosen):
        employer = texts_of(e, "affiliations")[0]
        delegation = "Boreal Hydrogen" if employer == DELEGATION_EMPLOYER else ""
        lead = not delegation or not any(p.email.endswith("borealh2.example.com") for p in people)
        record = {
            "name_en": text_of(e, "name_en"),
            "name_ko": e.get("name_ko", ""),
            "organisation": employer,
            "email": text_of(e, "email"),
            "type": OVERSEAS if i % 3 else "overseas",
            "availability": "오후" if rng.random() < 0.12 else "",
            "delegation": delegation,
        }
        records.append(compact(record))
        if lead:
            people.append(_Person(text_of(e, "email"), texts_of(e, "fields"), False, True, text_of(e, "name_en")))
    for n, (name, email) in enumerate(WALK_INS):
        walk_in: Record = {"name_en": name, "organisation": WALK_IN_ORGANISATION, "email": email, "type": OVERSEAS}
        records.append(
            walk_in | {"languages": ["ja"], "delegation": "Setouchi", "availability": "오전" if n else "전일"}
        )
    people.append(_Person(WALK_INS[0][1], ["S07.02", "S07.03"], False, True, WALK_IN_ORGANISATION))
    return records, people


def _requests(regional: list[_Person], overseas: list[_Person]) -> list[Record]:
    rng = rng_for("event/requests")
    asked: set[tuple[str, str]] = set()
    out: list[Record] = []

    def ask(a: _Person, b: _Person, priority: str, message: str) -> None:
        if (a.email, b.email) not in asked:
            asked.add((a.email, b.email))
            out.append(compact({"requester": a.email, "requested": b.email, "priority": priority, "message": message}))

    for firm in regional:
        ranked = sorted(overseas, key=lambda o: (-_overlap(firm.fields, o.fields), rng.random()))
        for k, partner in enumerate(ranked[: rng.choice((3, 3, 4, 4))]):
            first = "필수" if rng.random() < 0.3 else "높음"
            ask(firm, partner, first if k == 0 else rng.choice(("높음", "보통", "보통", "3")), firm.label)
    for expert in overseas:
        ranked = sorted(regional, key=lambda r: (-_overlap(expert.fields, r.fields), rng.random()))
        for partner in ranked[: rng.choice((0, 1, 1, 2))]:
            ask(expert, partner, rng.choice(("high", "normal", "2", "보통")), f"About your need: {partner.label}")
    return out


def _recommended(
    regional: list[_Person], overseas: list[_Person], requests: list[Record]
) -> list[tuple[str, str, float]]:
    """The best-overlapping pairs nobody asked for yet, scored like a mutual match (0.6 to 0.9)."""
    asked = {frozenset((text_of(r, "requester"), text_of(r, "requested"))) for r in requests}
    pairs = [
        (a.email, b.email, _overlap(a.fields, b.fields))
        for a in regional
        for b in overseas
        if frozenset((a.email, b.email)) not in asked and _overlap(a.fields, b.fields) > 0
    ]
    pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
    return [(a, b, round(0.6 + 0.3 * score, 2)) for a, b, score in pairs[:5]]


def build_demo_event() -> DemoEvent:
    regional_records, regional = _regional()
    overseas_records, overseas = _overseas()
    requests = _requests(regional, overseas)
    host = next(p for p in regional if p.email == firm_email(FIRMS[0]))
    guest = next(p for p in overseas if p.email.endswith("borealh2.example.com"))
    # the opening meeting, in front of the press: first slot, table 1
    requests = [r for r in requests if {r["requester"], r["requested"]} != {host.email, guest.email}]
    requests.insert(0, {"requester": host.email, "requested": guest.email, "priority": "필수", "message": "개막 미팅"})
    interpreters: list[Record] = [
        {"name": "박통역", "languages": ["ko", "en"], "availability": "전일"},
        {"name": "Emily Seo", "languages": ["ko", "en"], "availability": "오후"},
        {"name": "사토 미카", "languages": ["ko", "ja"], "availability": "전일"},
    ]
    return DemoEvent(
        event=demo_event_definition(),
        participants=regional_records + overseas_records,
        interpreters=interpreters,
        requests=requests,
        recommended=_recommended(regional, overseas, requests),
        lock=(host.email, guest.email, 1, 1),
    )
