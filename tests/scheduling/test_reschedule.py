"""Rescheduling keeps announced meetings where they are unless they cannot stay, and says what moved."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from seoro.scheduling import NONE, Problem, Result, solve
from seoro.scheduling.checks import violations

pytestmark = pytest.mark.unit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from schedule_instances import make_instance  # noqa: E402


def announced(p: Problem, result: Result) -> Problem:
    """``p`` with the schedule of ``result`` announced (kept by the next run when possible)."""
    return dataclasses.replace(
        p,
        req_prev_slot=tuple(result.schedule.slot),
        req_prev_table=tuple(result.schedule.table),
        req_prev_interp=tuple(result.schedule.interpreter),
    )


@pytest.fixture(scope="module")
def event() -> tuple[Problem, Result]:
    p = make_instance("table-bound", 200, 2000, seed=3)
    return p, solve(p, time_limit=5)


def kept(before: Result, after: Result, requests: range | list[int]) -> list[int]:
    return [
        r for r in requests if before.schedule.slot[r] != NONE and after.schedule.slot[r] != before.schedule.slot[r]
    ]


def test_nothing_changed_moves_nothing(event: tuple[Problem, Result]) -> None:
    p, first = event
    again = solve(announced(p, first), time_limit=5)
    assert violations(p, again.schedule) == []
    assert again.moved == []
    assert again.dropped == []
    assert again.schedule.slot == first.schedule.slot
    assert again.schedule.table == first.schedule.table
    assert again.value == pytest.approx(first.value)


def test_cancelled_party_frees_only_its_meetings(event: tuple[Problem, Result]) -> None:
    p, first = event
    gone = max(
        range(p.n_parties), key=lambda q: sum(1 for r in first.schedule.scheduled() if q in (p.req_a[r], p.req_b[r]))
    )
    avail = list(p.party_avail)
    avail[gone] = 0
    changed = dataclasses.replace(announced(p, first), party_avail=tuple(avail))
    again = solve(changed, time_limit=5)
    assert violations(changed, again.schedule) == []
    theirs = [r for r in first.schedule.scheduled() if gone in (p.req_a[r], p.req_b[r])]
    assert theirs
    assert sorted(again.dropped) == sorted(theirs)
    others = [r for r in first.schedule.scheduled() if r not in theirs]
    assert kept(first, again, others) == []
    assert again.moved == []
    # the freed time goes to waiting requests
    assert len(again.schedule.scheduled()) >= len(others)


def test_lost_table_moves_only_its_meetings(event: tuple[Problem, Result]) -> None:
    p, first = event
    lost = first.schedule.table[first.schedule.scheduled()[0]]
    tables = list(p.table_avail)
    tables[lost] = 0
    changed = dataclasses.replace(announced(p, first), table_avail=tuple(tables))
    again = solve(changed, time_limit=5)
    assert violations(changed, again.schedule) == []
    at_lost = {r for r in first.schedule.scheduled() if first.schedule.table[r] == lost}
    assert set(again.moved) | set(again.dropped) <= at_lost
    assert set(again.moved) | set(again.dropped)  # the lost table's meetings did change
    for r in first.schedule.scheduled():
        if r not in at_lost:
            assert (again.schedule.slot[r], again.schedule.table[r]) == (
                first.schedule.slot[r],
                first.schedule.table[r],
            )


def test_late_request_fits_around_announced_meetings() -> None:
    # two parties free at slot 1 only once their announced meetings are kept
    p = Problem(
        slot_block=(0, 0, 0),
        slot_follows=(False, True, True),
        party_avail=(7, 7, 7),
        party_cap=(3, 3, 3),
        party_size=(1, 1, 1),
        party_langs=(1, 1, 1),
        party_booth=(-1, -1, -1),
        table_seats=(2, 2),
        table_avail=(7, 7),
        interp_langs=(),
        interp_avail=(),
        req_a=(0, 0, 1),
        req_b=(1, 2, 2),
        req_value=(1.0, 1.0, 5.0),
        req_prev_slot=(0, 2, NONE),
        req_prev_table=(0, 1, NONE),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.slot[:2] == [0, 2]
    assert result.schedule.table[:2] == [0, 1]
    assert result.schedule.slot[2] == 1
    assert result.moved == []
    assert violations(p, result.schedule) == []


def test_announced_meeting_moves_when_a_lock_takes_its_place() -> None:
    p = Problem(
        slot_block=(0, 0),
        slot_follows=(False, True),
        party_avail=(3, 3, 3),
        party_cap=(2, 2, 2),
        party_size=(1, 1, 1),
        party_langs=(1, 1, 1),
        party_booth=(-1, -1, -1),
        table_seats=(2,),
        table_avail=(3,),
        interp_langs=(),
        interp_avail=(),
        req_a=(0, 1),
        req_b=(1, 2),
        req_value=(1.0, 1.0),
        req_lock_slot=(NONE, 0),
        req_prev_slot=(0, NONE),
        req_prev_table=(0, NONE),
    )
    result = solve(p, time_limit=5)
    assert result.schedule.slot == [1, 0]
    assert result.moved == [0]
    assert violations(p, result.schedule) == []
