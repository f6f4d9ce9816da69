"""What each request could possibly get: its feasible slots, tables and interpreters, before any choice.

These are the facts both the bound and the placement start from, computed once per problem.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from seoro.scheduling.problem import NONE, Problem


@dataclass(frozen=True)
class Facts:
    """Per-request facts, by request index.

    ``mask[r]`` is the slots where the meeting could happen if nobody else were there: both parties
    available, a table that fits it, an interpreter when one is needed. ``need[r]`` is the seat class
    it needs (index into ``seat_values``), or ``NONE`` for a meeting at a booth; ``class_cap[j][s]``
    counts the shared tables of class ``j`` or bigger at slot ``s``. ``booths[r]`` are the
    booth tables it may use; ``interps[r]`` the interpreters able to serve it (empty when the parties
    share a language). ``why[r]`` names the first thing that makes the mask empty, else "".
    """

    mask: list[int]
    need: list[int]
    booths: list[tuple[int, ...]]
    interps: list[tuple[int, ...]]
    needs_interp: list[bool]
    why: list[str]
    seat_values: tuple[int, ...]
    table_class: tuple[int, ...]
    class_cap: tuple[tuple[int, ...], ...]


def seat_classes(p: Problem) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The distinct seat counts of shared tables, ascending, and each table's class (``NONE`` for booths)."""
    booth_tables = {t for t in p.party_booth if t != NONE}
    values = tuple(sorted({p.table_seats[t] for t in range(p.n_tables) if t not in booth_tables}))
    classes = tuple(NONE if t in booth_tables else values.index(p.table_seats[t]) for t in range(p.n_tables))
    return values, classes


def class_capacity(p: Problem, table_class: tuple[int, ...], n_classes: int) -> tuple[tuple[int, ...], ...]:
    """``cap[j][s]``: shared tables of class ``j`` or bigger that exist at slot ``s``."""
    cap = [[0] * p.n_slots for _ in range(n_classes)]
    for t, c in enumerate(table_class):
        if c == NONE:
            continue
        avail = p.table_avail[t]
        for s in range(p.n_slots):
            if avail >> s & 1:
                for j in range(c + 1):
                    cap[j][s] += 1
    return tuple(tuple(row) for row in cap)


def facts(p: Problem) -> Facts:
    values, table_class = seat_classes(p)
    cap = class_capacity(p, table_class, len(values))
    class_avail = tuple(_mask(row) for row in cap)
    out = Facts([], [], [], [], [], [], values, table_class, cap)
    for r in range(p.n_requests):
        _one(p, r, out, class_avail)
    return out


def _mask(counts: tuple[int, ...]) -> int:
    return sum(1 << s for s, n in enumerate(counts) if n > 0)


def _one(p: Problem, r: int, out: Facts, class_avail: tuple[int, ...]) -> None:
    a, b = p.req_a[r], p.req_b[r]
    mask = p.party_avail[a] & p.party_avail[b]
    why = "" if mask else "no_common_slot"
    booths = tuple(t for t in (p.party_booth[a], p.party_booth[b]) if t != NONE)
    need = NONE
    if booths:
        tables = 0
        for t in booths:
            if p.table_seats[t] >= p.party_size[a] + p.party_size[b]:
                tables |= p.table_avail[t]
        booths = tuple(t for t in booths if p.table_seats[t] >= p.party_size[a] + p.party_size[b])
    else:
        need = bisect_left(out.seat_values, p.party_size[a] + p.party_size[b])
        for held in (p.req_lock_table[r], p.req_prev_table[r]):
            if held != NONE and out.table_class[held] != NONE:
                need = max(need, out.table_class[held])  # it keeps that table, so it counts as that size
        tables = class_avail[need] if need < len(class_avail) else 0
    if mask and not mask & tables:
        why = "no_table"
    mask &= tables
    interps: tuple[int, ...] = ()
    needs = not p.party_langs[a] & p.party_langs[b]
    if needs:
        interps = tuple(
            i
            for i, langs in enumerate(p.interp_langs)
            if langs & p.party_langs[a] and langs & p.party_langs[b] and p.interp_avail[i] & mask
        )
        covered = 0
        for i in interps:
            covered |= p.interp_avail[i]
        if mask and not mask & covered:
            why = "no_interpreter"
        mask &= covered
    out.mask.append(mask)
    out.need.append(need)
    out.booths.append(booths)
    out.interps.append(interps)
    out.needs_interp.append(needs)
    out.why.append(why)
