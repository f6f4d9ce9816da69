"""``seoro report`` and ``seoro strengths``: the outcome report of a programme, an event or a period as
files (HTML with charts, .xlsx, PDF), and which countries and institutions are strongest in each field.
How every figure is counted: docs/report.md."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import Context, ctx_of
from seoro.cli.render import name, table
from seoro.domain.errors import DomainError
from seoro.domain.outcomes import OutcomeReport
from seoro.domain.strengths import FieldStrengths
from seoro.domain.text import BilingualText
from seoro.files.report_html import scope_text
from seoro.i18n import t
from seoro.services import report as rp
from seoro.services.event_import import find_event

out = Console()


@app.command("report")
def report(
    ctx: typer.Context,
    programme: Annotated[
        str | None, typer.Option("--programme", metavar="TEXT", help="Only leads of this programme (exactly).")
    ] = None,
    event: Annotated[
        str | None, typer.Option("--event", metavar="EVENT", help="Only this event: its number or part of its name.")
    ] = None,
    start: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="The period's first day."),
    ] = None,
    end: Annotated[
        datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="The period's last day."),
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", metavar="html|xlsx|pdf", help="File kinds to write (default html). Repeatable."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="ko|en", help="The files' language (default: the CLI's).")
    ] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder for the files.")] = Path("."),
) -> None:
    """The outcome report: participants, meetings, follow-ups, agreements and results by kind, field,
    country and region, the conversion funnel and the success cases; written as files, summed up here."""
    c = ctx_of(ctx)
    kinds = [_format(f) for f in dict.fromkeys(fmt or ["html"])]
    event_id = find_event(c.db(), event).id if event else None
    found = rp.outcome_report(c.db(), programme=programme, event_id=event_id, start=_day(start), end=_day(end))
    language = lang or c.lang
    made_on = datetime.now(UTC).date()
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        doc = rp.report_documents(found, kind, language, made_on=made_on)
        (out_dir / doc.name).write_bytes(doc.data)
        out.print(c.t("cli.report.written", path=str(out_dir / doc.name)))
    _print_summary(c, found)


def _format(value: str) -> rp.ReportFormat:
    try:
        return rp.ReportFormat(value.strip().lower())
    except ValueError:
        raise DomainError("unknown_choice", value=value, choices=", ".join(k.value for k in rp.ReportFormat)) from None


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _print_summary(c: Context, found: OutcomeReport) -> None:
    rows = [(c.t(f"doc.report.figure.{key}"), f"{value:,}") for key, value in found.figures.items()]
    title = c.t("cli.report.summary", scope=scope_text(found.scope, c.lang))
    out.print(table(title, [c.t("doc.report.col.figure"), c.t("doc.report.col.value")], rows))
    heads = [c.t(f"doc.report.col.{k}") for k in ("stage", "leads", "conversion")]
    stages = [(s.label.pick(c.lang), f"{s.leads:,}", "" if s.conversion is None else f"{s.conversion:.1f}")
              for s in found.funnel]  # fmt: skip
    out.print(table(c.t("doc.report.section.funnel"), heads, stages))


@app.command("strengths")
def strengths(
    ctx: typer.Context,
    field: Annotated[
        str | None,
        typer.Option("--field", metavar="FIELD", help="One field: a code (S07) or a name (수소); default every field."),
    ] = None,
    top: Annotated[int, typer.Option("--top", "-n", metavar="N", help="Rows per table.")] = 10,
) -> None:
    """Which countries and institutions are strongest in each field: results of the pipeline first,
    then experts, then organisations (docs/report.md), to decide where to look for partners."""
    c = ctx_of(ctx)
    found = rp.strengths(c.db(), field)
    if not found:
        out.print(c.t("cli.report.no_strengths"))
    for f in found:
        _print_field(c, f, top)


def _print_field(c: Context, f: FieldStrengths, top: int) -> None:
    heads = [c.t(f"cli.report.col.{k}") for k in ("country", "experts", "organisations", "results")]
    rows = [(_named(x.label, c.lang), x.experts, x.organisations, x.results) for x in f.countries[:top]]
    out.print(table(c.t("cli.report.strengths_countries", field=name(f.label, c.lang)), heads, rows))
    _more(c, len(f.countries) - top)
    heads = [c.t(f"cli.report.col.{k}") for k in ("institution", "country", "experts", "results")]
    places = [(name(x.name, c.lang), x.country, x.experts, x.results) for x in f.institutions[:top]]
    out.print(table(c.t("cli.report.strengths_institutions", field=name(f.label, c.lang)), heads, places))
    _more(c, len(f.institutions) - top)


def _named(text: BilingualText, lang: str) -> str:
    return name(text, lang) or t("doc.report.unknown", lang)


def _more(c: Context, hidden: int) -> None:
    if hidden > 0:
        out.print(c.t("cli.report.more", count=hidden))
