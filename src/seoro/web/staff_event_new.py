"""Setting up a new event on the web: the days, sessions with their breaks, slot length, tables and
participation types, as a form (the same settings as ``seoro event create``), optionally starting from
an event file (TOML, ``docs/events.md``) whose values the form's filled fields override. A wrong
setting comes back on the form, named, with everything typed kept."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of
from seoro.i18n import t
from seoro.services.event_definition import option_settings, parse_event_file
from seoro.services.events import create_planned_event
from seoro.web.templates import render

router = APIRouter()
Text = Annotated[str, Form()]
FIELDS = ("name_ko", "name_en", "venue", "timezone", "days", "sessions", "breaks", "slot_minutes", "tables",
          "types", "max_in_a_row", "expiry_hours")  # fmt: skip
EXAMPLE = {"timezone": "Asia/Seoul", "slot_minutes": "20", "sessions": "오전=09:30-12:10\n오후=13:30-17:00",
           "breaks": "10:50-11:10", "tables": "10",
           "types": "regional=지역기업/Regional firm:8\noverseas=해외 파트너/Overseas partner:8"}  # fmt: skip


def _lines(text: str) -> list[str]:
    return [x.strip() for x in text.replace(",", "\n").splitlines() if x.strip()] if text else []


def _number(text: str) -> int | str | None:
    """A whole number as typed; anything else is passed on for the checks to name."""
    text = text.strip()
    return None if not text else int(text) if text.isdigit() else text


def _settings(form: dict[str, str], checks: dict[str, bool], file: dict[str, Any]) -> dict[str, Any]:
    typed = option_settings(
        sessions=[x.strip() for x in form["sessions"].splitlines() if x.strip()],
        breaks=_lines(form["breaks"]),
        types=[x.strip() for x in form["types"].splitlines() if x.strip()],
        name_ko=form["name_ko"].strip() or None, name_en=form["name_en"].strip() or None,
        venue=form["venue"].strip() or None, timezone=form["timezone"].strip() or None,
        days=_lines(form["days"]) or None, slot_minutes=_number(form["slot_minutes"]),
        tables=_number(form["tables"]), max_in_a_row=_number(form["max_in_a_row"]),
        request_expiry_hours=_number(form["expiry_hours"]),
        cross_type_only=checks["cross_type_only"] or None, auto_accept=checks["auto_accept"] or None,
    )  # fmt: skip
    return file | typed


def _form(
    request: Request, form: dict[str, str], checks: dict[str, bool], error: str = "", status: int = 200
) -> Response:
    return render(request, "staff/event_new.html", {"form": form, "checks": checks, "error": error},
                  status=status)  # fmt: skip


@router.get("/events/new")
def new_event_page(request: Request, _staff: Staff) -> Response:
    form = {k: EXAMPLE.get(k, "") for k in FIELDS}
    return _form(request, form, {"cross_type_only": True, "auto_accept": False})


@router.post("/events/new")
async def create(
    request: Request, account: Staff, csrf: Text, name_ko: Text = "", name_en: Text = "", venue: Text = "",
    timezone: Text = "", days: Text = "", sessions: Text = "", breaks: Text = "", slot_minutes: Text = "",
    tables: Text = "", types: Text = "", max_in_a_row: Text = "", expiry_hours: Text = "",
    cross_type_only: Text = "", auto_accept: Text = "", file: Annotated[UploadFile | None, File()] = None,
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    form = {"name_ko": name_ko, "name_en": name_en, "venue": venue, "timezone": timezone, "days": days,
            "sessions": sessions, "breaks": breaks, "slot_minutes": slot_minutes, "tables": tables, "types": types,
            "max_in_a_row": max_in_a_row, "expiry_hours": expiry_hours}  # fmt: skip
    checks = {"cross_type_only": bool(cross_type_only), "auto_accept": bool(auto_accept)}
    source = file.filename if file is not None and file.filename else t("web.staff.evnew.title", lang_of(request))
    try:
        loaded = parse_event_file(await file.read(), source) if file is not None and file.filename else {}
        event_id, _ = create_planned_event(db_of(request), _settings(form, checks, loaded), source,
                                           actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        if e.code in ("not_found", "forbidden"):
            raise
        lang = lang_of(request)
        params = dict(e.params)
        if str(params.get("file", "")).startswith("--"):  # named after a command option: name the form field
            field = params.get("setting", "")
            params["file"] = t("web.staff.evnew.title", lang)
            params["setting"] = t(f"web.staff.evnew.{field}s" if field in ("session", "type") else
                                  f"web.staff.evnew.{field}", lang) if field else ""  # fmt: skip
        return _form(request, form, checks, t(f"error.{e.code}", lang, **params), status=422)
    return RedirectResponse(f"/events/{event_id}", status_code=303)
