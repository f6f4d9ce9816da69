"""Events end to end through the services, on SQLite and PostgreSQL: register, request, answer,
schedule, announce, reschedule, and errors that change nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, Session, Table
from seoro.domain.meetings import Priority, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.scheduling.checks import violations
from seoro.scheduling.encode import encode
from seoro.services import events as ev
from seoro.services import scheduling as sc
from seoro.services.database import Database
from seoro.storage import tables as t

pytestmark = pytest.mark.integration
NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
ACTOR = "staff"


def small_event() -> Event:
    return Event(
        name=BilingualText("테스트 상담회", "Test partnering day"),
        venue="Daejeon",
        cross_type_only=True,
        max_in_a_row=3,
        request_expiry_hours=48,
        sessions=[
            Session(
                "am",
                date(2026, 10, 14),
                time(9, 0),
                20,
                slots=6,
                name=BilingualText("오전", "Morning"),
                breaks=((time(10, 0), time(10, 20)),),
            ),
            Session("pm", date(2026, 10, 14), time(14, 0), 20, slots=6, name=BilingualText("오후", "Afternoon")),
        ],
        tables=[Table(n, seats=4) for n in range(1, 4)],
        types=[
            ParticipationType("firm", BilingualText("지역기업", "Regional firm"), max_meetings=6),
            ParticipationType("partner", BilingualText("해외 파트너", "Overseas partner"), max_meetings=8),
        ],
    )


def people() -> list[Participant]:
    firms = [
        Participant(
            BilingualText(f"기업{i}", f"Firm {i}"), type_code="firm", languages=["ko"] if i % 3 else ["ko", "en"]
        )
        for i in range(6)
    ]
    firms[0].delegation = "hanbit"
    firms[1].delegation = "hanbit"
    partners = [
        Participant(
            BilingualText("", f"Partner {i}"),
            type_code="partner",
            languages=["en"] if i % 2 else ["en", "ko"],
            availability=frozenset(range(6)) if i == 5 else None,
        )
        for i in range(6)
    ]
    return firms + partners


@pytest.fixture
def setup(db: Database) -> tuple[Database, int, list[int]]:
    event_id = ev.create_event(db, small_event(), actor=ACTOR)
    ids = ev.add_participants(db, event_id, people(), actor=ACTOR)
    ev.add_interpreters(db, event_id, [Interpreter("통역 김", ["ko", "en"])], actor=ACTOR)
    firms, partners = ids[:6], ids[6:]
    for i, f in enumerate(firms):
        for j, p in enumerate(partners):
            if (i + j) % 2 == 0 and not (i == 1 and f == firms[1] and j == 0):
                r = ev.request_meeting(db, event_id, f, p, now=NOW, priority=Priority((i + j) % 3 + 1), actor=ACTOR)
                if (i * j) % 5 != 4:
                    ev.answer_request(db, event_id, r.id or 0, yes=True, now=NOW, actor=ACTOR)
    return db, event_id, ids


def rows(db: Database, table: t.Table) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_event_round_trips(db: Database) -> None:
    event = small_event()
    event_id = ev.create_event(db, event, actor=ACTOR)
    back = ev.get_event(db, event_id)
    assert back == event
    assert [s.index for s in back.slots()] == list(range(12))


def test_schedule_is_valid_and_stored(setup: tuple[Database, int, list[int]]) -> None:
    db, event_id, ids = setup
    summary = sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert summary.violations == 0
    assert summary.scheduled > 0
    assert summary.bound >= summary.value
    with db.reading() as unit:
        event = unit.events.get(event_id)
        encoded = encode(
            event,
            unit.events.participants(event_id),
            unit.events.interpreters(event_id),
            unit.events.requests(event_id),
        )
        meetings = unit.events.meetings(event_id)
        assert len(unit.events.runs(event_id)) == 1
    assert len(meetings) == summary.scheduled
    index = encoded.request_index()
    schedule = [(index[m.request_id], m) for m in meetings]
    slot = [-1] * encoded.problem.n_requests
    table = [-1] * encoded.problem.n_requests
    interp = [-1] * encoded.problem.n_requests
    for r, m in schedule:
        slot[r], table[r] = m.slot, encoded.table_numbers.index(m.table)
        interp[r] = -1 if m.interpreter_id is None else encoded.interpreter_ids.index(m.interpreter_id)
    from seoro.scheduling.problem import Schedule

    assert violations(encoded.problem, Schedule(slot, table, interp)) == []
    # the delegation's two members appear together in each other's agendas
    lines = sc.agenda(db, event_id, ids[0])
    assert lines and lines == sorted(lines, key=lambda x: (x.slot.index, x.table))
    assert {line.partner_ids for line in sc.agenda(db, event_id, ids[1])} == {line.partner_ids for line in lines}


def test_announced_timetable_survives_an_unchanged_reschedule(setup: tuple[Database, int, list[int]]) -> None:
    db, event_id, _ = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    n = sc.announce(db, event_id, actor=ACTOR)
    with db.reading() as unit:
        before = unit.events.meetings(event_id)
    with pytest.raises(DomainError) as caught:
        sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert caught.value.code == "schedule_announced"
    again = sc.schedule_event(db, event_id, time_limit=5, reschedule=True, actor=ACTOR)
    with db.reading() as unit:
        after = unit.events.meetings(event_id)
    assert again.moved == [] and again.dropped == []
    assert [(m.request_id, m.slot, m.table) for m in after] == [(m.request_id, m.slot, m.table) for m in before]
    assert len(after) == n and all(m.announced for m in after)


def test_cancellation_drops_only_that_persons_meetings(setup: tuple[Database, int, list[int]]) -> None:
    db, event_id, ids = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    sc.announce(db, event_id, actor=ACTOR)
    with db.reading() as unit:
        before = {m.request_id: (m.slot, m.table) for m in unit.events.meetings(event_id)}
        requests = {r.id: r for r in unit.events.requests(event_id)}
        gone = next(p for p in unit.events.participants(event_id) if p.id == ids[8])
    theirs = {rid for rid in before if gone.id in (requests[rid].requester_id, requests[rid].requested_id)}
    assert theirs
    gone.cancelled = True
    ev.add_participants(db, event_id, [gone], actor=ACTOR)
    again = sc.schedule_event(db, event_id, time_limit=5, reschedule=True, actor=ACTOR)
    assert set(again.dropped) == theirs
    assert again.moved == []
    with db.reading() as unit:
        after = {m.request_id: (m.slot, m.table) for m in unit.events.meetings(event_id)}
    assert all(after[rid] == place for rid, place in before.items() if rid not in theirs)


def test_bad_requests_change_nothing(setup: tuple[Database, int, list[int]]) -> None:
    db, event_id, ids = setup
    count = rows(db, t.meeting_requests)
    with pytest.raises(DomainError) as caught:
        ev.request_meeting(db, event_id, ids[0], ids[1], now=NOW, actor=ACTOR)  # the same delegation
    assert caught.value.code == "request_to_self"
    with pytest.raises(DomainError) as caught:
        ev.request_meeting(db, event_id, ids[0], 99999, now=NOW, actor=ACTOR)
    assert caught.value.code == "unknown_participant"
    with pytest.raises(DomainError) as caught:
        ev.request_meeting(db, event_id, ids[2], ids[3], now=NOW, actor=ACTOR)  # two firms, cross-type only
    assert caught.value.code == "same_type_request"
    assert rows(db, t.meeting_requests) == count


def test_expired_requests_stop_blocking(setup: tuple[Database, int, list[int]]) -> None:
    db, event_id, _ = setup
    with db.reading() as unit:
        pending = [r for r in unit.events.requests(event_id) if r.status is RequestStatus.PENDING]
    assert pending
    assert ev.expire_requests(db, event_id, now=NOW + timedelta(hours=47), actor=ACTOR) == []
    expired = ev.expire_requests(db, event_id, now=NOW + timedelta(hours=49), actor=ACTOR)
    assert sorted(r.id or 0 for r in expired) == sorted(r.id or 0 for r in pending)
    with db.reading() as unit:
        assert {r.status for r in unit.events.requests(event_id) if r.id in {p.id for p in pending}} == {
            RequestStatus.EXPIRED
        }


def test_an_impossible_lock_is_refused_and_changes_nothing(setup: tuple[Database, int, list[int]]) -> None:
    db, event_id, ids = setup
    with db.reading() as unit:
        accepted = next(
            r
            for r in unit.events.requests(event_id)
            if r.status is RequestStatus.ACCEPTED and ids[11] in (r.requester_id, r.requested_id)
        )
    with pytest.raises(DomainError) as caught:
        sc.lock_meeting(db, event_id, accepted.id or 0, 8, actor=ACTOR)  # partner 5 is there mornings only
    assert caught.value.code == "lock_unavailable"
    with db.reading() as unit:
        assert next(r for r in unit.events.requests(event_id) if r.id == accepted.id).locked_slot is None
    sc.lock_meeting(db, event_id, accepted.id or 0, 2, actor=ACTOR)
    summary = sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    with db.reading() as unit:
        held = next(m for m in unit.events.meetings(event_id) if m.request_id == accepted.id)
    assert (held.slot, held.locked) == (2, True)
    assert summary.violations == 0


def test_staff_recommendations_come_from_mutual_match_scores(db: Database) -> None:
    from seoro.domain.meetings import RequestSource
    from seoro.services.demo import load_demo

    load_demo(db, actor=ACTOR)
    with db.reading() as unit:
        experts = unit.experts.find()
        organisations = unit.organisations.find()
    korean = [x for x in experts if x.country in ("KR", "")][:3]
    firms_ = [o for o in organisations if o.country in ("KR", "") and o.kind.value == "company"][:3]
    abroad = [x for x in experts if x.country not in ("KR", "")][:6]
    assert (len(korean), len(firms_), len(abroad)) == (3, 3, 6)
    event_id = ev.create_event(db, small_event(), actor=ACTOR)
    linked = [Participant(x.name, type_code="firm", expert_id=x.id, languages=["ko", "en"]) for x in korean]
    linked += [Participant(o.name, type_code="firm", organisation_id=o.id, languages=["ko", "en"]) for o in firms_]
    linked += [Participant(x.name, type_code="partner", expert_id=x.id, languages=["en"]) for x in abroad]
    ids = ev.add_participants(db, event_id, linked, actor=ACTOR)
    made = ev.recommend_meetings(db, event_id, now=NOW, top=5, per_participant=2, actor=ACTOR)
    assert 0 < len(made) <= 5
    assert all(r.source is RequestSource.RECOMMENDED and r.status is RequestStatus.ACCEPTED for r in made)
    assert all(r.score is not None and 0 < r.score <= 1 for r in made)
    firms, partners = set(ids[:6]), set(ids[6:])
    assert all({r.requester_id, r.requested_id} & firms and {r.requester_id, r.requested_id} & partners for r in made)
    # asked again, the same pairs are not recommended twice
    again = ev.recommend_meetings(db, event_id, now=NOW, top=5, per_participant=2, actor=ACTOR)
    pairs = {frozenset((r.requester_id, r.requested_id)) for r in made}
    assert not pairs & {frozenset((r.requester_id, r.requested_id)) for r in again}
