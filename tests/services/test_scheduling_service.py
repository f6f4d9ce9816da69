"""Scheduling use cases end to end on SQLite and PostgreSQL: build, store, check, publish, rebuild
after changes, read agendas; refusals leave the database as it was."""

from __future__ import annotations

from collections import Counter
from datetime import date, time

import pytest

from seoro.domain.agenda import Stage
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, Priority, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.services import agendas as ag
from seoro.services import events as ev
from seoro.services import scheduling as sc
from seoro.services.database import Database
from tests.services.event_rows import ACTOR, NOW, counts

pytestmark = pytest.mark.integration
Setup = tuple[Database, int, list[int]]


def partnering_day() -> Event:
    """Two sessions of 6 slots (a break in the morning), 3 tables, meetings only across types."""
    return Event(
        name=BilingualText("수소 기술 상담회", "Hydrogen partnering day"),
        venue="Daejeon",
        cross_type_only=True,
        max_in_a_row=3,
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
    """6 firms (0 and 1 one delegation; 1, 2, 4, 5 speak only Korean), 6 partners (odd ones only
    English; partner 5 there in the morning only)."""
    firms = [
        Participant(
            BilingualText(f"기업{i}", f"Firm {i}"), type_code="firm", languages=["ko"] if i % 3 else ["ko", "en"]
        )
        for i in range(6)
    ]
    firms[0].delegation = firms[1].delegation = "hanbit"
    partners = [
        Participant(
            BilingualText("", f"Partner {j}"),
            type_code="partner",
            languages=["en"] if j % 2 else ["en", "ko"],
            availability=frozenset(range(6)) if j == 5 else None,
        )
        for j in range(6)
    ]
    return firms + partners


def asks(ids: list[int]) -> list[tuple[int, int, Priority]]:
    """30 requests making 29 meetings: every firm party (the delegation is one) with every partner but
    firm 5 with partner 0; some asked by the partner, the delegation asked by either member, and one
    meeting (the delegation with partner 1) wanted both ways."""
    out = []
    for i in (0, 2, 3, 4, 5):
        for j in range(6):
            if (i, j) == (5, 0):
                continue
            firm = ids[1] if i == 0 and j % 2 else ids[i]
            a, b = (ids[6 + j], firm) if (i + j) % 4 == 0 else (firm, ids[6 + j])
            out.append((a, b, Priority((i + j) % 3 + 1)))
    out.append((ids[7], ids[0], Priority.HIGH))
    return out


@pytest.fixture
def setup(db: Database) -> Setup:
    event_id = ev.create_event(db, partnering_day(), actor=ACTOR)
    ids = ev.add_participants(db, event_id, people(), actor=ACTOR)
    ev.add_interpreters(db, event_id, [Interpreter("통역 김", ["ko", "en"], frozenset(range(9)))], actor=ACTOR)
    # accepted as an import stores them (the request rules have their own tests)
    accepted = [MeetingRequest(a, b, NOW, p, status=RequestStatus.ACCEPTED, answered_at=NOW) for a, b, p in asks(ids)]
    ev.save_requests(db, event_id, accepted, actor=ACTOR)
    return db, event_id, ids


def meetings(db: Database, event_id: int) -> list[Meeting]:
    with db.reading() as unit:
        return unit.events.meetings(event_id)


def requests(db: Database, event_id: int) -> list[MeetingRequest]:
    with db.reading() as unit:
        return unit.events.requests(event_id)


def stored_violations(db: Database, event_id: int) -> list[object]:
    """The independent validator, run on the timetable as the database holds it."""
    return list(sc.check_timetable(db, event_id))


def test_a_small_event_is_scheduled_end_to_end(setup: Setup) -> None:
    db, event_id, ids = setup
    assert len(requests(db, event_id)) == 30
    assert all(r.status is RequestStatus.ACCEPTED for r in requests(db, event_id))
    said: list[tuple[str, float]] = []
    summary = sc.schedule_event(
        db, event_id, time_limit=5, progress=lambda step, share: said.append((step, share)), actor=ACTOR
    )
    assert said[-1] == ("done", 1.0)
    held = meetings(db, event_id)
    assert stored_violations(db, event_id) == []
    # the delegation and partner 1 asked each other: one meeting, so 29 to place
    assert (summary.kind, summary.requests, summary.violations) == ("schedule", 29, 0)
    assert summary.scheduled == len(held) > 0
    assert summary.value <= summary.bound
    assert summary.gap == pytest.approx((summary.bound - summary.value) / summary.bound)
    assert sorted(summary.added) == sorted(m.request_id for m in held)
    assert (summary.moved, summary.dropped) == ([], [])
    # every request either has a meeting (as its pair's lowest id) or a reason
    served = {m.request_id for m in held}
    accepted = [r for r in requests(db, event_id) if r.status is RequestStatus.ACCEPTED]
    party = {pid: (0 if pid in ids[:2] else pid) for pid in ids}  # the delegation is one party
    pair_of = {r.id or 0: frozenset((party[r.requester_id], party[r.requested_id])) for r in accepted}
    lead = {pair: min(rid for rid, p in pair_of.items() if p == pair) for pair in set(pair_of.values())}
    assert len(lead) == 29
    unserved = {rid for rid, pair in pair_of.items() if lead[pair] not in served}
    assert set(summary.unscheduled) == unserved
    assert summary.reasons == dict(Counter(u.code for u in summary.unscheduled.values()))
    assert summary.advice is None or summary.advice.waiting > 0
    with db.reading() as unit:
        (run,) = unit.events.runs(event_id)
    assert (run.kind, run.actor, run.requests, run.scheduled, run.added, run.moved, run.dropped) == (
        "schedule",
        ACTOR,
        29,
        summary.scheduled,
        summary.scheduled,
        0,
        0,
    )
    assert (run.value, run.bound, run.idle_gaps) == (summary.value, summary.bound, summary.idle_gaps)
    assert run.gap == pytest.approx(summary.gap)


def test_agendas_list_each_persons_meetings_in_time_order(setup: Setup) -> None:
    db, event_id, ids = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    held = meetings(db, event_id)
    by_id = {r.id: r for r in requests(db, event_id)}
    event = ev.get_event(db, event_id)
    everyone = sc.agenda(db, event_id)
    assert len(everyone) == len(held)
    assert [(x.slot.index, x.table) for x in everyone] == sorted((m.slot, m.table) for m in held)
    partner = ids[7]
    theirs = sc.agenda(db, event_id, partner)
    mine = [m for m in held if partner in (by_id[m.request_id].requester_id, by_id[m.request_id].requested_id)]
    assert [x.slot for x in theirs] == sorted((event.slots()[m.slot] for m in mine), key=lambda s: s.index)
    assert all(x.participant_id == partner for x in theirs)
    # partner 1 speaks only English: with Korean-only firms an interpreter sits in
    for line in theirs:
        needs = set(line.partner_ids) <= {ids[2], ids[4], ids[5]}
        assert (line.interpreter == "통역 김") == needs
        assert line.partner.en.startswith("Firm")
    # both members of the delegation see the delegation's meetings, with the partner on the other side
    first, second = sc.agenda(db, event_id, ids[0]), sc.agenda(db, event_id, ids[1])
    assert [(x.slot, x.table, x.partner_ids) for x in first] == [(x.slot, x.table, x.partner_ids) for x in second]
    assert {x.participant_id for x in second} == {ids[1]}
    with pytest.raises(DomainError) as caught:
        sc.agenda(db, event_id, 99999)
    assert caught.value.code == "unknown_participant"


def test_an_unchanged_reschedule_moves_nothing(setup: Setup) -> None:
    db, event_id, _ = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    n = ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW, actor=ACTOR).meetings
    before = meetings(db, event_id)
    assert n == len(before) and all(m.announced for m in before)
    state = counts(db)
    with pytest.raises(DomainError) as caught:
        sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert caught.value.code == "schedule_announced"
    assert counts(db) == state
    again = sc.reschedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert (again.kind, again.moved, again.dropped, again.added) == ("reschedule", [], [], [])
    assert meetings(db, event_id) == before  # slots, tables, interpreters and the announced flag
    assert stored_violations(db, event_id) == []
    with db.reading() as unit:
        assert [r.kind for r in unit.events.runs(event_id)] == ["schedule", "reschedule"]


def test_a_cancellation_drops_only_that_persons_meetings(setup: Setup) -> None:
    db, event_id, ids = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW, actor=ACTOR)
    before = {m.request_id: m for m in meetings(db, event_id)}
    by_id = {r.id: r for r in requests(db, event_id)}
    with db.reading() as unit:
        gone = next(p for p in unit.events.participants(event_id) if p.id == ids[8])
    theirs = {rid for rid in before if gone.id in (by_id[rid].requester_id, by_id[rid].requested_id)}
    assert theirs
    gone.cancelled = True
    ev.add_participants(db, event_id, [gone], actor=ACTOR)
    again = sc.reschedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert (sorted(again.dropped), again.moved) == (sorted(theirs), [])
    after = {m.request_id: m for m in meetings(db, event_id)}
    assert not theirs & after.keys()
    assert all(after[rid] == m for rid, m in before.items() if rid not in theirs)
    # the freed room may take a waiting meeting: new, not yet announced
    assert set(again.added) == after.keys() - before.keys()
    assert all(not after[rid].announced for rid in again.added)
    assert {again.unscheduled[rid].code for rid in theirs} == {"participant_cancelled"}
    assert stored_violations(db, event_id) == []


def test_a_table_lost_for_the_afternoon_moves_only_its_meetings(setup: Setup) -> None:
    db, event_id, _ = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW, actor=ACTOR)
    before = {m.request_id: m for m in meetings(db, event_id)}
    displaced = {rid for rid, m in before.items() if m.table == 3 and m.slot >= 6}
    assert displaced
    ev.update_event(db, ev.get_event(db, event_id).lose_table(3, from_slot=6), actor=ACTOR)
    again = sc.reschedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert set(again.moved) | set(again.dropped) == displaced
    after = {m.request_id: m for m in meetings(db, event_id)}
    assert all(after[rid] == m for rid, m in before.items() if rid not in displaced)
    assert all(not (m.table == 3 and m.slot >= 6) for m in after.values())
    assert stored_violations(db, event_id) == []


def test_a_late_request_is_added_without_moving_announced_meetings(setup: Setup) -> None:
    db, event_id, ids = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW, actor=ACTOR)
    before = meetings(db, event_id)
    # partner 0 and firm 5 had not asked each other; they share Korean
    late = ev.request_meeting(db, event_id, ids[6], ids[5], now=NOW, priority=Priority.MUST, actor=ACTOR)
    ev.answer_request(db, event_id, late.id or 0, yes=True, now=NOW, actor=ACTOR)
    again = sc.reschedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert (again.moved, again.dropped) == ([], [])
    after = {m.request_id: m for m in meetings(db, event_id)}
    assert all(after[m.request_id] == m for m in before)
    assert late.id in again.added or late.id in again.unscheduled
    assert set(again.added) == after.keys() - {m.request_id for m in before}


def test_a_lock_is_kept_and_an_impossible_one_changes_nothing(setup: Setup) -> None:
    db, event_id, ids = setup
    accepted = [r for r in requests(db, event_id) if r.status is RequestStatus.ACCEPTED]
    morning_only = next(r for r in accepted if ids[11] in (r.requester_id, r.requested_id))
    state = counts(db)
    with pytest.raises(DomainError) as caught:
        sc.lock_meeting(db, event_id, morning_only.id or 0, 8, actor=ACTOR)  # partner 5: mornings only
    assert caught.value.code == "lock_unavailable"
    assert requests(db, event_id) == sorted(accepted, key=lambda r: r.id or 0)
    assert counts(db) == state
    held = sc.lock_meeting(db, event_id, morning_only.id or 0, 2, table=1, actor=ACTOR)
    assert (held.locked_slot, held.locked_table) == (2, 1)
    summary = sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    placed = next(m for m in meetings(db, event_id) if m.request_id == morning_only.id)
    assert (placed.slot, placed.table, placed.locked, summary.violations) == (2, 1, True, 0)
    freed = sc.lock_meeting(db, event_id, morning_only.id or 0, None, actor=ACTOR)
    assert (freed.locked_slot, freed.locked_table) == (None, None)


def test_a_lock_no_interpreter_can_serve_is_refused_when_scheduling_and_nothing_is_saved(setup: Setup) -> None:
    db, event_id, _ = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    interpreted = next(m for m in meetings(db, event_id) if m.interpreter_id is not None)
    sc.lock_meeting(db, event_id, interpreted.request_id, interpreted.slot, actor=ACTOR)
    # the only interpreter now takes a break exactly then
    with db.reading() as unit:
        (kim,) = unit.events.interpreters(event_id)
    kim.availability = frozenset(range(12)) - {interpreted.slot}
    ev.add_interpreters(db, event_id, [kim], actor=ACTOR)
    state, before = counts(db), meetings(db, event_id)
    with pytest.raises(DomainError) as caught:
        sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    slot = ev.get_event(db, event_id).slots()[interpreted.slot].label()
    assert (caught.value.code, caught.value.params) == (
        "lock_infeasible",
        {"request": interpreted.request_id, "slot": slot},
    )
    assert (counts(db), meetings(db, event_id)) == (state, before)


def test_a_change_while_the_solver_runs_saves_nothing(setup: Setup) -> None:
    db, event_id, ids = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    state, before = counts(db), meetings(db, event_id)
    with db.reading() as unit:
        gone = next(p for p in unit.events.participants(event_id) if p.id == ids[6])
    gone.cancelled = True

    def meanwhile(step: str, _share: float) -> None:
        if step == "bound":  # someone cancels while the timetable is being built
            ev.add_participants(db, event_id, [gone], actor="desk")

    with pytest.raises(DomainError) as caught:
        sc.schedule_event(db, event_id, time_limit=5, progress=meanwhile, actor=ACTOR)
    assert caught.value.code == "schedule_stale"
    assert (counts(db), meetings(db, event_id)) == (state, before)
    # run again, it sees the cancellation
    again = sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert again.reasons["participant_cancelled"] == sum(
        1 for r in requests(db, event_id) if ids[6] in (r.requester_id, r.requested_id)
    )
