"""The baselines bench/schedule.py measures the solver against: greedy placement, as booking tools do it.

Requests are taken one at a time in a fixed order, creation order ("first come") or descending value,
and each goes to the earliest slot where both parties are available and free and under their caps,
a table with enough seats is free (a booth host's own table for a booth host), an interpreter who
speaks a language of each side is free when they share none, and neither party would exceed
``max_run`` meetings in a row; a request with no such slot is skipped. Nothing placed ever moves.
Locked requests go first, at their lock slot (and table). Slots are bit sets as in ``problem.py``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy as np

from seoro.scheduling.problem import NONE, Problem, Schedule, members


def first_come(problem: Problem) -> Schedule:
    return greedy(problem, range(problem.n_requests))


def value_ordered(problem: Problem) -> Schedule:
    values = problem.req_value
    return greedy(problem, sorted(range(problem.n_requests), key=lambda r: (-values[r], r)))


def greedy(problem: Problem, order: Iterable[int], rng: np.random.Generator | None = None) -> Schedule:
    """Place the requests of ``order`` one by one, each at its earliest feasible slot (a random feasible
    one when ``rng`` is given; the instance generator uses that to spread its locks)."""
    board = _Board(problem)
    order = list(order)
    locked = [r for r in order if problem.req_lock_slot[r] != NONE]
    for r in locked + [r for r in order if problem.req_lock_slot[r] == NONE]:
        board.place(r, rng)
    return board.schedule


class _Board:
    """Who and what is taken in which slot, updated as meetings are placed."""

    def __init__(self, p: Problem) -> None:
        self.p = p
        self.schedule = Schedule.empty(p.n_requests)
        self.busy = [0] * p.n_parties
        self.count = [0] * p.n_parties
        self.table_busy = [0] * p.n_tables
        booth_tables = {t for t in p.party_booth if t != NONE}
        shared = [t for t in range(p.n_tables) if t not in booth_tables]
        self.shared = set(shared)
        self.seat_values = sorted({p.table_seats[t] for t in shared})
        # free[j][s]: the free shared tables with seat_values[j] seats at slot s; class_free[j]: the slots
        # where that list is not empty. A meeting takes the smallest table that seats it (best fit).
        self.free: list[list[list[int]]] = [[[] for _ in range(p.n_slots)] for _ in self.seat_values]
        for t in reversed(shared):
            j = self.seat_values.index(p.table_seats[t])
            for s in members(p.table_avail[t]):
                self.free[j][s].append(t)
        self.class_free = [sum(1 << s for s, tables in enumerate(row) if tables) for row in self.free]
        self.interp_free = [0] * p.n_slots  # bit i: interpreter i free in that slot
        for i, avail in enumerate(p.interp_avail):
            for s in members(avail):
                self.interp_free[s] |= 1 << i
        self.speakers: dict[tuple[int, int], int] = {}
        # slots whose run of following slots is longer than max_run: only there can the cap bind
        self.run_slots = _long_run_slots(p) if p.max_run > 0 else 0

    def place(self, r: int, rng: np.random.Generator | None) -> bool:
        p = self.p
        a, b = p.req_a[r], p.req_b[r]
        if a == b or self.count[a] >= p.party_cap[a] or self.count[b] >= p.party_cap[b]:
            return False
        speakers = 0
        if not p.party_langs[a] & p.party_langs[b]:
            speakers = self._speakers(p.party_langs[a], p.party_langs[b])
            if not speakers:
                return False
        need = p.party_size[a] + p.party_size[b]
        booths = [t for t in sorted({p.party_booth[a], p.party_booth[b]}) if t != NONE and p.table_seats[t] >= need]
        mask = p.party_avail[a] & p.party_avail[b] & ~(self.busy[a] | self.busy[b]) & self._tables(r, need, booths)
        candidates = members(mask)
        if rng is None:
            s = next((s for s in candidates if self._fits(a, b, s, speakers)), NONE)
        else:
            fits = [s for s in candidates if self._fits(a, b, s, speakers)]
            s = int(rng.choice(fits)) if fits else NONE
        if s == NONE:
            return False
        self._take(r, a, b, s, need, booths, speakers)
        return True

    def _tables(self, r: int, need: int, booths: list[int]) -> int:
        """The slots where a table for request ``r`` is free (its booths', its lock table's, or a shared one)."""
        p = self.p
        booth_meeting = p.party_booth[p.req_a[r]] != NONE or p.party_booth[p.req_b[r]] != NONE
        lock_slot, lock_table = p.req_lock_slot[r], p.req_lock_table[r]
        if lock_slot != NONE and lock_table != NONE:
            fits = (
                lock_table in booths
                if booth_meeting
                else lock_table in self.shared and p.table_seats[lock_table] >= need
            )
            return (p.table_avail[lock_table] & ~self.table_busy[lock_table] & (1 << lock_slot)) if fits else 0
        tables = 0
        if booth_meeting:
            for t in booths:
                tables |= p.table_avail[t] & ~self.table_busy[t]
        else:
            for j in range(bisect_left(self.seat_values, need), len(self.seat_values)):
                tables |= self.class_free[j]
        return tables & (1 << lock_slot) if lock_slot != NONE else tables

    def _fits(self, a: int, b: int, s: int, speakers: int) -> bool:
        if speakers and not self.interp_free[s] & speakers:
            return False
        if self.run_slots >> s & 1:
            return self._run(self.busy[a], s) <= self.p.max_run and self._run(self.busy[b], s) <= self.p.max_run
        return True

    def _speakers(self, la: int, lb: int) -> int:
        """The interpreters who speak a language of each side, as a bit set."""
        key = (la, lb)
        if key not in self.speakers:
            found = 0
            for i, langs in enumerate(self.p.interp_langs):
                if langs & la and langs & lb:
                    found |= 1 << i
            self.speakers[key] = found
        return self.speakers[key]

    def _run(self, busy: int, s: int) -> int:
        """The length of the run of meetings through slot ``s`` if one were added there."""
        follows, run = self.p.slot_follows, 1
        t = s
        while t > 0 and follows[t] and busy >> (t - 1) & 1:
            run, t = run + 1, t - 1
        t = s + 1
        while t < self.p.n_slots and follows[t] and busy >> t & 1:
            run, t = run + 1, t + 1
        return run

    def _take(self, r: int, a: int, b: int, s: int, need: int, booths: list[int], speakers: int) -> None:
        p, bit = self.p, 1 << s
        lock_table = p.req_lock_table[r] if p.req_lock_slot[r] != NONE else NONE
        if lock_table != NONE:
            table = lock_table
            if table in self.shared:
                self.free[self.seat_values.index(p.table_seats[table])][s].remove(table)
        elif booths:
            table = next(t for t in booths if (p.table_avail[t] & ~self.table_busy[t]) & bit)
        else:
            j = next(j for j in range(bisect_left(self.seat_values, need), len(self.seat_values)) if self.free[j][s])
            table = self.free[j][s].pop()
        self._refresh(s)
        self.table_busy[table] |= bit
        if speakers:
            i = (self.interp_free[s] & speakers & -(self.interp_free[s] & speakers)).bit_length() - 1
            self.interp_free[s] &= ~(1 << i)
            self.schedule.interpreter[r] = i
        self.busy[a] |= bit
        self.busy[b] |= bit
        self.count[a] += 1
        self.count[b] += 1
        self.schedule.slot[r] = s
        self.schedule.table[r] = table

    def _refresh(self, s: int) -> None:
        for j, row in enumerate(self.free):
            if not row[s]:
                self.class_free[j] &= ~(1 << s)


def _long_run_slots(p: Problem) -> int:
    """The slots lying in a stretch of following slots longer than ``max_run``."""
    out, start = 0, 0
    for s in range(1, p.n_slots + 1):
        if s == p.n_slots or not p.slot_follows[s]:
            if s - start > p.max_run:
                out |= ((1 << (s - start)) - 1) << start
            start = s
    return out
