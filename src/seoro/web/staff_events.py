"""Brokerage events for staff: the list, an event's overview, running the scheduler as a background
job, the table plan per slot, and the agenda files.

The scheduler never runs inside a request: ``POST /events/{id}/schedule`` queues a job and sends
staff to ``/jobs/{id}`` (``seoro.web.staff_jobs``), which follows it until it is done.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.agenda import Stage
from seoro.domain.errors import DomainError
from seoro.domain.meetings import RequestStatus
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of
from seoro.services import jobs
from seoro.services.agendas import agenda_views, publications, publish_agendas
from seoro.services.documents import AgendaFormat, SheetFormat, agenda_documents, sheets_document
from seoro.services.event_import import overview
from seoro.services.events import list_events
from seoro.services.staff_sheets import staff_sheets
from seoro.web.templates import render

router = APIRouter()
TIME_LIMIT = 20
MEDIA = {
    "ics": "text/calendar; charset=utf-8",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get("/events")
def events_page(request: Request, _staff: Staff) -> Response:
    db = db_of(request)
    found = [(e, overview(db, e.id)) for e in list_events(db) if e.id is not None]
    return render(request, "staff/events.html", {"events": found})


@router.get("/events/{id_}")
def event_page(request: Request, _staff: Staff, id_: int) -> Response:
    o = overview(db_of(request), id_)
    slots = o.event.slots()
    statuses = [(s, o.requests.get(s, 0)) for s in RequestStatus]
    types = {ty.code: ty.name for ty in o.event.types}
    return render(request, "staff/event.html", {"o": o, "e": o.event, "slots": slots, "statuses": statuses,
                                                "types": types, "days": sorted({s.day for s in o.event.sessions})})  # fmt: skip


@router.post("/events/{id_}/schedule")
def schedule(request: Request, account: Staff, id_: int, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    db = db_of(request)
    announced = overview(db, id_).announced > 0
    params = {"event_id": id_, "time_limit": TIME_LIMIT, "reschedule": announced}
    job_id = jobs.submit(db, "schedule", params, actor=f"account:{account.id}")
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/events/{id_}/timetable")
def timetable_page(request: Request, _staff: Staff, id_: int) -> Response:
    lang = lang_of(request)
    sheets = staff_sheets(db_of(request), id_, lang=lang, at=datetime.now(UTC))
    by_slot = [(s, [m for m in sheets.meetings if m.slot_number == s.number]) for s in sheets.slots]
    return render(request, "staff/timetable.html", {"id": id_, "sheets": sheets, "by_slot": by_slot,
                                                    "busy": [x for x in by_slot if x[1]]})  # fmt: skip


@router.get("/events/{id_}/agendas")
def agendas_page(request: Request, _staff: Staff, id_: int, published: int | None = None) -> Response:
    db = db_of(request)
    o = overview(db, id_)
    people = sorted((v for v in o.participants if not v.participant.cancelled), key=lambda v: v.participant.id or 0)
    return render(request, "staff/agendas.html", {"o": o, "people": people, "published": published,
                                                  "publications": publications(db, id_)})  # fmt: skip


def download(name: str, data: bytes, fmt: str) -> Response:
    """The file as an attachment; the name may be Korean (RFC 5987 ``filename*``)."""
    ascii_name = name.encode("ascii", "ignore").decode() or f"download.{fmt}"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition})


@router.get("/events/{id_}/agendas/{pid}.{fmt}")
def agenda_file(request: Request, _staff: Staff, id_: int, pid: int, fmt: str) -> Response:
    if fmt not in {f.value for f in AgendaFormat}:
        raise DomainError("unknown_choice", value=fmt, choices=", ".join(f.value for f in AgendaFormat))
    views = agenda_views(db_of(request), id_, [pid], at=datetime.now(UTC))
    (document,) = agenda_documents(views, AgendaFormat(fmt))
    return download(document.name, document.data, fmt)


@router.get("/events/{id_}/sheets.{fmt}")
def sheets_file(request: Request, _staff: Staff, id_: int, fmt: str) -> Response:
    if fmt not in {f.value for f in SheetFormat}:
        raise DomainError("unknown_choice", value=fmt, choices=", ".join(f.value for f in SheetFormat))
    lang = lang_of(request)
    sheets = staff_sheets(db_of(request), id_, lang=lang, at=datetime.now(UTC))
    document = sheets_document(sheets, SheetFormat(fmt), lang, id_)
    return download(document.name, document.data, fmt)


@router.post("/events/{id_}/publish")
def publish(
    request: Request, account: Staff, id_: int, csrf: Annotated[str, Form()], stage: Annotated[str, Form()]
) -> Response:
    check_csrf(request, csrf)
    if stage not in {s.value for s in Stage}:
        raise DomainError("unknown_choice", value=stage, choices=", ".join(s.value for s in Stage))
    report = publish_agendas(db_of(request), id_, stage=Stage(stage), at=datetime.now(UTC),
                             actor=f"account:{account.id}")  # fmt: skip
    return RedirectResponse(f"/events/{id_}/agendas?published={report.version}", status_code=303)
