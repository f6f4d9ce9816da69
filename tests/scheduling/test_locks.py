"""Locked meetings: they happen where staff put them, or the run stops with a clear error."""

from __future__ import annotations

import pytest

from seoro.domain.errors import DomainError
from seoro.scheduling import NONE, Problem, solve
from seoro.scheduling.checks import violations

pytestmark = pytest.mark.unit

KO, EN, JA, ZH = 1, 2, 4, 8


def two_locks(langs: tuple[int, ...], interp_langs: tuple[int, ...]) -> Problem:
    return Problem(
        slot_block=(0, 0),
        slot_follows=(False, True),
        party_avail=(3, 3, 3, 3),
        party_cap=(2, 2, 2, 2),
        party_size=(1, 1, 1, 1),
        party_langs=langs,
        party_booth=(NONE,) * 4,
        table_seats=(2, 2),
        table_avail=(3, 3),
        interp_langs=interp_langs,
        interp_avail=(3,) * len(interp_langs),
        req_a=(0, 2),
        req_b=(1, 3),
        req_value=(1.0, 1.0),
        req_lock_slot=(0, 0),
    )


def test_locks_share_interpreters_by_matching() -> None:
    # interpreter 0 (ko, en, ja) is the only one for the ko–ja lock; the ko–en lock must take interpreter 1,
    # though interpreter 0 speaks fewer languages and would be picked first for it
    p = two_locks((KO, EN, KO, JA), (KO | EN | JA, KO | EN | ZH | 16))
    result = solve(p, time_limit=5)
    assert result.schedule.slot == [0, 0]
    assert result.schedule.interpreter == [1, 0]
    assert violations(p, result.schedule) == []


def test_a_lock_that_cannot_happen_is_refused() -> None:
    p = two_locks((KO, EN, KO, JA), (KO | JA,))  # nobody interprets ko–en
    with pytest.raises(DomainError) as caught:
        solve(p, time_limit=5)
    assert caught.value.code == "lock_infeasible"
    assert caught.value.params == {"request": 0, "slot": 0}
