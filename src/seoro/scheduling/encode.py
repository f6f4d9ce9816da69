"""From an event's domain objects to the scheduler's arrays (:class:`Problem`), and back.

Parties are attending participants, a delegation being one party. Every accepted request between two
parties (A→B, B→A, or from several members of a delegation) becomes one problem request: a meeting
serves them all. Requests that cannot be scheduled at all (not accepted, a cancelled participant, two
participants of one type in a cross-type event) stay out of the problem with a reason of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Slot, check_slots
from seoro.domain.meetings import Meeting, MeetingRequest, Priority, RequestStatus
from seoro.domain.participants import (
    Interpreter,
    Participant,
    Party,
    check_interpreters,
    check_participants,
    group_parties,
    party_key,
    stored_id,
)
from seoro.scheduling.problem import NONE, Problem, Result, bits

# What a meeting is worth: the strongest request each way (so mutual interest counts twice), plus the
# pair's match score. Tune here.
PRIORITY_WEIGHT = {Priority.MUST: 3.0, Priority.HIGH: 2.0, Priority.NORMAL: 1.0}
SCORE_WEIGHT = 1.0


def meeting_value(forward: Sequence[MeetingRequest], backward: Sequence[MeetingRequest]) -> float:
    """``max weight A→B + max weight B→A + SCORE_WEIGHT × best match score`` (score in [0, 1]).

    A→B normal alone is 1.0; A→B must is 3.0; A→B high and B→A normal (mutual) is 3.0; a score of 0.8
    adds 0.8. Duplicates in one direction do not add up.
    """
    scores = [r.score for side in (forward, backward) for r in side if r.score is not None]
    best = min(1.0, max(0.0, max(scores))) if scores else 0.0
    return _strongest(forward) + _strongest(backward) + SCORE_WEIGHT * best


def _strongest(side: Sequence[MeetingRequest]) -> float:
    return PRIORITY_WEIGHT[min(r.priority for r in side)] if side else 0.0


@dataclass(frozen=True)
class Encoded:
    """The problem and the maps back to the domain. Slot indices are the event's (``slots[s].index == s``).

    ``request_ids[r]``: the MeetingRequest ids problem request ``r`` serves, ascending. ``prev[r]``:
    its announced meeting, if any; ``past[r]``: that meeting has already started (it is pinned where it
    took place). ``skipped``: request id → reason, for requests kept out of the problem. ``stale``:
    announced meetings no accepted request wants any more.
    """

    problem: Problem
    slots: tuple[Slot, ...]
    request_ids: tuple[tuple[int, ...], ...]
    party_ids: tuple[tuple[int, ...], ...]
    table_numbers: tuple[int, ...]
    interpreter_ids: tuple[int, ...]
    languages: tuple[str, ...]
    prev: tuple[Meeting | None, ...]
    skipped: dict[int, str]
    stale: tuple[Meeting, ...]
    past: tuple[bool, ...]

    def request_index(self) -> dict[int, int]:
        """MeetingRequest id → problem request index, for the requests in the problem."""
        return {rid: r for r, ids in enumerate(self.request_ids) for rid in ids}

    def party_index(self) -> dict[int, int]:
        """Participant id → party index, for attending participants."""
        return {pid: k for k, ids in enumerate(self.party_ids) for pid in ids}


@dataclass(frozen=True)
class Unscheduled:
    """Why a request has no meeting: a code, and the participants (one party) it is about, if any."""

    code: str
    participant_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Decoded:
    """The meetings of a schedule, why each other request has none, and which announced meetings changed.

    ``moved``: announced meetings now at another slot or table; ``dropped``: announced meetings no
    longer held. Both list ``Meeting.request_id`` values of the old meetings.
    """

    meetings: list[Meeting]
    unscheduled: dict[int, Unscheduled]
    moved: list[int]
    dropped: list[int]


_STATUS_REASON = {
    RequestStatus.PENDING: "pending",
    RequestStatus.DECLINED: "declined",
    RequestStatus.EXPIRED: "expired",
    RequestStatus.CANCELLED: "cancelled",
}

Group = list[MeetingRequest]
Pin = tuple[int, int, int]  # slot, table index, interpreter index; NONE where free


class _Encoder:
    """One encoding run: the parties and request groups, built once, turned into arrays."""

    def __init__(self, event: Event, participants: Sequence[Participant], interpreters: Sequence[Interpreter]) -> None:
        self.event = event
        self.slots = tuple(event.slots())
        check_participants(event, participants)
        check_interpreters(event, interpreters)
        self.people = {stored_id(p): p for p in participants}
        self.parties = sorted(group_parties(participants).values(), key=lambda party: party.ids)
        self.party_of = {pid: k for k, party in enumerate(self.parties) for pid in party.ids}
        self.party_by_key = {party.key: k for k, party in enumerate(self.parties)}
        self.table_index = {t.number: k for k, t in enumerate(event.tables)}
        self.interpreters = list(interpreters)
        spoken = {lang for party in self.parties for lang in party.languages()}
        self.languages = tuple(sorted(spoken | {lang for i in interpreters for lang in i.languages}))

    def groups(self, requests: Sequence[MeetingRequest]) -> tuple[list[Group], dict[int, str]]:
        """Accepted requests grouped by pair of parties (ordered by lowest id), and why the rest are out."""
        by_pair: dict[tuple[int, int], Group] = {}
        skipped: dict[int, str] = {}
        for r in sorted(requests, key=_request_id):
            reason = self.reason_out(r)
            if reason:
                skipped[_request_id(r)] = reason
            else:
                by_pair.setdefault(self.pair(r), []).append(r)
        return list(by_pair.values()), skipped

    def reason_out(self, r: MeetingRequest) -> str:
        """Why ``r`` cannot be in the problem, or ``""``."""
        if r.status is not RequestStatus.ACCEPTED:
            return _STATUS_REASON[r.status]
        a, b = self._person(r.requester_id), self._person(r.requested_id)
        if a.cancelled or b.cancelled:
            return "participant_cancelled"
        if not (a.attending and b.attending):
            return "participant_absent"
        if self.party_of[r.requester_id] == self.party_of[r.requested_id]:
            return "same_party"
        if self.event.cross_type_only and a.type_code == b.type_code:
            return "same_type"
        return ""

    def pair(self, r: MeetingRequest) -> tuple[int, int]:
        a, b = self.party_of[r.requester_id], self.party_of[r.requested_id]
        return (a, b) if a < b else (b, a)

    def _person(self, participant_id: int) -> Participant:
        try:
            return self.people[participant_id]
        except KeyError:
            raise DomainError("unknown_participant", id=participant_id) from None

    def party_arrays(self) -> dict[str, tuple[int, ...]]:
        n_slots, lang_bit = len(self.slots), {lang: k for k, lang in enumerate(self.languages)}
        caps = (party.cap(self.event) for party in self.parties)
        hosts = self.event.booths()
        booths = (party.booth(hosts) for party in self.parties)
        return {
            "party_avail": tuple(_party_avail(p, n_slots) for p in self.parties),
            "party_cap": tuple(n_slots if c is None else min(c, n_slots) for c in caps),
            "party_size": tuple(p.size for p in self.parties),
            "party_langs": tuple(bits([lang_bit[x] for x in p.languages()]) for p in self.parties),
            "party_booth": tuple(NONE if b is None else self.table_index[b] for b in booths),
        }

    def resource_arrays(self) -> dict[str, tuple[int, ...]]:
        n_slots, lang_bit = len(self.slots), {lang: k for k, lang in enumerate(self.languages)}
        return {
            "table_seats": tuple(t.seats for t in self.event.tables),
            "table_avail": tuple(_avail(t.availability, n_slots) for t in self.event.tables),
            "interp_langs": tuple(bits([lang_bit[x] for x in i.languages]) for i in self.interpreters),
            "interp_avail": tuple(_avail(i.availability, n_slots) for i in self.interpreters),
        }

    def lock(self, group: Group) -> tuple[int, int]:
        """The (slot, table index) the group's meeting is pinned to, ``NONE`` where free."""
        fixed = {s for r in group if (s := r.fixed_slot()) is not None}
        if len(fixed) > 1:
            raise DomainError("lock_conflict", requests=", ".join(str(_request_id(r)) for r in group))
        if not fixed:
            return NONE, NONE
        (slot,) = fixed
        check_slots(frozenset(fixed), len(self.slots))
        number = next((r.locked_table for r in group if r.locked_table is not None), None)
        if number is None:
            return slot, NONE
        self.event.table(number)  # refuses a table the event does not have
        return slot, self.table_index[number]

    def pin(self, group: Group, past: Meeting | None, closed_before: int) -> Pin:
        """The group's (slot, table, interpreter) lock: where its past meeting took place, else the
        staff lock (which lapses when its slot is closed: the meeting can no longer happen there)."""
        if past is not None:
            return past.slot, self.table_index.get(past.table, NONE), self.interp_at(past)
        slot, table = self.lock(group)
        return (slot, table, NONE) if slot == NONE or slot >= closed_before else (NONE, NONE, NONE)

    def request_arrays(self, groups: list[Group], pins: list[Pin]) -> dict[str, tuple[int, ...]]:
        ends = [self._ends(g) for g in groups]
        return {
            "req_a": tuple(a for a, _ in ends),
            "req_b": tuple(b for _, b in ends),
            "req_lock_slot": tuple(s for s, _, _ in pins),
            "req_lock_table": tuple(t for _, t, _ in pins),
            "req_lock_interp": tuple(i for _, _, i in pins),
        }

    def freeze(
        self, arrays: dict[str, tuple[int, ...]], groups: list[Group], pins: list[Pin], closed_before: int
    ) -> None:
        """Closed slots offer nothing new: each party, table and interpreter is there only for the past
        meetings it took part in (and is, whatever its availability says now: they happened)."""
        held: dict[tuple[str, int], int] = {}  # (array, index) -> closed slots it holds
        for g, (s, t, i) in zip(groups, pins, strict=True):
            if s != NONE and s < closed_before:
                for key in [("party_avail", q) for q in self._ends(g)] + [("table_avail", t), ("interp_avail", i)]:
                    held[key] = held.get(key, 0) | 1 << s
        closed = (1 << closed_before) - 1
        for name in ("party_avail", "table_avail", "interp_avail"):
            arrays[name] = tuple(a & ~closed | held.get((name, k), 0) for k, a in enumerate(arrays[name]))

    def _ends(self, group: Group) -> tuple[int, int]:
        """(a, b): ``a`` is the party of the first request's requester."""
        first = group[0]
        return self.party_of[first.requester_id], self.party_of[first.requested_id]

    def values(self, groups: list[Group]) -> tuple[float, ...]:
        return tuple(self._value(g, self._ends(g)[0]) for g in groups)

    def _value(self, group: Group, a: int) -> float:
        if len(group) == 1:  # most meetings: one request
            return meeting_value(group, ())
        forward = [r for r in group if self.party_of[r.requester_id] == a]
        return meeting_value(forward, [r for r in group if self.party_of[r.requester_id] != a])

    def previous(
        self, groups: list[Group], requests: Sequence[MeetingRequest], meetings: Sequence[Meeting]
    ) -> tuple[list[Meeting | None], list[Meeting]]:
        """The announced meeting of each group, and the announced meetings no group wants."""
        announced = sorted((m for m in meetings if m.announced), key=lambda m: m.request_id)
        prev: list[Meeting | None] = [None] * len(groups)
        if not announced:
            return prev, []
        group_of = {self.pair(g[0]): k for k, g in enumerate(groups)}
        by_id = {r.id: r for r in requests if r.id is not None}
        stale: list[Meeting] = []
        for m in announced:
            r = by_id.get(m.request_id)
            pair = self._home_pair(r) if r is not None else None
            k = group_of.get(pair) if pair is not None else None
            if k is None or prev[k] is not None:
                stale.append(m)
            else:
                prev[k] = m
        return prev, stale

    def _home_pair(self, r: MeetingRequest) -> tuple[int, int] | None:
        """The parties of ``r``, ``None`` when one side no longer attends. A member who left a
        delegation still counts as it: another member's request may still want its meeting."""
        a, b = (self._home(pid) for pid in (r.requester_id, r.requested_id))
        if a is None or b is None:
            return None
        return (a, b) if a < b else (b, a)

    def _home(self, pid: int) -> int | None:
        k, person = self.party_of.get(pid), self.people.get(pid)
        return k if k is not None or person is None else self.party_by_key.get(party_key(person))

    def prev_arrays(self, prev: list[Meeting | None]) -> dict[str, tuple[int, ...]]:
        n_slots = len(self.slots)
        return {
            "req_prev_slot": tuple(m.slot if m and 0 <= m.slot < n_slots else NONE for m in prev),
            "req_prev_table": tuple(self.table_index.get(m.table, NONE) if m else NONE for m in prev),
            "req_prev_interp": tuple(self.interp_at(m) for m in prev),
        }

    def interp_at(self, m: Meeting | None) -> int:
        if m is None or m.interpreter_id is None:
            return NONE
        ids = [stored_id(i) for i in self.interpreters]
        return ids.index(m.interpreter_id) if m.interpreter_id in ids else NONE


def encode(
    event: Event,
    participants: Sequence[Participant],
    interpreters: Sequence[Interpreter],
    requests: Sequence[MeetingRequest],
    meetings: Sequence[Meeting] = (),
    *,
    closed_before: int = 0,
) -> Encoded:
    """The scheduling problem of ``event``: its slots, attending parties, tables, interpreters and
    accepted requests, with staff locks (and self-service picks) and announced ``meetings`` to keep.

    Slots before ``closed_before`` have started or ended (on the day): announced meetings there are
    pinned where they took place (slot, table, interpreter) when both parties still attend, staff
    locks there lapse, and nothing else can be placed there.
    """
    enc = _Encoder(event, participants, interpreters)
    if not 0 <= closed_before <= len(enc.slots):
        raise DomainError("unknown_slot", slot=closed_before, count=len(enc.slots))
    groups, skipped = enc.groups(requests)
    prev, stale = enc.previous(groups, requests, meetings)
    past = [m if m is not None and 0 <= m.slot < closed_before else None for m in prev]
    pins = [enc.pin(g, m, closed_before) for g, m in zip(groups, past, strict=True)]
    arrays = {**enc.party_arrays(), **enc.resource_arrays()}
    enc.freeze(arrays, groups, pins, closed_before)
    problem = Problem(
        slot_block=tuple(s.block for s in enc.slots),
        slot_follows=tuple(s.follows_previous for s in enc.slots),
        **arrays,
        **enc.request_arrays(groups, pins),
        req_value=enc.values(groups),
        **enc.prev_arrays(prev),
        max_run=event.max_in_a_row,
    )
    return Encoded(
        problem=problem,
        slots=enc.slots,
        request_ids=tuple(tuple(_request_id(r) for r in g) for g in groups),
        party_ids=tuple(p.ids for p in enc.parties),
        table_numbers=tuple(t.number for t in event.tables),
        interpreter_ids=tuple(stored_id(i) for i in enc.interpreters),
        languages=enc.languages,
        prev=tuple(prev),
        skipped=skipped,
        stale=tuple(stale),
        past=tuple(m is not None for m in past),
    )


def decode(encoded: Encoded, result: Result) -> Decoded:
    """The meetings ``result`` schedules, with ids, table numbers and interpreter ids of the domain."""
    meetings: list[Meeting] = []
    unscheduled = {rid: Unscheduled(code) for rid, code in encoded.skipped.items()}
    moved: list[int] = []
    dropped = [m.request_id for m in encoded.stale]
    for r, ids in enumerate(encoded.request_ids):
        prev = encoded.prev[r]
        meeting = _meeting(encoded, result, r)
        if meeting is None:
            code, party = result.reasons.get(r, ("unscheduled", NONE))
            about = encoded.party_ids[party] if party != NONE else ()
            unscheduled.update({rid: Unscheduled(code, about) for rid in ids})
            dropped += [prev.request_id] if prev else []
            continue
        if prev is not None and (prev.slot, prev.table) == (meeting.slot, meeting.table):
            meeting.announced = prev.announced
        elif prev is not None:
            moved.append(prev.request_id)
        meetings.append(meeting)
    return Decoded(meetings, unscheduled, moved, sorted(dropped))


def _meeting(encoded: Encoded, result: Result, r: int) -> Meeting | None:
    schedule, prev = result.schedule, encoded.prev[r]
    slot, table, interpreter = schedule.slot[r], schedule.table[r], schedule.interpreter[r]
    if slot == NONE:
        return None
    if table == NONE:
        raise ValueError(f"request {r} is scheduled at slot {slot} without a table")
    return Meeting(
        request_id=encoded.request_ids[r][0],
        slot=slot,
        table=encoded.table_numbers[table],
        interpreter_id=None if interpreter == NONE else encoded.interpreter_ids[interpreter],
        locked=prev.locked if prev is not None and encoded.past[r] else encoded.problem.req_lock_slot[r] != NONE,
    )


def _party_avail(party: Party, n_slots: int) -> int:
    """The slots where every member can meet, as a bit set."""
    mask = (1 << n_slots) - 1
    for m in party.members:
        mask &= _avail(m.availability, n_slots)
    return mask


def _avail(slots: frozenset[int] | None, n_slots: int) -> int:
    return (1 << n_slots) - 1 if slots is None else bits(sorted(slots))


def _request_id(r: MeetingRequest) -> int:
    if r.id is None:
        raise ValueError(f"{r!r} has no id: save requests before scheduling them")
    return r.id
