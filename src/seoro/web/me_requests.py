"""A participant's meeting requests (ask, accept, decline) and their agenda with its downloads.

Asking goes through ``services.events.request_meeting`` and answering through
``services.event_access.answer_as``, always as the signed-in participant: a request of someone else
is refused there (``forbidden``), and so is answering one's own request (``request_not_addressed``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.accounts import Account
from seoro.domain.errors import DomainError
from seoro.domain.meetings import Priority
from seoro.http.access import Participant
from seoro.http.security import check_csrf, db_of
from seoro.services.documents import AgendaFormat, agenda_documents
from seoro.services.event_access import answer_as, event_of_participant
from seoro.services.events import request_meeting
from seoro.services.participant_self import own_details, requests_for
from seoro.web.me_common import actor_of, me_id, notify, page, published_view

router = APIRouter()
Field = Annotated[str, Form()]
# the rule refusals a participant can meet by asking or answering: shown as a notice on the page
RULE_CODES = frozenset({
    "request_to_self", "same_type_request", "duplicate_request", "request_not_pending", "request_closed",
    "request_expired", "meeting_cap_reached", "participant_cancelled", "participant_absent", "unknown_participant",
    "request_not_addressed", "slot_required", "message_too_long",
})  # fmt: skip
MAX_MESSAGE = 500
MEDIA = {AgendaFormat.ICS: "text/calendar", AgendaFormat.PDF: "application/pdf"}


def _back(target: str) -> RedirectResponse:
    """Back to the /me page the form was on (only those: no redirect anywhere else)."""
    safe = target if target.startswith("/me") and "//" not in target and "\\" not in target else "/me/requests"
    return RedirectResponse(safe, status_code=303)


@router.get("/me/requests")
def requests_page(request: Request, account: Participant) -> Response:
    db = db_of(request)
    event, _ = own_details(db, me_id(account))
    rows = requests_for(db, me_id(account))
    context = {
        "event": event,
        "incoming": [r for r in rows if r.incoming],
        "outgoing": [r for r in rows if not r.incoming],
    }
    return page(request, "requests.html", "requests", context)


@router.post("/me/requests")
def ask(
    request: Request,
    account: Participant,
    csrf: Field,
    to: Annotated[int, Form()],
    message: Annotated[str, Form()] = "",
    priority: Annotated[int, Form()] = int(Priority.NORMAL),
    next: Annotated[str, Form()] = "/me/requests",
) -> Response:
    check_csrf(request, csrf)
    db = db_of(request)
    try:
        if len(message) > MAX_MESSAGE:
            raise DomainError("message_too_long", max=MAX_MESSAGE)
        if priority not in (Priority.HIGH, Priority.NORMAL):  # a must-meet is for staff to set
            raise DomainError("unknown_choice", value=priority, choices="2, 3")
        made = request_meeting(db, event_of_participant(db, me_id(account)), me_id(account), to, now=datetime.now(UTC),
                               priority=Priority(priority), message=message.strip(), actor=actor_of(account))  # fmt: skip
    except DomainError as e:
        if e.code not in RULE_CODES:
            raise
        notify(request, "error", f"error.{e.code}", e.params)
        return _back(next)
    notify(request, "ok", f"web.me.requests.made_{made.status.value}")
    return _back(next)


def _answer(request: Request, account: Participant, request_id: int, csrf: str, *, yes: bool) -> Response:
    check_csrf(request, csrf)
    db = db_of(request)
    try:
        answer_as(db, event_of_participant(db, me_id(account)), request_id, me_id(account), yes=yes,
                  now=datetime.now(UTC), actor=actor_of(account))  # fmt: skip
    except DomainError as e:
        if e.code not in RULE_CODES:
            raise
        notify(request, "error", f"error.{e.code}", e.params)
        return _back("/me/requests")
    notify(request, "ok", "web.me.requests.accepted" if yes else "web.me.requests.declined")
    return _back("/me/requests")


@router.post("/me/requests/{request_id}/accept")
def accept(request: Request, account: Participant, request_id: int, csrf: Field) -> Response:
    return _answer(request, account, request_id, csrf, yes=True)


@router.post("/me/requests/{request_id}/decline")
def decline(request: Request, account: Participant, request_id: int, csrf: Field) -> Response:
    return _answer(request, account, request_id, csrf, yes=False)


@router.get("/me/agenda")
def agenda(request: Request, account: Participant) -> Response:
    event, _ = own_details(db_of(request), me_id(account))
    assert event.id is not None
    view = published_view(request, me_id(account), event.id)
    # when it was published, in the event's time zone like every time on the page
    stamp = view.stamp.astimezone(ZoneInfo(view.timezone)) if view else None
    return page(request, "agenda.html", "agenda", {"event": event, "view": view, "stamp": stamp})


def _download(request: Request, account: Account, fmt: AgendaFormat) -> Response:
    view = published_view(request, me_id(account), event_of_participant(db_of(request), me_id(account)))
    if view is None:
        raise DomainError("agenda_not_published")
    (document,) = agenda_documents([view], fmt)
    # RFC 6266: a plain ASCII fallback name, and the real (Korean) name percent-encoded
    disposition = f"attachment; filename=\"agenda.{fmt.value}\"; filename*=UTF-8''{quote(document.name)}"
    return Response(document.data, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition})


@router.get("/me/agenda.ics")
def agenda_ics(request: Request, account: Participant) -> Response:
    return _download(request, account, AgendaFormat.ICS)


@router.get("/me/agenda.pdf")
def agenda_pdf(request: Request, account: Participant) -> Response:
    return _download(request, account, AgendaFormat.PDF)
