"""An event's lists from spreadsheets, for staff: its participants with their interpreters, or its
meeting requests. The same two steps as the directory import (``seoro.web.staff_import``): upload →
preview (a dry run: counts, or every problem with its place, nothing written) → confirm or cancel.

The pending upload is remembered with the event it was previewed for, so a token previewed for one
event can never be confirmed against another.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import Response

from seoro.domain.accounts import Account
from seoro.domain.errors import DomainError, InvalidInput
from seoro.domain.events import Event
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of, session, settings_of
from seoro.services import uploads
from seoro.services.event_import import EventImportReport
from seoro.services.events import get_event
from seoro.web.staff_import import problem_rows
from seoro.web.templates import render

router = APIRouter()
SESSION_KEY = "event_import_upload"  # {"event": event id, "token": folder token, "what": people / requests}
ENTITIES = ("participant", "interpreter", "request")
ACTIONS = ("created", "updated", "unchanged")
SHOWN_CHANGES = 100
PAGE = "staff/event_import.html"


def _root(request: Request) -> Path:
    return settings_of(request).data_dir / "uploads"


def _page(request: Request, event: Event, step: str, status: int = 200, **context: Any) -> Response:
    return render(request, PAGE, {"e": event, "step": step, "whats": list(uploads.EVENT_LISTS), **context},
                  status=status)  # fmt: skip


def _import(request: Request, id_: int, upload: uploads.Upload, what: str, account: Account, *,
            dry_run: bool) -> EventImportReport:  # fmt: skip
    return uploads.import_event_upload(db_of(request), id_, upload, what=what, actor=f"account:{account.id}",
                                       now=datetime.now(UTC), dry_run=dry_run)  # fmt: skip


def _take_pending(request: Request, id_: int) -> dict[str, Any]:
    """The upload waiting for this event, no longer waiting; another event's upload is left alone."""
    pending = session(request).get(SESSION_KEY) or {}
    return session(request).pop(SESSION_KEY) if pending.get("event") == id_ else {}


def _discard(request: Request, pending: dict[str, Any]) -> None:
    with suppress(DomainError):  # already gone (or never there): nothing left to discard
        uploads.discard_upload(_root(request), uploads.find_upload(_root(request), pending.get("token")))


@router.get("/events/{id_}/import")
def import_page(request: Request, _staff: Staff, id_: int) -> Response:
    return _page(request, get_event(db_of(request), id_), "upload")


@router.post("/events/{id_}/import")
async def preview(
    request: Request, account: Staff, id_: int, csrf: Annotated[str, Form()],
    files: Annotated[list[UploadFile], File()], what: Annotated[str, Form()] = "people",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    event = get_event(db_of(request), id_)  # an unknown event is a 404 before anything is saved
    received = [(f.filename or "", await f.read()) for f in files if f.filename]
    upload = uploads.save_upload(_root(request), received)
    names = [p.name for p in upload.files]
    try:
        report = _import(request, id_, upload, what, account, dry_run=True)
    except InvalidInput as e:
        uploads.discard_upload(_root(request), upload)
        problems = problem_rows(e.problems, lang_of(request))
        return _page(request, event, "invalid", 422, names=names, problems=problems, what=what)
    except BaseException:
        uploads.discard_upload(_root(request), upload)
        raise
    _discard(request, session(request).get(SESSION_KEY) or {})  # an earlier preview nobody confirmed
    session(request)[SESSION_KEY] = {"event": id_, "token": upload.token, "what": what}
    return _page(request, event, "preview", names=names, what=what, **_summary(report))


@router.post("/events/{id_}/import/confirm")
def confirm(request: Request, account: Staff, id_: int, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    event = get_event(db_of(request), id_)
    pending = _take_pending(request, id_)
    upload = uploads.find_upload(_root(request), pending.get("token"))
    what = str(pending.get("what", ""))
    try:
        report = _import(request, id_, upload, what, account, dry_run=False)
    finally:
        uploads.discard_upload(_root(request), upload)
    names = [p.name for p in upload.files]
    return _page(request, event, "done", names=names, what=what, **_summary(report))


@router.post("/events/{id_}/import/cancel")
def cancel(request: Request, _staff: Staff, id_: int, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    event = get_event(db_of(request), id_)
    _discard(request, _take_pending(request, id_))
    return _page(request, event, "upload")


def _summary(report: EventImportReport) -> dict[str, Any]:
    """What ``seoro event import-*`` prints: counts by entity and action, how many participants were
    found in the directory, who could meet no one for want of a language, columns nobody reads; and
    the rows that would change."""
    counts = report.counts()
    totals = [(e, [counts.get((e, a), 0) for a in ACTIONS]) for e in ENTITIES if any(k[0] == e for k in counts)]
    changes = [{"file": Path(o.location.file).name, "sheet": o.location.sheet, "row": o.location.row or "",
                "action": o.action, "entity": o.entity, "label": o.label}
               for o in report.outcomes if o.action != "unchanged"]  # fmt: skip
    people = report.participants()
    linked = (sum(p.expert_id is not None for p in people), sum(p.organisation_id is not None for p in people))
    ignored = [(s.sheet or Path(s.file).name, ", ".join(f"{col} {h}" for col, h in s.ignored))
               for s in report.sheets if s.ignored]  # fmt: skip
    return {"totals": totals, "actions": ACTIONS, "changes": changes[:SHOWN_CHANGES],
            "more": max(0, len(changes) - SHOWN_CHANGES), "ignored": ignored,
            "linked": (*linked, len(people)) if people else None,
            "without_language": report.without_language()}  # fmt: skip
