"""Why a request was not scheduled, in the words staff act on.

Codes, checked in this order (the first that holds is given):
``no_common_slot`` the two parties are never available at the same time;
``no_table`` no table that seats both sides exists when they are;
``no_interpreter`` they share no language and no interpreter able to serve them is there then;
``person_full`` one side (named) already has as many meetings as it accepts;
``no_free_slot`` every slot both could use holds another meeting of one of them;
``tables_full`` where both are free, every fitting table is taken;
``interpreters_busy`` where both are free and a table is left, the able interpreters are all busy;
``run_limit`` the only free slots would make too many meetings in a row;
``outvalued`` it fits only by displacing meetings worth more (the optimiser chose those).
"""

from __future__ import annotations

from seoro.scheduling.problem import NONE
from seoro.scheduling.state import State

CODES = (
    "no_common_slot",
    "no_table",
    "no_interpreter",
    "person_full",
    "no_free_slot",
    "tables_full",
    "interpreters_busy",
    "run_limit",
    "outvalued",
)


def reason(st: State, r: int) -> tuple[str, int]:
    p, f = st.p, st.f
    if f.why[r]:
        return f.why[r], NONE
    a, b = p.req_a[r], p.req_b[r]
    for q in (a, b):
        if st.count[q] >= p.party_cap[q]:
            return "person_full", q
    free = f.mask[r] & ~st.busy[a] & ~st.busy[b]
    if not free:
        return "no_free_slot", NONE
    free &= st.table_ok(r)
    if not free:
        return "tables_full", NONE
    free &= st.interp_ok(r)
    if not free:
        return "interpreters_busy", NONE
    if not any(st.fits_at(r, s) for s in range(p.n_slots) if free >> s & 1):
        return "run_limit", NONE
    return "outvalued", NONE


def reasons(st: State) -> dict[int, tuple[str, int]]:
    return {r: reason(st, r) for r in range(st.p.n_requests) if st.slot[r] == NONE}
