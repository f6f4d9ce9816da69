"""The scheduling problem on plain arrays, and the schedule that solves it.

Everything is an index: slots ``0..S-1`` in time order, parties ``0..P-1`` (a person, or a delegation
booked together), tables ``0..T-1``, interpreters ``0..I-1``, requests ``0..R-1``. Sets of slots and of
languages are Python ints used as bit sets (bit ``s`` set = slot ``s`` in the set), which keeps the
hot loops of the solver to a few integer operations whatever the event's length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from seoro.domain.errors import DomainError

NONE = -1


def bits(indices: Sequence[int] | range) -> int:
    """The bit set holding ``indices``."""
    mask = 0
    for i in indices:
        mask |= 1 << i
    return mask


def members(mask: int) -> list[int]:
    """The indices in bit set ``mask``, ascending."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


_PINS = ("req_lock_slot", "req_lock_table", "req_lock_interp", "req_prev_slot", "req_prev_table", "req_prev_interp")


@dataclass(frozen=True)
class Problem:
    """One event's scheduling problem.

    ``slot_block[s]`` numbers the session (a morning or afternoon block) slot ``s`` belongs to;
    ``slot_follows[s]`` is true when slot ``s`` starts right as slot ``s-1`` ends (no break between),
    which is what "meetings in a row" counts. ``max_run`` caps those runs for everyone (0 = no cap).

    A request ``r`` asks parties ``req_a[r]`` and ``req_b[r]`` to meet; ``req_value[r]`` is what the
    meeting is worth (priority, mutual interest, match score, already combined). ``req_lock_slot[r]``
    (and optionally ``req_lock_table[r]`` and ``req_lock_interp[r]``) pins a meeting that must happen
    then; a meeting that already took place is pinned with all three. ``req_prev_slot`` /
    ``req_prev_table`` / ``req_prev_interp`` hold an already-announced placement (slot, table,
    interpreter) that rescheduling keeps when it can.

    A meeting needs a table with ``table_seats >= party_size[a] + party_size[b]``; a booth host
    (``party_booth[p] = t``) meets only at its own table ``t``, which nobody else uses. Parties with no
    language in common (``party_langs``) need an interpreter who speaks a language of each side.
    """

    slot_block: tuple[int, ...]
    slot_follows: tuple[bool, ...]
    party_avail: tuple[int, ...]
    party_cap: tuple[int, ...]
    party_size: tuple[int, ...]
    party_langs: tuple[int, ...]
    party_booth: tuple[int, ...]
    table_seats: tuple[int, ...]
    table_avail: tuple[int, ...]
    interp_langs: tuple[int, ...]
    interp_avail: tuple[int, ...]
    req_a: tuple[int, ...]
    req_b: tuple[int, ...]
    req_value: tuple[float, ...]
    req_lock_slot: tuple[int, ...] = ()
    req_lock_table: tuple[int, ...] = ()
    req_lock_interp: tuple[int, ...] = ()
    req_prev_slot: tuple[int, ...] = ()
    req_prev_table: tuple[int, ...] = ()
    req_prev_interp: tuple[int, ...] = ()
    max_run: int = 0

    def __post_init__(self) -> None:
        n = len(self.req_a)
        for name in _PINS:
            if not getattr(self, name):
                object.__setattr__(self, name, (NONE,) * n)
        check_shape(self)

    @property
    def n_slots(self) -> int:
        return len(self.slot_block)

    @property
    def n_parties(self) -> int:
        return len(self.party_avail)

    @property
    def n_tables(self) -> int:
        return len(self.table_seats)

    @property
    def n_requests(self) -> int:
        return len(self.req_a)

    @property
    def all_slots(self) -> int:
        return (1 << self.n_slots) - 1

    def block_masks(self) -> list[int]:
        """The slots of each block, as bit sets, by block number."""
        masks = [0] * (max(self.slot_block, default=-1) + 1)
        for s, k in enumerate(self.slot_block):
            masks[k] |= 1 << s
        return masks


def check_shape(p: Problem) -> None:
    """Arrays of one kind have one length and every index points at something that exists."""
    per_party = (p.party_cap, p.party_size, p.party_langs, p.party_booth)
    per_request = (
        p.req_b,
        p.req_value,
        p.req_lock_slot,
        p.req_lock_table,
        p.req_lock_interp,
        p.req_prev_slot,
        p.req_prev_table,
        p.req_prev_interp,
    )
    if (
        len(p.slot_follows) != p.n_slots
        or any(len(a) != p.n_parties for a in per_party)
        or len(p.table_avail) != p.n_tables
        or len(p.interp_avail) != len(p.interp_langs)
        or any(len(a) != p.n_requests for a in per_request)
    ):
        raise DomainError("schedule_shape")
    if any(b < 0 or b >= p.n_tables for b in p.party_booth if b != NONE):
        raise DomainError("schedule_shape")
    if any(not 0 <= x < p.n_parties for x in (*p.req_a, *p.req_b)):
        raise DomainError("schedule_shape")
    if any(s != NONE and not 0 <= s < p.n_slots for s in (*p.req_lock_slot, *p.req_prev_slot)):
        raise DomainError("schedule_shape")
    if any(t != NONE and not 0 <= t < p.n_tables for t in (*p.req_lock_table, *p.req_prev_table)):
        raise DomainError("schedule_shape")
    if any(i != NONE and not 0 <= i < len(p.interp_avail) for i in (*p.req_lock_interp, *p.req_prev_interp)):
        raise DomainError("schedule_shape")


@dataclass
class Schedule:
    """Where each request landed: a slot, a table and (when needed) an interpreter, or ``NONE``."""

    slot: list[int]
    table: list[int]
    interpreter: list[int]

    @classmethod
    def empty(cls, n_requests: int) -> Schedule:
        return cls([NONE] * n_requests, [NONE] * n_requests, [NONE] * n_requests)

    def scheduled(self) -> list[int]:
        return [r for r, s in enumerate(self.slot) if s != NONE]


@dataclass
class Result:
    """A schedule and what can be said about it.

    ``bound`` is a proven upper bound on the value of any schedule of the problem, so
    ``gap = (bound - value) / bound`` is how far from optimal this one can be at most.
    ``reasons[r]`` says why request ``r`` was not scheduled (a code, see ``reasons.py``), with the party
    it is about when there is one. ``moved`` lists announced meetings that rescheduling had to move.
    """

    schedule: Schedule
    value: float
    bound: float
    idle_gaps: int
    seconds: float
    reasons: dict[int, tuple[str, int]] = field(default_factory=dict)
    moved: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    stats: dict[str, float] = field(default_factory=dict)

    @property
    def gap(self) -> float:
        if self.bound <= 0:
            return 0.0
        return max(0.0, (self.bound - self.value) / self.bound)
