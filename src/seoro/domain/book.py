"""An event's participants, requests and meetings, indexed so the request rules stay cheap.

The rules in ``seoro.domain.requests`` and ``seoro.domain.booking`` read a :class:`RequestBook` and
return new or changed requests; they change neither the book nor any request in it. ``record`` puts a
result in, so a run of rules (an import of thousands of requests) sees the ones before it.

Only attending parties count: a request with a cancelled (or unknown) participant blocks nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Slot
from seoro.domain.meetings import Meeting, MeetingRequest, RequestStatus
from seoro.domain.participants import Participant, Party, group_parties, stored_id

Pair = tuple[str, str]  # two party keys, in sorted order


def pair_of(a: Party, b: Party) -> Pair:
    return (a.key, b.key) if a.key <= b.key else (b.key, a.key)


@dataclass
class Occupancy:
    """Who and what is taken at each slot, from meetings and from locked or picked requests.

    A pair of parties has at most one placement: the staff lock or self-service pick when there is one
    (with the meeting's table if the meeting is at that slot), else its scheduled meeting.
    """

    holds: dict[str, dict[int, set[Pair]]] = field(default_factory=dict)  # party → slot → pairs
    tables: dict[int, dict[int, Pair]] = field(default_factory=dict)  # slot → table number → pair
    floating: dict[int, set[Pair]] = field(default_factory=dict)  # slot → pairs there without a table yet

    def place(self, pair: Pair, slot: int, table: int | None) -> None:
        for key in pair:
            self.holds.setdefault(key, {}).setdefault(slot, set()).add(pair)
        if table is None:
            self.floating.setdefault(slot, set()).add(pair)
        else:
            self.tables.setdefault(slot, {})[table] = pair

    def busy(self, party: Party, slot: int, besides: Pair) -> bool:
        """``party`` is held at ``slot`` by a meeting other than the one of pair ``besides``."""
        return bool(self.holds.get(party.key, {}).get(slot, set()) - {besides})


class RequestBook:
    """An event's state for the request rules: who attends, in which party, and what they asked for."""

    def __init__(
        self,
        event: Event,
        participants: Iterable[Participant],
        requests: Iterable[MeetingRequest] = (),
        meetings: Iterable[Meeting] = (),
    ) -> None:
        self.event = event
        self.slots: list[Slot] = event.slots()
        listed = list(participants)
        self.participants = {stored_id(p): p for p in listed}
        self.parties = group_parties(listed)
        self._party_of = {pid: party for party in self.parties.values() for pid in party.ids}
        self.booths = event.booths()
        self.booth_tables = {b for party in self.parties.values() if (b := party.booth(self.booths)) is not None}
        self.meetings = list(meetings)
        self._all: dict[int, MeetingRequest] = {}  # by object identity, in the order recorded
        self._by_id: dict[int, MeetingRequest] = {}
        self._open: dict[tuple[str, str], MeetingRequest] = {}  # (from party, to party) → open request
        self._accepted: dict[Pair, list[MeetingRequest]] = {}
        self._partners: dict[str, set[str]] = {}
        self._occupancy: Occupancy | None = None
        for r in requests:
            self._add(r)

    # --- people -------------------------------------------------------------------------------

    def participant(self, participant_id: int) -> Participant:
        try:
            return self.participants[participant_id]
        except KeyError:
            raise DomainError("unknown_participant", id=participant_id) from None

    def party(self, participant_id: int) -> Party:
        """The attending party ``participant_id`` belongs to."""
        p = self.participant(participant_id)
        if p.cancelled:
            raise DomainError("participant_cancelled", participant=p.name.both())
        if p.no_show_at is not None:
            raise DomainError("participant_absent", participant=p.name.both())
        return self._party_of[participant_id]

    def parties_of(self, r: MeetingRequest) -> tuple[Party, Party] | None:
        """The two attending parties of ``r``, or ``None`` when one side is cancelled or unknown."""
        a, b = self._party_of.get(r.requester_id), self._party_of.get(r.requested_id)
        return (a, b) if a and b else None

    # --- requests -----------------------------------------------------------------------------

    @property
    def requests(self) -> list[MeetingRequest]:
        """Every request in the book, in the order recorded."""
        return list(self._all.values())

    def request(self, request_id: int) -> MeetingRequest:
        try:
            return self._by_id[request_id]
        except KeyError:
            raise DomainError("not_found", entity="meeting_request", id=request_id) from None

    def open_request(self, source: Party, target: Party) -> MeetingRequest | None:
        """The pending or accepted request from party ``source`` to party ``target``, if there is one."""
        return self._open.get((source.key, target.key))

    def accepted(self, a: Party, b: Party) -> list[MeetingRequest]:
        """The accepted requests between ``a`` and ``b``, either way: together they make one meeting."""
        return list(self._accepted.get(pair_of(a, b), []))

    def meeting_count(self, party: Party) -> int:
        """How many meetings ``party`` has agreed to: one per other party it has an accepted request with."""
        return len(self._partners.get(party.key, ()))

    def record(self, new: MeetingRequest, replaces: MeetingRequest | None = None) -> None:
        """Put ``new`` in the book, instead of ``replaces`` (by default the request with its id)."""
        old = replaces if replaces is not None else self._by_id.get(new.id) if new.id is not None else None
        if old is not None:
            self._remove(old)
        self._add(new)

    # --- slots --------------------------------------------------------------------------------

    def occupancy(self) -> Occupancy:
        if self._occupancy is None:
            self._occupancy = self._build_occupancy()
        return self._occupancy

    def _build_occupancy(self) -> Occupancy:
        meeting_of: dict[Pair, Meeting] = {}
        for m in self.meetings:
            r = self._by_id.get(m.request_id)
            parties = self.parties_of(r) if r and r.status is RequestStatus.ACCEPTED else None
            if parties:
                meeting_of.setdefault(pair_of(*parties), m)
        occupancy = Occupancy()
        for pair, requests in self._accepted.items():
            placement = _placement(requests, meeting_of.get(pair))
            if placement is not None:
                occupancy.place(pair, *placement)
        return occupancy

    # --- indexes ------------------------------------------------------------------------------

    def _add(self, r: MeetingRequest) -> None:
        self._all[id(r)] = r
        if r.id is not None:
            self._by_id[r.id] = r
        parties = self.parties_of(r)
        if parties is None:
            return
        a, b = parties
        if r.is_open:
            self._open[(a.key, b.key)] = r
        if r.status is RequestStatus.ACCEPTED:
            self._accepted.setdefault(pair_of(a, b), []).append(r)
            self._partners.setdefault(a.key, set()).add(b.key)
            self._partners.setdefault(b.key, set()).add(a.key)
        self._occupancy = None

    def _remove(self, r: MeetingRequest) -> None:
        self._all.pop(id(r), None)
        if r.id is not None and self._by_id.get(r.id) is r:
            del self._by_id[r.id]
        parties = self.parties_of(r)
        if parties is None:
            return
        a, b = parties
        if self._open.get((a.key, b.key)) is r:
            del self._open[(a.key, b.key)]
        pair = pair_of(a, b)
        accepted = [x for x in self._accepted.get(pair, []) if x is not r]
        if accepted:
            self._accepted[pair] = accepted
        elif pair in self._accepted:
            del self._accepted[pair]
            self._partners[a.key].discard(b.key)
            self._partners[b.key].discard(a.key)
        self._occupancy = None


def _placement(requests: list[MeetingRequest], meeting: Meeting | None) -> tuple[int, int | None] | None:
    """Where the meeting of one pair is held (slot, table number or ``None``), if anywhere yet."""
    fixed = next((r for r in requests if r.fixed_slot() is not None), None)
    if fixed is not None:
        slot = fixed.fixed_slot()
        assert slot is not None
        table = fixed.locked_table
        if table is None and meeting is not None and meeting.slot == slot:
            table = meeting.table
        return slot, table
    return (meeting.slot, meeting.table) if meeting is not None else None
