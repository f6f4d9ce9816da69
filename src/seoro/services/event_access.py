"""What one person may see and do in an event: the REST API's use cases on top of ``services.events``.

A participant sees the requests where their *side* (they, or their delegation) is one of the two
parties, and answers only the requests addressed to that side; staff see and answer everything, and
may ask on anyone's behalf. The rules themselves stay in ``seoro.domain.requests``: these functions
only decide whose view or whose action it is, then call the existing use cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from seoro.domain.agenda import AgendaView
from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Participant
from seoro.domain.requests import make_request
from seoro.services.agendas import agenda_views
from seoro.services.database import Database, require_current
from seoro.services.events import answer_request, book_of
from seoro.storage.common import not_found


def event_of_participant(db: Database, participant_id: int) -> int:
    """The event a participant is registered for (a participant account acts in that one only)."""
    require_current(db)
    with db.reading() as unit:
        return unit.events.event_of(participant_id)


def participant_in(db: Database, event_id: int, participant_id: int) -> Participant:
    """Participant ``participant_id`` of event ``event_id``; ``not_found`` when they belong to another."""
    require_current(db)
    with db.reading() as unit:
        unit.events.get(event_id)
        found = [p for p in unit.events.participants(event_id) if p.id == participant_id]
    if not found:
        raise not_found("participant", participant_id)
    return found[0]


def side_of(people: Iterable[Participant], participant_id: int) -> frozenset[int]:
    """The participant and the other members of their delegation: who a request "to them" reaches."""
    listed = list(people)
    me = next((p for p in listed if p.id == participant_id), None)
    if me is None or not me.delegation:
        return frozenset({participant_id})
    return frozenset(p.id for p in listed if p.delegation == me.delegation and p.id is not None)


def requests_of(
    db: Database, event_id: int, *, participant_id: int | None = None, status: RequestStatus | None = None
) -> list[MeetingRequest]:
    """The event's requests, oldest first; with ``participant_id`` only those their side is part of."""
    require_current(db)
    with db.reading() as unit:
        unit.events.get(event_id)
        people = unit.events.participants(event_id)
        found = unit.events.requests(event_id)
    if participant_id is not None:
        side = side_of(people, participant_id)
        found = [r for r in found if r.requester_id in side or r.requested_id in side]
    return [r for r in found if status is None or r.status is status]


def request_in(db: Database, event_id: int, request_id: int, *, participant_id: int | None = None) -> MeetingRequest:
    """One request of the event. A participant asking for a request their side is not part of is
    refused (``forbidden``), so that ids of other people's requests reveal nothing but existence."""
    require_current(db)
    with db.reading() as unit:
        book = book_of(unit, event_id)
        request = book.request(request_id)
        people = list(book.participants.values())
    if participant_id is not None:
        side = side_of(people, participant_id)
        if request.requester_id not in side and request.requested_id not in side:
            raise DomainError("forbidden")
    return request


def request_for(
    db: Database,
    event_id: int,
    requester_id: int,
    requested_id: int,
    *,
    now: datetime,
    priority: Priority = Priority.NORMAL,
    message: str = "",
    actor: str,
) -> MeetingRequest:
    """A request staff enter on ``requester_id``'s behalf: the same rules as the participant's own
    (pending unless the event auto-accepts), marked ``source=staff`` so reports tell them apart."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = make_request(
            book, requester_id, requested_id, now=now, priority=priority, message=message, source=RequestSource.STAFF
        )
        unit.events.save_request(event_id, request)
        unit.record(Action.UPDATE, "event", event_id, {"staff_request": request.id})
        return request


def answer_as(
    db: Database,
    event_id: int,
    request_id: int,
    participant_id: int | None,
    *,
    yes: bool,
    now: datetime,
    slot: int | None = None,
    actor: str,
) -> MeetingRequest:
    """Accept or decline a request. A participant (``participant_id``) may answer only one addressed
    to their side; staff (``None``) may answer any. The answering rules are ``answer_request``'s."""
    request = request_in(db, event_id, request_id, participant_id=participant_id)
    if participant_id is not None:
        with db.reading() as unit:
            people = unit.events.participants(event_id)
        if request.requested_id not in side_of(people, participant_id):
            raise DomainError("request_not_addressed")
    return answer_request(db, event_id, request_id, yes=yes, now=now, slot=slot, actor=actor)


def published_agenda(
    db: Database, event_id: int, participant_id: int, *, lang: str | None, at: datetime
) -> AgendaView | None:
    """A participant's agenda as last published; ``None`` until staff publish one. Participants are
    never shown a draft (it can still change completely); staff may see it (``agenda_views``)."""
    view = agenda_views(db, event_id, [participant_id], lang=lang, at=at)[0]
    return view if view.stage is not None else None
