"""The outcome report on the web: a scope form (programme, event, period), the report embedded as
``services.report.report_fragment`` makes it (charts inline as SVG), its files for the same scope
(.html, .xlsx, .pdf), and the strengths table per technology field.

The app's Content-Security-Policy allows stylesheets from the app only (no ``<style>`` block, no
``style`` attribute), so the report's CSS is served at ``/report.css`` and linked from the page; the
charts carry their styles as SVG presentation attributes, which the policy does not touch."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from seoro.domain.errors import DomainError
from seoro.domain.outcomes import OutcomeReport
from seoro.http.access import Staff
from seoro.http.security import db_of, lang_of
from seoro.services import report as rp
from seoro.services.events import list_events
from seoro.services.pipeline import list_leads
from seoro.services.taxonomy import load_taxonomy
from seoro.web.pipeline_common import day, refusal, today
from seoro.web.staff_events import download
from seoro.web.templates import render

router = APIRouter()
TOP = 10  # rows per strengths table, as `seoro strengths` shows
From = Annotated[str, Query(alias="from")]
To = Annotated[str, Query(alias="to")]


def _scope(programme: str, event: str, start: str, end: str) -> dict[str, Any]:
    """The scope as the services take it (an unreadable date is refused; an event not a number: none)."""
    return {"programme": programme.strip() or None, "event_id": int(event) if event.strip().isdigit() else None,
            "start": day(start), "end": day(end)}  # fmt: skip


def _report(request: Request, programme: str, event: str, start: str, end: str) -> OutcomeReport:
    return rp.outcome_report(db_of(request), **_scope(programme, event, start, end))


@router.get("/report.css")
def report_css(_staff: Staff) -> Response:
    """The embedded report's stylesheet (the same for every report: the browser keeps it for a day)."""
    return Response(rp.report_css(), media_type="text/css; charset=utf-8",
                    headers={"Cache-Control": "private, max-age=86400"})  # fmt: skip


@router.get("/report")
def report_page(
    request: Request, _staff: Staff, programme: str = "", event: str = "", start: From = "", end: To = ""
) -> Response:
    db = db_of(request)
    form = {"programme": programme, "event": event, "from": start, "to": end}
    query = urlencode({k: v for k, v in form.items() if v})
    context: dict[str, Any] = {"form": form, "query": f"?{query}" if query else "", "error": "", "body": "",
                               "events": [e for e in list_events(db) if e.id is not None],
                               "programmes": sorted({x.programme for x in list_leads(db) if x.programme})}  # fmt: skip
    try:
        found = _report(request, programme, event, start, end)
    except DomainError as e:
        context["error"] = refusal(request, e)
        return render(request, "staff/report.html", context, status=422)
    context["body"] = rp.report_fragment(found, lang_of(request), made_on=today()).body
    context["figures"] = found.figures
    return render(request, "staff/report.html", context)


@router.get("/report.{fmt}")
def report_file(
    request: Request, _staff: Staff, fmt: str, programme: str = "", event: str = "", start: From = "", end: To = ""
) -> Response:
    if fmt not in {f.value for f in rp.ReportFormat}:
        raise DomainError("unknown_choice", value=fmt, choices=", ".join(f.value for f in rp.ReportFormat))
    found = _report(request, programme, event, start, end)
    document = rp.report_documents(found, rp.ReportFormat(fmt), lang_of(request), made_on=today())
    return download(document.name, document.data, fmt)


@router.get("/report/strengths")
def strengths_page(request: Request, _staff: Staff, field: str = "") -> Response:
    db = db_of(request)
    taxonomy = load_taxonomy(db)
    context: dict[str, Any] = {"field": field, "top": TOP, "roots": taxonomy.children(None), "error": "", "found": []}
    try:
        context["found"] = rp.strengths(db, field.strip() or None)
    except DomainError as e:
        context["error"] = refusal(request, e)
        return render(request, "staff/strengths.html", context, status=422)
    return render(request, "staff/strengths.html", context)
