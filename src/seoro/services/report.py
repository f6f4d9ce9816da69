"""The outcome report and the country/field strengths, read from the database in one transaction,
and the report as files (HTML with charts, an .xlsx workbook, PDF). docs/report.md explains the figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from seoro.domain import outcomes
from seoro.domain.grouping import Directory
from seoro.domain.outcomes import EventRecord, OutcomeReport, Scope, Sources, event_filter
from seoro.domain.strengths import FieldStrengths, field_strengths
from seoro.files.report_html import REPORT_CSS, report_body, report_page, report_pdf
from seoro.files.report_tables import report_xlsx
from seoro.services.database import Database, Unit, require_current
from seoro.services.documents import Document
from seoro.services.held_meetings import held_meetings
from seoro.services.taxonomy import taxonomy_in


class ReportFormat(StrEnum):
    HTML = "html"
    XLSX = "xlsx"
    PDF = "pdf"


def outcome_report(
    db: Database,
    *,
    programme: str | None = None,
    event_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    at: datetime | None = None,
) -> OutcomeReport:
    """The outcome report of a programme, an event and/or a period (both ends included); meetings
    count as held once begun by ``at`` (default now). An unknown event is refused."""
    scope = Scope((programme or "").strip() or None, event_id, start, end)
    require_current(db)
    with db.reading() as unit:
        return outcomes.outcome_report(scope, _sources(unit, scope, at or datetime.now(UTC)))


def _sources(unit: Unit, scope: Scope, at: datetime) -> Sources:
    if scope.event_id is not None:
        unit.events.get(scope.event_id)  # refuses an unknown event
    leads = unit.leads.all(event_id=scope.event_id)  # not by programme: a meeting's lead may be of another
    covered = event_filter(scope, [lead for lead in leads if scope.covers(lead)])
    events = [_event(unit, e.id, at) for e in unit.events.all() if e.id is not None and covered(e)]
    wishes = unit.follow_up_wishes.all(scope.event_id)
    return Sources(leads, wishes, events, unit.agreements.find(), directory_in(unit), taxonomy_in(unit))


def _event(unit: Unit, event_id: int, at: datetime) -> EventRecord:
    held = frozenset(held_meetings(unit, event_id, at=at))
    return EventRecord(
        unit.events.get(event_id), unit.events.participants(event_id), unit.events.requests(event_id), held
    )


def directory_in(unit: Unit) -> Directory:
    """Every organisation and expert (without their publications, which no report reads)."""
    experts = unit.experts.without_publications(unit.experts.names())
    return Directory.of(unit.organisations.find(), experts.values())


def strengths(db: Database, field: str | None = None) -> list[FieldStrengths]:
    """Per field (``field``: a code, or a Korean or English name or synonym; default every top-level
    field), the countries and institutions strongest in it (rules and order: ``domain.strengths``)."""
    require_current(db)
    with db.reading() as unit:
        taxonomy = taxonomy_in(unit)
        code = taxonomy.resolve(field) if field else None
        return field_strengths(taxonomy, directory_in(unit), unit.leads.all(), code)


def report_documents(report: OutcomeReport, fmt: ReportFormat, lang: str, *, made_on: date | None = None) -> Document:
    """The report as one file in ``lang``: an HTML page with inline SVG charts, an .xlsx workbook (one
    sheet per table) or a PDF of the HTML page."""
    name = f"{report_stem(report.scope)}.{fmt.value}"
    if fmt is ReportFormat.XLSX:
        return Document(name, report_xlsx(report, lang))
    if fmt is ReportFormat.PDF:
        return Document(name, report_pdf(report, lang, made_on=made_on))
    return Document(name, report_page(report, lang, made_on=made_on).encode())


@dataclass(frozen=True)
class ReportFragment:
    """What a web page embeds: the report's markup (charts inline) and the CSS it needs."""

    css: str
    body: str


def report_fragment(report: OutcomeReport, lang: str, *, made_on: date | None = None) -> ReportFragment:
    return ReportFragment(report_css(), report_body(report, lang, made_on=made_on))


def report_css() -> str:
    """The CSS the embedded report needs, every rule scoped to its ``.seoro-report`` element (the page
    rules of the file and the PDF are left out: they would restyle the page around it)."""
    return REPORT_CSS


def report_stem(scope: Scope) -> str:
    """``report-2026-글로벌-기술협력-event-3-2026-01-01-2026-12-31``: what the report covers, file-name safe."""
    parts = ["report", scope.programme or "", f"event-{scope.event_id}" if scope.event_id is not None else ""]
    parts += [d.isoformat() if d else "" for d in (scope.start, scope.end)]
    text = "-".join(p for p in parts if p)
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-")[:80]
