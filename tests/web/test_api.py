"""The REST API against a real server over the demo data (SQLite and PostgreSQL): directory pages
with exact totals, matches with reasons, the life of a meeting request, agendas as JSON, .ics and
PDF, a scheduling job, and one bilingual error body for every failure."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from seoro.domain.accounts import Role
from seoro.domain.agenda import Stage
from seoro.services import accounts as acc
from seoro.services import browse
from seoro.services.agendas import publish_agendas
from seoro.services.event_access import requests_of
from seoro.services.events import get_event, update_event
from tests.web.conftest import STAFF, Server, api_client

pytestmark = pytest.mark.e2e

EVENT = 1
PASSWORD = "participant password"


def participant_client(server: Server, participant_id: int, email: str) -> tuple[httpx.Client, str]:
    """A participant account for ``participant_id`` with a password, signed in through the API."""
    acc.create_account(server.db, email=email, name=f"participant {participant_id}", role=Role.PARTICIPANT,
                       password=PASSWORD, participant_id=participant_id, now=datetime.now(UTC), actor="test")  # fmt: skip
    return api_client(server, email, PASSWORD)


def ids(body: dict[str, Any]) -> list[int]:
    return [item["id"] for item in body["items"]]


@pytest.mark.usefixtures("demo")
def test_directory_lists_page_with_exact_totals_and_filters(live_server: Server) -> None:
    staff, _ = api_client(live_server, *STAFF)
    every = browse.find_organisations(live_server.db, browse.Query(limit=None))
    first = staff.get("/api/organisations", params={"limit": 30}).json()
    second = staff.get("/api/organisations", params={"limit": 30, "offset": 30}).json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (every.total, 30, 0, 30)
    assert ids(first) + ids(second) == [o.id for o in every.items][:60]
    associations = staff.get("/api/organisations", params={"kind": "association", "limit": 200}).json()
    wanted = browse.find_organisations(live_server.db, browse.Query(limit=None), browse.OrgKind("association"))
    assert (associations["total"], ids(associations)) == (wanted.total, [o.id for o in wanted.items])
    assert {o["kind"] for o in associations["items"]} == {"association"}
    h2 = staff.get("/api/experts", params={"field": "수소", "country": "CA", "limit": 200}).json()
    expected = browse.find_experts(live_server.db, browse.Query(("수소",), "CA", None, None))
    assert (h2["total"], ids(h2)) == (expected.total, [e.id for e in expected.items])
    assert {e["country"] for e in h2["items"]} == {"CA"}
    one = staff.get(f"/api/experts/{h2['items'][0]['id']}").json()
    assert one == h2["items"][0]
    needs = staff.get("/api/profiles", params={"kind": "need", "text": "수소연료전지 스택"}).json()
    assert [p["title"]["ko"] for p in needs["items"]] == ["수소연료전지 스택 내구성 향상 기술"]
    assert staff.get("/api/profiles/1").json()["title"] == {"ko": "수소연료전지 스택 내구성 향상 기술",
                                                             "en": needs["items"][0]["title"]["en"]}  # fmt: skip


@pytest.mark.usefixtures("demo")
def test_errors_are_bilingual_and_exact(live_server: Server) -> None:
    staff, token = api_client(live_server, *STAFF)
    missing = staff.get("/api/organisations/999999")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"code": "not_found", "params": {"entity": "organisation", "id": 999999},
                              "message": {"ko": "ID 999999인 기관이(가) 없습니다.",
                                          "en": "There is no organisation with id 999999."}}}  # fmt: skip
    bad = staff.get("/api/experts", params={"limit": 0})
    assert bad.status_code == 422
    error = bad.json()["error"]
    assert (error["code"], error["params"], [p["field"] for p in error["problems"]]) == (
        "invalid_request", {"count": 1}, ["query.limit"])  # fmt: skip
    unknown = staff.get("/api/experts", params={"country": "Atlantis"}).json()["error"]
    assert (unknown["code"], set(unknown["message"])) == ("unknown_country", {"ko", "en"})
    no_requester = staff.post(f"/api/events/{EVENT}/requests", json={"requested_id": 33},
                              headers={"X-CSRF-Token": token})  # fmt: skip
    assert no_requester.status_code == 400
    assert no_requester.json()["error"]["message"] == {
        "ko": "담당자가 미팅을 신청할 때는 신청자(requester_id)를 지정해야 합니다.",
        "en": "Staff must name who asks for the meeting (requester_id).",
    }
    anonymous = live_server.client().get("/api/events")
    assert (anonymous.status_code, anonymous.json()["error"]["message"]["en"]) == (401, "Please sign in first.")


@pytest.mark.usefixtures("demo")
def test_matches_come_with_reasons(live_server: Server) -> None:
    staff, _ = api_client(live_server, *STAFF)
    r = staff.get("/api/profiles/1/matches", params={"top": 3})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["record"], body["title"]["ko"]) == ("profile:1", "수소연료전지 스택 내구성 향상 기술")
    assert [m["rank"] for m in body["matches"]] == [1, 2, 3]
    assert {m["kind"] for m in body["matches"]} == {"expert"}
    scores = [m["score"] for m in body["matches"]]
    assert scores == sorted(scores, reverse=True)
    best = body["matches"][0]["why"]
    assert best["best_text"]["sentence"] != "" and set(best["contributions"]) >= {"fields"}
    needs = staff.get("/api/experts/38/matches", params={"kind": ["need"], "top": 5}).json()
    assert {m["kind"] for m in needs["matches"]} == {"need"} and len(needs["matches"]) == 5
    assert staff.get("/api/profiles/999999/matches").status_code == 404


@pytest.mark.usefixtures("demo")
def test_a_request_is_asked_seen_and_answered(live_server: Server) -> None:
    db = live_server.db
    update_event(db, replace(get_event(db, EVENT), auto_accept=False), actor="test")  # the other side must answer
    a, a_token = participant_client(live_server, 11, "p11@test.example")
    b, b_token = participant_client(live_server, 60, "p60@test.example")
    mine = a.get(f"/api/events/{EVENT}/requests", params={"limit": 200}).json()
    assert ids(mine) == [r.id for r in requests_of(db, EVENT) if 11 in (r.requester_id, r.requested_id)]
    made = a.post(f"/api/events/{EVENT}/requests", headers={"X-CSRF-Token": a_token},
                  json={"requested_id": 60, "priority": "high", "message": "수소 협력"})  # fmt: skip
    assert made.status_code == 201, made.text
    out = made.json()
    assert (out["requester_id"], out["requested_id"], out["priority"], out["source"], out["status"]) == (
        11, 60, "high", "participant", "pending")  # fmt: skip
    twice = a.post(f"/api/events/{EVENT}/requests", json={"requested_id": 60}, headers={"X-CSRF-Token": a_token})
    assert (twice.status_code, twice.json()["error"]["code"]) == (400, "duplicate_request")
    same_type = a.post(f"/api/events/{EVENT}/requests", json={"requested_id": 3}, headers={"X-CSRF-Token": a_token})
    assert same_type.json()["error"]["code"] == "same_type_request"
    as_other = a.post(f"/api/events/{EVENT}/requests", json={"requested_id": 3, "requester_id": 60},
                      headers={"X-CSRF-Token": a_token})  # fmt: skip
    assert (as_other.status_code, as_other.json()["error"]["code"]) == (403, "forbidden")
    own = a.post(f"/api/events/{EVENT}/requests/{out['id']}/accept", headers={"X-CSRF-Token": a_token})
    assert (own.status_code, own.json()["error"]["code"]) == (400, "request_not_addressed")
    accepted = b.post(f"/api/events/{EVENT}/requests/{out['id']}/accept", headers={"X-CSRF-Token": b_token})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
    again = b.post(f"/api/events/{EVENT}/requests/{out['id']}/decline", headers={"X-CSRF-Token": b_token})
    assert (again.status_code, again.json()["error"]["code"]) == (400, "request_not_pending")
    other = a.post(f"/api/events/{EVENT}/requests", json={"requested_id": 59}, headers={"X-CSRF-Token": a_token})
    assert b.get(f"/api/events/{EVENT}/requests/{other.json()['id']}").status_code == 403
    staff, staff_token = api_client(live_server, *STAFF)
    declined = staff.post(f"/api/events/{EVENT}/requests/{other.json()['id']}/decline",
                          headers={"X-CSRF-Token": staff_token})  # fmt: skip
    assert declined.json()["status"] == "declined"
    for_them = staff.post(f"/api/events/{EVENT}/requests", headers={"X-CSRF-Token": staff_token},
                          json={"requester_id": 31, "requested_id": 61})  # fmt: skip
    assert (for_them.status_code, for_them.json()["source"], for_them.json()["status"]) == (201, "staff", "pending")
    listed = staff.get(f"/api/events/{EVENT}/requests", params={"status": "declined"}).json()
    assert ids(listed) == [r.id for r in requests_of(db, EVENT) if r.status.value == "declined"]
    assert staff.get(f"/api/events/{EVENT}/requests").json()["total"] == len(requests_of(db, EVENT)) == 136


@pytest.mark.usefixtures("demo")
def test_participants_staff_see_all_fields_participants_the_public_part(live_server: Server) -> None:
    staff, _ = api_client(live_server, *STAFF)
    events = staff.get("/api/events").json()
    assert (events["total"], events["items"][0]["name"]["en"]) == (
        2,  # and the spring event, already held (seoro.demo.spring_event)
        "2026 Hanbit International Technology Partnering Days",
    )
    people = staff.get(f"/api/events/{EVENT}/participants", params={"limit": 50, "offset": 50}).json()
    assert (people["total"], len(people["items"]), people["items"][0]["id"]) == (63, 13, 51)
    assert people["items"][-1]["private"]["email"] == "yui.tanaka@setouchi-h2.example.com"
    client, _ = participant_client(live_server, 32, "p32@test.example")
    seen = client.get(f"/api/events/{EVENT}/participants/63").json()
    assert seen == {"id": 63, "name": {"ko": "", "en": "Yui Tanaka"}, "organisation": seen["organisation"],
                    "type_code": "overseas", "languages": seen["languages"], "private": None}  # fmt: skip
    assert client.get("/api/events").json()["total"] == 1


def _done(client: httpx.Client, job: dict[str, Any], timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while job["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.3)
        job = client.get(f"/api/jobs/{job['id']}").json()
    return job


@pytest.mark.usefixtures("demo")
def test_the_search_index_is_rebuilt_by_a_job(live_server: Server) -> None:
    staff, token = api_client(live_server, *STAFF)
    assert staff.post("/api/index/rebuild").status_code == 403  # no CSRF header
    queued = staff.post("/api/index/rebuild", headers={"X-CSRF-Token": token})
    assert (queued.status_code, queued.json()["kind"]) == (202, "rebuild_index")
    job = _done(staff, queued.json())
    assert (job["status"], job["error"], job["result"]["encoded"] + job["result"]["reused"]) == (
        "done", None, job["result"]["texts"]
    )  # fmt: skip
    client, csrf = participant_client(live_server, 1, "p1@test.example")
    assert client.post("/api/index/rebuild", headers={"X-CSRF-Token": csrf}).status_code == 403


@pytest.mark.usefixtures("demo")
def test_agendas_and_a_scheduling_job(live_server: Server) -> None:
    staff, token = api_client(live_server, *STAFF)
    queued = staff.post(f"/api/events/{EVENT}/schedule", json={"time_limit": 10}, headers={"X-CSRF-Token": token})
    assert (queued.status_code, queued.json()["kind"], queued.json()["status"]) == (202, "schedule", "queued")
    job = _done(staff, queued.json())
    assert (job["status"], job["progress"], job["error"]) == ("done", 1.0, None), job
    assert job["result"]["scheduled"] > 0 and job["result"]["event_id"] == EVENT
    assert staff.get("/api/jobs").json()[0]["id"] == job["id"]
    client, _ = participant_client(live_server, 1, "p1@test.example")
    draft = staff.get(f"/api/events/{EVENT}/participants/1/agenda").json()  # staff may see the draft
    assert (draft["participant_id"], draft["stage"], draft["version"]) == (1, None, 0)
    hidden = client.get(f"/api/events/{EVENT}/participants/1/agenda")  # a participant only a published one
    assert (hidden.status_code, hidden.json()["error"]["code"]) == (404, "agenda_not_published")
    publish_agendas(live_server.db, EVENT, stage=Stage.FINAL, at=datetime.now(UTC), actor="test")
    agenda = client.get(f"/api/events/{EVENT}/participants/1/agenda").json()
    assert (agenda["participant_id"], agenda["stage"], agenda["version"]) == (1, "final", 1)
    first = agenda["entries"][0]
    assert (first["slot_number"], first["table_label"], first["partners"][0]["name"]["en"]) == (1, "T1", "Rachel Jang")
    ics = client.get(f"/api/events/{EVENT}/participants/1/agenda.ics")
    assert (ics.status_code, ics.headers["content-type"]) == (200, "text/calendar; charset=utf-8")
    assert ics.text.startswith("BEGIN:VCALENDAR") and ics.text.count("BEGIN:VEVENT") == len(agenda["entries"])
    pdf = staff.get(f"/api/events/{EVENT}/participants/1/agenda.pdf", params={"lang": "en"})
    assert (pdf.headers["content-type"], pdf.content[:5]) == ("application/pdf", b"%PDF-")
