"""The scheduling benchmark's instance generator and greedy baselines (bench/schedule_instances.py,
bench/schedule_baselines.py): valid problems of the designed structure, and valid greedy schedules."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import pytest

from seoro.scheduling.checks import violations
from seoro.scheduling.problem import NONE, Problem, Schedule

# The bench scripts import each other as siblings, as they do when run as scripts from bench/.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import schedule_baselines  # noqa: E402
import schedule_instances  # noqa: E402

pytestmark = pytest.mark.unit

FULL = (1 << 16) - 1
MORNING, AFTERNOON = 0x00FF, 0xFF00


@pytest.fixture(scope="module", params=schedule_instances.FAMILIES)
def problem(request: pytest.FixtureRequest) -> Problem:
    return schedule_instances.make_instance(request.param, 200, 2000, seed=3)


def shared_tables(p: Problem) -> list[int]:
    return [t for t in range(p.n_tables) if t not in set(p.party_booth)]


def one_block(p: Problem) -> int:
    return sum(1 for a in p.party_avail if not a & MORNING or not a & AFTERNOON)


def test_requests_are_distinct_pairs_of_two_people(problem: Problem) -> None:
    pairs = {frozenset(ab) for ab in zip(problem.req_a, problem.req_b, strict=True)}
    assert problem.n_requests == 2000
    assert all(a != b for a, b in zip(problem.req_a, problem.req_b, strict=True))
    assert len(pairs) == 2000


def test_a_day_of_two_blocks_with_a_coffee_break_in_each(problem: Problem) -> None:
    assert problem.slot_block == (0,) * 8 + (1,) * 8
    assert [s for s, f in enumerate(problem.slot_follows) if not f] == [0, 4, 8, 12]
    assert problem.max_run == 4


def test_the_same_seed_gives_the_same_problem() -> None:
    first = schedule_instances.make_instance("table-bound", 200, 2000, seed=5)
    assert schedule_instances.make_instance("table-bound", 200, 2000, seed=5) == first
    assert schedule_instances.make_instance("table-bound", 200, 2000, seed=6) != first


def test_base_has_a_table_for_every_meeting_the_caps_allow_and_everyone_all_day() -> None:
    p = schedule_instances.make_instance("base", 1000, 10_000)
    assert sum(p.party_cap) / 2 <= len(shared_tables(p)) * p.n_slots
    assert one_block(p) == 0
    assert 0.10 <= sum(1 for a in p.party_avail if a != FULL) / p.n_parties <= 0.20


def test_table_bound_fills_every_table_and_half_come_for_one_block() -> None:
    p = schedule_instances.make_instance("table-bound", 200, 2000)
    tables = shared_tables(p)
    assert p.n_requests >= 5 * len(tables) * p.n_slots
    assert 0.4 <= one_block(p) / p.n_parties <= 0.6
    used = [0] * p.n_slots
    s = schedule_baselines.first_come(p)
    for r in s.scheduled():
        used[s.slot[r]] += s.table[r] in tables
    assert used == [len(tables)] * p.n_slots


def test_a_few_people_are_in_great_demand_and_may_fill_their_day() -> None:
    p = schedule_instances.make_instance("base", 1000, 10_000)
    incoming = [0] * p.n_parties
    for b in p.req_b:
        incoming[b] += 1
    top = sorted(range(p.n_parties), key=lambda q: -incoming[q])[:10]
    assert sum(incoming[q] for q in top) / 10 >= 30  # the top 1 % get tens of requests; the median about 8
    assert sorted(incoming)[p.n_parties // 2] <= 10
    assert all(p.party_cap[q] == p.party_avail[q].bit_count() for q in top)
    caps = [c for q, c in enumerate(p.party_cap) if q not in top]
    assert sum(1 for c in caps if 6 <= c <= 12) / len(caps) >= 0.95
    assert all(c <= a.bit_count() for c, a in zip(p.party_cap, p.party_avail, strict=True))


def test_languages_interpreters_delegations_booths_and_values() -> None:
    p = schedule_instances.make_instance("base", 1000, 10_000)
    langs = p.party_langs
    no_common = sum(1 for a, b in zip(p.req_a, p.req_b, strict=True) if not langs[a] & langs[b])
    assert 0.2 <= no_common / p.n_requests <= 0.6
    assert len(p.interp_langs) == 10 and all(2 <= x.bit_count() <= 3 for x in p.interp_langs)
    assert any(a != FULL for a in p.interp_avail)
    assert 10 <= p.party_size.count(2) <= 60 and set(p.party_size) == {1, 2}
    hosts = [t for t in p.party_booth if t != NONE]
    assert len(hosts) == 10 == len(set(hosts))
    assert set(p.table_seats) == {2, 3, 4}
    assert all(1.0 <= v <= 5.0 for v in p.req_value)
    assert p.req_lock_slot == (NONE,) * p.n_requests


def test_locks_are_optional_and_satisfiable() -> None:
    p = schedule_instances.make_instance("base", 200, 2000, locked=20)
    locked = [r for r, s in enumerate(p.req_lock_slot) if s != NONE]
    assert 5 <= len(locked) <= 20
    for place in (schedule_baselines.first_come, schedule_baselines.value_ordered):
        s = place(p)
        assert all(s.slot[r] == p.req_lock_slot[r] for r in locked)
        assert violations(p, s) == []


@pytest.mark.parametrize("name", ["first_come", "value_ordered"])
def test_baselines_produce_valid_schedules(problem: Problem, name: str) -> None:
    s = getattr(schedule_baselines, name)(problem)
    assert violations(problem, s) == []
    assert len(s.scheduled()) >= 300


TINY = Problem(
    slot_block=(0, 0),
    slot_follows=(False, True),
    party_avail=(3, 3, 3),
    party_cap=(2, 2, 2),
    party_size=(1, 1, 1),
    party_langs=(1, 2, 3),
    party_booth=(NONE, NONE, NONE),
    table_seats=(2,),
    table_avail=(3,),
    interp_langs=(),
    interp_avail=(),
    req_a=(2, 2),
    req_b=(0, 1),
    req_value=(1.0, 3.0),
)


def tiny(**changes: Any) -> Problem:
    """Three people (0 speaks Korean, 1 English, 2 both), one two-seat table, two slots in a row;
    person 2 asks 0 (value 1), then 1 (value 3)."""
    return dataclasses.replace(TINY, **changes)


def placed(s: Schedule) -> list[tuple[int, int, int]]:
    return list(zip(s.slot, s.table, s.interpreter, strict=True))


def test_first_come_takes_the_earliest_slot_in_creation_order() -> None:
    assert placed(schedule_baselines.first_come(tiny())) == [(0, 0, NONE), (1, 0, NONE)]
    assert placed(schedule_baselines.value_ordered(tiny())) == [(1, 0, NONE), (0, 0, NONE)]


def test_a_full_table_cap_or_run_skips_the_request() -> None:
    one_slot = {"slot_block": (0,), "slot_follows": (False,), "party_avail": (1, 1, 1), "table_avail": (1,)}
    assert placed(schedule_baselines.first_come(tiny(**one_slot))) == [(0, 0, NONE), (NONE, NONE, NONE)]
    assert placed(schedule_baselines.value_ordered(tiny(**one_slot))) == [(NONE, NONE, NONE), (0, 0, NONE)]
    assert placed(schedule_baselines.first_come(tiny(party_cap=(2, 2, 1)))) == [(0, 0, NONE), (NONE, NONE, NONE)]
    assert placed(schedule_baselines.first_come(tiny(max_run=1))) == [(0, 0, NONE), (NONE, NONE, NONE)]
    assert placed(schedule_baselines.first_come(tiny(max_run=1, slot_follows=(False, False)))) == [
        (0, 0, NONE),
        (1, 0, NONE),
    ]


def test_no_shared_language_needs_a_free_interpreter() -> None:
    ko_en = {"req_a": (0, 0), "req_b": (1, 2), "req_value": (3.0, 1.0), "table_seats": (2, 2), "table_avail": (3, 3)}
    assert placed(schedule_baselines.first_come(tiny(**ko_en))) == [(NONE, NONE, NONE), (0, 0, NONE)]
    helped = tiny(**ko_en, interp_langs=(3,), interp_avail=(2,))
    assert placed(schedule_baselines.first_come(helped)) == [(1, 0, 0), (0, 0, NONE)]


def test_a_booth_host_meets_at_its_own_table_which_nobody_else_takes() -> None:
    booth = tiny(party_booth=(NONE, 1, NONE), table_seats=(2, 4), table_avail=(3, 3), req_a=(2, 0), req_b=(1, 2))
    assert placed(schedule_baselines.first_come(booth)) == [(0, 1, NONE), (1, 0, NONE)]
    shared_gone = dataclasses.replace(booth, table_avail=(1, 3))  # in slot 1 only the booth is left
    assert placed(schedule_baselines.first_come(shared_gone)) == [(0, 1, NONE), (NONE, NONE, NONE)]


def test_a_delegation_needs_a_table_seating_all_of_it() -> None:
    delegation = tiny(party_size=(1, 1, 2), table_seats=(2, 3), table_avail=(3, 1))
    assert placed(schedule_baselines.first_come(delegation)) == [(0, 1, NONE), (NONE, NONE, NONE)]
    assert placed(schedule_baselines.first_come(tiny(party_size=(1, 1, 2)))) == [(NONE, NONE, NONE)] * 2
