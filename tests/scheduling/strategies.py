"""Hypothesis strategies for tiny, valid scheduling problems the brute-force oracle can solve.

Locks are drawn from a schedule built first (requests placed one by one where the validator accepts
them), so every drawn problem has at least one valid schedule.
"""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from seoro.scheduling.checks import violations
from seoro.scheduling.problem import NONE, Problem, Schedule

KO, EN, JA = 1, 2, 4
MAX_SLOTS = 8

# Caps shrink towards 1 and 0 (cannot meet) is rare; sizes towards 1, seats towards 4, languages towards
# Korean; the few values that make a request impossible sit away from the ends hypothesis favours.
CAPS = st.integers(1, 12).map(lambda x: 0 if x == 7 else 1 + x % 3)
SIZES = st.integers(0, 2).map(lambda x: 2 if x == 1 else 1)
SEATS = st.integers(0, 5).map(lambda x: (4, 3, 4, 2, 3, 4)[x])
LANGS = st.integers(0, 8).map(lambda x: (KO, KO | EN, EN, KO | JA, KO, EN | JA, KO | EN, JA, KO)[x])
INTERP_LANGS = st.sampled_from((KO | EN, KO | JA, KO | EN | JA, EN | JA))
# Availability is every slot but at most half of them, shrinking towards every slot.
FREE = {
    n: st.sampled_from(sorted(((1 << n) - 1) & ~holes for holes in range(1 << n) if holes.bit_count() <= n // 2)[::-1])
    for n in range(1, MAX_SLOTS + 1)
}


@st.composite
def problems(
    draw: st.DrawFn, max_requests: int = 7, max_slots: int = 4, max_tables: int = 2, max_interpreters: int = 1
) -> Problem:
    """A random problem within the given sizes; every array is consistent and locks are satisfiable."""
    n_slots = draw(st.integers(1, min(max_slots, MAX_SLOTS)))
    n_parties = draw(st.integers(2, 5))
    n_tables = draw(st.integers(1, max_tables))
    n_interp = draw(st.integers(0, max_interpreters))
    split = draw(st.integers(1, n_slots))  # slots from ``split`` on form a second block
    free = FREE[n_slots]
    reqs = [_pair(draw, n_parties) for _ in range(draw(st.integers(1, max_requests)))]
    problem = Problem(
        slot_block=tuple(0 if s < split else 1 for s in range(n_slots)),
        slot_follows=tuple(draw(st.booleans()) for _ in range(n_slots)),
        party_avail=tuple(draw(free) for _ in range(n_parties)),
        party_cap=tuple(draw(CAPS) for _ in range(n_parties)),
        party_size=tuple(draw(SIZES) for _ in range(n_parties)),
        party_langs=tuple(draw(LANGS) for _ in range(n_parties)),
        party_booth=_booths(draw, n_parties, n_tables),
        table_seats=tuple(draw(SEATS) for _ in range(n_tables)),
        table_avail=tuple(draw(free) for _ in range(n_tables)),
        interp_langs=tuple(draw(INTERP_LANGS) for _ in range(n_interp)),
        interp_avail=tuple(draw(free) for _ in range(n_interp)),
        req_a=tuple(a for a, _ in reqs),
        req_b=tuple(b for _, b in reqs),
        req_value=tuple(float(draw(st.integers(1, 9))) for _ in reqs),
        max_run=draw(st.integers(0, 2)),
    )
    return _with_locks(draw, problem)


def _pair(draw: st.DrawFn, n_parties: int) -> tuple[int, int]:
    """Two different parties."""
    a = draw(st.integers(0, n_parties - 1))
    b = draw(st.integers(0, n_parties - 2))
    return a, b + (b >= a)


def _booths(draw: st.DrawFn, n_parties: int, n_tables: int) -> tuple[int, ...]:
    """Usually no booth; sometimes one party (rarely two) hosts at its own table."""
    booth = [NONE] * n_parties
    if draw(st.integers(0, 4)) == 2:
        hosts = draw(st.lists(st.integers(0, n_parties - 1), min_size=1, max_size=min(2, n_tables), unique=True))
        tables = draw(st.permutations(range(n_tables)))
        for host, table in zip(hosts, tables, strict=False):
            booth[host] = table
    return tuple(booth)


def _with_locks(draw: st.DrawFn, problem: Problem) -> Problem:
    """Lock (sometimes) part of a valid schedule built by placing requests one by one in random order."""
    if draw(st.integers(0, 2)) != 0:
        return problem
    schedule = Schedule.empty(problem.n_requests)
    order = draw(st.permutations(range(problem.n_requests)))
    placements = [
        (s, t, i)
        for s in range(problem.n_slots)
        for t in range(problem.n_tables)
        for i in (NONE, *range(len(problem.interp_langs)))
    ]
    for r in order:
        start = draw(st.integers(0, len(placements) - 1))  # try each place, from a random one on
        for s, t, i in placements[start:] + placements[:start]:
            schedule.slot[r], schedule.table[r], schedule.interpreter[r] = s, t, i
            if not violations(problem, schedule):
                break
        else:
            schedule.slot[r], schedule.table[r], schedule.interpreter[r] = NONE, NONE, NONE
    placed = schedule.scheduled()
    if not placed:
        return problem
    locked = draw(st.lists(st.sampled_from(placed), min_size=1, max_size=2, unique=True))
    lock_slot, lock_table = [NONE] * problem.n_requests, [NONE] * problem.n_requests
    for r in locked:
        lock_slot[r] = schedule.slot[r]
        if draw(st.booleans()):
            lock_table[r] = schedule.table[r]
    return dataclasses.replace(problem, req_lock_slot=tuple(lock_slot), req_lock_table=tuple(lock_table))
