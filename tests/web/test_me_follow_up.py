"""A participant answers "would you like a follow-up?" on their own page for each meeting they held,
over HTTP against a real server (SQLite and PostgreSQL): only for their own meetings held; a meeting
of others, or one not held, is refused with the message and nothing is written."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import httpx
import pytest

from seoro.domain.accounts import Role
from seoro.services import accounts as acc
from tests.services.pipeline_rows import Held, counts, held_day
from tests.web.conftest import STAFF, Server, csrf_of, signed_in

pytestmark = pytest.mark.e2e
DOYUN = ("doyun@hanbit.example", "participant password 1")


@pytest.fixture
def held(live_server: Server) -> Held:
    return held_day(live_server.db)


@pytest.fixture
def doyun(live_server: Server, held: Held) -> httpx.Client:
    """김도윤 of 한빛수소, signed in: met Grace Lee (slot 0) and 이서연 (slot 1); 박민수's meeting was not held."""
    acc.create_account(live_server.db, email=DOYUN[0], name="김도윤", role=Role.PARTICIPANT, password=DOYUN[1],
                       participant_id=held.people["hanbit"], now=datetime.now(UTC), actor="test")  # fmt: skip
    return signed_in(live_server, *DOYUN)


def _texts(html: str, testid: str) -> list[str]:
    return [unescape(x).strip() for x in re.findall(rf'data-testid="{testid}"[^>]*>([^<]*)<', html)]


def _wishes(held: Held) -> list[tuple[int, int, bool, bool | None]]:
    with held.db.reading() as unit:
        return [(w.request_id, w.participant_id, w.wants, w.online) for w in unit.follow_up_wishes.all(held.event_id)]


def test_a_participant_answers_for_their_own_meetings_held(held: Held, doyun: httpx.Client) -> None:
    m, me = held.meetings, held.people["hanbit"]
    page = doyun.get("/me").text
    assert re.findall(r'data-testid="follow-up-(\d+)"', page) == [str(m["hanbit_grace"]), str(m["saesol_hanbit"])]
    assert "후속 미팅을 원하시나요?" in page and "Grace Lee" in page
    token = csrf_of(page)
    r = doyun.post(f"/me/follow-ups/{m['hanbit_grace']}", data={"csrf": token, "wants": "yes", "how": "online"})
    assert (r.status_code, r.headers["location"]) == (303, "/me#follow-ups")
    doyun.post(f"/me/follow-ups/{m['saesol_hanbit']}", data={"csrf": token, "wants": "no", "how": "online"})
    assert _wishes(held) == [(m["hanbit_grace"], me, True, True), (m["saesol_hanbit"], me, False, None)]
    page = doyun.get("/me").text
    assert _texts(page, f"my-answer-{m['hanbit_grace']}") == ["후속 미팅 희망 · 온라인"]
    assert _texts(page, f"my-answer-{m['saesol_hanbit']}") == ["희망하지 않음"]
    doyun.post(f"/me/follow-ups/{m['hanbit_grace']}", data={"csrf": token, "wants": "yes", "how": "event"})
    assert _wishes(held)[0] == (m["hanbit_grace"], me, True, False)  # a new answer replaces the earlier one
    doyun.post("/lang", data={"csrf": token, "lang": "en", "next": "/me"})
    english = doyun.get("/me").text
    assert "Would you like a follow-up?" in english and re.findall(r"web\.[a-z_.]+|error\.[a-z_]+", english) == []
    assert _texts(english, f"my-answer-{m['hanbit_grace']}") == ["Wants a follow-up · At a next event"]


def test_another_persons_meeting_or_one_not_held_is_refused(held: Held, doyun: httpx.Client) -> None:
    m, e = held.meetings, held.event_id
    token = csrf_of(doyun.get("/me").text)
    before = counts(held.db)
    r = doyun.post(f"/me/follow-ups/{m['grace_saesol']}", data={"csrf": token, "wants": "yes"})
    assert (r.status_code, r.headers["location"]) == (303, "/me#follow-ups")
    assert _texts(doyun.get("/me").text, "notice") == [
        f"참가자 {held.people['hanbit']}은(는) 미팅 {m['grace_saesol']}에 참여하지 않았습니다. "
        "각자 자신의 미팅에 대해서만 답할 수 있습니다."
    ]
    doyun.post(f"/me/follow-ups/{m['absent_hanbit']}", data={"csrf": token, "wants": "yes"})
    assert _texts(doyun.get("/me").text, "notice") == [
        f"미팅 {m['absent_hanbit']}은(는) 행사 {e}에서 열리지 않았습니다 "
        "(시간표에 없거나, 한쪽이 불참·취소했거나, 아직 시작 전입니다)."
    ]
    forged = doyun.post(f"/me/follow-ups/{m['hanbit_grace']}", data={"csrf": "forged", "wants": "yes"})
    assert forged.status_code == 403
    assert counts(held.db) == before and _wishes(held) == []


def test_staff_cannot_answer_as_a_participant(live_server: Server, held: Held) -> None:
    staff = signed_in(live_server, *STAFF)
    token = csrf_of(staff.get("/").text)
    r = staff.post(f"/me/follow-ups/{held.meetings['hanbit_grace']}", data={"csrf": token, "wants": "yes"})
    assert r.status_code == 403 and _wishes(held) == []
