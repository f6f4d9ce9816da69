"""The slot of one meeting: staff locks, and self-service picks of a common free slot.

Both check against the book's current :class:`~seoro.domain.book.Occupancy` (meetings, locks and picks
of other pairs), so a slot someone took a moment ago is refused ("live" in that the caller builds the
book inside the transaction that saves the pick). Languages and interpreters are left to the scheduler,
which reports ``no_interpreter`` when it cannot find one.
"""

from __future__ import annotations

from dataclasses import replace

from seoro.domain.book import Pair, RequestBook, pair_of
from seoro.domain.errors import DomainError
from seoro.domain.events import SchedulingMode
from seoro.domain.meetings import MeetingRequest, RequestStatus
from seoro.domain.participants import Party


def common_free_slots(book: RequestBook, a_id: int, b_id: int) -> list[int]:
    """The slots where participants ``a_id`` and ``b_id`` (with their delegations) could meet now:
    all of them available, neither held by another meeting, within the event's limit of meetings in a
    row, and a suitable table still free."""
    a, b = book.party(a_id), book.party(b_id)
    return [s for s in range(len(book.slots)) if _free(book, a, b, s)]


def check_free(book: RequestBook, a: Party, b: Party, slot: int) -> None:
    """Refuse ``slot`` for a meeting of ``a`` and ``b`` unless it is one of their common free slots."""
    _check_index(book, slot)
    if not _free(book, a, b, slot):
        raise DomainError("slot_taken", slot=book.slots[slot].label())


def pick_slot(book: RequestBook, request: MeetingRequest, slot: int) -> MeetingRequest:
    """``request`` (accepted, in a self-service event) to be held at ``slot``, a common free slot."""
    if book.event.scheduling_mode is not SchedulingMode.SELF_SERVICE:
        raise DomainError("not_self_service")
    _check_accepted(request)
    a, b = book.party(request.requester_id), book.party(request.requested_id)
    check_free(book, a, b, slot)
    return replace(request, picked_slot=slot)


def lock(book: RequestBook, request: MeetingRequest, slot: int, table: int | None = None) -> MeetingRequest:
    """``request`` pinned by staff to ``slot`` (and table number ``table``), checked against every rule
    a lock can break on its own: availability, clashes, meetings in a row, table seats and booths."""
    _check_accepted(request)
    _check_index(book, slot)
    a, b = book.party(request.requester_id), book.party(request.requested_id)
    pair, when = pair_of(a, b), book.slots[slot].label()
    for party in (a, b):
        for m in party.members:
            if not m.available_at(slot):
                raise DomainError("lock_unavailable", participant=m.name.both(), slot=when)
        if book.occupancy().busy(party, slot, pair):
            raise DomainError("lock_clash", participant=party.label(), slot=when)
        if not _run_ok(book, party, slot, pair):
            raise DomainError("lock_run_limit", participant=party.label(), max=book.event.max_in_a_row)
    if table is not None:
        _check_table(book, a, b, slot, table)
    elif not _table_free(book, a, b, slot):
        raise DomainError("no_table_free", slot=when)
    return replace(request, locked_slot=slot, locked_table=table)


def unlock(request: MeetingRequest) -> MeetingRequest:
    return replace(request, locked_slot=None, locked_table=None)


def _free(book: RequestBook, a: Party, b: Party, slot: int) -> bool:
    pair = pair_of(a, b)
    occupancy = book.occupancy()
    return (
        a.available_at(slot)
        and b.available_at(slot)
        and not occupancy.busy(a, slot, pair)
        and not occupancy.busy(b, slot, pair)
        and _run_ok(book, a, slot, pair)
        and _run_ok(book, b, slot, pair)
        and _table_free(book, a, b, slot)
    )


def _run_ok(book: RequestBook, party: Party, slot: int, pair: Pair) -> bool:
    """A meeting at ``slot`` keeps ``party`` within the event's cap of meetings in a row."""
    limit = book.event.max_in_a_row
    if not limit:
        return True
    busy, slots = book.occupancy().busy, book.slots
    before = slot
    while slots[before].follows_previous and busy(party, before - 1, pair):
        before -= 1
    after = slot + 1
    while after < len(slots) and slots[after].follows_previous and busy(party, after, pair):
        after += 1
    return after - before <= limit


def _booths(book: RequestBook, a: Party, b: Party) -> set[int]:
    return {n for n in (a.booth(book.booths), b.booth(book.booths)) if n is not None}


def _table_free(book: RequestBook, a: Party, b: Party, slot: int) -> bool:
    """A table could still take the meeting: a booth of one side, or else an ordinary table left over
    once the meetings already fixed at ``slot`` without a table have had theirs."""
    occupancy, pair = book.occupancy(), pair_of(a, b)
    taken = {n for n, holder in occupancy.tables.get(slot, {}).items() if holder != pair}
    usable = [
        t.number
        for t in book.event.tables
        if t.available_at(slot) and t.seats >= a.size + b.size and t.number not in taken
    ]
    booths = _booths(book, a, b)
    if booths:
        return any(n in booths for n in usable)
    ordinary = [n for n in usable if n not in book.booth_tables]
    return len(ordinary) > len(occupancy.floating.get(slot, set()) - {pair})


def _check_table(book: RequestBook, a: Party, b: Party, slot: int, number: int) -> None:
    t, when = book.event.table(number), book.slots[slot].label()
    if not t.available_at(slot):
        raise DomainError("table_unavailable", table=t.label(), slot=when)
    if t.seats < a.size + b.size:
        raise DomainError("table_too_small", table=t.label(), seats=t.seats, people=a.size + b.size)
    booths = _booths(book, a, b)
    if booths and number not in booths:
        host = a if a.booth(book.booths) is not None else b
        raise DomainError("lock_off_booth", participant=host.label(), table=t.label())
    if not booths and number in book.booth_tables:
        raise DomainError("table_is_booth", table=t.label())
    holder = book.occupancy().tables.get(slot, {}).get(number)
    if holder is not None and holder != pair_of(a, b):
        raise DomainError("table_taken", table=t.label(), slot=when)


def _check_index(book: RequestBook, slot: int) -> None:
    if not 0 <= slot < len(book.slots):
        raise DomainError("unknown_slot", slot=slot, count=len(book.slots))


def _check_accepted(request: MeetingRequest) -> None:
    if request.status is not RequestStatus.ACCEPTED:
        raise DomainError("request_not_accepted", status=request.status.value)
