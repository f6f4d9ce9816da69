"""How much more room would let the waiting requests in: extra tables per slot, or extra slots.

The current schedule stays as it is; the requests left out for want of room (tables, free slots,
interpreters, runs) are tried again by value on an event with ``k`` more tables in every slot, or
``k`` more slots at the end of every session, and the smallest ``k`` that places as many as the
largest one tried is the advice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from seoro.scheduling.feasible import facts
from seoro.scheduling.improve import Clock, place_all
from seoro.scheduling.problem import NONE, Problem, Result
from seoro.scheduling.state import State

ROOM = frozenset({"tables_full", "no_free_slot", "interpreters_busy", "run_limit", "outvalued"})


@dataclass(frozen=True)
class Advice:
    """``waiting``: requests left out for want of room; ``extra_tables`` more tables in every slot
    would place ``tables_gain`` of them; ``extra_slots`` more slots per session, ``slots_gain``."""

    waiting: int
    extra_tables: int
    tables_gain: int
    extra_slots: int
    slots_gain: int


def advise(p: Problem, result: Result, most_slots: int = 8) -> Advice:
    """Up to twice the tables, and up to ``most_slots`` more slots per session, are considered."""
    waiting = sorted((r for r, (code, _) in result.reasons.items() if code in ROOM), key=lambda r: -p.req_value[r])
    if not waiting:
        return Advice(0, 0, 0, 0, 0)
    most_tables = min(len(waiting), max(4, p.n_tables))
    tables, t_gain = _smallest(lambda k: _gain(_more_tables(p, k), result, waiting), most_tables)
    slots, s_gain = _smallest(lambda k: _gain(*_more_slots(p, k, result), waiting), most_slots)
    return Advice(len(waiting), tables, t_gain, slots, s_gain)


def _smallest(gain: Callable[[int], int], most: int) -> tuple[int, int]:
    """The smallest ``k`` in ``1..most`` whose gain equals the gain at ``most`` (binary search)."""
    best = gain(most)
    if best == 0:
        return 0, 0
    lo, hi = 1, most
    while lo < hi:
        mid = (lo + hi) // 2
        if gain(mid) >= best:
            hi = mid
        else:
            lo = mid + 1
    return lo, best


def _gain(p: Problem, result: Result, waiting: list[int]) -> int:
    st = State(p, facts(p))
    for r, s in enumerate(result.schedule.slot):
        if s != NONE:
            st.place(r, s, result.schedule.interpreter[r])
    return len(waiting) - len(place_all(st, waiting, 0, Clock(0.0)))


def _more_tables(p: Problem, k: int) -> Problem:
    seats = max(p.table_seats, default=4)
    return dataclasses.replace(
        p,
        table_seats=p.table_seats + (seats,) * k,
        table_avail=p.table_avail + (p.all_slots,) * k,
    )


def _more_slots(p: Problem, k: int, result: Result) -> tuple[Problem, Result]:
    """``p`` with ``k`` slots after the last of every block; whoever is there at the block's end stays on."""
    old_to_new: list[int] = []
    blocks: list[int] = []
    follows: list[bool] = []
    tails: list[tuple[int, int]] = []  # (old last slot of a block, new index of its first extra slot)
    for s in range(p.n_slots):
        old_to_new.append(len(blocks))
        blocks.append(p.slot_block[s])
        follows.append(p.slot_follows[s])
        if s + 1 == p.n_slots or p.slot_block[s + 1] != p.slot_block[s]:
            tails.append((s, len(blocks)))
            blocks += [p.slot_block[s]] * k
            follows += [True] * k

    def widen(mask: int) -> int:
        out = 0
        for s, t in enumerate(old_to_new):
            if mask >> s & 1:
                out |= 1 << t
        for last, first in tails:
            if mask >> last & 1:
                out |= ((1 << k) - 1) << first
        return out

    def move(slots: tuple[int, ...] | list[int]) -> tuple[int, ...]:
        return tuple(NONE if s == NONE else old_to_new[s] for s in slots)

    q = dataclasses.replace(
        p,
        slot_block=tuple(blocks),
        slot_follows=tuple(follows),
        party_avail=tuple(map(widen, p.party_avail)),
        table_avail=tuple(map(widen, p.table_avail)),
        interp_avail=tuple(map(widen, p.interp_avail)),
        req_lock_slot=move(p.req_lock_slot),
        req_prev_slot=move(p.req_prev_slot),
    )
    schedule = dataclasses.replace(result.schedule, slot=list(move(result.schedule.slot)))
    return q, dataclasses.replace(result, schedule=schedule)
