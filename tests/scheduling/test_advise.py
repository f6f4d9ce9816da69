"""Advice on room: more tables help a table-bound event, and never hurt."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from seoro.scheduling import Problem, solve
from seoro.scheduling.advise import Advice, advise

pytestmark = pytest.mark.unit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from schedule_instances import make_instance  # noqa: E402


def test_table_bound_event_is_told_how_many_tables_to_add() -> None:
    p = make_instance("table-bound", 200, 2000, seed=1)
    result = solve(p, time_limit=5)
    advice = advise(p, result)
    waiting = sum(1 for code, _ in result.reasons.values() if code == "tables_full")
    assert waiting > 0
    assert advice.waiting >= waiting
    assert 0 < advice.extra_tables <= max(4, p.n_tables)
    assert 0 < advice.tables_gain <= advice.waiting
    assert 0 < advice.slots_gain <= advice.waiting


def test_requests_left_out_for_caps_get_no_room_advice() -> None:
    # party 0 accepts one meeting and is asked for two: more tables or slots would not change that
    p = Problem(
        slot_block=(0, 0),
        slot_follows=(False, True),
        party_avail=(3, 3, 3),
        party_cap=(1, 2, 2),
        party_size=(1, 1, 1),
        party_langs=(1, 1, 1),
        party_booth=(-1, -1, -1),
        table_seats=(2, 2),
        table_avail=(3, 3),
        interp_langs=(),
        interp_avail=(),
        req_a=(0, 0),
        req_b=(1, 2),
        req_value=(2.0, 1.0),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.scheduled() == [0]
    assert result.reasons == {1: ("person_full", 0)}
    assert advise(p, result) == Advice(0, 0, 0, 0, 0)


def test_one_table_short_is_advised_exactly() -> None:
    # three meetings among six people, all wanting the single slot, and one table: two more tables, or two more slots, place both
    p = Problem(
        slot_block=(0,),
        slot_follows=(False,),
        party_avail=(1,) * 6,
        party_cap=(1,) * 6,
        party_size=(1,) * 6,
        party_langs=(1,) * 6,
        party_booth=(-1,) * 6,
        table_seats=(2,),
        table_avail=(1,),
        interp_langs=(),
        interp_avail=(),
        req_a=(0, 2, 4),
        req_b=(1, 3, 5),
        req_value=(3.0, 2.0, 1.0),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.scheduled() == [0]
    assert advise(p, result) == Advice(waiting=2, extra_tables=2, tables_gain=2, extra_slots=2, slots_gain=2)
