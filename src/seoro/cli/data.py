"""Moving data in and out: ``import``, ``export``, ``template``, ``demo``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import Context, ctx_of
from seoro.cli.render import progress_bar, table
from seoro.domain.vocab import OrgKind, ProfileKind, label
from seoro.files.columns import IMPORT_ORDER, RecordKind
from seoro.files.reading import read_sheets
from seoro.files.writing import write_template
from seoro.services import directory, exporting
from seoro.services.demo import PROGRAMME, demo_size, load_demo
from seoro.services.importing import ImportReport, import_sheets
from seoro.services.resolve import Change

out = Console()
KINDS = ", ".join(k.value for k in IMPORT_ORDER)


def _kind(value: str | None) -> RecordKind | None:
    if value is None:
        return None
    try:
        return RecordKind(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r}: {KINDS}") from None


@app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help=".xlsx or .csv files (UTF-8, UTF-8 with BOM, CP949/EUC-KR).", exists=False),
    ],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help=f"What the file holds ({KINDS}); guessed from sheet names and headers if not given.",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Show what would change, change nothing.")] = False,
) -> None:
    """Import organisations, experts, publications or technology needs/offers. All or nothing: one bad
    row and nothing is written; every bad cell is listed with file, row and column."""
    c = ctx_of(ctx)
    sheets = [sheet for path in files for sheet in read_sheets(path, _kind(kind))]
    started = time.perf_counter()
    with progress_bar(sum(len(s.rows) for s in sheets), c.t("cli.importing")) as advance:
        report = import_sheets(c.db(), sheets, actor=c.settings.actor, dry_run=dry_run, progress=advance)
    _print_report(c, report, time.perf_counter() - started)


def _print_report(c: Context, report: ImportReport, seconds: float) -> None:
    for sheet in report.sheets:
        if sheet.ignored:
            columns = ", ".join(f"{col} {h}" for col, h in sheet.ignored)
            out.print(c.t("cli.ignored_columns", sheet=sheet.sheet or sheet.file, columns=columns))
    if report.dry_run:
        _print_changes(c, [ch for ch in report.changes if ch.action != "unchanged"])
    counts = report.counts()
    order = ["organisation", "expert", "publication", "profile"]
    actions = ("created", "updated", "unchanged")
    totals = [
        (c.t(f"cli.entity.{e}"), *(counts.get((e, a), 0) for a in actions))
        for e in sorted({e for e, _ in counts}, key=order.index)
    ]
    headers = [c.t("cli.col.entity"), *(c.t(f"cli.action.{a}") for a in actions)]
    title = c.t("cli.import_title_dry" if report.dry_run else "cli.import_title", seconds=f"{seconds:.1f}")
    out.print(table(title, headers, totals))
    if report.dry_run:
        out.print(c.t("cli.dry_run_note"))


def _print_changes(c: Context, changes: list[Change], limit: int = 100) -> None:
    """The first ``limit`` changes a dry run would make, row by row."""
    if not changes:
        return
    rows = [
        (
            ch.location.sheet,
            ch.location.row,
            c.t(f"cli.action.{ch.action}"),
            c.t(f"cli.entity.{ch.entity}"),
            ch.label,
            ", ".join(ch.changed),
        )
        for ch in changes[:limit]
    ]
    headers = [c.t(f"cli.col.{h}") for h in ("sheet", "row", "action", "entity", "name", "changes")]
    out.print(table(c.t("cli.dry_run_title"), headers, rows))
    if len(changes) > limit:
        out.print(c.t("cli.problems_more", count=len(changes) - limit))


@app.command("export")
def export_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="Where to write: .xlsx (one sheet per kind) or .csv (one kind).")
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", metavar="KIND", help=f"What to export ({KINDS}); default: everything (.xlsx) ."),
    ] = None,
    encoding: Annotated[
        str,
        typer.Option(
            "--encoding", metavar="ENCODING", help="CSV encoding: utf-8-sig (Excel-friendly, default), utf-8 or cp949."
        ),
    ] = "utf-8-sig",
) -> None:
    """Export lists in the importer's own columns: edit in Excel, import again, and records are updated."""
    c = ctx_of(ctx)
    kinds = [k for k in (_kind(v) for v in kind or []) if k] or list(IMPORT_ORDER)
    written = exporting.export(c.db(), kinds, file, lang=c.lang, encoding=encoding)
    for sheet, count in written.items():
        out.print(c.t("cli.exported", sheet=sheet, count=count, file=str(file)))


@app.command()
def template(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(metavar="KIND", help=KINDS)],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The .xlsx template to write.")],
) -> None:
    """Write an empty import template (.xlsx) with a guide sheet explaining every column."""
    c = ctx_of(ctx)
    record_kind = _kind(kind)
    assert record_kind is not None
    write_template(record_kind, file, c.lang)
    out.print(c.t("cli.template_written", file=str(file)))


@app.command()
def demo(ctx: typer.Context) -> None:
    """Load the demo data set (a province delegation, regional firms, an overseas association and its
    members, agreements, an event to schedule, one held in May and a year of follow-up leads). Safe to
    run again: nothing is duplicated."""
    c = ctx_of(ctx)
    db = c.db()
    started = time.perf_counter()
    with progress_bar(demo_size(), c.t("cli.loading_demo")) as advance:
        result = load_demo(db, actor=c.settings.actor, progress=advance)
    _print_report(c, result.report, time.perf_counter() - started)
    out.print(
        c.t(
            "cli.demo_extra",
            fields=result.fields_added,
            focus=result.focus_sets_changed,
            agreements=sum(result.agreements.values()),
        )
    )
    if result.event is not None:  # the demo brokerage event (seoro event schedule N builds its timetable)
        created = sum(o.action == "created" for o in result.event.outcomes)
        out.print(c.t("cli.event.demo_loaded", event=result.event.event_id, created=created))
    if result.pipeline is not None:  # the spring event held and the year's leads (seoro lead list)
        p = result.pipeline
        out.print(c.t("cli.demo_pipeline", event=p.event_id, leads=p.leads, answers=p.answers, total=p.total,
                      programme=PROGRAMME))  # fmt: skip
    _print_summary(c, directory.summarise(db), db.url)


@app.command()
def summary(ctx: typer.Context) -> None:
    """What the directory holds, by kind."""
    c = ctx_of(ctx)
    db = c.db()
    _print_summary(c, directory.summarise(db), db.url)


def _print_summary(c: Context, s: directory.Summary, url: str) -> None:
    rows: list[tuple[str, object]] = [(label(OrgKind(k)).pick(c.lang), n) for k, n in s.organisations.items()]
    rows += [(c.t("cli.entity.expert"), s.experts), (c.t("cli.entity.publication"), s.publications)]
    rows += [(label(ProfileKind(k)).pick(c.lang), n) for k, n in s.profiles.items()]
    rows += [
        (c.t("cli.entity.agreement"), s.agreements),
        (c.t("cli.col.fields"), f"{s.fields} ({c.t('cli.custom')} {s.custom_fields})"),
        (c.t("cli.title.focus_sets"), s.focus_sets),
    ]
    out.print(table(c.t("cli.summary_title", url=url), [c.t("cli.col.what"), c.t("cli.col.count")], rows))
