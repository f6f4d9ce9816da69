"""The participant's own pages (``/me``), made for a phone at the event: their meetings with the next
one first, requests to answer, recommended partners with reasons, the other participants, and their
own details. Every page acts as the signed-in participant only: the participant id comes from the
account, never from the address, so there is no "someone else's /me" to open.

Requests and the agenda are in ``me_requests``; both routers are included through this one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.agenda import EntryView
from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText
from seoro.http.access import Participant
from seoro.http.security import check_csrf, db_of
from seoro.services.follow_up import own_meetings
from seoro.services.participant_self import (
    own_details,
    own_expert,
    people_for,
    requests_for,
    suggestions_for,
    update_own_details,
    update_own_expertise,
)
from seoro.web import me_follow_up, me_requests
from seoro.web.me_common import actor_of, me_id, notify, page, published_view

router = APIRouter()
router.include_router(me_requests.router)
router.include_router(me_follow_up.router)

LANGUAGES = ("ko", "en", "ja", "zh", "fr", "de", "es", "vi")  # offered as boxes; others they have are kept
Field = Annotated[str, Form()]


def next_meeting(entries: tuple[EntryView, ...], now: datetime) -> EntryView | None:
    """The first meeting not over yet (cancelled ones do not count)."""
    return next((e for e in entries if not e.cancelled and e.end > now), None)


@router.get("/me")
def home(request: Request, account: Participant) -> Response:
    db = db_of(request)
    event, me = own_details(db, me_id(account))
    assert event.id is not None
    view = published_view(request, me_id(account), event.id)
    entries = view.entries if view else ()
    to_answer = [row for row in requests_for(db, me_id(account)) if row.to_answer]
    context = {"event": event, "me": me, "view": view, "entries": entries, "to_answer": to_answer,
               "next": next_meeting(entries, datetime.now(UTC)), "held": own_meetings(db, me_id(account))}  # fmt: skip
    return page(request, "home.html", "home", context)


@router.get("/me/profile")
def profile(request: Request, account: Participant) -> Response:
    event, me = own_details(db_of(request), me_id(account))
    kind = event.type_of(me.type_code)
    offered = list(LANGUAGES) + [x for x in me.languages if x not in LANGUAGES]
    expert = own_expert(db_of(request), me_id(account))
    context = {"event": event, "me": me, "type_name": kind.name if kind else None, "offered": offered,
               "expert": expert}  # fmt: skip
    return page(request, "profile.html", "profile", context)


@router.post("/me/profile")
def save_profile(
    request: Request,
    account: Participant,
    csrf: Field,
    name_ko: Annotated[str, Form()] = "",
    name_en: Annotated[str, Form()] = "",
    languages: Annotated[list[str] | None, Form()] = None,
) -> Response:
    check_csrf(request, csrf)
    name = BilingualText(name_ko.strip(), name_en.strip())
    try:
        update_own_details(
            db_of(request), me_id(account), name=name, languages=languages or [], actor=actor_of(account)
        )
    except DomainError as e:
        if e.code not in ("name_required", "languages_required", "language_code"):
            raise
        notify(request, "error", f"error.{e.code}", e.params)
        return RedirectResponse("/me/profile", status_code=303)
    notify(request, "ok", "web.me.profile.saved")
    return RedirectResponse("/me/profile", status_code=303)


@router.post("/me/expertise")
def save_expertise(
    request: Request, account: Participant, csrf: Field, expertise_ko: Annotated[str, Form()] = "",
    expertise_en: Annotated[str, Form()] = "", keywords: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    words = [w.strip() for w in keywords.replace("\n", ",").split(",")]
    update_own_expertise(db_of(request), me_id(account), expertise=BilingualText(expertise_ko.strip(), expertise_en.strip()),
                         keywords=words, actor=actor_of(account))  # fmt: skip
    notify(request, "ok", "web.me.profile.saved")
    return RedirectResponse("/me/profile", status_code=303)


@router.get("/me/partners")
def partners(request: Request, account: Participant) -> Response:
    db = db_of(request)
    event, _ = own_details(db, me_id(account))
    found = suggestions_for(db, me_id(account))
    return page(request, "partners.html", "partners", {"event": event, "suggestions": found})


@router.get("/me/participants")
def participants(request: Request, account: Participant, type: str = "", q: str = "") -> Response:
    event, people = people_for(db_of(request), me_id(account), type_code=type, search=q)
    context = {"event": event, "people": people, "type": type, "q": q}
    return page(request, "participants.html", "participants", context)
