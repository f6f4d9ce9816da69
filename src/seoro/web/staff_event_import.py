"""An event's lists from spreadsheets, for staff: its participants with their interpreters, or its
meeting requests. The same steps as the directory import (``seoro.web.upload_flow``): upload →
preview (a dry-run job: counts, or every problem with its place, nothing written) → confirm or cancel.

The pending upload is remembered with the event it was previewed for, so an upload previewed for one
event can never be confirmed against another.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import Response

from seoro.domain.errors import DomainError
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of
from seoro.services import uploads
from seoro.services.events import get_event
from seoro.web import upload_flow
from seoro.web.templates import render

router = APIRouter()


def _form(request: Request, id_: int) -> Response:
    event = get_event(db_of(request), id_)  # an unknown event is a 404 before anything is saved
    return render(request, "staff/event_import.html", {"e": event, "whats": list(uploads.EVENT_LISTS)})


@router.get("/events/{id_}/import")
def import_page(request: Request, _staff: Staff, id_: int) -> Response:
    return _form(request, id_)


@router.post("/events/{id_}/import")
async def preview(
    request: Request, account: Staff, id_: int, csrf: Annotated[str, Form()],
    files: Annotated[list[UploadFile], File()], what: Annotated[str, Form()] = "people",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    get_event(db_of(request), id_)
    if what not in uploads.EVENT_LISTS:
        raise DomainError("unknown_choice", value=what, choices=", ".join(uploads.EVENT_LISTS))
    return await upload_flow.start(request, account, files, id_, {"what": what})


@router.post("/events/{id_}/import/confirm")
def confirm(request: Request, account: Staff, id_: int, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    get_event(db_of(request), id_)
    return upload_flow.confirm(request, account, id_)


@router.post("/events/{id_}/import/cancel")
def cancel(request: Request, _staff: Staff, id_: int, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    get_event(db_of(request), id_)
    upload_flow.cancel(request, id_)
    return _form(request, id_)
