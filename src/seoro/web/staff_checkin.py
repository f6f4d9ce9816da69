"""The door on the event day, on a phone: find a person (a plain GET search), check them in with one
big button, take it back, mark someone absent, or mark every overdue no-show at once.

Each action is a small form (POST with the CSRF token) that sends staff back to the same filtered
list, so the page works without any script and survives a flaky venue network.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.sheets import DoorEntry
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of
from seoro.services.eventday import check_in_people, mark_no_shows
from seoro.services.staff_sheets import staff_sheets
from seoro.web.templates import render

router = APIRouter()
Field = Annotated[str, Form()]


def _matches(entry: DoorEntry, q: str) -> bool:
    """Whether the search names this person: any part of their name or organisation, either language,
    or their number."""
    wanted = q.casefold().strip()
    texts = (entry.name.ko, entry.name.en, entry.organisation.ko, entry.organisation.en, str(entry.participant_id))
    return not wanted or any(wanted in text.casefold() for text in texts if text)


@router.get("/events/{id_}/checkin")
def checkin_page(request: Request, _staff: Staff, id_: int, q: str = "", marked: int | None = None) -> Response:
    sheets = staff_sheets(db_of(request), id_, lang=lang_of(request), at=datetime.now(UTC))
    shown = [d for d in sheets.door if _matches(d, q)]
    counts = {
        "in": sum(d.checked_in_at is not None for d in sheets.door),
        "absent": sum(d.no_show for d in sheets.door),
        "all": len(sheets.door),
    }
    return render(request, "staff/checkin.html", {"id": id_, "sheets": sheets, "shown": shown, "q": q,
                                                  "counts": counts, "marked": marked,
                                                  "local": lambda at: _local(at, sheets.timezone)})  # fmt: skip


def _local(at: datetime, zone: str) -> str:
    """A moment as the clock at the venue shows it."""
    return at.astimezone(ZoneInfo(zone)).strftime("%H:%M")


def _back(id_: int, q: str, **more: object) -> RedirectResponse:
    params = {k: v for k, v in {"q": q, **more}.items() if v not in ("", None)}
    query = f"?{urlencode(params)}" if params else ""
    return RedirectResponse(f"/events/{id_}/checkin{query}", status_code=303)


@router.post("/events/{id_}/checkin")
def check_in(
    request: Request, account: Staff, id_: int, csrf: Field, participant: Annotated[int, Form()],
    undo: Annotated[str, Form()] = "", q: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    check_in_people(db_of(request), id_, [participant], at=datetime.now(UTC), undo=bool(undo),
                    actor=f"account:{account.id}")  # fmt: skip
    return _back(id_, q)


@router.post("/events/{id_}/noshow")
def no_show(
    request: Request, account: Staff, id_: int, csrf: Field, participant: Annotated[int | None, Form()] = None,
    q: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    """One person marked absent, or (without ``participant``) everyone 15 minutes late for their first meeting."""
    check_csrf(request, csrf)
    chosen = [participant] if participant is not None else None
    marked = mark_no_shows(db_of(request), id_, at=datetime.now(UTC), participant_ids=chosen,
                           actor=f"account:{account.id}")  # fmt: skip
    return _back(id_, q, marked=len(marked))
