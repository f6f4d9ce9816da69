"""Rescheduling on the day: slots that have started are frozen, and a cancellation or a late request
moves nothing else.

Past announced meetings (slots before ``closed_before``) become locks with their table and interpreter,
and the tables, interpreters and parties of a closed slot are there only for those meetings, so
nothing new lands in the past. A past meeting whose party no longer attends drops out: it did not
take place (a no-show) or is not to be counted (a cancellation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, RequestStatus
from seoro.domain.participants import Interpreter, Participant, stored_id
from seoro.domain.text import BilingualText
from seoro.scheduling import NONE, Problem, solve
from seoro.scheduling.checks import Violation, violations
from seoro.scheduling.encode import Decoded, Encoded, decode, encode
from seoro.scheduling.problem import Schedule
from tests.scheduling.strategies import CAPS, EN, FREE, INTERP_LANGS, JA, KO, LANGS, SEATS, SIZES

pytestmark = pytest.mark.unit

T = BilingualText
NOW = datetime(2025, 10, 1, 9, tzinfo=UTC)
DAY = date(2025, 10, 14)
CODES = {KO: "ko", EN: "en", JA: "ja"}
SETTINGS: Any = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


@dataclass(frozen=True)
class World:
    """An event's inputs to ``encode``."""

    event: Event
    people: list[Participant]
    interpreters: list[Interpreter]
    requests: list[MeetingRequest]

    def run(self, meetings: Sequence[Meeting] = (), closed_before: int = 0) -> tuple[Encoded, Decoded]:
        """Encode, solve (checking the schedule against every rule) and decode."""
        encoded = encode(
            self.event, self.people, self.interpreters, self.requests, meetings, closed_before=closed_before
        )
        result = solve(encoded.problem, time_limit=5)
        assert violations(encoded.problem, result.schedule) == []
        return encoded, decode(encoded, result)

    def cancel(self, pid: int) -> World:
        return replace(self, people=[replace(p, cancelled=True) if p.id == pid else p for p in self.people])

    def ask(self, rid: int, a: int, b: int) -> World:
        return replace(self, requests=[*self.requests, accepted(rid, a, b)])


def accepted(rid: int, a: int, b: int) -> MeetingRequest:
    return MeetingRequest(a, b, NOW, status=RequestStatus.ACCEPTED, id=rid)


def person(pid: int, *langs: str, slots: set[int] | frozenset[int] | None = None, **kw: Any) -> Participant:
    free = None if slots is None else frozenset(slots)
    return Participant(T(en=f"P{pid}"), languages=list(langs or ["ko"]), availability=free, id=pid, **kw)


def day(n_slots: int, split: int | None = None, **kw: Any) -> dict[str, Any]:
    """Event settings: a morning of ``split`` slots (all by default) and an afternoon of the rest."""
    split = n_slots if split is None else split
    sessions = [Session("am", DAY, time(9), 20, slots=split)]
    if split < n_slots:
        sessions.append(Session("pm", DAY, time(14), 20, slots=n_slots - split))
    return {"name": T(en="Day"), "sessions": sessions, **kw}


def announce(decoded: Decoded) -> list[Meeting]:
    return [replace(m, announced=True) for m in decoded.meetings]


def by_request(decoded: Decoded) -> dict[int, tuple[int, int, int | None]]:
    return {m.request_id: (m.slot, m.table, m.interpreter_id) for m in decoded.meetings}


# ---- hand-made cases


@pytest.mark.parametrize("leave", [{"cancelled": True}, {"no_show_at": NOW}], ids=["cancelled", "no-show"])
def test_a_waiting_request_cannot_go_back_in_time(leave: dict[str, Any]) -> None:
    # 1-2 were to meet at slot 0 (table 1), 3-4 at slot 2 (table 1); slot 0 has closed, 2 is gone.
    # 5-6 can meet at 0 or 1, 7-1 only at 0: both tables are free at slot 0, yet that slot is over.
    world = World(
        Event(**day(3), tables=[Table(1), Table(2)]),
        [person(1), person(2), person(3), person(4), person(5, slots={0, 1}), person(6), person(7, slots={0})],
        [],
        [accepted(10, 1, 2), accepted(11, 3, 4), accepted(12, 5, 6), accepted(13, 7, 1)],
    )
    meetings = [Meeting(10, 0, 1, announced=True), Meeting(11, 2, 1, announced=True)]
    later = replace(world, people=[replace(p, **leave) if p.id == 2 else p for p in world.people])
    encoded, decoded = later.run(meetings, closed_before=1)
    # the slot-0 meeting's party is gone: it drops out (it did not happen, or no longer counts)
    assert decoded.dropped == [10]
    assert 10 in encoded.skipped
    placed = by_request(decoded)
    assert placed[11] == (2, 1, None)
    assert placed[12][0] == 1
    assert 13 not in placed
    assert decoded.unscheduled[13].code == "no_common_slot"
    assert encoded.problem.table_avail == (0b110, 0b110)  # nothing is free at the closed slot
    # with nothing closed, 7-1 takes one of slot 0's free tables
    _, open_day = later.run(meetings)
    assert by_request(open_day)[13][0] == 0


def test_past_meetings_keep_slot_table_and_interpreter() -> None:
    # two ko-en meetings at slot 0, each with its interpreter (the versatile one on the first, the
    # other way round from what the solver would pick); 5-6 (ko-en too) announced at slot 1 with the
    # versatile interpreter although two others are free; 7-8 waits and wants slot 0.
    interpreters = [Interpreter("I20", ["ko", "en", "ja"], id=20), Interpreter("I21", ["ko", "en"], id=21)]
    interpreters.append(Interpreter("I22", ["ko", "en"], id=22))
    people = [person(1, "ko"), person(2, "en"), person(3, "ko"), person(4, "en"), person(5, "ko"), person(6, "en")]
    people += [person(7, slots={0, 1}), person(8)]
    requests = [accepted(10, 1, 2), accepted(11, 3, 4), accepted(12, 5, 6), accepted(13, 7, 8)]
    world = World(Event(**day(3), tables=[Table(1), Table(2), Table(3)]), people, interpreters, requests)
    meetings = [
        Meeting(10, 0, 3, interpreter_id=20, announced=True),
        Meeting(11, 0, 1, interpreter_id=21, announced=True),
        Meeting(12, 1, 2, interpreter_id=20, announced=True),
    ]
    encoded, decoded = world.run(meetings, closed_before=1)
    p = encoded.problem
    assert (p.req_lock_slot[:2], p.req_lock_table[:2], p.req_lock_interp[:2]) == ((0, 0), (2, 0), (0, 1))
    assert p.req_lock_slot[2] == NONE  # the future one is only announced
    assert p.interp_avail == (0b111, 0b111, 0b110)  # at slot 0, only for the meetings they held
    placed = by_request(decoded)
    assert placed[10] == (0, 3, 20)
    assert placed[11] == (0, 1, 21)
    assert placed[12] == (1, 2, 20)
    assert placed[13][0] == 1  # not at slot 0, though table 2 is free there
    assert (decoded.moved, decoded.dropped) == ([], [])
    assert all(m.announced for m in decoded.meetings if m.request_id != 13)
    assert not any(m.locked for m in decoded.meetings)  # frozen is not a staff lock


def test_past_meetings_count_for_meetings_in_a_row() -> None:
    # 1 met at slots 0 and 1; at most two in a row, so 1-4 can only follow at slot 3, not 2
    world = World(
        Event(**day(4), tables=[Table(1)], max_in_a_row=2),
        [person(1), person(2), person(3), person(4, slots={0, 2, 3})],
        [],
        [accepted(10, 1, 2), accepted(11, 1, 3), accepted(12, 1, 4)],
    )
    meetings = [Meeting(10, 0, 1, announced=True), Meeting(11, 1, 1, announced=True)]
    _, decoded = world.run(meetings, closed_before=2)
    assert by_request(decoded) == {10: (0, 1, None), 11: (1, 1, None), 12: (3, 1, None)}


def test_a_delegation_keeps_its_meeting_when_one_member_cancels() -> None:
    hanbit: dict[str, Any] = {"delegation": "hanbit"}
    world = World(
        Event(**day(2), tables=[Table(1), Table(2)]),
        [person(1, **hanbit), person(2, **hanbit), person(3), person(4), person(5)],
        [],
        [accepted(10, 1, 3), accepted(11, 2, 3), accepted(12, 4, 5), accepted(13, 4, 3)],
    )
    _, first = world.run()
    again, decoded = world.cancel(1).run(announce(first))
    assert again.request_ids[again.request_index()[11]] == (11,)
    before, after = by_request(first), by_request(decoded)
    assert after[11] == before[10]  # the meeting request 10 was announced under, now served by 11
    assert after[12] == before[12]
    assert decoded.moved == []


def test_a_kept_meeting_keeps_its_table_when_a_moved_one_wanted_it() -> None:
    # 0-1 was announced at slot 0, table 0; no table is left at slot 0, so it moves to slot 1, where
    # 2-3 was announced at table 0 too: the kept meeting has first claim on its table
    p = Problem(
        slot_block=(0, 0),
        slot_follows=(False, True),
        party_avail=(3, 3, 3, 3),
        party_cap=(2, 2, 2, 2),
        party_size=(1, 1, 1, 1),
        party_langs=(1, 1, 1, 1),
        party_booth=(NONE,) * 4,
        table_seats=(2, 2),
        table_avail=(0b10, 0b10),
        interp_langs=(),
        interp_avail=(),
        req_a=(0, 2),
        req_b=(1, 3),
        req_value=(1.0, 1.0),
        req_prev_slot=(0, 1),
        req_prev_table=(0, 0),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.slot == [1, 1]
    assert result.schedule.table == [1, 0]
    assert result.moved == [0]
    assert violations(p, result.schedule) == []


def two_meetings(**changes: Any) -> Problem:
    """Parties 0-1 and 2-3 (Korean and English speakers) at slot 0 of 1, two tables, two interpreters."""
    fields: dict[str, Any] = {
        "slot_block": (0,),
        "slot_follows": (False,),
        "party_avail": (1, 1, 1, 1),
        "party_cap": (1, 1, 1, 1),
        "party_size": (1, 1, 1, 1),
        "party_langs": (KO, EN, KO, EN),
        "party_booth": (NONE,) * 4,
        "table_seats": (2, 2),
        "table_avail": (1, 1),
        "interp_langs": (KO | EN, KO | EN | JA),
        "interp_avail": (1, 1),
        "req_a": (0, 2),
        "req_b": (1, 3),
        "req_value": (1.0, 1.0),
    }
    return Problem(**(fields | changes))


def test_a_kept_meeting_keeps_its_interpreter_from_one_that_has_none_announced() -> None:
    # 0-1 was announced without an interpreter (it had none on record); the leanest free interpreter
    # would be 2-3's own one, which it must leave to them
    p = two_meetings(req_prev_slot=(0, 0), req_prev_table=(0, 1), req_prev_interp=(NONE, 0))
    result = solve(p, time_limit=5)
    assert result.schedule.interpreter == [1, 0]
    assert result.schedule.table == [0, 1]
    assert violations(p, result.schedule) == []


def test_two_booth_hosts_meet_at_the_booth_they_were_announced_at() -> None:
    # hosts 0 and 1 (booths 0 and 1) met at booth 1: not at the first booth found
    p = two_meetings(
        party_langs=(KO,) * 4,
        party_booth=(0, 1, NONE, NONE),
        table_seats=(2, 2, 2),
        table_avail=(1, 1, 1),
        req_prev_slot=(0, 0),
        req_prev_table=(1, 2),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.table == [1, 2]
    assert result.moved == []
    assert violations(p, result.schedule) == []


def test_the_validator_checks_the_locked_interpreter() -> None:
    p = Problem(
        slot_block=(0,),
        slot_follows=(False,),
        party_avail=(1, 1),
        party_cap=(1, 1),
        party_size=(1, 1),
        party_langs=(KO, EN),
        party_booth=(NONE, NONE),
        table_seats=(2,),
        table_avail=(1,),
        interp_langs=(KO | EN, KO | EN),
        interp_avail=(1, 1),
        req_a=(0,),
        req_b=(1,),
        req_value=(1.0,),
        req_lock_slot=(0,),
        req_lock_interp=(1,),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.interpreter == [1]
    assert violations(p, result.schedule) == []
    wrong = replace(result.schedule, interpreter=[0])
    assert violations(p, wrong) == [Violation("lock_interpreter", 0, 1, 0, "with interpreter 0")]


def test_closed_before_must_name_a_slot_boundary() -> None:
    world = World(Event(**day(2), tables=[Table(1)]), [person(1), person(2)], [], [accepted(10, 1, 2)])
    encode(world.event, world.people, [], world.requests, closed_before=2)  # the whole day is over
    with pytest.raises(DomainError) as caught:
        encode(world.event, world.people, [], world.requests, closed_before=3)
    assert caught.value.code == "unknown_slot"


# ---- random events


def _slots(mask: int, n_slots: int) -> frozenset[int] | None:
    return None if mask == (1 << n_slots) - 1 else frozenset(s for s in range(n_slots) if mask >> s & 1)


def _langs(mask: int) -> list[str]:
    return [code for bit, code in CODES.items() if mask & bit]


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """A small random event: parties (some delegations of two members who share their languages,
    slots and cap, so that one leaving changes nothing but their own requests), tables (sometimes a
    booth), interpreters and accepted requests between parties."""
    n_slots = draw(st.integers(2, 5))
    free = FREE[n_slots]
    people: list[Participant] = []
    for k in range(draw(st.integers(2, 5))):
        size, langs, cap = draw(SIZES), _langs(draw(LANGS)), draw(CAPS)
        shared = {"delegation": f"d{k}" if size > 1 else None, "max_meetings": cap}
        avail = _slots(draw(free), n_slots)
        people += [person(len(people) + 1, *langs, slots=avail, **shared) for _ in range(size)]
    n_tables = draw(st.integers(1, 3))
    tables = [Table(n + 1, seats=draw(SEATS), availability=_slots(draw(free), n_slots)) for n in range(n_tables)]
    if draw(st.integers(0, 3)) == 0 and people[0].delegation is None:
        people[0] = replace(people[0], booth=True)
        tables.append(Table(9, seats=draw(SEATS), host=people[0].id))
    interpreters = [
        Interpreter(f"I{n}", _langs(draw(INTERP_LANGS)), _slots(draw(free), n_slots), id=100 + n)
        for n in range(draw(st.integers(0, 2)))
    ]
    requests = [accepted(10 + n, *_two(draw, people)) for n in range(draw(st.integers(1, 8)))]
    split = draw(st.integers(1, n_slots))
    event = Event(**day(n_slots, split, max_in_a_row=draw(st.integers(0, 2))), tables=tables)
    return World(event, people, interpreters, requests)


def _two(draw: Callable[[st.SearchStrategy[Participant]], Participant], people: list[Participant]) -> tuple[int, int]:
    """Two participants of different parties (falls back to any two when everyone is one delegation)."""
    a = draw(st.sampled_from(people))
    others = [p for p in people if p.delegation is None or p.delegation != a.delegation] or people
    b = draw(st.sampled_from([p for p in others if p.id != a.id]))
    assert a.id is not None and b.id is not None
    return a.id, b.id


def _involves(world: World, meeting: Meeting, encoded: Encoded, pid: int) -> bool:
    """Whether any request the meeting served has ``pid`` on one side."""
    ids = encoded.request_ids[encoded.request_index()[meeting.request_id]]
    asked = {r.id: r for r in world.requests}
    return any(pid in (asked[i].requester_id, asked[i].requested_id) for i in ids)


@settings(max_examples=100, **SETTINGS)
@given(worlds(), st.data())
def test_a_cancellation_and_a_late_request_move_nothing_else(world: World, data: st.DataObject) -> None:
    first_enc, first = world.run()
    meetings = announce(first)
    gone = data.draw(st.sampled_from([stored_id(p) for p in world.people]), label="cancelled")
    staying = [p for p in world.people if p.id != gone]
    later = world.cancel(gone)
    if len({p.delegation or p.id for p in staying}) > 1:
        later = later.ask(99, *_two(data.draw, staying))
    k = data.draw(st.integers(0, len(world.event.slots())), label="closed_before")
    encoded, decoded = later.run(meetings, closed_before=k)
    placed = by_request(decoded)
    # (ii) every announced meeting not involving the cancelled participant stays exactly as it was
    for m in meetings:
        if not _involves(world, m, first_enc, gone):
            assert placed.get(m.request_id) == (m.slot, m.table, m.interpreter_id)
    assert decoded.moved == []
    # (iii) nothing new in the past (a delegation's meeting may now be served by another member's request)
    before = {(m.slot, m.table, m.interpreter_id) for m in meetings}
    assert all((m.slot, m.table, m.interpreter_id) in before for m in decoded.meetings if m.slot < k)
    # (iv) the cancelled participant meets nobody
    assert all(gone not in encoded.party_ids[p] for p in range(len(encoded.party_ids)))
    index = encoded.request_index()
    asked = {r.id: r for r in later.requests}
    for m in decoded.meetings:
        for rid in encoded.request_ids[index[m.request_id]]:
            assert gone not in (asked[rid].requester_id, asked[rid].requested_id)
    # and the freed room goes to waiting requests: none of them would fit as the schedule stands
    assert _fits_nowhere(encoded, decoded, k)


def _fits_nowhere(encoded: Encoded, decoded: Decoded, k: int) -> bool:
    """No unscheduled problem request could be added at an open slot without breaking a rule."""
    p = encoded.problem
    index = encoded.request_index()
    slot, table, interp = [NONE] * p.n_requests, [NONE] * p.n_requests, [NONE] * p.n_requests
    for m in decoded.meetings:
        r = index[m.request_id]
        slot[r], table[r] = m.slot, encoded.table_numbers.index(m.table)
        interp[r] = NONE if m.interpreter_id is None else encoded.interpreter_ids.index(m.interpreter_id)
    for r in range(p.n_requests):
        if slot[r] != NONE:
            continue
        for s in range(k, p.n_slots):
            for t in range(p.n_tables):
                for i in (NONE, *range(len(p.interp_langs))):
                    trial = Schedule(slot.copy(), table.copy(), interp.copy())
                    trial.slot[r], trial.table[r], trial.interpreter[r] = s, t, i
                    if not violations(p, trial):
                        return False
    return True
