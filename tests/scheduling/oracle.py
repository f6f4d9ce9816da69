"""A brute-force exact scheduler for tiny problems, the yardstick the real solver is measured against.

Depth-first search over requests: each one is either left out or placed at one of its individually
feasible (slot, table, interpreter) choices, checking clashes, caps and runs incrementally, and cutting
a branch when even scheduling every remaining request could not beat the best schedule found. Nothing
is shared with the solver; ``checks.violations`` is left to the tests as a second, independent opinion.
Meant for ≤ 7 requests, ≤ 4 slots, ≤ 2 tables, ≤ 1 interpreter (a few thousand nodes).
"""

from __future__ import annotations

from dataclasses import dataclass

from seoro.scheduling.problem import NONE, Problem, Schedule

EPS = 1e-9
Choice = tuple[int, int, int]  # slot, table, interpreter


@dataclass(frozen=True)
class Optimum:
    value: float
    schedule: Schedule


def choices(p: Problem, r: int) -> list[Choice]:
    """Where request ``r`` could be placed if it were the only meeting."""
    a, b = p.req_a[r], p.req_b[r]
    if a == b or min(p.party_cap[a], p.party_cap[b]) < 1:
        return []
    slots = p.party_avail[a] & p.party_avail[b] & p.all_slots
    if p.req_lock_slot[r] != NONE:
        slots &= 1 << p.req_lock_slot[r]
    booths = {p.party_booth[x] for x in (a, b) if p.party_booth[x] != NONE}
    out: list[Choice] = []
    for s in range(p.n_slots):
        if not slots >> s & 1:
            continue
        for t in range(p.n_tables):
            if _table_ok(p, r, s, t, booths):
                out += [(s, t, i) for i in _interpreters(p, a, b, s)]
    return out


def _table_ok(p: Problem, r: int, s: int, t: int, booths: set[int]) -> bool:
    a, b = p.req_a[r], p.req_b[r]
    if not p.table_avail[t] >> s & 1 or p.table_seats[t] < p.party_size[a] + p.party_size[b]:
        return False
    if p.req_lock_slot[r] != NONE and p.req_lock_table[r] not in (NONE, t):
        return False
    if booths:  # a host's meeting happens at a host's booth
        return t in booths
    return t not in p.party_booth  # and nobody else sits at a booth


def _interpreters(p: Problem, a: int, b: int, s: int) -> list[int]:
    la, lb = p.party_langs[a], p.party_langs[b]
    if la & lb:
        return [NONE]
    return [i for i, langs in enumerate(p.interp_langs) if p.interp_avail[i] >> s & 1 and langs & la and langs & lb]


class _Search:
    def __init__(self, p: Problem) -> None:
        self.p = p
        # Locked requests first (they fail fast), then by value so good schedules come early.
        self.order = sorted(range(p.n_requests), key=lambda r: (p.req_lock_slot[r] == NONE, -p.req_value[r], r))
        self.options = {r: choices(p, r) for r in self.order}
        self.rest = [0.0] * (len(self.order) + 1)  # the most the requests from position k on can add
        for k in range(len(self.order) - 1, -1, -1):
            self.rest[k] = self.rest[k + 1] + max(0.0, p.req_value[self.order[k]])
        self.party_busy = [0] * p.n_parties
        self.party_count = [0] * p.n_parties
        self.table_busy = [0] * p.n_tables
        self.interp_busy = [0] * len(p.interp_langs)
        self.current: dict[int, Choice] = {}
        self.best_value = float("-inf")
        self.best: dict[int, Choice] | None = None

    def run(self, k: int, value: float) -> None:
        if value + self.rest[k] <= self.best_value + EPS:
            return
        if k == len(self.order):
            self.best_value, self.best = value, dict(self.current)
            return
        r = self.order[k]
        a, b = self.p.req_a[r], self.p.req_b[r]
        worth = self.p.req_value[r]
        if worth > 0 or self.p.req_lock_slot[r] != NONE:  # leaving out a free request never hurts
            for choice in self.options[r]:
                if self._fits(a, b, choice):
                    self._toggle(r, a, b, choice)
                    self.run(k + 1, value + worth)
                    self._toggle(r, a, b, choice)
        if self.p.req_lock_slot[r] == NONE:
            self.run(k + 1, value)

    def _fits(self, a: int, b: int, choice: Choice) -> bool:
        s, t, i = choice
        bit = 1 << s
        if (self.party_busy[a] | self.party_busy[b] | self.table_busy[t]) & bit:
            return False
        if i != NONE and self.interp_busy[i] & bit:
            return False
        cap = self.p.party_cap
        if self.party_count[a] >= cap[a] or self.party_count[b] >= cap[b]:
            return False
        return self._run_ok(self.party_busy[a] | bit, s) and self._run_ok(self.party_busy[b] | bit, s)

    def _run_ok(self, busy: int, s: int) -> bool:
        """Whether the run of meetings through slot ``s`` stays within ``max_run``."""
        p = self.p
        if p.max_run <= 0:
            return True
        start = s
        while start > 0 and busy >> (start - 1) & 1 and p.slot_follows[start]:
            start -= 1
        end = s
        while end + 1 < p.n_slots and busy >> (end + 1) & 1 and p.slot_follows[end + 1]:
            end += 1
        return end - start + 1 <= p.max_run

    def _toggle(self, r: int, a: int, b: int, choice: Choice) -> None:
        """Place ``r`` at ``choice`` if it is not placed, or take it back if it is (XOR undoes itself)."""
        s, t, i = choice
        bit = 1 << s
        step = -1 if r in self.current else 1
        for x in (a, b):
            self.party_busy[x] ^= bit
            self.party_count[x] += step
        self.table_busy[t] ^= bit
        if i != NONE:
            self.interp_busy[i] ^= bit
        if step == 1:
            self.current[r] = choice
        else:
            del self.current[r]


def optimum(problem: Problem) -> Optimum | None:
    """The best value any valid schedule reaches, and one schedule reaching it; ``None`` if none is valid."""
    search = _Search(problem)
    search.run(0, 0.0)
    if search.best is None:
        return None
    schedule = Schedule.empty(problem.n_requests)
    for r, (s, t, i) in search.best.items():
        schedule.slot[r], schedule.table[r], schedule.interpreter[r] = s, t, i
    return Optimum(search.best_value, schedule)
