"""The validator on hand-made schedules: each breaks one rule and gets exactly that violation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from seoro.scheduling.checks import Violation, idle_gaps, value, violations
from seoro.scheduling.problem import NONE, Problem, Schedule

pytestmark = pytest.mark.unit

KO, EN, JA = 1, 2, 4
ALL3 = 0b111
Place = tuple[int, int, int] | None  # slot, table, interpreter; None = not scheduled


def base(**changes: Any) -> Problem:
    """Three slots, three tables (table 2 is party 5's booth), parties 0-2 and 5 Korean, 3-4 English."""
    fields: dict[str, Any] = {
        "slot_block": (0, 0, 0),
        "slot_follows": (True, True, True),
        "party_avail": (ALL3,) * 6,
        "party_cap": (3,) * 6,
        "party_size": (1,) * 6,
        "party_langs": (KO, KO, KO, EN, EN, KO),
        "party_booth": (NONE,) * 5 + (2,),
        "table_seats": (2, 2, 2),
        "table_avail": (ALL3,) * 3,
        "interp_langs": (KO | EN,),
        "interp_avail": (ALL3,),
        "req_a": (0, 0, 1, 0, 5),
        "req_b": (1, 2, 2, 3, 4),
        "req_value": (1.0, 2.0, 3.0, 4.0, 5.0),
    }
    fields.update(changes)
    return Problem(**fields)


# Party 0 meets in slots 0, 1, 2; requests 3 and 4 (Korean-English) have the interpreter.
VALID: list[Place] = [(0, 0, NONE), (1, 0, NONE), (2, 1, NONE), (2, 0, 0), (0, 2, 0)]


def schedule(places: list[Place]) -> Schedule:
    out = Schedule.empty(len(places))
    for r, place in enumerate(places):
        if place is not None:
            out.slot[r], out.table[r], out.interpreter[r] = place
    return out


def changed(**places: Place) -> Schedule:
    """The valid schedule with some requests (``r2=...``) placed elsewhere."""
    out = list(VALID)
    for name, place in places.items():
        out[int(name[1:])] = place
    return schedule(out)


def test_valid_schedule_has_no_violation() -> None:
    assert violations(base(), schedule(VALID)) == []
    assert violations(base(), schedule([None] * 5)) == []


def test_shape() -> None:
    assert violations(base(), Schedule([0, 1, 2], [0, 0, 1], [NONE] * 3)) == [
        Violation("shape", -1, detail="5 requests; slot: 3 entries, table: 3 entries, interpreter: 3 entries")
    ]
    short = Schedule([0, 1, 2, 2, 0], [0, 0, 1, 0], [NONE] * 5)
    assert violations(base(), short) == [Violation("shape", -1, detail="5 requests; table: 4 entries")]


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ((3, 1, NONE), Violation("slot_range", 2, slot=3)),
        ((-2, 1, NONE), Violation("slot_range", 2, slot=-2)),
        ((2, NONE, NONE), Violation("table_range", 2, -1, 2)),
        ((2, 3, NONE), Violation("table_range", 2, 3, 2)),
        ((2, 1, 1), Violation("interpreter_range", 2, 1, 2)),
    ],
)
def test_ranges(place: Place, expected: Violation) -> None:
    assert violations(base(), changed(r2=place)) == [expected]


def test_unscheduled_placed() -> None:
    sch = changed(r2=None)
    sch.table[2] = 1
    assert violations(base(), sch) == [Violation("unscheduled_placed", 2, detail="table 1, interpreter -1")]
    sch.table[2], sch.interpreter[2] = NONE, 0
    assert violations(base(), sch) == [Violation("unscheduled_placed", 2, detail="table -1, interpreter 0")]


def test_self_meeting() -> None:
    assert violations(base(req_b=(1, 2, 1, 3, 4)), schedule(VALID)) == [Violation("self_meeting", 2, 1, 2)]


def test_party_unavailable() -> None:
    problem = base(party_avail=(ALL3, ALL3, 0b011, ALL3, ALL3, ALL3))
    assert violations(problem, schedule(VALID)) == [Violation("party_unavailable", 2, 2, 2)]


def test_table_unavailable() -> None:
    assert violations(base(table_avail=(ALL3, 0b011, ALL3)), schedule(VALID)) == [
        Violation("table_unavailable", 2, 1, 2)
    ]


def test_table_too_small() -> None:
    assert violations(base(table_seats=(2, 1, 2)), schedule(VALID)) == [
        Violation("table_too_small", 2, 1, 2, "seats 1 < 2")
    ]
    # Sizes add up: a delegation of 2 and a person need 3 seats.
    problem = base(party_size=(1, 1, 1, 1, 2, 1), table_seats=(2, 2, 3))
    assert violations(problem, schedule(VALID)) == []
    assert violations(dataclasses.replace(problem, table_seats=(2, 2, 2)), schedule(VALID)) == [
        Violation("table_too_small", 4, 2, 0, "seats 2 < 3")
    ]


def test_party_clash() -> None:
    # Request 2 (parties 1, 2) moves to slot 1, where party 2 already meets party 0 (request 1).
    assert violations(base(), changed(r2=(1, 1, NONE))) == [Violation("party_clash", 2, 1, 1, "party 2")]


def test_table_clash() -> None:
    assert violations(base(), changed(r2=(2, 0, NONE))) == [Violation("table_clash", 3, 2, 2, "table 0")]


def test_interpreter_clash() -> None:
    assert violations(base(), changed(r4=(2, 2, 0))) == [Violation("interpreter_clash", 4, 3, 2, "interpreter 0")]


def test_booth_elsewhere() -> None:
    assert violations(base(), changed(r4=(0, 1, 0))) == [Violation("booth_elsewhere", 4, 5, 0, "booth 2, table 1")]


def test_booth_taken() -> None:
    assert violations(base(), changed(r2=(2, 2, NONE))) == [Violation("booth_taken", 2, 5, 2, "table 2")]


def test_two_hosts_meet_at_either_booth() -> None:
    problem = base(
        party_booth=(NONE, NONE, NONE, NONE, 1, 2),
        req_a=(5,),
        req_b=(4,),
        req_value=(1.0,),
    )
    assert violations(problem, schedule([(0, 1, 0)])) == []
    assert violations(problem, schedule([(0, 2, 0)])) == []
    assert violations(problem, schedule([(0, 0, 0)])) == [
        Violation("booth_elsewhere", 0, 5, 0, "booth 2, table 0"),
        Violation("booth_elsewhere", 0, 4, 0, "booth 1, table 0"),
    ]


def test_interpreter_missing() -> None:
    assert violations(base(), changed(r3=(2, 0, NONE))) == [Violation("interpreter_missing", 3, slot=2)]


def test_interpreter_unavailable() -> None:
    assert violations(base(interp_avail=(0b011,)), schedule(VALID)) == [Violation("interpreter_unavailable", 3, 0, 2)]


def test_interpreter_language() -> None:
    # The interpreter speaks Korean and Japanese: fine for request 4 (party 4 speaks Japanese too),
    # not for request 3 (party 3 speaks English only).
    problem = base(interp_langs=(KO | JA,), party_langs=(KO, KO, KO, EN, EN | JA, KO))
    assert violations(problem, schedule(VALID)) == [Violation("interpreter_language", 3, 0, 2)]


def test_interpreter_unneeded() -> None:
    assert violations(base(), changed(r1=(1, 0, 0))) == [Violation("interpreter_unneeded", 1, 0, 1)]


def test_one_shared_language_is_enough() -> None:
    problem = base(party_langs=(KO, KO, KO, EN | KO, EN, KO))
    assert violations(problem, changed(r3=(2, 0, NONE))) == []


def test_party_cap() -> None:
    problem = base(party_cap=(3, 3, 1, 3, 3, 3))
    assert violations(problem, schedule(VALID)) == [Violation("party_cap", 2, 2, 2, "meetings 2 > cap 1")]
    assert violations(base(party_cap=(3, 3, 3, 0, 3, 3)), schedule(VALID)) == [
        Violation("party_cap", 3, 3, 2, "meetings 1 > cap 0")
    ]


def test_run_too_long() -> None:
    # Party 0 meets in slots 0, 1 and 2, all back to back.
    assert violations(base(max_run=2), schedule(VALID)) == [Violation("run_too_long", 3, 0, 2, "more than 2 in a row")]
    assert violations(base(max_run=3), schedule(VALID)) == []
    # A break before slot 2 splits the run; one before slot 0 means nothing.
    assert violations(base(max_run=2, slot_follows=(True, True, False)), schedule(VALID)) == []
    assert violations(base(max_run=2, slot_follows=(False, True, True)), schedule(VALID)) == [
        Violation("run_too_long", 3, 0, 2, "more than 2 in a row")
    ]


def test_run_too_long_once_per_run() -> None:
    # Party 2 meets twice in a row (slots 1, 2), party 0 three times (0, 1, 2): one violation each.
    assert violations(base(max_run=1), schedule(VALID)) == [
        Violation("run_too_long", 1, 0, 1, "more than 1 in a row"),
        Violation("run_too_long", 2, 2, 2, "more than 1 in a row"),
    ]


def test_lock_slot() -> None:
    locked = base(req_lock_slot=(NONE, NONE, 1, NONE, NONE))
    assert violations(locked, schedule(VALID)) == [Violation("lock_slot", 2, slot=1, detail="scheduled at 2")]
    assert violations(locked, changed(r2=None)) == [Violation("lock_slot", 2, slot=1, detail="scheduled at -1")]


def test_lock_table() -> None:
    locked = base(req_lock_slot=(NONE, NONE, 2, NONE, NONE), req_lock_table=(NONE, NONE, 2, NONE, NONE))
    assert violations(locked, schedule(VALID)) == [Violation("lock_table", 2, 2, 2, "at table 1")]
    slot_only = base(req_lock_slot=(NONE, NONE, 2, NONE, NONE))
    assert violations(slot_only, schedule(VALID)) == []


def test_value() -> None:
    assert value(base(), schedule(VALID)) == 15.0
    assert value(base(), changed(r0=None, r4=None)) == 9.0
    assert value(base(), schedule([None] * 5)) == 0.0


def gaps_problem(blocks: tuple[int, ...], pairs: list[tuple[int, int]]) -> Problem:
    n, s = len(pairs), len(blocks)
    return Problem(
        slot_block=blocks,
        slot_follows=(True,) * s,
        party_avail=(1,) * 3,  # availability plays no part in idle gaps
        party_cap=(9,) * 3,
        party_size=(1,) * 3,
        party_langs=(KO,) * 3,
        party_booth=(NONE,) * 3,
        table_seats=(2,),
        table_avail=((1 << s) - 1,),
        interp_langs=(),
        interp_avail=(),
        req_a=tuple(a for a, _ in pairs),
        req_b=tuple(b for _, b in pairs),
        req_value=(1.0,) * n,
    )


def at(*slots: int | None) -> Schedule:
    return schedule([None if s is None else (s, 0, NONE) for s in slots])


def test_idle_gaps() -> None:
    one_block = gaps_problem((0, 0, 0, 0), [(0, 1), (0, 2)])
    assert idle_gaps(one_block, at(0, 1)) == 0
    assert idle_gaps(one_block, at(0, 2)) == 1  # party 0 idles in slot 1
    assert idle_gaps(one_block, at(0, 3)) == 2
    assert idle_gaps(one_block, at(3, 0)) == 2
    assert idle_gaps(one_block, at(0, None)) == 0
    assert idle_gaps(one_block, at(None, None)) == 0
    # Gaps are counted inside each block only: slots 1 and 2 lie between blocks 0 and 1 here.
    two_blocks = gaps_problem((0, 0, 1, 1), [(0, 1), (0, 2)])
    assert idle_gaps(two_blocks, at(0, 3)) == 0
    assert idle_gaps(two_blocks, at(0, 1)) == 0
    # Every party counts: 0 meets in slots 0, 2, 4 (two gaps), 1 in 0 and 4 (three), 2 in 2 only.
    three = gaps_problem((0,) * 5, [(0, 1), (0, 2), (0, 1)])
    assert idle_gaps(three, at(0, 2, 4)) == 5
    # A block's slots need not be given in one stretch of numbers: block 0 is slots 0, 1 and 3.
    split = gaps_problem((0, 0, 1, 0), [(0, 1), (0, 2)])
    assert idle_gaps(split, at(0, 3)) == 1
