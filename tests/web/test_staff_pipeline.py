"""The follow-up pipeline's staff pages over HTTP against a real server (SQLite and PostgreSQL): the lead
list with its filters and counts per stage, a lead's page with the moves its stage allows (a refused
move writes nothing), leads opened by hand, from a match and from a meeting held, the follow-up page
of an event, reminders e-mailed through a real SMTP server (aiosmtpd), and the outcome report with
its three files. Participants get 403 on every one of these pages and forms."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from html import unescape
from typing import Any
from urllib.parse import quote

import httpx
import openpyxl
import pytest

from seoro.domain.accounts import Role
from seoro.domain.pipeline import Side, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind
from seoro.services import accounts as acc
from seoro.services import follow_up as fu
from seoro.services import pipeline as pl
from tests.mail_server import Inbox, free_port
from tests.services.pipeline_rows import AFTER, DAY, Held, counts, held_day
from tests.web.conftest import STAFF, Server, csrf_of, signed_in

pytestmark = pytest.mark.e2e
S = LeadStage
GUEST = ("hanbit@guest.example", "participant password 1")
PAGES = ["/leads", "/leads/new", "/leads/{lead}", "/events/{event}/follow-ups", "/reminders", "/report", "/report.css",
         "/report/strengths", "/report.html", "/report.xlsx", "/report.pdf"]  # fmt: skip
POSTS = ["/leads/new", "/leads/{lead}/steps", "/leads/{lead}/edit", "/directory/profiles/{need}/leads",
         "/events/{event}/follow-ups/{meeting}/arrange", "/events/{event}/follow-ups/{meeting}/lead",
         "/reminders/send"]  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Setup:
    """A partnering day already held (``tests.services.pipeline_rows``) and a staff member signed in."""

    server: Server
    held: Held
    staff: httpx.Client


@pytest.fixture
def setup(live_server: Server) -> Setup:
    return Setup(live_server, held_day(live_server.db), signed_in(live_server, *STAFF))


def _texts(html: str, testid: str) -> list[str]:
    return [unescape(x).strip() for x in re.findall(rf'data-testid="{testid}"[^>]*>([^<]*)<', html)]


def _ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-testid="lead-(\d+)"', html)]


def _meeting_lead(s: Setup, key: str, **details: Any) -> int:
    lead = pl.open_from_meeting(s.server.db, s.held.event_id, s.held.meetings[key], pl.LeadDetails(**details),
                                actor="test", at=AFTER)  # fmt: skip
    assert lead.id is not None
    return lead.id


def _hand_lead(s: Setup, **details: Any) -> int:
    h = s.held
    details = {"on": DAY} | details  # the day of the event, so that later steps may be dated in spring
    lead = pl.open_lead(s.server.db, Side(h.saesol), Side(None, h.loner), pl.LeadDetails(**details), actor="test")
    assert lead.id is not None
    return lead.id


def test_the_list_counts_leads_per_stage_and_filters_them(setup: Setup) -> None:
    s, due = setup, DAY + timedelta(days=7)
    met = _meeting_lead(s, "hanbit_grace", programme="2026 글로벌", owner="kim@agency.example",
                        next_action="시험 데이터 보내기", due=due)  # fmt: skip
    other = _meeting_lead(s, "saesol_hanbit", owner="lee@agency.example")
    contacted = _hand_lead(s, next_action="call back", due=date.today() + timedelta(days=30))
    pl.advance(s.server.db, other, Step(S.CLOSED, DAY, reason=CloseReason.NO_FIT), actor="test")
    page = s.staff.get("/leads").text
    assert sorted(_ids(page)) == sorted([met, other, contacted])
    counted = {k: _texts(page, f"count-{k}") for k in ("all", "contacted", "met", "follow_up", "closed")}
    assert counted == {"all": ["3"], "contacted": ["1"], "met": ["1"], "follow_up": ["0"], "closed": ["1"]}
    assert _texts(page, f"stage-{met}") == ["미팅"] and _texts(page, f"stage-{other}") == ["종결"]
    assert _texts(page, f"overdue-{met}") == [f"기한 {due.isoformat()}"]  # overdue: highlighted
    assert f'data-testid="overdue-{contacted}"' not in page  # due later: not highlighted
    filters = {
        "stage=met": [met], "stage=closed": [other], "programme=2026 글로벌": [met],
        "owner=lee@agency.example": [other], "overdue=1": [met], f"event={s.held.event_id}": [met, other],
        "event=999": [],
    }  # fmt: skip
    found = {q: sorted(_ids(s.staff.get(f"/leads?{q}").text)) for q in filters}
    assert found == filters
    filtered = s.staff.get("/leads", params={"stage": "met", "event": str(s.held.event_id)}).text
    assert _texts(filtered, "count-met") == ["1"] and _texts(filtered, "total") == ["1건"]


def test_a_lead_page_shows_parties_origin_steps_and_only_the_moves_allowed(setup: Setup) -> None:
    s = setup
    lead = _meeting_lead(s, "hanbit_grace", owner="kim@agency.example", next_action="NDA", due=DAY)
    page = s.staff.get(f"/leads/{lead}").text
    assert _texts(page, "lead-title") == ["수소연료전지 스택 내구성 향상"]
    parties = page.split('data-testid="parties"', 1)[1].split("</ul>", 1)[0]
    assert "한빛수소" in parties and "그레이스 리 (토론토대학교)" in parties
    assert f'href="/directory/organisations/{s.held.hanbit}"' in parties
    assert f'href="/directory/experts/{s.held.grace}"' in parties
    assert _texts(page, "origin") == ["2026 새솔 기술협력 상담회"]
    assert page.count('data-testid="step"') == 1 and _texts(page, "owner") == ["kim@agency.example"]
    moves = re.findall(r'data-testid="move-([a-z_]+)"', page)
    assert moves == ["follow_up", "agreement", "result", "closed"]  # MOVES from met, in the funnel's order
    hand = s.staff.get(f"/leads/{_hand_lead(s)}").text
    assert re.findall(r'data-testid="move-([a-z_]+)"', hand) == ["met", "closed"]
    assert _texts(hand, "origin") == []  # entered by hand


def test_an_allowed_step_is_saved_and_an_illegal_one_is_refused_with_nothing_written(setup: Setup) -> None:
    s = setup
    lead = _hand_lead(s)
    token = csrf_of(s.staff.get(f"/leads/{lead}").text)
    before = counts(s.server.db)
    r = s.staff.post(f"/leads/{lead}/steps", data={"csrf": token, "stage": "agreement", "on": "2026-04-02"})
    assert r.status_code == 422
    assert _texts(r.text, "refused") == [
        "'접촉' 단계에서 '협약(MOU)' 단계로 갈 수 없습니다 (가능한 다음 단계: 미팅, 종결)."
    ]
    assert counts(s.server.db) == before and pl.get_lead(s.server.db, lead).stage is S.CONTACTED
    assert 'data-testid="move-agreement"' not in r.text  # the page is the lead's again, with its own moves

    data = {"csrf": token, "stage": "met", "on": "2026-04-02", "note": "첫 화상 회의", "next_action": "샘플 보내기",
            "due": "2026-04-20"}  # fmt: skip
    r = s.staff.post(f"/leads/{lead}/steps", data=data)
    assert (r.status_code, r.headers["location"]) == (303, f"/leads/{lead}")
    step = pl.get_lead(s.server.db, lead).steps[-1]
    assert (step.stage, step.on, step.note, step.next_action, step.due) == (
        S.MET, date(2026, 4, 2), "첫 화상 회의", "샘플 보내기", date(2026, 4, 20)
    )  # fmt: skip
    assert step.by.startswith("account:")
    page = s.staff.get(f"/leads/{lead}").text
    assert _texts(page, "notice") == [f"협력 건 {lead}의 다음 단계를 기록했습니다."]
    assert page.count('data-testid="step"') == 2 and _texts(page, "stage") == ["미팅"]

    earlier = s.staff.post(f"/leads/{lead}/steps", data={"csrf": token, "stage": "result", "on": "2026-04-01",
                                                         "result_kind": "investment"})  # fmt: skip
    assert earlier.status_code == 422
    assert _texts(earlier.text, "refused") == [
        "새 단계의 날짜 2026-04-01이(가) 직전 단계의 날짜 2026-04-02보다 앞섭니다."
    ]
    assert 'value="2026-04-01"' in earlier.text  # what was typed comes back on the form
    bad = s.staff.post(f"/leads/{lead}/steps", data={"csrf": token, "stage": "result", "on": "2026-04-03",
                                                     "result_kind": "investment", "amount": "삼억"})  # fmt: skip
    assert _texts(bad.text, "refused") == [
        "'삼억'은(는) 금액이 아닙니다. 원 단위 숫자로 쓰세요 (예: 300000000 또는 300,000,000)."
    ]
    assert counts(s.server.db)["lead_steps"] == before["lead_steps"] + 1


def test_a_result_a_closing_and_an_mou_carry_what_their_stage_needs(setup: Setup) -> None:
    s = setup
    lead = _meeting_lead(s, "hanbit_grace")
    token = csrf_of(s.staff.get(f"/leads/{lead}").text)
    agreements = counts(s.server.db)["agreements"]
    mou = {"csrf": token, "stage": "agreement", "on": "2026-04-02", "mou": "1", "agreement_ko": "스택 내구성 공동연구 협약",
           "scope": "스택 내구성 공동연구\nJoint test bench", "place": "토론토", "next_action": "kick-off", "due": "2026-05-01",
           "signatory_0": "김한빛 대표", "contact_0": "김도윤", "email_0": "doyun@hanbit.example",
           "contact_1": "Grace Lee", "follow_ups": "2026-09-30 토론토 방문\nStudent exchange"}  # fmt: skip
    assert 'name="signatory_1"' in s.staff.get(f"/leads/{lead}").text  # both sides have an organisation
    assert s.staff.post(f"/leads/{lead}/steps", data=mou).status_code == 303
    result = {
        "csrf": token,
        "stage": "result",
        "on": "2026-06-01",
        "result_kind": "investment",
        "amount": "300,000,000",
    }
    assert s.staff.post(f"/leads/{lead}/steps", data=result).status_code == 303
    steps = pl.get_lead(s.server.db, lead).steps
    assert counts(s.server.db)["agreements"] == agreements + 1 and steps[1].agreement_id is not None
    assert (steps[2].result_kind, steps[2].amount_krw) == (ResultKind.INVESTMENT, 300_000_000)
    with s.server.db.reading() as unit:
        mou_record = unit.agreements.get(steps[1].agreement_id)
    assert [(p.signatory, p.contact_name, p.contact_email) for p in mou_record.parties] == [
        ("김한빛 대표", "김도윤", "doyun@hanbit.example"), ("", "Grace Lee", "")
    ]  # fmt: skip
    assert [(f.description.ko or f.description.en, f.due) for f in mou_record.follow_ups] == [
        ("토론토 방문", date(2026, 9, 30)), ("Student exchange", None)
    ]  # fmt: skip
    page = s.staff.get(f"/leads/{lead}").text
    assert _texts(page, "agreement") == [f"협약 {steps[1].agreement_id}: 스택 내구성 공동연구 협약"]
    assert '투자 유치 · <span class="num">300,000,000원</span>' in page
    closed = {"csrf": token, "stage": "closed", "on": "2026-07-01"}
    r = s.staff.post(f"/leads/{lead}/steps", data=closed)  # no reason: the core asks for one
    assert (r.status_code, _texts(r.text, "refused")) == (422, ["종결 단계에는 종결 사유가 있어야 합니다."])
    r = s.staff.post(f"/leads/{lead}/steps", data=closed | {"reason": "no_response"})
    assert _texts(r.text, "refused") == [
        "'성과' 단계에서 '종결' 단계로 갈 수 없습니다 (가능한 다음 단계: 후속 미팅, 협약(MOU), 성과)."
    ]
    other = _hand_lead(s)
    assert s.staff.post(f"/leads/{other}/steps", data=closed | {"reason": "no_response"}).status_code == 303
    page = s.staff.get(f"/leads/{other}").text
    assert (_texts(page, "no-moves") != [], "응답 없음" in page) == (True, True)


def test_owner_programme_and_title_are_edited_and_a_bad_address_is_refused(setup: Setup) -> None:
    s = setup
    lead = _hand_lead(s)
    token = csrf_of(s.staff.get(f"/leads/{lead}").text)
    data = {"csrf": token, "title_ko": "배터리 공동연구", "title_en": "Battery project", "programme": "2026 글로벌",
            "owner": "Kim@Agency.example"}  # fmt: skip
    assert s.staff.post(f"/leads/{lead}/edit", data=data).status_code == 303
    after = pl.get_lead(s.server.db, lead)
    assert (after.title, after.programme, after.owner) == (
        BilingualText("배터리 공동연구", "Battery project"), "2026 글로벌", "kim@agency.example"
    )  # fmt: skip
    r = s.staff.post(f"/leads/{lead}/edit", data=data | {"owner": "kim at agency"})
    assert (r.status_code, _texts(r.text, "refused")) == (422, ['"kim at agency"은(는) 이메일 주소가 아닙니다.'])
    assert 'value="kim at agency"' in r.text and pl.get_lead(s.server.db, lead).owner == "kim@agency.example"
    fields = after.fields  # the form above sent no fields: they were kept
    assert s.staff.post(f"/leads/{lead}/edit", data=data | {"fields": "수소, S02"}).status_code == 303
    assert (fields != (), pl.get_lead(s.server.db, lead).fields) == (True, ("S07", "S02"))
    assert 'value="S07, S02"' in s.staff.get(f"/leads/{lead}").text
    r = s.staff.post(f"/leads/{lead}/edit", data=data | {"fields": "S07, 우주정거장"})
    assert (r.status_code, pl.get_lead(s.server.db, lead).fields, len(_texts(r.text, "refused"))) == (
        422, ("S07", "S02"), 1
    )  # fmt: skip


def test_a_lead_is_opened_by_hand_between_two_parties(setup: Setup) -> None:
    s, h = setup, setup.held
    page = s.staff.get("/leads/new", params={"q": "한빛"}).text
    assert f'<option value="{h.hanbit}"' in page and f'<option value="{h.saesol}"' not in page  # the search narrows
    token = csrf_of(page)
    data = {"csrf": token, "a_org": str(h.hanbit), "b_expert": str(h.grace), "stage": "met", "on": "2026-03-11",
            "owner": "kim@agency.example", "next_action": "NDA", "due": "2026-03-20"}  # fmt: skip
    r = s.staff.post("/leads/new", data=data)
    assert r.status_code == 303
    lead = pl.get_lead(s.server.db, int(r.headers["location"].rsplit("/", 1)[1]))
    assert (lead.sides, lead.stage, lead.started, lead.owner) == (
        (Side(h.hanbit), Side(h.toronto, h.grace)), S.MET, date(2026, 3, 11), "kim@agency.example"
    )  # fmt: skip
    assert lead.title.ko == "수소연료전지 스택 내구성 향상"  # Hanbit's need
    before = counts(s.server.db)
    same = s.staff.post("/leads/new", data=data | {"b_expert": "", "b_org": str(h.hanbit)})
    assert (same.status_code, _texts(same.text, "refused")) == (
        422, ["협력 건의 두 당사자가 같습니다. 서로 다른 두 당사자를 지정하세요."]
    )  # fmt: skip
    nobody = s.staff.post("/leads/new", data=data | {"a_org": ""})
    assert _texts(nobody.text, "refused") == ["협력 건의 양쪽에는 기관이나 전문가가 있어야 합니다."]
    assert counts(s.server.db) == before


def test_a_lead_is_opened_from_a_match(demo: Server) -> None:
    staff = signed_in(demo, *STAFF)
    page = staff.get("/directory/profiles/1/matches").text
    candidate = re.findall(r'data-testid="open-lead-(expert:\d+)"', page)[0]
    r = staff.post("/directory/profiles/1/leads", data={"csrf": csrf_of(page), "candidate": candidate})
    assert r.status_code == 303
    lead = pl.get_lead(demo.db, int(r.headers["location"].rsplit("/", 1)[1]))
    assert (lead.profile_id, lead.sides[1].expert_id, lead.stage) == (1, int(candidate.split(":")[1]), S.CONTACTED)
    shown = staff.get(r.headers["location"]).text
    assert _texts(shown, "origin") == ["수소연료전지 스택 내구성 향상 기술"]
    assert _texts(shown, "notice") == [f"협력 건 {lead.id}을(를) 만들었습니다."]
    wrong = staff.post("/directory/profiles/1/leads", data={"csrf": csrf_of(page), "candidate": "profile:3"})
    assert wrong.headers["location"] == "/directory/profiles/1/matches"
    assert _texts(staff.get(wrong.headers["location"]).text, "notice") == [
        "'profile:3'은(는) 다음 중 하나가 아닙니다: expert:ID, organisation:ID"
    ]


def test_the_follow_up_page_shows_every_meeting_held_and_arranges_one(setup: Setup) -> None:
    s, h = setup, setup.held
    db, m, p, e = s.server.db, h.meetings, h.people, h.event_id
    fu.record_wish(db, e, m["saesol_hanbit"], p["saesol"], True, False, actor="test")
    fu.record_wish(db, e, m["hanbit_grace"], p["hanbit"], True, True, actor="test")
    fu.record_wish(db, e, m["hanbit_grace"], p["grace"], True, True, actor="test")
    fu.record_wish(db, e, m["loner_saesol"], p["loner"], False, actor="test")
    page = s.staff.get(f"/events/{e}/follow-ups").text
    order = [int(x) for x in re.findall(r'data-testid="meeting-(\d+)"', page)]
    assert order == [m["hanbit_grace"], m["saesol_hanbit"], m["walkin_grace"], m["grace_saesol"], m["loner_saesol"]]
    figures = [_texts(page, f"count-{k}") for k in ("held", "wanted", "both")]
    assert figures == [["5"], ["2"], ["1"]] and 'aria-current="page" data-testid="follow-ups-tab"' in page
    cards = dict(zip(order, page.split('data-testid="meeting-')[1:], strict=True))
    assert _texts(cards[m["hanbit_grace"]], "wish") == ["양쪽 모두 희망"]
    assert _texts(cards[m["hanbit_grace"]], "answer") == ["후속 희망 · 온라인", "후속 희망 · 온라인"]
    assert _texts(cards[m["saesol_hanbit"]], "wish") == ["한쪽 희망"]
    assert _texts(cards[m["saesol_hanbit"]], "answer") == ["후속 희망 · 다음 행사에서", "응답 없음"]
    assert _texts(cards[m["loner_saesol"]], "answer") == ["희망 안 함", "응답 없음"]

    token = csrf_of(page)
    due = (date.today() + timedelta(days=14)).isoformat()
    r = s.staff.post(f"/events/{e}/follow-ups/{m['hanbit_grace']}/arrange",
                     data={"csrf": token, "how": "online", "due": due, "note": "화상 회의"})  # fmt: skip
    assert (r.status_code, r.headers["location"]) == (303, f"/events/{e}/follow-ups#meeting-{m['hanbit_grace']}")
    (lead,) = pl.list_leads(db)
    assert [x.stage for x in lead.steps] == [S.MET, S.FOLLOW_UP] and lead.steps[-1].due == date.fromisoformat(due)
    page = s.staff.get(f"/events/{e}/follow-ups").text
    assert _texts(page, "notice") == [
        f"미팅 {m['hanbit_grace']}의 후속 미팅을 협력 건 {lead.id}에 기록했습니다 (기한 {due})."
    ]
    assert _texts(page, "lead-link") == [f"협력 건 {lead.id}"]

    before = counts(db)
    r = s.staff.post(f"/events/{e}/follow-ups/{m['absent_hanbit']}/arrange", data={"csrf": token, "due": due})
    assert _texts(s.staff.get(r.headers["location"]).text, "notice") == [
        f"미팅 {m['absent_hanbit']}은(는) 행사 {e}에서 열리지 않았습니다 (시간표에 없거나, 한쪽이 불참·취소했거나, 아직 시작 전입니다)."
    ]
    r = s.staff.post(f"/events/{e}/follow-ups/{m['walkin_grace']}/lead", data={"csrf": token})
    assert _texts(s.staff.get(r.headers["location"]).text, "notice") == [
        "방문객 (Visitor)은(는) 디렉터리의 기관이나 전문가와 연결되어 있지 않습니다. 먼저 참가자를 연결하세요."
    ]
    assert counts(db) == before
    r = s.staff.post(f"/events/{e}/follow-ups/{m['saesol_hanbit']}/lead", data={"csrf": token})
    opened = pl.list_leads(db)[-1]
    assert (r.headers["location"], opened.request_id, opened.stage) == (
        f"/leads/{opened.id}",
        m["saesol_hanbit"],
        S.MET,
    )


@pytest.fixture
def overdue(setup: Setup) -> Setup:
    """Two leads with an overdue next action (one with an owner, one without) and one due later."""
    _meeting_lead(setup, "hanbit_grace", owner="kim@agency.example", next_action="시험 데이터 보내기",
                  due=DAY + timedelta(days=7))  # fmt: skip
    _meeting_lead(setup, "saesol_hanbit", next_action="NDA draft", due=DAY + timedelta(days=14))
    _hand_lead(setup, owner="lee@agency.example", next_action="call back", due=date.today() + timedelta(days=30))
    return setup


def _mail_server(server: Server, port: int) -> None:
    assert server.app is not None
    server.app.state.settings = dataclasses.replace(
        server.app.state.settings, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False,
        smtp_from="seoro@agency.example",
    )  # fmt: skip


def test_reminders_are_listed_and_sent_once_through_the_mail_server(overdue: Setup, inbox: tuple[Inbox, int]) -> None:
    s, (box, port) = overdue, inbox
    page = s.staff.get("/reminders").text
    assert _texts(page, "due-count") == ["2"] and _texts(page, "not-configured") != []
    token = csrf_of(page)
    r = s.staff.post("/reminders/send", data={"csrf": token})
    assert (r.status_code, _texts(r.text, "smtp-error")) == (
        503, ["메일 서버가 설정되어 있지 않습니다. SEORO_SMTP_HOST와 SEORO_SMTP_FROM을 설정하세요 (docs/settings.md)."]
    )  # fmt: skip
    _mail_server(s.server, free_port())  # nothing listens there
    r = s.staff.post("/reminders/send", data={"csrf": token})
    assert r.status_code == 502 and _texts(r.text, "smtp-error")[0].startswith("메일 서버 127.0.0.1:")
    assert box.messages == []

    _mail_server(s.server, port)
    r = s.staff.post("/reminders/send", data={"csrf": token})
    assert (r.status_code, _texts(r.text, "sent-count"), _texts(r.text, "unowned-count")) == (
        200, ["알림 1건을 보냈습니다."], ["담당자가 없어 보내지 않은 알림 1건: 협력 건에 담당자를 지정하세요."]
    )  # fmt: skip
    assert [to for to, _m in box.messages] == [["kim@agency.example"]]
    assert "시험 데이터 보내기" in box.messages[0][1].get_content()
    assert _texts(r.text, "due-count") == ["1"]  # the unowned one is still due
    again = s.staff.post("/reminders/send", data={"csrf": token})
    assert _texts(again.text, "sent-count") == ["알림 0건을 보냈습니다."] and len(box.messages) == 1  # once only


def test_the_report_page_embeds_the_report_and_downloads_its_three_files(setup: Setup) -> None:
    s = setup
    lead = _meeting_lead(s, "hanbit_grace", programme="2026 글로벌")
    pl.advance(s.server.db, lead, Step(S.RESULT, date(2026, 6, 1), result_kind=ResultKind.INVESTMENT,
                                       amount_krw=300_000_000), actor="test")  # fmt: skip
    query = {"programme": "2026 글로벌", "from": "2026-01-01", "to": "2026-12-31"}
    r = s.staff.get("/report", params=query)
    assert r.status_code == 200
    assert "<style" not in r.text and ' style="' not in r.text  # the policy allows no inline style
    assert "style-src 'self'" in r.headers["content-security-policy"]
    assert '<link rel="stylesheet" href="/report.css">' in r.text
    assert '<div class="seoro-report">' in r.text and "<svg" in r.text and "전환 퍼널" in r.text
    links = re.findall(r'data-testid="download-(\w+)"', r.text)
    assert links == ["html", "xlsx", "pdf"]
    assert "/report.pdf?programme=2026+%EA%B8%80%EB%A1%9C%EB%B2%8C&amp;from=2026-01-01&amp;to=2026-12-31" in r.text
    css = s.staff.get("/report.css")
    assert (css.status_code, css.headers["content-type"], ".seoro-report h2" in css.text) == (
        200, "text/css; charset=utf-8", True
    )  # fmt: skip
    assert "body {" not in css.text  # the page's own layout stays
    kinds = {
        "html": "text/html; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
    }
    files = {fmt: s.staff.get(f"/report.{fmt}", params=query) for fmt in kinds}
    assert {fmt: (f.status_code, f.headers["content-type"]) for fmt, f in files.items()} == {
        fmt: (200, kind) for fmt, kind in kinds.items()
    }
    assert files["pdf"].content.startswith(b"%PDF")
    assert (
        files["pdf"]
        .headers["content-disposition"]
        .endswith("filename*=UTF-8''" + quote("report-2026-글로벌-2026-01-01-2026-12-31.pdf"))
    )
    assert "<html" in files["html"].text and "전환 퍼널" in files["html"].text
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"].content))
    assert "전환 퍼널" in book.sheetnames
    reversed_period = s.staff.get("/report", params={"from": "2026-12-31", "to": "2026-01-01"})
    assert reversed_period.status_code == 422 and _texts(reversed_period.text, "refused") != []
    assert 'data-testid="report"' not in reversed_period.text


def test_the_strengths_table_per_field(setup: Setup) -> None:
    s = setup
    lead = _meeting_lead(s, "hanbit_grace")
    pl.advance(s.server.db, lead, Step(S.RESULT, date(2026, 6, 1), result_kind=ResultKind.JOINT_PROJECT),
               actor="test")  # fmt: skip
    page = s.staff.get("/report/strengths", params={"field": "S07"}).text
    assert re.findall(r'data-testid="strengths-(\w+)"', page) == ["S07"]
    places = page.split('data-testid="institutions-S07"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<a href="/directory/organisations/(\d+)">([^<]+)</a></td><td class="num">(\d+)</td>', places)
    assert rows == [(str(s.held.toronto), "토론토대학교", "1"), (str(s.held.hanbit), "한빛수소", "1")]
    everything = s.staff.get("/report/strengths").text
    assert re.findall(r'data-testid="strengths-(\w+)"', everything) == ["S02", "S07"]
    unknown = s.staff.get("/report/strengths", params={"field": "아틀란티스"})
    assert unknown.status_code == 422 and _texts(unknown.text, "refused") != []


@pytest.fixture
def guest(setup: Setup) -> Iterator[httpx.Client]:
    acc.create_account(setup.server.db, email=GUEST[0], name="김도윤", role=Role.PARTICIPANT, password=GUEST[1],
                       participant_id=setup.held.people["hanbit"], now=datetime.now(UTC), actor="test")  # fmt: skip
    yield signed_in(setup.server, *GUEST)


def _urls(s: Setup, lead: int, urls: list[str]) -> list[str]:
    h = s.held
    return [u.format(lead=lead, event=h.event_id, meeting=h.meetings["hanbit_grace"], need=h.need) for u in urls]


def test_participants_get_403_on_every_pipeline_page_and_form(setup: Setup, guest: httpx.Client) -> None:
    lead = _hand_lead(setup)
    pages = _urls(setup, lead, PAGES)
    assert [guest.get(url).status_code for url in pages] == [403] * len(pages)
    token = csrf_of(guest.get("/me").text)
    posts = _urls(setup, lead, POSTS)
    data = {"csrf": token, "participant": "1", "stage": "final"}  # as test_staff_pages posts: no other field
    assert [guest.post(url, data=data).status_code for url in posts] == [403] * len(posts)
    assert pl.get_lead(setup.server.db, lead).stage is S.CONTACTED and len(pl.list_leads(setup.server.db)) == 1


def test_every_pipeline_page_is_translated_in_both_languages(setup: Setup) -> None:
    s = setup
    lead = _meeting_lead(s, "hanbit_grace", owner="kim@agency.example", next_action="NDA", due=DAY)
    pl.advance(s.server.db, lead, Step(S.RESULT, date(2026, 6, 1), result_kind=ResultKind.JOINT_PROJECT),
               actor="test")  # fmt: skip
    pages = [u for u in _urls(s, lead, PAGES) if "." not in u] + ["/", "/report/strengths?field=S07"]
    for lang in ("ko", "en"):
        s.staff.post("/lang", data={"csrf": csrf_of(s.staff.get("/leads").text), "lang": lang, "next": "/"})
        shown = {url: s.staff.get(url) for url in pages}
        assert {url: r.status_code for url, r in shown.items()} == dict.fromkeys(pages, 200), lang
        found = {url: re.findall(r"web\.[a-z_.]+|error\.[a-z_]+|doc\.[a-z_.]+", r.text) for url, r in shown.items()}
        assert found == {url: [] for url in pages}, lang
    assert _texts(shown["/leads"].text, "count-result") == ["1"] and "Outcome report" in shown["/report"].text
