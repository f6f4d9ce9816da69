"""``/api/events``: events, their participants and meeting requests, for staff and for participants.

Staff see everything and may act for anyone. A participant sees their own event only: the public part
(name, organisation, type, languages) of the other participants, and only the requests where they or
their delegation are a side; they ask as themselves and answer what was asked of them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from seoro.api.pagination import PageQuery
from seoro.api.schemas import (
    ERRORS,
    MAX_ID,
    AnswerIn,
    Bilingual,
    EventOut,
    EventPage,
    ParticipantOut,
    ParticipantPage,
    ParticipantPrivateOut,
    RequestIn,
    RequestOut,
    RequestPage,
    SessionOut,
    TypeOut,
)
from seoro.domain.accounts import Account
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.domain.meetings import MeetingRequest, Priority, RequestStatus
from seoro.http.access import SignedIn, Writer
from seoro.http.security import db_of
from seoro.services import event_access as access
from seoro.services.event_import import ParticipantView, overview
from seoro.services.events import get_event, list_events, request_meeting

router = APIRouter(tags=["events"], responses=ERRORS)

EventId = Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="The event's id.")]
ParticipantId = Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="A participant's id (in this event).")]
RequestId = Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="A meeting request's id (in this event).")]


def actor_of(account: Account) -> str:
    return f"account:{account.id}"


def viewer(request: Request, account: Account, event_id: int) -> int | None:
    """``None`` for staff (who see everything); a participant's own id, once the event is known to be
    theirs (any other event is ``forbidden``, whether it exists or not)."""
    if account.role.is_staff:
        return None
    assert account.participant_id is not None  # a participant account is always linked
    if access.event_of_participant(db_of(request), account.participant_id) != event_id:
        raise DomainError("forbidden")
    return account.participant_id


def event_out(e: Event) -> EventOut:
    assert e.id is not None
    sessions = [SessionOut(code=s.code, name=Bilingual.of(s.name), day=s.day, start=f"{s.start:%H:%M}",
                           slot_minutes=s.slot_minutes) for s in e.sessions]  # fmt: skip
    types = [TypeOut(code=t.code, name=Bilingual.of(t.name), max_meetings=t.max_meetings) for t in e.types]
    return EventOut(
        id=e.id, name=Bilingual.of(e.name), timezone=e.timezone, venue=e.venue,
        scheduling_mode=e.scheduling_mode.value, auto_accept=e.auto_accept, cross_type_only=e.cross_type_only,
        request_expiry_hours=e.request_expiry_hours, default_max_meetings=e.default_max_meetings,
        sessions=sessions, slots=len(e.slots()), tables=len(e.tables), types=types,
    )  # fmt: skip


def participant_out(v: ParticipantView, *, private: bool) -> ParticipantOut:
    p = v.participant
    assert p.id is not None
    details = ParticipantPrivateOut(
        email=p.email, expert_id=p.expert_id, organisation_id=p.organisation_id, delegation=p.delegation,
        availability=v.availability, max_meetings=p.max_meetings, booth=v.booth, cancelled=p.cancelled,
        checked_in_at=p.checked_in_at, no_show_at=p.no_show_at,
    )  # fmt: skip
    return ParticipantOut(id=p.id, name=Bilingual.of(p.name), organisation=Bilingual.of(v.organisation),
                          type_code=p.type_code, languages=p.languages, private=details if private else None)  # fmt: skip


def request_out(r: MeetingRequest) -> RequestOut:
    assert r.id is not None
    return RequestOut(
        id=r.id, requester_id=r.requester_id, requested_id=r.requested_id, created_at=r.created_at,
        priority=Priority(r.priority).name.lower(),  # type: ignore[arg-type]  # the three names of PriorityName
        message=r.message, status=r.status.value, answered_at=r.answered_at, source=r.source.value, score=r.score,
        locked_slot=r.locked_slot, locked_table=r.locked_table, picked_slot=r.picked_slot,
    )  # fmt: skip


def _people(request: Request, event_id: int, staff: bool) -> list[ParticipantView]:
    """Everyone registered for staff; for a participant, those who have not cancelled."""
    views = overview(db_of(request), event_id).participants
    return views if staff else [v for v in views if not v.participant.cancelled]


@router.get("/events", response_model=EventPage, summary="Events (staff: all; a participant: their own)")
def events(request: Request, account: SignedIn, paging: PageQuery) -> EventPage:
    db = db_of(request)
    if account.role.is_staff:
        found = list_events(db)
    else:
        assert account.participant_id is not None
        found = [get_event(db, access.event_of_participant(db, account.participant_id))]
    return EventPage.of([event_out(e) for e in paging.window(found)], len(found), paging)


@router.get("/events/{event_id}", response_model=EventOut, summary="One event (staff, or its participants)")
def event(request: Request, account: SignedIn, event_id: EventId) -> EventOut:
    viewer(request, account, event_id)
    return event_out(get_event(db_of(request), event_id))


@router.get("/events/{event_id}/participants", response_model=ParticipantPage,
            summary="Participants (staff: every field; a participant: the public part)")  # fmt: skip
def participants(request: Request, account: SignedIn, event_id: EventId, paging: PageQuery) -> ParticipantPage:
    staff = viewer(request, account, event_id) is None
    views = _people(request, event_id, staff)
    items = [participant_out(v, private=staff) for v in paging.window(views)]
    return ParticipantPage.of(items, len(views), paging)


@router.get("/events/{event_id}/participants/{participant_id}", response_model=ParticipantOut,
            summary="One participant (staff: every field; a participant: the public part)")  # fmt: skip
def participant(
    request: Request, account: SignedIn, event_id: EventId, participant_id: ParticipantId
) -> ParticipantOut:
    staff = viewer(request, account, event_id) is None
    found = [v for v in _people(request, event_id, staff) if v.participant.id == participant_id]
    if not found:
        raise DomainError("not_found", entity="participant", id=participant_id)
    return participant_out(found[0], private=staff)


@router.get("/events/{event_id}/requests", response_model=RequestPage,
            summary="Meeting requests (staff: all; a participant: those of their side)")  # fmt: skip
def requests(
    request: Request,
    account: SignedIn,
    event_id: EventId,
    paging: PageQuery,
    status: Annotated[RequestStatus | None, Query(description="Only requests in this state.")] = None,
) -> RequestPage:
    me = viewer(request, account, event_id)
    found = access.requests_of(db_of(request), event_id, participant_id=me, status=status)
    return RequestPage.of([request_out(r) for r in paging.window(found)], len(found), paging)


@router.get("/events/{event_id}/requests/{request_id}", response_model=RequestOut,
            summary="One meeting request (staff, or a participant of its sides)")  # fmt: skip
def one_request(request: Request, account: SignedIn, event_id: EventId, request_id: RequestId) -> RequestOut:
    me = viewer(request, account, event_id)
    return request_out(access.request_in(db_of(request), event_id, request_id, participant_id=me))


@router.post("/events/{event_id}/requests", response_model=RequestOut, status_code=201,
             summary="Ask for a meeting (a participant as themselves; staff for anyone)")  # fmt: skip
def new_request(request: Request, account: Writer, event_id: EventId, body: RequestIn) -> RequestOut:
    me = viewer(request, account, event_id)
    db, now, priority = db_of(request), datetime.now(UTC), Priority[body.priority.upper()]
    if me is not None:
        if body.requester_id not in (None, me):
            raise DomainError("forbidden")
        made = request_meeting(db, event_id, me, body.requested_id, now=now, priority=priority,
                               message=body.message, actor=actor_of(account))  # fmt: skip
        return request_out(made)
    if body.requester_id is None:
        raise DomainError("requester_required")
    made = access.request_for(db, event_id, body.requester_id, body.requested_id, now=now, priority=priority,
                              message=body.message, actor=actor_of(account))  # fmt: skip
    return request_out(made)


def _answer(
    request: Request, account: Account, event_id: int, request_id: int, yes: bool, body: AnswerIn
) -> RequestOut:
    me = viewer(request, account, event_id)
    answered = access.answer_as(db_of(request), event_id, request_id, me, yes=yes, now=datetime.now(UTC),
                                slot=body.slot, actor=actor_of(account))  # fmt: skip
    return request_out(answered)


@router.post("/events/{event_id}/requests/{request_id}/accept", response_model=RequestOut,
             summary="Accept a request (the side it was asked of, or staff)")  # fmt: skip
def accept(
    request: Request, account: Writer, event_id: EventId, request_id: RequestId, body: AnswerIn | None = None
) -> RequestOut:
    return _answer(request, account, event_id, request_id, True, body or AnswerIn())


@router.post("/events/{event_id}/requests/{request_id}/decline", response_model=RequestOut,
             summary="Decline a request (the side it was asked of, or staff)")  # fmt: skip
def decline(request: Request, account: Writer, event_id: EventId, request_id: RequestId) -> RequestOut:
    return _answer(request, account, event_id, request_id, False, AnswerIn())
