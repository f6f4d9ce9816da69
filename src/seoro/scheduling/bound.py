"""Choose the meetings, and prove how good any schedule can be: a counting relaxation solved as an LP.

The model forgets which slot a meeting takes and keeps what can be counted: each request at most once,
each party within its cap and within what its free slots in each set of blocks (a morning, an
afternoon, a day) can hold with runs capped, and the tables of each size and the interpreters those
blocks offer. Every schedule is a solution of it, so the LP optimum bounds every schedule from above.

It is solved by column generation: the LP starts with each party's most valuable requests; the row
duals price every other request, and the ones that would pay are added until none would. The duals
always give a valid bound, LP value plus every leftover positive reduced cost, so a stop on the
clock still returns a proven bound.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import highspy
import numpy as np

from seoro.scheduling.feasible import Facts
from seoro.scheduling.problem import NONE, Problem, members


@dataclass(frozen=True)
class Selection:
    """``x[r]``: the LP's value of request ``r`` (1 = chosen); ``bound``: a proven upper bound;
    ``reduced[r]``: what adding ``r`` would gain at the LP's prices (≤ 0 at the optimum, near 0 for
    requests almost as good as the chosen ones)."""

    x: list[float]
    reduced: list[float]
    value: float
    bound: float
    rounds: int
    seconds: float


def run_capacity(avail: int, follows: tuple[bool, ...], max_run: int) -> int:
    """How many meetings fit in the slots of ``avail`` when at most ``max_run`` may follow each other."""
    total, run = 0, 0
    for s in range(len(follows)):
        if not avail >> s & 1:
            run = 0
            continue
        run = run + 1 if run and follows[s] else 1
        if max_run and run > max_run:
            run = 0  # this slot is the forced break
            continue
        total += 1
    return total


def block_sets(n_blocks: int) -> list[int]:
    """The sets of blocks that get their own counting rows: all of them when few, else singletons and all."""
    full = (1 << n_blocks) - 1
    if n_blocks <= 4:
        return [sum(1 << k for k in c) for n in range(1, n_blocks + 1) for c in combinations(range(n_blocks), n)]
    return [1 << k for k in range(n_blocks)] + [full]


@dataclass
class _Model:
    starts: list[int]
    index: list[int]
    upper: list[float]


def _rows(p: Problem, f: Facts, cols: list[int], reach: list[int], by_party: list[list[int]]) -> _Model:
    """Counting rows over columns ``cols``; ``reach[c]`` is the bit set of blocks column ``c`` can use."""
    blocks = p.block_masks()
    sets = block_sets(len(blocks))
    m = _Model([], [], [])

    def add(members_: list[int], upper: float) -> None:
        if len(members_) > upper:
            m.starts.append(len(m.index))
            m.index.extend(members_)
            m.upper.append(upper)

    slots_of = {bs: sum(blocks[k] for k in members(bs)) for bs in sets}
    for q, cs in enumerate(by_party):
        avail = 0  # the slots any of its meetings could use (its booth, tables and interpreters allowing)
        for c in cs:
            avail |= f.mask[cols[c]] if p.req_lock_slot[cols[c]] == NONE else 1 << p.req_lock_slot[cols[c]]
        for bs in sets:
            cap = min(p.party_cap[q], run_capacity(avail & slots_of[bs], p.slot_follows, p.max_run))
            add([c for c in cs if reach[c] & ~bs == 0], float(cap))
    for bs in sets:
        keep = slots_of[bs]
        inside = [c for c in range(len(cols)) if reach[c] & ~bs == 0]
        for j in range(len(f.seat_values)):
            tables = sum(f.class_cap[j][s] for s in members(keep))
            add([c for c in inside if f.need[cols[c]] >= j], float(tables))
        _interpreter_rows(p, f, cols, inside, keep, add)
    return m


def _interpreter_rows(
    p: Problem, f: Facts, cols: list[int], inside: list[int], keep: int, add: Callable[[list[int], float], None]
) -> None:
    """For each set of interpreters some request can use: the requests only they can serve fit in
    their free slots (a German-Korean pair needs one of the few who speak both)."""
    by_set: dict[int, list[int]] = {}
    for c in inside:
        if f.needs_interp[cols[c]]:
            by_set.setdefault(sum(1 << i for i in f.interps[cols[c]]), []).append(c)
    for able in by_set:
        within = [c for other, cs in by_set.items() if other & ~able == 0 for c in cs]
        add(within, float(sum((p.interp_avail[i] & keep).bit_count() for i in members(able))))
    everyone = [c for cs in by_set.values() for c in cs]
    add(everyone, float(sum((a & keep).bit_count() for a in p.interp_avail)))


def _by_party(p: Problem, cols: list[int]) -> list[list[int]]:
    """Each party's columns (positions in ``cols``)."""
    out: list[list[int]] = [[] for _ in range(p.n_parties)]
    for c, r in enumerate(cols):
        out[p.req_a[r]].append(c)
        out[p.req_b[r]].append(c)
    return out


def _reach(p: Problem, f: Facts, r: int, blocks: list[int]) -> int:
    if p.req_lock_slot[r] != NONE:
        return 1 << p.slot_block[p.req_lock_slot[r]]
    return sum(1 << k for k, bm in enumerate(blocks) if f.mask[r] & bm)


def select(p: Problem, f: Facts, time_limit: float) -> Selection:
    started = time.perf_counter()
    blocks = p.block_masks()
    cols = [r for r in range(p.n_requests) if f.mask[r] or p.req_lock_slot[r] != NONE]
    reach = [_reach(p, f, r, blocks) for r in cols]
    if not cols:
        return Selection([0.0] * p.n_requests, [0.0] * p.n_requests, 0.0, 0.0, 0, 0.0)
    by_party = _by_party(p, cols)
    m = _rows(p, f, cols, reach, by_party)
    n, n_rows = len(cols), len(m.starts)
    w = np.array([p.req_value[r] for r in cols], dtype=np.float64)
    locked = np.array([p.req_lock_slot[r] != NONE for r in cols])
    nz_row = np.repeat(
        np.arange(n_rows), np.diff(np.asarray([*m.starts, len(m.index)], dtype=np.int64)).astype(np.int64)
    )
    nz_col = np.array(m.index, dtype=np.int64)
    active = _initial(p, by_party, w, locked)
    h = _highs(n, w, locked, active, m, time_limit)
    rounds = 0
    while True:
        rounds += 1
        h.run()
        y = np.asarray(h.getSolution().row_dual) if n_rows else np.zeros(0)
        reduced = w - np.bincount(nz_col, weights=y[nz_row], minlength=n) if n_rows else w.copy()
        pending = ~active & (reduced > 1e-9)
        obj = float(h.getInfo().objective_function_value)
        bound = obj + float(reduced[pending].sum())
        late = time.perf_counter() - started > time_limit
        if not pending.any() or late:
            break
        add = np.flatnonzero(pending)
        active[add] = True
        h.changeColsBounds(len(add), add.astype(np.int32), np.zeros(len(add)), np.ones(len(add)))
    x = np.asarray(h.getSolution().col_value)
    out = [0.0] * p.n_requests
    gain = [-float("inf")] * p.n_requests
    for c, r in enumerate(cols):
        out[r] = float(x[c])
        gain[r] = float(reduced[c])
    return Selection(out, gain, obj, max(bound, obj), rounds, time.perf_counter() - started)


def _initial(p: Problem, by_party: list[list[int]], w: np.ndarray, locked: np.ndarray) -> np.ndarray:
    """Each party's most valuable requests, a few more than its cap: most of the LP's support."""
    active = locked.copy()
    for q, cs in enumerate(by_party):
        keep = 2 * p.party_cap[q] + 2
        if len(cs) <= keep:
            active[cs] = True
        else:
            top = np.argpartition(-w[cs], keep)[:keep]
            active[np.asarray(cs)[top]] = True
    return active


def _highs(n: int, w: np.ndarray, locked: np.ndarray, active: np.ndarray, m: _Model, limit: float) -> highspy.Highs:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(0.1, limit))
    h.setOptionValue("threads", 1)
    h.addVars(n, locked.astype(np.float64), active.astype(np.float64))
    h.changeColsCost(n, np.arange(n, dtype=np.int32), w)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    nnz = len(m.index)
    if m.starts:
        h.addRows(
            len(m.starts),
            np.full(len(m.starts), -highspy.kHighsInf),
            np.array(m.upper),
            nnz,
            np.array(m.starts, dtype=np.int32),
            np.array(m.index, dtype=np.int32),
            np.ones(nnz),
        )
    return h
