"""Setting up a new event on the web: the days, sessions with their breaks, slot length, tables and
participation types, as a form (the same settings as ``seoro event create``), optionally starting from
an event file (TOML, ``docs/events.md``) whose values the form's filled fields override. A wrong
setting comes back on the form, named, with everything typed kept.

The same form changes an event's settings later (``/events/{id}/edit``, like ``seoro event update``):
it shows the stored values, and only the fields staff change are applied to the stored settings, so
what the form cannot show (session codes, a table's name and seats, the scheduling mode) stays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of
from seoro.i18n import t
from seoro.services.event_definition import event_fields, event_settings, option_settings, parse_event_file
from seoro.services.events import create_planned_event, get_event, update_planned_event
from seoro.web.templates import render

router = APIRouter()
Text = Annotated[str, Form()]
FIELDS = ("name_ko", "name_en", "venue", "timezone", "days", "sessions", "breaks", "slot_minutes", "tables",
          "types", "max_in_a_row", "expiry_hours")  # fmt: skip
CHECKS = ("cross_type_only", "auto_accept")
EXAMPLE = {"timezone": "Asia/Seoul", "slot_minutes": "20", "sessions": "오전=09:30-12:10\n오후=13:30-17:00",
           "breaks": "10:50-11:10", "tables": "10",
           "types": "regional=지역기업/Regional firm:8\noverseas=해외 파트너/Overseas partner:8"}  # fmt: skip
# The event setting each form field writes (a field emptied on the edit form removes it).
SETTING = {"sessions": "sessions", "breaks": "sessions", "expiry_hours": "request_expiry_hours"}
# What the settings checks call a value, as the form field it came from.
FIELD_OF = {"session": "sessions", "start": "sessions", "end": "sessions", "break": "breaks", "type": "types",
            "tables.count": "tables", "request_expiry_hours": "expiry_hours"}  # fmt: skip


@dataclass(frozen=True)
class Posted:
    """The event form as sent: its text fields, its check boxes, and the event file if one was chosen."""

    csrf: str
    form: dict[str, str]
    checks: dict[str, bool]
    file_name: str
    file_data: bytes

    def file_settings(self) -> dict[str, Any]:
        return parse_event_file(self.file_data, self.file_name) if self.file_name else {}


async def read_form(
    csrf: Text, name_ko: Text = "", name_en: Text = "", venue: Text = "", timezone: Text = "", days: Text = "",
    sessions: Text = "", breaks: Text = "", slot_minutes: Text = "", tables: Text = "", types: Text = "",
    max_in_a_row: Text = "", expiry_hours: Text = "", cross_type_only: Text = "", auto_accept: Text = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Posted:  # fmt: skip
    """The form of both routes, read once (a dependency: the fields are declared here only)."""
    form = {"name_ko": name_ko, "name_en": name_en, "venue": venue, "timezone": timezone, "days": days,
            "sessions": sessions, "breaks": breaks, "slot_minutes": slot_minutes, "tables": tables, "types": types,
            "max_in_a_row": max_in_a_row, "expiry_hours": expiry_hours}  # fmt: skip
    checks = {"cross_type_only": bool(cross_type_only), "auto_accept": bool(auto_accept)}
    name = (file.filename or "") if file is not None else ""
    data = await file.read() if file is not None and name else b""
    return Posted(csrf, form, checks, name, data)


EventForm = Annotated[Posted, Depends(read_form)]


def _lines(text: str) -> list[str]:
    return [x.strip() for x in text.replace(",", "\n").splitlines() if x.strip()] if text else []


def _rows(text: str) -> list[str]:
    return [x.strip() for x in text.splitlines() if x.strip()]


def _number(text: str) -> int | str | None:
    """A whole number as typed; anything else is passed on for the checks to name."""
    text = text.strip()
    return None if not text else int(text) if text.isdigit() else text


def _settings(form: dict[str, str], checks: dict[str, bool | None]) -> dict[str, Any]:
    """The settings the fields say; an empty field (a check box ``None``) says nothing."""
    return option_settings(
        sessions=_rows(form["sessions"]), breaks=_lines(form["breaks"]), types=_rows(form["types"]),
        name_ko=form["name_ko"].strip() or None, name_en=form["name_en"].strip() or None,
        venue=form["venue"].strip() or None, timezone=form["timezone"].strip() or None,
        days=_lines(form["days"]) or None, slot_minutes=_number(form["slot_minutes"]),
        tables=_number(form["tables"]), max_in_a_row=_number(form["max_in_a_row"]),
        request_expiry_hours=_number(form["expiry_hours"]),
        cross_type_only=checks["cross_type_only"], auto_accept=checks["auto_accept"],
    )  # fmt: skip


def _same(field: str, typed: str, shown: str) -> bool:
    """Whether a field still says what the form showed (spaces, line ends and, for lists, commas aside)."""
    split = _lines if field in ("days", "breaks") else _rows
    return split(typed) == split(shown)


def _edit_settings(event: Event, posted: Posted) -> dict[str, Any]:
    """The stored settings with the file's laid over and then the fields staff changed: a field left
    as shown keeps what it stands for, even what it cannot show (session codes, tables' seats)."""
    shown = event_fields(event)
    changed = {k for k in FIELDS if not _same(k, posted.form[k], shown[k])}
    if changed & {"sessions", "breaks"}:
        changed |= {"sessions", "breaks"}  # breaks belong to sessions: one of them changes both
    emptied = {SETTING.get(k, k) for k in changed if not posted.form[k].strip()}
    typed = _settings({k: posted.form[k] if k in changed else "" for k in FIELDS},
                      {k: v if v != bool(shown[k]) else None for k, v in posted.checks.items()})  # fmt: skip
    stored = {k: v for k, v in event_settings(event).items() if k not in emptied}
    return stored | posted.file_settings() | typed


def _message(request: Request, e: DomainError, posted: Posted, title: str) -> str:
    """A refusal in the reader's language, naming the form's field rather than the setting or option."""
    if e.code in ("not_found", "forbidden"):
        raise e
    lang = lang_of(request)
    params = dict(e.params)
    if str(params.get("file", "")).startswith("--"):  # named after a command option: it came from the form
        params["file"] = title
    setting = str(params.get("setting", ""))
    field = FIELD_OF.get(setting, setting)
    if setting and field in FIELDS and (not posted.file_name or params.get("file") != posted.file_name):
        params["setting"] = t(f"web.staff.evnew.{field}", lang)
    return t(f"error.{e.code}", lang, **params)


def _page(request: Request, form: dict[str, str], checks: dict[str, bool], *, event: Event | None = None,
          error: str = "", status: int = 200) -> Response:  # fmt: skip
    context = {"form": form, "checks": checks, "error": error, "e": event, "mode": "edit" if event else "new"}
    return render(request, "staff/event_new.html", context, status=status)


@router.get("/events/new")
def new_event_page(request: Request, _staff: Staff) -> Response:
    form = {k: EXAMPLE.get(k, "") for k in FIELDS}
    return _page(request, form, {"cross_type_only": True, "auto_accept": False})


@router.post("/events/new")
def create(request: Request, account: Staff, posted: EventForm) -> Response:
    check_csrf(request, posted.csrf)
    title = t("web.staff.evnew.title", lang_of(request))
    source = posted.file_name or title
    try:
        settings = posted.file_settings() | _settings(posted.form, {k: v or None for k, v in posted.checks.items()})
        event_id, _ = create_planned_event(db_of(request), settings, source, actor=f"account:{account.id}")
    except DomainError as e:
        return _page(request, posted.form, posted.checks, error=_message(request, e, posted, title), status=422)
    return RedirectResponse(f"/events/{event_id}", status_code=303)


@router.get("/events/{id_}/edit")
def edit_event_page(request: Request, _staff: Staff, id_: int) -> Response:
    event = get_event(db_of(request), id_)
    shown = event_fields(event)
    return _page(request, {k: shown[k] for k in FIELDS}, {k: bool(shown[k]) for k in CHECKS}, event=event)


@router.post("/events/{id_}/edit")
def edit(request: Request, account: Staff, id_: int, posted: EventForm) -> Response:
    check_csrf(request, posted.csrf)
    db = db_of(request)
    event = get_event(db, id_)
    title = t("web.staff.evnew.edit_title", lang_of(request))
    try:
        update_planned_event(db, id_, _edit_settings(event, posted), posted.file_name or title,
                             actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        error = _message(request, e, posted, title)
        return _page(request, posted.form, posted.checks, event=event, error=error, status=422)
    return RedirectResponse(f"/events/{id_}", status_code=303)
