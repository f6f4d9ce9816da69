"""Reminders of overdue next actions: the ones not yet reminded of, and a button that e-mails each to
its lead's owner through the agency's mail server (``services.reminders.send_reminders``, each once).
The page after sending says what was sent, what was left for lack of an owner, what the server
refused, or why the server could not be used."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from seoro.domain.errors import DomainError
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of, settings_of
from seoro.i18n import t
from seoro.services import reminders as rm
from seoro.web.pipeline_common import today
from seoro.web.templates import render

router = APIRouter()
# the mail server could not be used: shown on the page, with the status of a server that is not there
SMTP_ERRORS = {"smtp_not_configured": 503, "smtp_failed": 502}


def _page(request: Request, extra: dict[str, Any] | None = None, *, status: int = 200) -> Response:
    day = today()
    settings = settings_of(request)
    due = [(r, "") for r in rm.due_reminders(db_of(request), day)]  # (reminder, what the server said)
    context = {"due": due, "today": day, "configured": bool(settings.smtp_host and settings.smtp_from),
               "report": None, "unowned": [], "error": "", **(extra or {})}  # fmt: skip
    return render(request, "staff/reminders.html", context, status=status)


@router.get("/reminders")
def reminders_page(request: Request, _staff: Staff) -> Response:
    return _page(request)


@router.post("/reminders/send")
def send(request: Request, account: Staff, csrf: Annotated[str, Form()]) -> Response:
    """Send now and show what happened (no redirect: the report is the page; sending again sends
    only what is still due)."""
    check_csrf(request, csrf)
    try:
        report = rm.send_reminders(db_of(request), settings_of(request), today(), actor=f"account:{account.id}")
    except DomainError as e:
        if e.code not in SMTP_ERRORS:
            raise
        return _page(request, {"error": t(f"error.{e.code}", lang_of(request), **e.params)}, status=SMTP_ERRORS[e.code])
    return _page(request, {"report": report, "unowned": [(r, "") for r in report.unowned]})
