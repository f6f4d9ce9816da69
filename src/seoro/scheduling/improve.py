"""From a chosen set of meetings to a good timetable: placement, filling, exchanges and compaction."""

from __future__ import annotations

import time

from seoro.scheduling.problem import NONE, members
from seoro.scheduling.repair import Journal, make_room, releasers, resource_path
from seoro.scheduling.state import State, span_gaps


class Clock:
    def __init__(self, seconds: float) -> None:
        self.end = time.perf_counter() + seconds

    def left(self) -> float:
        return self.end - time.perf_counter()

    def over(self) -> bool:
        return time.perf_counter() > self.end


def tightness(st: State, chosen: list[int]) -> list[int]:
    """``chosen`` with the hardest first: meetings of parties whose chosen meetings nearly fill their day."""
    p = st.p
    load = [0] * p.n_parties
    for r in chosen:
        load[p.req_a[r]] += 1
        load[p.req_b[r]] += 1
    free = [max(1, a.bit_count()) for a in p.party_avail]

    def key(r: int) -> tuple[float, int, float]:
        a, b = p.req_a[r], p.req_b[r]
        room = st.f.mask[r].bit_count()
        return (-max(load[a] / free[a], load[b] / free[b]), room, -p.req_value[r])

    return sorted(chosen, key=key)


def place_all(st: State, order: list[int], depth: int, clock: Clock) -> list[int]:
    """Place each request of ``order`` in turn, making room when needed; returns those that did not fit."""
    missed = []
    for r in order:
        if st.slot[r] != NONE:
            continue
        if st.try_place(r):
            continue
        if depth and not clock.over() and (make_room(st, r, depth, Journal()) or resource_path(st, r)):
            continue
        missed.append(r)
    return missed


def exchange(st: State, candidates: list[int], clock: Clock, target: float) -> int:
    """Swap a waiting request for a cheaper meeting of one of its parties when that gains value,
    until the schedule is worth ``target``."""
    p = st.p
    gained = 0
    for r in candidates:
        if clock.over() or st.value >= target:
            break
        if st.slot[r] != NONE:
            continue
        if any(_swap_in(st, r, q) for q in (p.req_a[r], p.req_b[r])) or _swap_resource(st, r):
            gained += 1
    return gained


def _swap_resource(st: State, r: int) -> bool:
    """Give ``r`` the table or interpreter of a cheaper meeting at a slot where both its parties are free."""
    p, f = st.p, st.f
    if not st.under_cap(r):
        return False
    a, b = p.req_a[r], p.req_b[r]
    best, best_slot = NONE, NONE
    for s in members(f.mask[r] & ~st.busy[a] & ~st.busy[b]):
        if not st.fits_at(r, s):
            continue
        for m in releasers(st, r, s):
            if p.req_value[m] < p.req_value[r] and (best == NONE or p.req_value[m] < p.req_value[best]):
                best, best_slot = m, s
    if best == NONE:
        return False
    j = Journal()
    j.note(st, best)
    st.remove(best)
    if not (st.open_slots(r) >> best_slot & 1):
        j.undo(st)
        return False
    j.note(st, r)
    st.place(r, best_slot)
    make_room(st, best, 1, j)  # the cheaper meeting goes elsewhere when it can
    return True


def _swap_in(st: State, r: int, q: int) -> bool:
    p = st.p
    worse = sorted(
        (m for m in st.meeting_at[q].values() if not st.pinned[m] and p.req_value[m] < p.req_value[r]),
        key=lambda m: p.req_value[m],
    )
    for m in worse[:3]:
        j = Journal()
        j.note(st, m)
        st.remove(m)
        if make_room(st, r, 1, j):
            make_room(st, m, 1, j)  # the cheaper meeting goes elsewhere when it can; the swap pays anyway
            return True
        j.undo(st)
    return False


def compact(st: State, clock: Clock, rounds: int = 3) -> int:
    """Move meetings to slots that leave fewer idle gaps in both parties' agendas, then trade slots
    between pairs of meetings where single moves are stuck (full tables); returns the moves made."""
    blocks = st.p.block_masks()
    moves = 0
    for swaps in (False, True):
        for _ in range(rounds):
            changed = _compact_pass(st, clock, blocks, swaps)
            moves += changed
            if not changed or clock.over():
                break
    return moves


def _compact_pass(st: State, clock: Clock, blocks: list[int], swaps: bool) -> int:
    changed = 0
    for r in range(st.p.n_requests):
        if st.slot[r] == NONE or st.pinned[r]:
            continue
        if clock.over():
            break
        changed += _better_slot(st, r, blocks, swaps)
    return changed


def _gaps(st: State, r: int, blocks: list[int], extra: int = 0) -> int:
    """Idle slots in the agendas of r's two parties, as if they also met at the slots of ``extra``."""
    a, b = st.p.req_a[r], st.p.req_b[r]
    return sum(span_gaps((st.busy[a] | extra) & m) + span_gaps((st.busy[b] | extra) & m) for m in blocks)


def _better_slot(st: State, r: int, blocks: list[int], swaps: bool) -> int:
    a, b = st.p.req_a[r], st.p.req_b[r]
    if not (_has_gap(st.busy[a], blocks) or _has_gap(st.busy[b], blocks)):
        return 0
    s0 = st.slot[r]
    before = _gaps(st, r, blocks)
    interp = st.remove(r)
    best, best_gaps = s0, before
    for s in members(st.open_slots(r)):
        if s == s0 or not st.fits_at(r, s):
            continue
        g = _gaps(st, r, blocks, extra=1 << s)
        if g < best_gaps:
            best, best_gaps = s, g
    if swaps and best == s0 and not st.f.needs_interp[r] and _swap_slots(st, r, s0, blocks):
        return 1
    st.place(r, best, interp if best == s0 else NONE)
    return int(best != s0)


def _swap_slots(st: State, r: int, s0: int, blocks: list[int]) -> bool:
    """With ``r`` lifted from ``s0``: trade slots with a meeting ``m`` at a slot next to r's other
    meetings when that leaves fewer gaps for all four parties (tables stay counted: same size)."""
    p, f = st.p, st.f
    a, b = p.req_a[r], p.req_b[r]
    near = ((st.busy[a] | st.busy[b]) << 1 | (st.busy[a] | st.busy[b]) >> 1) & f.mask[r] & ~st.busy[a] & ~st.busy[b]
    for s2 in members(near & ~(1 << s0)):
        for m in list(st.at_slot[s2]):
            c, d = p.req_a[m], p.req_b[m]
            if st.pinned[m] or f.need[m] != f.need[r] or f.needs_interp[m] or f.need[r] == NONE:
                continue
            if not f.mask[m] >> s0 & 1 or (st.busy[c] | st.busy[d]) >> s0 & 1:
                continue
            before = _gaps(st, m, blocks) + _gaps(st, r, blocks, extra=1 << s0)
            st.remove(m)
            st.place(r, s2)
            st.place(m, s0)
            if _gaps(st, m, blocks) + _gaps(st, r, blocks) < before and st.fits_at(r, s2) and st.fits_at(m, s0):
                return True
            st.remove(m)
            st.remove(r)
            st.place(m, s2)
            st.place(r, s0)
            st.remove(r)  # back to the caller's state: r lifted
    return False


def _has_gap(busy: int, blocks: list[int]) -> bool:
    return any(span_gaps(busy & m) for m in blocks)
