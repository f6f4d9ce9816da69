"""Name the table of every placed meeting, slot by slot.

The counting in ``state`` guarantees that the meetings of a slot fit its tables; here the biggest
needs choose first and each takes the smallest free table that seats it, so no big table goes to a
small meeting while a big one still waits. A locked table, then the table a meeting was announced at,
is kept whenever the rest still fit: locks choose first, then announced meetings still at their slot
(``feasible`` counts each as the size of its table, so they all get it back), then moved ones.
"""

from __future__ import annotations

from bisect import bisect_left

from seoro.scheduling.feasible import Facts
from seoro.scheduling.problem import NONE, Problem


def assign(p: Problem, f: Facts, slot: list[int]) -> list[int]:
    table = [NONE] * p.n_requests
    by_slot: dict[int, list[int]] = {}
    for r, s in enumerate(slot):
        if s == NONE:
            continue
        if f.need[r] == NONE:
            table[r] = _booth(p, f, r, s)
        else:
            by_slot.setdefault(s, []).append(r)
    for s, rs in by_slot.items():
        _one_slot(p, f, s, rs, table)
    return table


def _booth(p: Problem, f: Facts, r: int, s: int) -> int:
    """The locked booth, else the announced one (when two hosts meet), else the first one there."""
    if p.req_lock_table[r] in f.booths[r]:
        return p.req_lock_table[r]
    if p.req_prev_slot[r] == s and p.req_prev_table[r] in f.booths[r] and p.table_avail[p.req_prev_table[r]] >> s & 1:
        return p.req_prev_table[r]
    for t in f.booths[r]:
        if p.table_avail[t] >> s & 1:
            return t
    return f.booths[r][0]


def _one_slot(p: Problem, f: Facts, s: int, rs: list[int], table: list[int]) -> None:
    free = sorted(
        (p.table_seats[t], t) for t in range(p.n_tables) if f.table_class[t] != NONE and p.table_avail[t] >> s & 1
    )
    wishes = sorted(
        rs, key=lambda r: (p.req_lock_table[r] == NONE, not _kept(p, r, s), p.req_prev_table[r] == NONE, -f.need[r])
    )
    needs = sorted((p.party_size[p.req_a[r]] + p.party_size[p.req_b[r]] for r in rs), reverse=True)
    for r in wishes:
        size = p.party_size[p.req_a[r]] + p.party_size[p.req_b[r]]
        needs.remove(size)
        for wish in (p.req_lock_table[r], p.req_prev_table[r]):
            k = _index(free, wish)
            if k != NONE and free[k][0] >= size and _rest_fit(free[:k] + free[k + 1 :], needs):
                table[r] = free.pop(k)[1]
                break
        else:
            k = bisect_left(free, (size, -1))
            table[r] = free.pop(k)[1]


def _kept(p: Problem, r: int, s: int) -> bool:
    """Whether ``r`` is announced at slot ``s`` at a table still there: its table is to be kept before
    any other wish. A meeting whose table is lost chooses after them, so it takes a table nobody holds
    instead of pushing the holder of the next table along (a cascade of table changes)."""
    t = p.req_prev_table[r]
    return p.req_prev_slot[r] == s and t != NONE and bool(p.table_avail[t] >> s & 1)


def _index(free: list[tuple[int, int]], t: int) -> int:
    if t == NONE:
        return NONE
    for k, (_, u) in enumerate(free):
        if u == t:
            return k
    return NONE


def _rest_fit(free: list[tuple[int, int]], needs: list[int]) -> bool:
    """Whether meetings of sizes ``needs`` (descending) still fit tables ``free`` (ascending seats)."""
    seats = sorted((s for s, _ in free), reverse=True)
    return len(seats) >= len(needs) and all(t >= n for t, n in zip(seats, needs, strict=False))
