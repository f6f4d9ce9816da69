"""The scheduler: choose meetings with a proven bound, place them in slots, repair, improve, compact.

1. Locked meetings go where staff put them (meetings that already took place are locks with their
   table and interpreter); announced ones (rescheduling) stay where they were, with their interpreter,
   whenever that is still possible, and only those that cannot stay are moved (or dropped).
2. ``bound.select`` solves the counting relaxation: its optimum is the proven upper bound and its
   solution says which meetings to aim for.
3. The chosen meetings are placed hardest first, moving others out of the way when needed
   (``repair``); then every other request is tried by value, cheaper meetings are exchanged for
   dearer waiting ones, and idle gaps are squeezed out without changing which meetings happen.
4. Small problems the heuristic does not prove optimal go to an exact CP-SAT model (``exact``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from seoro.domain.errors import DomainError
from seoro.scheduling import exact
from seoro.scheduling.bound import Selection, select
from seoro.scheduling.feasible import facts
from seoro.scheduling.improve import Clock, compact, exchange, place_all, tightness
from seoro.scheduling.problem import NONE, Problem, Result, Schedule
from seoro.scheduling.reasons import reasons
from seoro.scheduling.state import State
from seoro.scheduling.tables import assign

Progress = Callable[[str, float], None]
Wished = dict[int, set[int]]  # slot -> interpreters
TOLERANCE = 1e-6


def solve(
    problem: Problem, *, time_limit: float = 30.0, gap_tolerance: float = 1e-4, progress: Progress | None = None
) -> Result:
    """The best schedule found within ``time_limit`` seconds, with its proven bound and the reasons.

    Improvement stops early once the schedule is within ``gap_tolerance`` of the bound (0.01 % by
    default, as MIP solvers do); idle-gap compaction then gets its own share of the time."""
    started = time.perf_counter()
    say = progress or (lambda _step, _share: None)
    f = facts(problem)
    st = State(problem, f)
    wished = _wished(problem)
    _place_locks(st, wished)
    moved, dropped = _keep_announced(st, Clock(time_limit * 0.2), wished)
    say("bound", 0.1)
    sel = select(problem, f, time_limit * 0.5)
    say("place", 0.5)
    stats = _place(st, sel, Clock(time_limit * 0.65 - (time.perf_counter() - started)), gap_tolerance)
    say("compact", 0.85)
    compact(st, Clock(time_limit * 0.85 - (time.perf_counter() - started)))
    bound = sel.bound
    if st.value < bound * (1 - TOLERANCE) and exact.small(problem):
        bound = min(bound, exact.improve(st, max(1.0, time_limit - (time.perf_counter() - started))))
    slot = list(st.slot)
    schedule = Schedule(slot, assign(problem, f, slot), list(st.interp))
    say("done", 1.0)
    return Result(
        schedule=schedule,
        value=st.value,
        bound=max(bound, st.value),
        idle_gaps=st.idle_gaps(),
        seconds=time.perf_counter() - started,
        reasons=reasons(st),
        moved=_moved_tables(problem, schedule, moved),
        dropped=dropped,
        stats={"lp_seconds": sel.seconds, "lp_rounds": sel.rounds, "lp_value": sel.value, **stats},
    )


def _place(st: State, sel: Selection, clock: Clock, gap_tolerance: float) -> dict[str, float]:
    """The LP's choice first, hardest first; then everything else by value; then exchanges."""
    p = st.p
    chosen = [r for r in range(p.n_requests) if sel.x[r] > 0.5 and st.slot[r] == NONE]
    missed = place_all(st, tightness(st, chosen), 1, clock)
    missed = place_all(st, missed, 2, clock)
    stats = {"chosen": float(len(chosen)), "chosen_missed": float(len(missed)), "after_chosen": st.value}
    skip = set(missed)
    rest = sorted(
        (r for r in range(p.n_requests) if st.slot[r] == NONE and st.f.mask[r] and r not in skip),
        key=lambda r: (-sel.x[r], -p.req_value[r]),
    )
    place_all(st, rest, 0, clock)
    stats["after_fill"] = st.value
    # the LP's near misses are the requests most worth an exchange
    near = sorted((r for r in rest if st.slot[r] == NONE and sel.reduced[r] > -1.0), key=lambda r: -sel.reduced[r])
    target = sel.bound * (1 - gap_tolerance)
    if exchange(st, missed + near, clock, target):
        place_all(st, rest, 0, clock)
    stats["after_exchange"] = st.value
    return stats


def _place_locks(st: State, wished: Wished) -> None:
    p = st.p
    locked = [r for r in range(p.n_requests) if p.req_lock_slot[r] != NONE]
    interp = _lock_interpreters(st, locked, wished)
    for r in sorted(locked, key=lambda r: not st.f.needs_interp[r]):
        s = p.req_lock_slot[r]
        if st.f.needs_interp[r] and interp.get(r, NONE) == NONE:
            raise DomainError("lock_infeasible", request=r, slot=s)
        if not (st.under_cap(r) and st.open_slots(r) >> s & 1 and st.fits_at(r, s)):
            raise DomainError("lock_infeasible", request=r, slot=s)
        st.place(r, s, interp.get(r, NONE))
        st.pinned[r] = True


def _lock_interpreters(st: State, locked: list[int], wished: Wished) -> dict[int, int]:
    """Interpreters for the locked meetings of each slot, as a bipartite matching (augmenting paths),
    so that one lock never takes the only interpreter another lock could have. Each lock tries its
    own interpreter first (the one it took place or was announced with), so no two trade theirs."""
    p = st.p
    owner: dict[tuple[int, int], int] = {}  # (interpreter, slot) -> request

    def assign(r: int, seen: set[int]) -> bool:
        s = p.req_lock_slot[r]
        for i in _interp_order(st, r, s, wished):
            if not p.interp_avail[i] >> s & 1 or i in seen:
                continue
            seen.add(i)
            other = owner.get((i, s))
            if other is None or assign(other, seen):
                owner[i, s] = r
                return True
        return False

    for r in locked:
        if st.f.needs_interp[r]:
            assign(r, set())
    return {r: i for (i, _), r in owner.items()}


def _keep_announced(st: State, clock: Clock, wished: Wished) -> tuple[list[int], list[int]]:
    """Announced meetings stay put when they still can; the others move (returned) or are dropped."""
    p = st.p
    must_move = []
    announced = [r for r in range(p.n_requests) if p.req_prev_slot[r] != NONE and st.slot[r] == NONE]
    # those whose own table is still there first, so that a lost table displaces only its meetings
    announced.sort(key=lambda r: not _table_still_there(p, r))
    for r in announced:
        s = p.req_prev_slot[r]
        if st.under_cap(r) and st.open_slots(r) >> s & 1 and st.fits_at(r, s):
            st.place(r, s, _free_interpreter(st, r, s, wished))
            st.pinned[r] = True
        else:
            must_move.append(r)
    dropped = place_all(st, must_move, 2, clock)
    for r in must_move:
        st.pinned[r] = st.slot[r] != NONE
    return [r for r in must_move if st.slot[r] != NONE], dropped


def _table_still_there(p: Problem, r: int) -> bool:
    t = p.req_prev_table[r]
    return t != NONE and bool(p.table_avail[t] >> p.req_prev_slot[r] & 1)


def _wished(p: Problem) -> Wished:
    """Slot → the interpreters pinned or announced meetings hold there, which others should leave them."""
    out: Wished = {}
    for r in range(p.n_requests):
        for s, i in ((p.req_lock_slot[r], p.req_lock_interp[r]), (p.req_prev_slot[r], p.req_prev_interp[r])):
            if s != NONE and i != NONE:
                out.setdefault(s, set()).add(i)
    return out


def _own_interpreter(p: Problem, r: int, s: int) -> int:
    """The interpreter ``r`` is locked to, else the one it was announced with at ``s``, else ``NONE``."""
    if p.req_lock_interp[r] != NONE:
        return p.req_lock_interp[r]
    return p.req_prev_interp[r] if p.req_prev_slot[r] == s else NONE


def _interp_order(st: State, r: int, s: int, wished: Wished) -> list[int]:
    """The interpreters to try for ``r`` at ``s``: only its lock's, else its own first, then those no
    other meeting of the slot holds, fewest languages first (versatile ones are kept for later)."""
    p = st.p
    own = _own_interpreter(p, r, s)
    if p.req_lock_interp[r] != NONE:
        return [own] if own in st.f.interps[r] else []
    taken = wished.get(s, set())
    return sorted(st.f.interps[r], key=lambda i: (i != own, i in taken, p.interp_langs[i].bit_count()))


def _free_interpreter(st: State, r: int, s: int, wished: Wished) -> int:
    """The first free interpreter of ``_interp_order``, or ``NONE`` when ``r`` needs none."""
    for i in _interp_order(st, r, s, wished):
        if (st.p.interp_avail[i] & ~st.interp_busy[i]) >> s & 1:
            return i
    return NONE


def _moved_tables(p: Problem, schedule: Schedule, moved: list[int]) -> list[int]:
    """Moved slots, plus announced meetings that kept their slot but had to change table."""
    out = set(moved)
    for r in range(p.n_requests):
        kept_slot = p.req_prev_slot[r] != NONE and schedule.slot[r] == p.req_prev_slot[r]
        if kept_slot and p.req_prev_table[r] != NONE and schedule.table[r] != p.req_prev_table[r]:
            out.add(r)
    return sorted(out)
