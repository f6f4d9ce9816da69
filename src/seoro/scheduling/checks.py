"""An independent validator of schedules, written straight from the list of hard constraints.

It shares nothing with the solver but the arrays of ``problem.py``: production runs it on every schedule
the solver produces and tests run it on every schedule they see, so a solver bug cannot hide behind a
checker that reasons the same way. Violations are data, not errors; an empty list means valid.

Codes, and what ``request`` / ``other`` / ``slot`` hold besides the request (``-1`` when not applicable):

- ``shape``: the schedule's arrays do not have one entry per request (nothing else is checked).
- ``slot_range`` / ``table_range`` / ``interpreter_range``: a scheduled request at a slot that does not
  exist, with no table or one that does not exist, or with an interpreter that does not exist; such a
  request is not checked further.
- ``unscheduled_placed``: not scheduled, yet given a table or an interpreter.
- ``self_meeting``: the request asks a party (``other``) to meet itself.
- ``party_unavailable``: party ``other`` is not available at ``slot``.
- ``table_unavailable`` / ``table_too_small``: table ``other`` is not available at ``slot`` / has fewer
  seats than the two parties' sizes.
- ``party_clash`` / ``table_clash`` / ``interpreter_clash``: ``other`` is an earlier request holding the
  same party / table / interpreter in ``slot`` (the detail names which).
- ``booth_elsewhere``: booth host ``other`` meets at a table that is neither its booth nor, when the
  other side hosts a booth too, that one.
- ``booth_taken``: the meeting uses the booth of host ``other`` without it.
- ``interpreter_missing``: the parties share no language and no interpreter is assigned.
- ``interpreter_unavailable`` / ``interpreter_language``: interpreter ``other`` is not available at
  ``slot`` / speaks no language of one side.
- ``interpreter_unneeded``: interpreter ``other`` is assigned to parties who share a language.
- ``party_cap``: party ``other`` has more meetings than its cap; ``request`` is its first one past it.
- ``run_too_long``: party ``other`` has more than ``max_run`` meetings in a row (slots each following
  the last, ``slot_follows``); ``request`` and ``slot`` are the meeting that makes the run too long,
  once per run.
- ``lock_slot``: a locked request not scheduled at its lock slot (``slot``).
- ``lock_table``: a request locked at a slot and a table (``other``), scheduled at another table.
- ``lock_interpreter``: a request locked at a slot and an interpreter (``other``) — a meeting that
  already took place — scheduled with another interpreter (or none), its parties needing one.

"Earlier" means lower request number. The lock table and interpreter count only with a lock slot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from seoro.scheduling.problem import NONE, Problem, Schedule


@dataclass(frozen=True)
class Violation:
    code: str
    request: int
    other: int = -1
    slot: int = -1
    detail: str = ""


@dataclass(frozen=True)
class _Meeting:
    """A scheduled request whose slot, table and interpreter all exist."""

    r: int
    a: int
    b: int
    slot: int
    table: int
    interp: int

    @property
    def parties(self) -> tuple[int, ...]:
        return (self.a,) if self.a == self.b else (self.a, self.b)


def violations(problem: Problem, schedule: Schedule) -> list[Violation]:
    """Every hard constraint ``schedule`` breaks, ordered by check then request; ``[]`` when valid."""
    n = problem.n_requests
    lengths = {"slot": len(schedule.slot), "table": len(schedule.table), "interpreter": len(schedule.interpreter)}
    bad = [f"{name}: {size} entries" for name, size in lengths.items() if size != n]
    if bad:
        return [Violation("shape", NONE, detail=f"{n} requests; " + ", ".join(bad))]
    out, meetings = _placements(problem, schedule)
    hosts: dict[int, list[int]] = defaultdict(list)  # table -> the parties whose booth it is
    for x, booth in enumerate(problem.party_booth):
        if booth != NONE:
            hosts[booth].append(x)
    for m in meetings:
        out += _meeting(problem, m, hosts)
    out += _clashes(meetings)
    out += _caps(problem, meetings)
    out += _runs(problem, meetings)
    out += _locks(problem, schedule)
    return out


def _placements(p: Problem, sch: Schedule) -> tuple[list[Violation], list[_Meeting]]:
    out: list[Violation] = []
    meetings: list[_Meeting] = []
    for r in range(p.n_requests):
        s, t, i = sch.slot[r], sch.table[r], sch.interpreter[r]
        if s == NONE:
            if t != NONE or i != NONE:
                out.append(Violation("unscheduled_placed", r, detail=f"table {t}, interpreter {i}"))
        elif not 0 <= s < p.n_slots:
            out.append(Violation("slot_range", r, slot=s))
        elif not 0 <= t < p.n_tables:
            out.append(Violation("table_range", r, other=t, slot=s))
        elif i != NONE and not 0 <= i < len(p.interp_langs):
            out.append(Violation("interpreter_range", r, other=i, slot=s))
        else:
            meetings.append(_Meeting(r, p.req_a[r], p.req_b[r], s, t, i))
    return out, meetings


def _meeting(p: Problem, m: _Meeting, hosts: dict[int, list[int]]) -> list[Violation]:
    """The constraints one meeting must meet on its own, whatever else is scheduled."""
    out: list[Violation] = []
    bit = 1 << m.slot
    if m.a == m.b:
        out.append(Violation("self_meeting", m.r, other=m.a, slot=m.slot))
    out += [Violation("party_unavailable", m.r, x, m.slot) for x in m.parties if not p.party_avail[x] & bit]
    if not p.table_avail[m.table] & bit:
        out.append(Violation("table_unavailable", m.r, m.table, m.slot))
    need = p.party_size[m.a] + p.party_size[m.b]
    if p.table_seats[m.table] < need:
        out.append(Violation("table_too_small", m.r, m.table, m.slot, f"seats {p.table_seats[m.table]} < {need}"))
    return out + _booths(p, m, hosts.get(m.table, [])) + _languages(p, m)


def _booths(p: Problem, m: _Meeting, hosts: list[int]) -> list[Violation]:
    out: list[Violation] = []
    own = {p.party_booth[x] for x in m.parties if p.party_booth[x] != NONE}
    for x in m.parties:
        if p.party_booth[x] != NONE and m.table not in own:
            out.append(Violation("booth_elsewhere", m.r, x, m.slot, f"booth {p.party_booth[x]}, table {m.table}"))
    if hosts and not set(hosts) & set(m.parties):
        out.append(Violation("booth_taken", m.r, hosts[0], m.slot, f"table {m.table}"))
    return out


def _languages(p: Problem, m: _Meeting) -> list[Violation]:
    la, lb, i = p.party_langs[m.a], p.party_langs[m.b], m.interp
    if la & lb:
        return [] if i == NONE else [Violation("interpreter_unneeded", m.r, i, m.slot)]
    if i == NONE:
        return [Violation("interpreter_missing", m.r, slot=m.slot)]
    out: list[Violation] = []
    if not p.interp_avail[i] & (1 << m.slot):
        out.append(Violation("interpreter_unavailable", m.r, i, m.slot))
    if not (p.interp_langs[i] & la and p.interp_langs[i] & lb):
        out.append(Violation("interpreter_language", m.r, i, m.slot))
    return out


def _clashes(meetings: list[_Meeting]) -> list[Violation]:
    """Two meetings sharing a party, a table or an interpreter in one slot."""
    out: list[Violation] = []
    first: dict[tuple[str, int, int], int] = {}
    for m in meetings:  # in request order, so ``other`` is the lowest-numbered holder
        keys = [("party", x) for x in m.parties] + [("table", m.table)]
        if m.interp != NONE:
            keys.append(("interpreter", m.interp))
        for kind, index in keys:
            holder = first.setdefault((kind, index, m.slot), m.r)
            if holder != m.r:
                out.append(Violation(f"{kind}_clash", m.r, holder, m.slot, f"{kind} {index}"))
    return out


def _by_party(meetings: list[_Meeting]) -> dict[int, list[_Meeting]]:
    """Each party's meetings in time order (ties by request number)."""
    out: dict[int, list[_Meeting]] = defaultdict(list)
    for m in sorted(meetings, key=lambda m: (m.slot, m.r)):
        for x in m.parties:
            out[x].append(m)
    return out


def _caps(p: Problem, meetings: list[_Meeting]) -> list[Violation]:
    out: list[Violation] = []
    for x, mine in sorted(_by_party(meetings).items()):
        cap = p.party_cap[x]
        if len(mine) > cap:
            extra = mine[cap]
            out.append(Violation("party_cap", extra.r, x, extra.slot, f"meetings {len(mine)} > cap {cap}"))
    return out


def _runs(p: Problem, meetings: list[_Meeting]) -> list[Violation]:
    """Runs of occupied slots, each following the last with no break (``slot_follows``)."""
    if p.max_run <= 0:
        return []
    out: list[Violation] = []
    for x, mine in sorted(_by_party(meetings).items()):
        at: dict[int, int] = {}
        for m in mine:
            at.setdefault(m.slot, m.r)  # a clash is reported elsewhere; a slot counts once here
        run = 0
        for s in range(p.n_slots):
            if s not in at:
                run = 0
                continue
            run = run + 1 if s > 0 and s - 1 in at and p.slot_follows[s] else 1
            if run == p.max_run + 1:
                out.append(Violation("run_too_long", at[s], x, s, f"more than {p.max_run} in a row"))
    return out


def _locks(p: Problem, sch: Schedule) -> list[Violation]:
    out: list[Violation] = []
    for r in range(p.n_requests):
        lock_slot, lock_table = p.req_lock_slot[r], p.req_lock_table[r]
        if lock_slot == NONE:
            continue
        if sch.slot[r] != lock_slot:
            out.append(Violation("lock_slot", r, slot=lock_slot, detail=f"scheduled at {sch.slot[r]}"))
        if lock_table != NONE and sch.slot[r] != NONE and sch.table[r] != lock_table:
            out.append(Violation("lock_table", r, lock_table, sch.slot[r], f"at table {sch.table[r]}"))
        lock_interp, needs = p.req_lock_interp[r], not p.party_langs[p.req_a[r]] & p.party_langs[p.req_b[r]]
        if lock_interp != NONE and needs and sch.slot[r] != NONE and sch.interpreter[r] != lock_interp:
            detail = f"with interpreter {sch.interpreter[r]}"
            out.append(Violation("lock_interpreter", r, lock_interp, sch.slot[r], detail))
    return out


def value(problem: Problem, schedule: Schedule) -> float:
    """The total value of the scheduled requests."""
    return sum(problem.req_value[r] for r in schedule.scheduled())


def idle_gaps(problem: Problem, schedule: Schedule) -> int:
    """Idle slots inside personal agendas, summed over parties and blocks.

    For each party and each block (``slot_block``) in which it has a meeting: the number of slots of
    that block strictly between its first and its last meeting there at which it has no meeting. Every
    such slot counts, whether or not the party is available then or a break precedes it; a party with
    one meeting (or none) in a block has no gap there. Slots out of range are ignored.
    """
    busy = [0] * problem.n_parties
    for r in schedule.scheduled():
        s = schedule.slot[r]
        if 0 <= s < problem.n_slots:
            busy[problem.req_a[r]] |= 1 << s
            busy[problem.req_b[r]] |= 1 << s
    total = 0
    blocks = problem.block_masks()
    for mask in busy:
        for block in blocks:
            mine = mask & block
            if mine:
                first, last = (mine & -mine).bit_length() - 1, mine.bit_length() - 1
                between = block & ((1 << last) - 1) & ~((1 << (first + 1)) - 1)
                total += (between & ~mine).bit_count()
    return total
