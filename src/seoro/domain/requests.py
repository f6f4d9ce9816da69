"""The life of a meeting request: asked, then accepted, declined, expired or cancelled.

Each rule takes the event's :class:`~seoro.domain.book.RequestBook` and returns a new request (or new
versions of requests); nothing passed in is changed, so a refused step leaves everything as it was.

Caps count meetings, not requests: all accepted requests between two parties (A→B and B→A, or from
several members of a delegation) make one meeting. A party's cap is the smallest of its members'
(see :func:`seoro.domain.participants.meeting_cap`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from seoro.domain.book import RequestBook
from seoro.domain.booking import check_free
from seoro.domain.errors import DomainError
from seoro.domain.events import SchedulingMode
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Party


def make_request(
    book: RequestBook,
    requester_id: int,
    requested_id: int,
    *,
    now: datetime,
    priority: Priority = Priority.NORMAL,
    message: str = "",
    source: RequestSource = RequestSource.PARTICIPANT,
    score: float | None = None,
) -> MeetingRequest:
    """A new request from ``requester_id`` to ``requested_id``.

    In an ``auto_accept`` event it comes back accepted when both sides have room under their caps
    (otherwise pending, for the other side or staff to decide); in a self-service event an
    auto-accepted request has no slot yet (either side picks one with ``booking.pick_slot``).
    """
    a, b = _check_pair(book, requester_id, requested_id, now)
    request = MeetingRequest(
        requester_id, requested_id, now, priority=priority, message=message, source=source, score=score
    )
    if book.event.auto_accept and _has_room(book, a, b):
        return replace(request, status=RequestStatus.ACCEPTED, answered_at=now)
    return request


def recommend(
    book: RequestBook,
    requester_id: int,
    requested_id: int,
    *,
    now: datetime,
    score: float | None = None,
    priority: Priority = Priority.NORMAL,
    message: str = "",
    source: RequestSource = RequestSource.RECOMMENDED,
) -> MeetingRequest:
    """A meeting staff add (from the matching engine's mutual ``score``, or on someone's behalf with
    ``source=STAFF``): accepted at once, within both sides' caps."""
    a, b = _check_pair(book, requester_id, requested_id, now)
    _check_room(book, a, b)
    return MeetingRequest(
        requester_id,
        requested_id,
        now,
        priority=priority,
        message=message,
        status=RequestStatus.ACCEPTED,
        answered_at=now,
        source=source,
        score=score,
    )


def accept(book: RequestBook, request: MeetingRequest, *, now: datetime, slot: int | None = None) -> MeetingRequest:
    """``request`` accepted. Refused when it is not pending, has expired, or either side is at its cap.

    A self-service event needs the ``slot`` to meet in, which must be free for both sides right now.
    """
    _check_pending(request)
    if is_overdue(request, now, book.event.request_expiry_hours):
        raise DomainError("request_expired")
    a, b = _parties(book, request)
    _check_room(book, a, b)
    accepted = replace(request, status=RequestStatus.ACCEPTED, answered_at=now)
    if book.event.scheduling_mode is SchedulingMode.SELF_SERVICE:
        if slot is None:
            raise DomainError("slot_required")
        check_free(book, a, b, slot)
        accepted = replace(accepted, picked_slot=slot)
    return accepted


def decline(request: MeetingRequest, *, now: datetime) -> MeetingRequest:
    _check_pending(request)
    return replace(request, status=RequestStatus.DECLINED, answered_at=now)


def cancel(request: MeetingRequest) -> MeetingRequest:
    """``request`` withdrawn (pending or accepted); its meeting, if any, is no longer wanted."""
    if not request.is_open:
        raise DomainError("request_closed", status=request.status.value)
    return replace(request, status=RequestStatus.CANCELLED)


def is_overdue(request: MeetingRequest, now: datetime, hours: int | None) -> bool:
    """Pending for ``hours`` or more (never, when ``hours`` is ``None``)."""
    if hours is None or request.status is not RequestStatus.PENDING:
        return False
    return now - request.created_at >= timedelta(hours=hours)


def expire_due(requests: Iterable[MeetingRequest], now: datetime, hours: int | None) -> list[MeetingRequest]:
    """Expired versions of the pending requests nobody answered within ``hours``: they are no longer
    open, so the requester may ask again and the scheduler reports them as ``expired``."""
    return [replace(r, status=RequestStatus.EXPIRED) for r in requests if is_overdue(r, now, hours)]


def _check_pair(book: RequestBook, requester_id: int, requested_id: int, now: datetime) -> tuple[Party, Party]:
    """The two parties of a new request, refused for oneself, within one delegation, across the
    event's type rule, or when the same request is already open (and not overdue)."""
    a, b = book.party(requester_id), book.party(requested_id)
    if a.key == b.key:
        raise DomainError("request_to_self")
    if book.event.cross_type_only and a.type_code == b.type_code:
        raise DomainError("same_type_request", type=a.type_code)
    existing = book.open_request(a, b)
    if existing is not None and not is_overdue(existing, now, book.event.request_expiry_hours):
        raise DomainError("duplicate_request", status=existing.status.value, id=existing.id)
    return a, b


def _parties(book: RequestBook, request: MeetingRequest) -> tuple[Party, Party]:
    return book.party(request.requester_id), book.party(request.requested_id)


def _has_room(book: RequestBook, a: Party, b: Party) -> bool:
    try:
        _check_room(book, a, b)
    except DomainError:
        return False
    return True


def _check_room(book: RequestBook, a: Party, b: Party) -> None:
    """Both sides may take one more meeting (none is needed if they already have one together)."""
    if book.accepted(a, b):
        return
    for party in (a, b):
        cap = party.cap(book.event)
        if cap is not None and book.meeting_count(party) >= cap:
            raise DomainError("meeting_cap_reached", participant=party.label(), cap=cap)


def _check_pending(request: MeetingRequest) -> None:
    if request.status is not RequestStatus.PENDING:
        raise DomainError("request_not_pending", status=request.status.value)
