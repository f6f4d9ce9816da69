"""The solver against the brute-force oracle on random tiny problems: valid, exact, and a valid bound.

The oracle itself is checked first, on problems whose optimum is worked out by hand and against a
plain enumeration of every schedule through the validator.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from seoro.scheduling.checks import idle_gaps, value, violations
from seoro.scheduling.problem import NONE, Problem, Schedule
from tests.scheduling.oracle import optimum
from tests.scheduling.strategies import problems

pytestmark = pytest.mark.unit

KO, EN = 1, 2
TOL = 1e-6
SETTINGS: Any = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


def tiny(n_slots: int, n_parties: int, pairs: list[tuple[int, int]], values: list[float], **changes: Any) -> Problem:
    """Everyone free and Korean, one two-seat table, no interpreter, unless ``changes`` says otherwise."""
    full = (1 << n_slots) - 1
    fields: dict[str, Any] = {
        "slot_block": (0,) * n_slots,
        "slot_follows": (True,) * n_slots,
        "party_avail": (full,) * n_parties,
        "party_cap": (9,) * n_parties,
        "party_size": (1,) * n_parties,
        "party_langs": (KO,) * n_parties,
        "party_booth": (NONE,) * n_parties,
        "table_seats": (2,),
        "table_avail": (full,),
        "interp_langs": (),
        "interp_avail": (),
        "req_a": tuple(a for a, _ in pairs),
        "req_b": tuple(b for _, b in pairs),
        "req_value": tuple(values),
    }
    fields.update(changes)
    return Problem(**fields)


TRIANGLE = [(0, 1), (1, 2), (0, 2)]
# Korean 0 and 3 each want English 1 and 2; every meeting needs the interpreter.
BILINGUAL = {"party_langs": (KO, EN, EN, KO), "table_seats": (2, 2), "table_avail": (3, 3), "interp_langs": (KO | EN,)}
# Party 0 hosts at table 0 (four seats); party 1 is a delegation of two; table 1 seats two.
BOOTH = {"party_booth": (0, NONE, NONE, NONE), "party_size": (1, 2, 1, 1), "table_seats": (4, 2), "table_avail": (3, 3)}


@pytest.mark.parametrize(
    ("problem", "best"),
    [
        # One slot, one table: one meeting, the best one.
        (tiny(1, 3, TRIANGLE, [3.0, 5.0, 4.0]), 5.0),
        # Two slots: 3 + 5 (party 1 twice); 5 + 4 is barred by party 2's cap of one.
        (tiny(2, 3, TRIANGLE, [3.0, 5.0, 4.0], party_cap=(9, 9, 1)), 8.0),
        # At most one meeting in a row, the slots back to back: every pair shares a party or a cap.
        (tiny(2, 3, TRIANGLE, [3.0, 5.0, 4.0], party_cap=(9, 9, 1), max_run=1), 5.0),
        # ... unless a break separates them.
        (tiny(2, 3, TRIANGLE, [3.0, 5.0, 4.0], party_cap=(9, 9, 1), max_run=1, slot_follows=(True, False)), 8.0),
        # One slot; the delegation (0) and 1 fit table 0 only; 2 and 3 fit either, so both meet ...
        (tiny(1, 4, [(0, 1), (2, 3)], [5.0, 1.0], party_size=(2, 1, 1, 1), table_seats=(4, 2), table_avail=(1, 1)), 6.0),
        # ... unless 2 and 3 are locked at table 0.
        (
            tiny(
                1, 4, [(0, 1), (2, 3)], [5.0, 1.0], party_size=(2, 1, 1, 1), table_seats=(4, 2), table_avail=(1, 1),
                req_lock_slot=(NONE, 0), req_lock_table=(NONE, 0),
            ),
            1.0,
        ),
        # One slot, two tables: the two side meetings of a path beat the best one in the middle.
        (tiny(1, 4, [(1, 2), (0, 1), (2, 3)], [5.0, 3.0, 3.0], table_seats=(2, 2), table_avail=(1, 1)), 6.0),
        # 0 meets 1 in slot 0 (locked) and 2 in slot 1 (2's only one): a break between them allows both ...
        (
            tiny(
                2, 3, [(0, 1), (0, 2)], [1.0, 1.0], party_avail=(3, 3, 2), req_lock_slot=(0, NONE),
                max_run=1, slot_follows=(True, False),
            ),
            2.0,
        ),
        # ... back to back, only one of them fits.
        (tiny(2, 3, [(0, 1), (0, 2)], [1.0, 1.0], party_avail=(3, 3, 2), req_lock_slot=(0, NONE), max_run=1), 1.0),
        # The only interpreter works in slot 0 only: one meeting.
        (tiny(2, 4, [(0, 1), (3, 2), (0, 2)], [4.0, 4.0, 1.0], **BILINGUAL, interp_avail=(1,)), 4.0),
        # Working both slots: two meetings, the two best.
        (tiny(2, 4, [(0, 1), (3, 2), (0, 2)], [4.0, 4.0, 1.0], **BILINGUAL, interp_avail=(3,)), 8.0),
        # The host meets 1 and 2 at its booth; 2 meets 3 at table 1 in the other slot; 1 and 2 need three
        # seats, which only the booth has: 5 + 1 + 2.
        (tiny(2, 4, [(0, 1), (2, 3), (1, 2), (0, 2)], [5.0, 2.0, 3.0, 1.0], **BOOTH), 8.0),
        # Party 2 free in slot 0 only: 5 + 2 ...
        (tiny(2, 4, [(0, 1), (2, 3), (1, 2), (0, 2)], [5.0, 2.0, 3.0, 1.0], **BOOTH, party_avail=(3, 3, 1, 3)), 7.0),
        # ... but a lock of 0 with 2 in slot 0 costs the meeting of 2 and 3: 5 + 1.
        (
            tiny(
                2, 4, [(0, 1), (2, 3), (1, 2), (0, 2)], [5.0, 2.0, 3.0, 1.0], **BOOTH,
                party_avail=(3, 3, 1, 3), req_lock_slot=(NONE, NONE, NONE, 0),
            ),
            6.0,
        ),
    ],
)  # fmt: skip
def test_oracle_examples(problem: Problem, best: float) -> None:
    found = optimum(problem)
    assert found is not None
    assert found.value == best
    assert violations(problem, found.schedule) == []
    assert value(problem, found.schedule) == best


def test_oracle_infeasible_locks() -> None:
    # Two meetings of party 0 locked in the same slot cannot both happen.
    problem = tiny(2, 3, [(0, 1), (0, 2)], [1.0, 1.0], table_seats=(2, 2), table_avail=(3, 3), req_lock_slot=(1, 1))
    assert optimum(problem) is None


def every_schedule(problem: Problem) -> list[Schedule]:
    """Each request left out or at any slot, table and interpreter (or none): no cleverness at all."""
    options: list[tuple[int, int, int]] = [(NONE, NONE, NONE)] + list(
        itertools.product(range(problem.n_slots), range(problem.n_tables), range(-1, len(problem.interp_langs)))
    )
    out = []
    for combo in itertools.product(options, repeat=problem.n_requests):
        out.append(Schedule([c[0] for c in combo], [c[1] for c in combo], [c[2] for c in combo]))
    return out


@settings(max_examples=300, **SETTINGS)
@given(problems())
def test_oracle_schedules_are_valid(problem: Problem) -> None:
    found = optimum(problem)
    assert found is not None
    assert violations(problem, found.schedule) == []
    assert value(problem, found.schedule) == found.value


@settings(max_examples=60, **SETTINGS)
@given(problems(max_requests=3, max_slots=2, max_tables=2, max_interpreters=1))
def test_oracle_matches_enumeration(problem: Problem) -> None:
    valid = [value(problem, sch) for sch in every_schedule(problem) if not violations(problem, sch)]
    found = optimum(problem)
    assert found is not None  # the strategy promises a valid schedule
    assert found.value == max(valid)
    assert violations(problem, found.schedule) == []


@settings(max_examples=200, **SETTINGS)
@given(problems())
def test_solver_matches_oracle(problem: Problem) -> None:
    from seoro.scheduling import solve

    best = optimum(problem)
    assert best is not None
    result = solve(problem, time_limit=5)
    assert violations(problem, result.schedule) == []
    assert result.bound >= best.value - TOL
    assert abs(result.value - best.value) <= TOL
    assert abs(result.value - value(problem, result.schedule)) <= TOL
    assert result.idle_gaps == idle_gaps(problem, result.schedule)
    left_out = set(range(problem.n_requests)) - set(result.schedule.scheduled())
    assert left_out <= set(result.reasons)
    assert all(isinstance(code, str) and code for code, _ in result.reasons.values())
