"""Make room for a meeting by moving the meetings in its way (ejection chains).

To put request ``r`` at slot ``s`` the meetings that block it there — each party's meeting at ``s``, a
meeting holding the last fitting table, one holding the last able interpreter — are lifted out, ``r``
goes in, and each lifted meeting must find another slot, directly or by the same move one level
deeper. If any cannot, every change is undone. Pinned meetings (locked, or announced ones that
rescheduling keeps) never move.
"""

from __future__ import annotations

from seoro.scheduling.problem import NONE, members
from seoro.scheduling.state import State


class Journal:
    """Placements changed during one attempt, to put back exactly as they were."""

    def __init__(self) -> None:
        self.before: dict[int, tuple[int, int]] = {}

    def note(self, st: State, r: int) -> None:
        self.before.setdefault(r, (st.slot[r], st.interp[r]))

    def undo(self, st: State) -> None:
        for r in self.before:
            if st.slot[r] != NONE:
                st.remove(r)
        for r, (s, i) in self.before.items():
            if s != NONE:
                st.place(r, s, i)


def blockers(st: State, r: int, s: int) -> list[int] | None:
    """The meetings to lift so that ``r`` fits at ``s``; ``None`` when a pinned one is among them."""
    p, f = st.p, st.f
    out: list[int] = []
    for q in (p.req_a[r], p.req_b[r]):
        m = st.meeting_at[q].get(s)
        if m is not None and m not in out:
            out.append(m)
    bit = 1 << s
    if not st.table_ok(r) & bit:
        m = _table_holder(st, r, s, out)
        if m == NONE:
            return None
        out.append(m)
    if f.needs_interp[r] and not st.interp_ok(r) & bit:
        m = _interp_holder(st, r, s, out)
        if m == NONE:
            return None
        out.append(m)
    if any(st.pinned[m] for m in out):
        return None
    return out


def _table_holder(st: State, r: int, s: int, taken: list[int]) -> int:
    """A movable meeting at ``s`` whose table ``r`` could use (it needs at least the class that is full)."""
    need = st.f.need[r]
    worst = max(j for j in range(need + 1) if st.full[j] >> s & 1)
    for m in st.at_slot[s]:
        if m not in taken and not st.pinned[m] and st.f.need[m] >= worst:
            return m
    return NONE


def _parties_at(st: State, r: int, s: int) -> list[int]:
    return [m for q in (st.p.req_a[r], st.p.req_b[r]) if (m := st.meeting_at[q].get(s)) is not None]


def _free_interp(st: State, r: int, s: int, journal: Journal) -> bool:
    """Free an interpreter able to serve ``r`` at ``s`` by handing their meeting to another free one."""
    bit = 1 << s
    for m in list(st.at_slot[s]):
        i = st.interp[m]
        if i == NONE or i not in st.f.interps[r] or st.pinned[m]:
            continue
        for i2 in st.f.interps[m]:
            if i2 != i and st.p.interp_avail[i2] & ~st.interp_busy[i2] & bit:
                journal.note(st, m)
                st.interp_busy[i] &= ~bit
                st.interp_busy[i2] |= bit
                st.interp[m] = i2
                return True
    return False


def _interp_holder(st: State, r: int, s: int, taken: list[int]) -> int:
    able = set(st.f.interps[r])
    for m in st.at_slot[s]:
        if m not in taken and not st.pinned[m] and st.interp[m] in able:
            return m
    return NONE


def make_room(st: State, r: int, depth: int, journal: Journal, avoid: int = 0) -> bool:
    """Place ``r`` (under its caps) at some slot, moving blockers ``depth`` levels deep if needed."""
    if not st.under_cap(r):
        return False
    open_ = st.open_slots(r) & ~avoid
    s = st.best_slot(r, open_)
    if s != NONE:
        journal.note(st, r)
        st.place(r, s)
        return True
    if depth == 0:
        return False
    tried = st.f.mask[r] & ~avoid & ~open_
    return any(_move_in(st, r, s, depth, journal, avoid | 1 << s) for s in members(tried))


def _move_in(st: State, r: int, s: int, depth: int, journal: Journal, avoid: int) -> bool:
    inner = Journal()
    if st.f.needs_interp[r] and not st.interp_ok(r) >> s & 1:
        _free_interp(st, r, s, inner)  # a cheaper fix than moving a meeting; undone with the rest
    out = blockers(st, r, s)
    if out is None:
        inner.undo(st)
        return False
    for m in out:
        inner.note(st, m)
        st.remove(m)
    if not (st.open_slots(r) >> s & 1 and st.fits_at(r, s)):
        inner.undo(st)
        return False
    inner.note(st, r)
    st.place(r, s)
    for m in out:
        if not make_room(st, m, depth - 1, inner, avoid):
            inner.undo(st)
            return False
    for m, before in inner.before.items():
        journal.before.setdefault(m, before)
    return True


def resource_path(st: State, r: int) -> bool:
    """Place ``r`` where both parties are free but the tables or the able interpreters are taken, by
    shifting one meeting per slot along a chain of slots that ends where the last one finds what it
    needs (a breadth-first search over slots)."""
    if not st.under_cap(r):
        return False
    p, f = st.p, st.f
    a, b = p.req_a[r], p.req_b[r]
    starts = f.mask[r] & ~st.busy[a] & ~st.busy[b] & ~(st.table_ok(r) & st.interp_ok(r))
    parent: dict[int, tuple[int, int]] = {s: (NONE, r) for s in members(starts) if st.fits_at(r, s)}
    frontier = list(parent)
    while frontier:
        nxt = []
        for u in frontier:
            for m in releasers(st, parent[u][1], u):
                ma, mb = p.req_a[m], p.req_b[m]
                dest = f.mask[m] & ~st.busy[ma] & ~st.busy[mb]
                for v in members(dest & ~sum(1 << s for s in parent)):
                    if not st.fits_at(m, v):
                        continue
                    if (st.table_ok(m) & st.interp_ok(m)) >> v & 1:
                        return _shift(st, parent, u, m, v)
                    parent[v] = (u, m)
                    nxt.append(v)
        frontier = nxt
    return False


def releasers(st: State, x: int, u: int) -> list[int]:
    """Movable meetings at slot ``u`` whose leaving frees what ``x`` lacks there (a table, an interpreter)."""
    f = st.f
    bit = 1 << u
    no_table = not st.table_ok(x) & bit
    no_interp = f.needs_interp[x] and not st.interp_ok(x) & bit
    out = []
    for m in st.at_slot[u]:
        if st.pinned[m]:
            continue
        if no_table and (f.need[m] == NONE or f.need[m] < f.need[x]):
            continue
        if no_interp and st.interp[m] not in f.interps[x]:
            continue
        out.append(m)
    return out


def _shift(st: State, parent: dict[int, tuple[int, int]], u: int, m: int, v: int) -> bool:
    moves = [(m, v)]
    while True:
        prev, mover = parent[u]
        moves.append((mover, u))
        if prev == NONE:
            break
        u = prev
    j = Journal()
    for mover, _ in moves:
        j.note(st, mover)
        if st.slot[mover] != NONE:
            st.remove(mover)
    for mover, dest in moves:
        if not (st.open_slots(mover) >> dest & 1 and st.fits_at(mover, dest) and st.under_cap(mover)):
            j.undo(st)
            return False
        st.place(mover, dest)
    return True
