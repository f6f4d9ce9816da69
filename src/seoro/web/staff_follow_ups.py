"""After an event: every meeting held with each person's answer to "would you like a follow-up?"
(wants more or not, online or at a next event, or no answer yet), those who want more first; staff
open the meeting's lead or arrange the follow-up meeting (``services.follow_up.arrange_follow_up``),
which moves the lead to the follow-up stage with the next action due by the date given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.domain.pipeline import FollowUpWish
from seoro.domain.text import BilingualText
from seoro.domain.vocab import label
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of
from seoro.services import follow_up as fu
from seoro.services import pipeline as pl
from seoro.services.agendas import Snapshot, snapshot
from seoro.services.events import list_events
from seoro.web.pipeline_common import day, notice_of, notify, refused, today
from seoro.web.templates import render

router = APIRouter()
Text = Annotated[str, Form()]


@dataclass(frozen=True)
class Person:
    """One person at a meeting held and what they answered (``None``: not yet)."""

    id: int
    name: BilingualText
    organisation: BilingualText
    answer: FollowUpWish | None


def _people(row: fu.MeetingWishes, side: tuple[int, ...], shared: Snapshot) -> list[Person]:
    answers = {a.participant_id: a for a in row.answers}
    people = shared.day.people
    return [Person(p, people[p].name, shared.cards.organisation_of(people[p]), answers.get(p)) for p in side]


@router.get("/events/{id_}/follow-ups")
def follow_ups_page(request: Request, _staff: Staff, id_: int) -> Response:
    db = db_of(request)
    shared = snapshot(db, id_)
    rows = fu.wishes_of(db, id_, everyone=True)
    meetings = [(row, [_people(row, side, shared) for side in row.sides]) for row in rows]
    context = {
        "e": shared.day.event, "meetings": meetings, "wanted": sum(r.wants_more for r in rows),
        "both": sum(r.both_want for r in rows), "next_events": [e for e in list_events(db) if e.id not in (None, id_)],
        "notice": notice_of(request), "today": today(), "label": label,
    }  # fmt: skip
    return render(request, "staff/follow_ups.html", context)


def _back(id_: int, request_id: int) -> RedirectResponse:
    return RedirectResponse(f"/events/{id_}/follow-ups#meeting-{request_id}", status_code=303)


@router.post("/events/{id_}/follow-ups/{request_id}/arrange")
def arrange(
    request: Request, account: Staff, id_: int, request_id: int, csrf: Text, due: Text = "", how: Text = "online",
    note: Text = "",
) -> Response:  # fmt: skip
    """``how``: ``online`` or ``event:ID`` (a next event)."""
    check_csrf(request, csrf)
    kind, _, number = how.partition(":")
    try:
        when = day(due)
        if when is None:
            raise DomainError("not_a_date", value=due)
        if kind not in ("online", "event") or (kind == "event" and not number.isdigit()):
            raise DomainError("follow_up_where")
        lead = fu.arrange_follow_up(db_of(request), id_, request_id, due=when, online=kind == "online",
                                    next_event_id=int(number) if kind == "event" else None, note=note,
                                    actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        refused(request, e)
        return _back(id_, request_id)
    notify(request, "ok", "web.staff.fu.arranged", {"id": lead.id, "meeting": request_id, "due": when.isoformat()})
    return _back(id_, request_id)


@router.post("/events/{id_}/follow-ups/{request_id}/lead")
def open_lead(request: Request, account: Staff, id_: int, request_id: int, csrf: Text) -> Response:
    """The meeting's lead, opened at the *met* stage on the meeting's day."""
    check_csrf(request, csrf)
    try:
        lead = pl.open_from_meeting(db_of(request), id_, request_id, actor=f"account:{account.id}")
    except DomainError as e:
        refused(request, e)
        return _back(id_, request_id)
    notify(request, "ok", "web.staff.lead.opened", {"id": lead.id})
    return RedirectResponse(f"/leads/{lead.id}", status_code=303)
