"""The participant's own pages over a real server and database, with the demo event: what each page
shows, that nobody reaches another person's requests, and a request made, answered and scheduled."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import httpx
import icalendar
import pytest

from seoro.domain.agenda import Stage
from seoro.domain.text import BilingualText
from seoro.services import browse
from seoro.services import events as ev
from seoro.services.accounts import invite_participant, redeem
from seoro.services.agendas import publish_agendas
from seoro.services.browse import history
from seoro.services.participant_self import own_details, own_expert
from seoro.services.scheduling import schedule_event
from tests.web.conftest import STAFF, Server, csrf_of, signed_in

pytestmark = pytest.mark.e2e

A, B, C = 1, 45, 33  # 김도윤 ((주)한빛수소테크, regional, ko), Grace Lee (overseas, en), Rachel Jang (overseas, en)
PASSWORD = "participant pass 2026"
EMAILS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@dataclass
class Demo:
    server: Server
    a: httpx.Client
    b: httpx.Client
    c: httpx.Client


def participant_client(server: Server, participant_id: int) -> httpx.Client:
    """An invitation redeemed and the participant signed in through the real form."""
    now = datetime.now(UTC)
    account, token = invite_participant(server.db, participant_id, now=now, actor="test")
    redeem(server.db, token, PASSWORD, now=now)
    return signed_in(server, account.email, PASSWORD)


@pytest.fixture
def demo(live_server: Server) -> Demo:
    """The demo event, answered by hand (no auto-accept), and three participants signed in."""
    event = ev.get_event(live_server.db, 1)
    ev.update_event(live_server.db, replace(event, auto_accept=False), actor="test")
    clients = [participant_client(live_server, pid) for pid in (A, B, C)]
    return Demo(live_server, *clients)


def ids_of(page: str, prefix: str) -> list[str]:
    return re.findall(rf'data-testid="{prefix}-(\d+)"', page)


def ev_list(page: str) -> list[str]:
    """The agenda entries on the page, each as its text without tags."""
    items = re.findall(r'<li class="card me-meeting[^"]*" data-testid="entry-\d+">(.*?)</li>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", x).split()) for x in items]


def newest(page: str) -> str:
    """The id of the latest request on a requests page (the demo has others already)."""
    return str(max(int(x) for x in ids_of(page, "status")))


def text_of(page: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}"[^>]*>(.*?)</', page, re.S)
    assert found, f"no {testid} on the page"
    return " ".join(found.group(1).split())


def test_home_before_publishing_shows_the_event_and_no_agenda(demo: Demo) -> None:
    r = demo.a.get("/me")
    assert r.status_code == 200
    assert re.search(r"<h1>(.*?)</h1>", r.text).group(1) == "김도윤 님, 반갑습니다"  # type: ignore[union-attr]
    assert text_of(r.text, "event") == "2026 한빛 국제 기술협력 상담회"
    assert text_of(r.text, "no-agenda") == (
        "일정표가 아직 발표되지 않았습니다. 발표되면 여기에 미팅 시간과 테이블이 나옵니다."
    )
    assert 'data-testid="to-answer"' not in r.text
    assert EMAILS.findall(r.text) == []


def test_participants_are_listed_with_public_parts_only(demo: Demo) -> None:
    everyone = demo.a.get("/me/participants")
    assert everyone.status_code == 200
    # 63 registered, less 김도윤 and the other member of the delegation (이준서)
    assert text_of(everyone.text, "count") == "61명"
    assert EMAILS.findall(everyone.text) == []
    assert text_of(everyone.text, "state-3") == "같은 유형끼리는 신청할 수 없습니다"  # 이하린, regional too
    found = demo.a.get("/me/participants", params={"type": "overseas", "q": "maple circuit"})
    assert ids_of(found.text, "person") == ["45"]
    assert ids_of(found.text, "ask") == ["45"]
    assert text_of(found.text, "count") == "1명"


def test_partners_are_suggested_with_reasons(demo: Demo) -> None:
    r = demo.a.get("/me/partners")
    assert r.status_code == 200
    # best mutual match first; only people with a score (those linked to the directory), overseas only
    assert ids_of(r.text, "person") == ["34", "40", "55", "44", "56", "36", "58", "35"]
    assert text_of(r.text, "reason-34") == "매칭 엔진 추천 (점수 1.00) · 공통 분야: 수소 연료전지·발전"
    assert text_of(r.text, "reason-40") == (
        "매칭 엔진 추천 (점수 0.32) · 내가 신청한 미팅: “수소연료전지 스택 내구성 향상 기술”"
    )
    assert text_of(r.text, "state-40") == "미팅 확정"  # asked by 이준서 of the same delegation, accepted
    # the Boreal Hydrogen delegation (34, 35) already meets the firm (the demo's locked opening meeting)
    assert ids_of(r.text, "ask") == ["55", "44", "56", "36"]
    assert ids_of(r.text, "state") == ["34", "40", "58", "35"]
    assert EMAILS.findall(r.text) == []


def test_a_request_is_made_answered_scheduled_and_downloaded(demo: Demo) -> None:
    token = csrf_of(demo.a.get("/me/partners").text)
    r = demo.a.post("/me/requests", data={"csrf": token, "to": B, "message": "수소 센서 협력", "next": "/me/partners"})
    assert (r.status_code, r.headers["location"]) == (303, "/me/partners")
    after = demo.a.get("/me/partners").text
    assert text_of(after, "notice") == "미팅을 신청했습니다. 상대방이 답하면 여기에 표시됩니다."
    sent = demo.a.get("/me/requests").text
    request_id = newest(sent)
    assert text_of(sent, f"status-{request_id}") == "대기"

    home = demo.b.get("/me").text  # Grace Lee reads English
    assert text_of(home, "to-answer-title") == "2 meeting request(s) to answer"  # one from the demo
    incoming = demo.b.get("/me/requests").text
    assert ids_of(incoming, "accept") == [request_id, "100"]  # newest first; 100 is the demo's
    r = demo.b.post(f"/me/requests/{request_id}/accept", data={"csrf": csrf_of(incoming)})
    assert (r.status_code, r.headers["location"]) == (303, "/me/requests")
    answered = demo.b.get("/me/requests").text
    assert text_of(answered, "notice") == "Request accepted. The organisers place the meeting in the timetable."
    assert text_of(answered, f"status-{request_id}") == "Accepted"
    assert text_of(demo.a.get("/me/requests").text, f"status-{request_id}") == "수락"

    db = demo.server.db
    schedule_event(db, 1, time_limit=10, actor="test")
    publish_agendas(db, 1, stage=Stage.FINAL, at=datetime.now(UTC), actor="test")
    agenda = demo.a.get("/me/agenda").text
    assert text_of(agenda, "stage") == "확정 일정"
    assert [e for e in ev_list(agenda) if "Grace Lee" in e] == [
        "13:30 –13:50 테이블 T9 8번째 슬롯 Grace Lee Maple Circuit Labs Inc. · CA Works on reinforcement learning for"
        " decision-making using field deployment; current projects include explainable AI for safety-critical"
        " systems. 첨단 AI 모델링·의사결정 안전·신뢰 AI 추천 이유 내가 신청한 미팅: “수소 센서 협력”"
    ]
    calendar = demo.a.get("/me/agenda.ics")
    assert calendar.headers["content-type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(calendar.content).walk("VEVENT")
    (meeting,) = [e for e in events if "Grace Lee" in str(e["SUMMARY"])]
    assert meeting.decoded("DTSTART").isoformat() == "2026-10-14T13:30:00+09:00"
    printed = demo.a.get("/me/agenda.pdf")
    assert (printed.headers["content-type"], printed.content[:5]) == ("application/pdf", b"%PDF-")


def test_nobody_answers_or_sees_requests_that_are_not_theirs(demo: Demo) -> None:
    token = csrf_of(demo.a.get("/me/partners").text)
    demo.a.post("/me/requests", data={"csrf": token, "to": B})
    request_id = newest(demo.a.get("/me/requests").text)
    # Rachel Jang is not part of it: refused, and the request stays pending
    r = demo.c.post(f"/me/requests/{request_id}/accept", data={"csrf": csrf_of(demo.c.get("/me").text)})
    assert r.status_code == 403
    assert request_id not in ids_of(demo.c.get("/me/requests").text, "status")
    # the requester cannot accept their own request
    r = demo.a.post(f"/me/requests/{request_id}/accept", data={"csrf": token})
    assert r.status_code == 303
    assert text_of(demo.a.get("/me/requests").text, "notice") == "이 신청을 받은 쪽만 수락하거나 거절할 수 있습니다."
    assert demo.a.post("/me/requests/99999/accept", data={"csrf": token}).status_code == 404
    assert demo.a.post(f"/me/requests/{request_id}/decline", data={"csrf": "forged"}).status_code == 403
    assert text_of(demo.b.get("/me/requests").text, f"status-{request_id}") == "Pending"
    # staff have no participant pages, and signed-out visitors are sent to sign in
    assert signed_in(demo.server, *STAFF).get("/me").status_code == 403
    assert demo.server.client().get("/me/requests").headers["location"] == "/login?next=/me/requests"


def test_participants_edit_their_own_details(demo: Demo) -> None:
    page = demo.a.get("/me/profile").text
    data = {"csrf": csrf_of(page), "name_ko": "김도윤", "name_en": "Doyun Kim", "languages": ["ko", "en"]}
    r = demo.a.post("/me/profile", data=data)
    assert (r.status_code, r.headers["location"]) == (303, "/me/profile")
    saved = demo.a.get("/me/profile").text
    assert text_of(saved, "notice") == "저장했습니다."
    _, me = own_details(demo.server.db, A)
    assert (me.name, me.languages) == (BilingualText("김도윤", "Doyun Kim"), ["ko", "en"])
    (entry, *_) = history(demo.server.db, "participant", A, 5)
    assert (entry.actor, entry.changes) == ("account:3", {"name_en": ["", "Doyun Kim"], "languages": ["ko", "ko, en"]})
    demo.a.post("/me/profile", data={**data, "languages": []})
    assert text_of(demo.a.get("/me/profile").text, "notice") == "사용 언어를 하나 이상 고르세요."


def test_a_participant_rewrites_what_they_offer_and_it_is_audited(demo: Demo) -> None:
    linked = {pid: own_expert(demo.server.db, pid) for pid in (A, B, C)}
    pid, expert = next((p, e) for p, e in linked.items() if e is not None)
    client = {A: demo.a, B: demo.b, C: demo.c}[pid]
    assert 'data-testid="expertise-form"' in client.get("/me/profile").text
    token = csrf_of(client.get("/me/profile").text)
    r = client.post("/me/expertise", data={"csrf": token, "expertise_ko": "고체산화물 연료전지 스택 설계",
                                           "expertise_en": "SOFC stack design", "keywords": "SOFC, 스택,, SOFC"})  # fmt: skip
    assert (r.status_code, r.headers["location"]) == (303, "/me/profile")
    after = own_expert(demo.server.db, pid)
    assert after is not None and expert is not None
    assert (after.expertise.ko, after.expertise.en, after.keywords) == ("고체산화물 연료전지 스택 설계", "SOFC stack design",
                                                                        ["SOFC", "스택"])  # fmt: skip
    assert after.name == expert.name and after.publications == expert.publications  # nothing else changed
    [entry] = browse.history(demo.server.db, "expert", after.id, 1)
    assert entry.actor.startswith("account:") and entry.changes["expertise"][1]["en"] == "SOFC stack design"
    assert "SOFC stack design" in client.get("/me/profile").text
    forged = client.post("/me/expertise", data={"csrf": "forged", "expertise_en": "x"})
    assert forged.status_code == 403 and own_expert(demo.server.db, pid).expertise.en == "SOFC stack design"  # type: ignore[union-attr]
