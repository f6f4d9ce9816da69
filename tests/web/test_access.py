"""Who may call what, proven over every route of the OpenAPI schema (so a new route is covered the
day it is added): an anonymous caller gets 401; participant A gets 403 for staff-only routes, for
participant B's requests and agenda, and for another event; what A may read holds only A's side."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from seoro.domain.agenda import Stage
from seoro.domain.text import BilingualText
from seoro.services.agendas import publish_agendas
from seoro.services.event_access import requests_of
from seoro.services.events import create_event, get_event
from seoro.services.scheduling import schedule_event
from tests.web.conftest import Server
from tests.web.test_api import EVENT, participant_client

pytestmark = pytest.mark.e2e

A, B = 11, 1  # 장민서 (on her own) and 김도윤 (with 이준서, his delegation): no request between them
# What a participant may read in their own event: answered 200, holding only what is theirs to see.
READABLE = {
    ("GET", "/api/events"),
    ("GET", "/api/events/{event_id}"),
    ("GET", "/api/events/{event_id}/participants"),
    ("GET", "/api/events/{event_id}/participants/{participant_id}"),
    ("GET", "/api/events/{event_id}/requests"),
}
SESSION = "/api/session"  # signing in and out: tested in test_security
ANONYMOUS: dict[tuple[str, str], int] = {}  # routes whose anonymous answer is not 401 (none)


def operations(server: Server) -> list[tuple[str, str]]:
    schema = server.client().get("/api/openapi.json").json()
    return [(method.upper(), path) for path, ops in schema["paths"].items() for method in ops]


def url(path: str, values: dict[str, int]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), 1)), path)


def call(client: httpx.Client, method: str, path: str, token: str, values: dict[str, int]) -> httpx.Response:
    body: dict[str, Any] | None = {"requested_id": 40, "requester_id": B} if method == "POST" else None
    return client.request(method, url(path, values), json=body, headers={"X-CSRF-Token": token})


def other_event(server: Server) -> int:
    """A second event with the demo's sessions and tables, where A is no participant."""
    demo = get_event(server.db, EVENT)
    tables = [replace(t, host=None) for t in demo.tables]
    copy = replace(demo, id=None, name=BilingualText("다른 상담회", "Another event"), tables=tables)
    return create_event(server.db, copy, actor="test")


@pytest.mark.usefixtures("demo")
def test_anonymous_callers_are_told_to_sign_in_everywhere(live_server: Server) -> None:
    anonymous = live_server.client()
    got = {
        (method, path): call(anonymous, method, path, "", {"event_id": EVENT}).status_code
        for method, path in operations(live_server)
        if (method, path) != ("POST", SESSION)
    }
    assert got == {op: ANONYMOUS.get(op, 401) for op in got}


@pytest.mark.usefixtures("demo")
def test_a_participant_reaches_only_their_own_side(live_server: Server) -> None:
    db = live_server.db
    b_only = [r for r in requests_of(db, EVENT) if B in (r.requester_id, r.requested_id)]
    theirs = {"event_id": EVENT, "participant_id": B, "request_id": b_only[0].id or 0}
    client, token = participant_client(live_server, A, "a@test.example")
    ops = [op for op in operations(live_server) if op[1] != SESSION]
    got = {(m, p): call(client, m, p, token, theirs).status_code for m, p in ops}
    assert got == {op: 200 if op in READABLE else 403 for op in ops}
    elsewhere = {"event_id": other_event(live_server), "participant_id": A, "request_id": 1}
    with_event = [(m, p) for m, p in ops if "{event_id}" in p]
    got = {(m, p): call(client, m, p, token, elsewhere).status_code for m, p in with_event}
    assert got == dict.fromkeys(with_event, 403)


@pytest.mark.usefixtures("demo")
def test_what_a_participant_reads_holds_only_their_side_and_the_public_parts(live_server: Server) -> None:
    db = live_server.db
    client, _ = participant_client(live_server, A, "a@test.example")
    events = client.get("/api/events").json()
    assert [e["id"] for e in events["items"]] == [EVENT]
    listed = client.get(f"/api/events/{EVENT}/requests", params={"limit": 200}).json()
    mine = [r.id for r in requests_of(db, EVENT) if A in (r.requester_id, r.requested_id)]
    assert ([r["id"] for r in listed["items"]], listed["total"]) == (mine, len(mine))
    people = client.get(f"/api/events/{EVENT}/participants", params={"limit": 200}).json()
    assert (people["total"], {p["private"] is None for p in people["items"]}) == (63, {True})
    assert set(people["items"][0]) == {"id", "name", "organisation", "type_code", "languages", "private"}
    unpublished = client.get(f"/api/events/{EVENT}/participants/{A}/agenda")
    assert (unpublished.status_code, unpublished.json()["error"]["code"]) == (404, "agenda_not_published")
    schedule_event(db, EVENT, time_limit=5, actor="test")
    publish_agendas(db, EVENT, stage=Stage.FINAL, at=datetime.now(UTC), actor="test")
    own = client.get(f"/api/events/{EVENT}/participants/{A}/agenda")
    assert (own.status_code, own.json()["participant_id"]) == (200, A)
    assert client.get(f"/api/events/{EVENT}/participants/{A}/agenda.ics").status_code == 200


@pytest.mark.usefixtures("demo")
def test_a_delegation_member_sees_the_requests_of_their_delegation(live_server: Server) -> None:
    client, _ = participant_client(live_server, 2, "b2@test.example")  # 이준서, 김도윤's delegation
    listed = client.get(f"/api/events/{EVENT}/requests", params={"limit": 200}).json()
    side = [r.id for r in requests_of(live_server.db, EVENT) if {1, 2} & {r.requester_id, r.requested_id}]
    assert [r["id"] for r in listed["items"]] == side
    assert client.get(f"/api/events/{EVENT}/participants/1/agenda").status_code == 403
