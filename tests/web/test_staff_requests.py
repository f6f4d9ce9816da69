"""Staff see an event's meeting requests, filter them, and answer a pending one for the asked side."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import re
from datetime import UTC, datetime
from html import unescape

import httpx
import pytest

from seoro.domain.errors import DomainError
from seoro.domain.meetings import RequestStatus
from seoro.services import events as ev
from seoro.services.agendas import snapshot
from seoro.services.database import Database
from tests.web.conftest import Server, csrf_of

pytestmark = pytest.mark.e2e


def _ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-testid="request-(\d+)"', html)]


def _status(html: str, request_id: int) -> str:
    found = re.search(rf'data-testid="status-{request_id}">([^<]*)<', html)
    assert found, f"request {request_id} is not on the page"
    return unescape(found.group(1))


def _fresh(db: Database, n: int) -> list[int]:
    """``n`` new pending requests, asked now, between demo participants the rules let meet (the demo
    event accepts requests at once: here the asked side answers)."""
    ev.update_event(db, dataclasses.replace(ev.get_event(db, 1), auto_accept=False), actor="test")
    day = snapshot(db, 1).day
    people = sorted(i for i, p in day.people.items() if p.attending)
    made: list[int] = []
    for a, b in itertools.combinations(people, 2):
        with contextlib.suppress(DomainError):
            made.append(ev.request_meeting(db, 1, a, b, now=datetime.now(UTC), actor="test").id or 0)
        if len(made) == n:
            return made
    raise AssertionError("no pair left to ask")


def test_the_list_shows_every_request_and_filters_by_status_and_name(demo: Server, staff: httpx.Client) -> None:
    requests = snapshot(demo.db, 1).day.requests
    first, second = staff.get("/events/1/requests").text, staff.get("/events/1/requests", params={"page": 2}).text
    assert len(_ids(first)) == 100 and sorted(_ids(first) + _ids(second)) == sorted(requests)  # 100 a page
    assert unescape(re.findall(r'data-testid="total">([^<]*)<', first)[0]) == f"{len(requests)}건"
    pending = [i for i, r in requests.items() if r.status is RequestStatus.PENDING]
    assert pending, "the demo has pending requests"
    assert sorted(_ids(staff.get("/events/1/requests", params={"status": "pending"}).text)) == sorted(pending)
    someone = next(iter(requests.values()))
    name = snapshot(demo.db, 1).day.people[someone.requester_id].name.ko
    found = _ids(staff.get("/events/1/requests", params={"q": name}).text)
    people = snapshot(demo.db, 1).day.people
    assert someone.id in found
    assert all(name in (people[requests[i].requester_id].name.ko + people[requests[i].requested_id].name.ko)
               for i in found)  # fmt: skip


def test_staff_accept_and_decline_a_pending_request(demo: Server, staff: httpx.Client) -> None:
    first, second = _fresh(demo.db, 2)
    token = csrf_of(staff.get("/events/1/requests").text)
    r = staff.post(f"/events/1/requests/{first}/answer", data={"csrf": token, "yes": "1", "status": "pending"})
    assert (r.status_code, r.headers["location"]) == (303, "/events/1/requests?status=pending")
    staff.post(f"/events/1/requests/{second}/answer", data={"csrf": token})
    after = snapshot(demo.db, 1).day.requests
    assert (after[first].status, after[second].status) == (RequestStatus.ACCEPTED, RequestStatus.DECLINED)
    page = staff.get("/events/1/requests").text
    assert (_status(page, first), _status(page, second)) == ("수락", "거절")
    assert f'data-testid="accept-{first}"' not in page  # answered: no buttons any more

    again = staff.post(f"/events/1/requests/{second}/answer", data={"csrf": token, "yes": "1"})
    assert again.headers["location"] == "/events/1/requests"
    shown = staff.get(again.headers["location"]).text
    assert 'data-testid="refused"' in shown and "error.request_not_pending" not in shown
    assert snapshot(demo.db, 1).day.requests[second].status is RequestStatus.DECLINED  # nothing changed


def test_an_expired_request_is_refused_with_the_reason(demo: Server, staff: httpx.Client) -> None:
    """The demo's pending requests were asked long ago: the event's answer period is over."""
    old = min(i for i, r in snapshot(demo.db, 1).day.requests.items() if r.status is RequestStatus.PENDING)
    token = csrf_of(staff.get("/events/1/requests").text)
    r = staff.post(f"/events/1/requests/{old}/answer", data={"csrf": token, "yes": "1"})
    assert r.headers["location"] == "/events/1/requests"
    shown = staff.get("/events/1/requests").text
    assert re.search(r'data-testid="refused">[^<]*만료', shown), "the refusal names the expiry"
    assert 'data-testid="refused"' not in staff.get("/events/1/requests").text  # shown once
    assert snapshot(demo.db, 1).day.requests[old].status is RequestStatus.PENDING


def test_an_answer_without_the_csrf_token_is_refused(demo: Server, staff: httpx.Client) -> None:
    [pending] = _fresh(demo.db, 1)
    r = staff.post(f"/events/1/requests/{pending}/answer", data={"csrf": "forged", "yes": "1"})
    assert r.status_code == 403
    assert snapshot(demo.db, 1).day.requests[pending].status is RequestStatus.PENDING


def test_the_page_reads_in_english(staff: httpx.Client) -> None:
    staff.post("/lang", data={"csrf": csrf_of(staff.get("/events/1/requests").text), "lang": "en", "next": "/"})
    page = staff.get("/events/1/requests").text
    assert "<h1>Meeting requests</h1>" in page and "신청자" not in page
