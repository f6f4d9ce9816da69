"""``seoro classify``: suggested technology fields for records without field codes; confirm, reject, correct."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import Context, ctx_of
from seoro.cli.render import progress_bar, table
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.classify import Suggestion
from seoro.services.classify import (
    DEFAULT_THRESHOLD,
    KINDS,
    ClassifyReport,
    classify_records,
    classify_size,
    classify_text,
    confirm,
    correct,
    evidence_json,
    kind_of,
    reject,
)
from seoro.services.taxonomy import load_taxonomy

out = Console()
classify_app = typer.Typer(
    help="Suggest technology fields from a record's text (Korean or English); staff confirm, reject or correct.",
    no_args_is_help=True,
)
app.add_typer(classify_app, name="classify")

IdOpt = Annotated[list[int] | None, typer.Option("--id", metavar="N", help="Only this record. Repeatable.")]
AllOpt = Annotated[
    bool, typer.Option("--all", help="Also records that have field codes (to check suggestions against them).")
]
TopOpt = Annotated[int, typer.Option("--top", "-n", metavar="K", help="Suggestions per record.")]
SaveOpt = Annotated[
    bool, typer.Option("--save", help="Store the suggestions (staff decisions are kept; nothing is duplicated).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (both languages) instead of a table.")]
KindArg = Annotated[str, typer.Argument(metavar="KIND", help="expert, organisation or profile.")]
RecordArg = Annotated[int, typer.Argument(metavar="ID", help="The record's id.")]
FieldArg = Annotated[str, typer.Argument(metavar="FIELD", help="Field code or label, e.g. S07.03 or 수소.")]


def _run(
    ctx: typer.Context, kinds: tuple[str, ...], ids: list[int] | None, all_: bool, top: int, save: bool, as_json: bool
) -> None:
    c = ctx_of(ctx)
    db = c.db()
    with progress_bar(classify_size(db), c.t("cli.classifying"), show=not as_json) as advance:
        report = classify_records(
            db,
            kinds=kinds,
            ids=set(ids) if ids else None,
            include_labelled=all_,
            top=top,
            save=save,
            actor=c.settings.actor,
            progress=advance,
        )
    if as_json:
        typer.echo(json.dumps(to_json(report), ensure_ascii=False, indent=2))
        return
    _print(c, report)
    if save:
        out.print(c.t("cli.classify_saved", count=report.saved))


def _label(taxonomy: Taxonomy, code: str, lang: str) -> str:
    f = taxonomy.fields.get(code)
    return f.label.pick(lang) if f else ""


def _evidence(c: Context, s: Suggestion) -> str:
    parts = []
    if s.evidence.terms:
        parts.append(c.t("cli.classify_terms", terms=", ".join(s.evidence.terms[:4])))
    if s.evidence.neighbours:
        parts.append(c.t("cli.classify_neighbours", records=", ".join(s.evidence.neighbours[:3])))
    parts.append(c.t("cli.classify_similarity", similarity=f"{s.evidence.similarity:.2f}"))
    return "; ".join(parts)


def _print(c: Context, report: ClassifyReport) -> None:
    headers = [c.t(f"cli.col.{h}") for h in ("entity", "name", "fields", "code", "field", "confidence", "evidence")]
    rows = []
    for r in report.results:
        for i, s in enumerate(r.suggestions):
            first = i == 0
            rows.append(
                (
                    r.key if first else "",
                    r.name if first else "",
                    ", ".join(r.fields) if first else "",
                    s.code,
                    _label(report.taxonomy, s.code, c.lang),
                    f"{s.confidence:.2f}" + ("" if s.confidence >= DEFAULT_THRESHOLD else " ?"),
                    _evidence(c, s),
                )
            )
    out.print(table(c.t("cli.title.suggestions"), headers, rows))
    out.print(c.t("cli.classify_done", records=len(report.results), threshold=f"{DEFAULT_THRESHOLD:.2f}"))


def to_json(report: ClassifyReport) -> list[dict[str, Any]]:
    def label(code: str) -> dict[str, str]:
        return {"code": code, "ko": _label(report.taxonomy, code, "ko"), "en": _label(report.taxonomy, code, "en")}

    return [
        {
            "key": r.key,
            "name": r.name,
            "fields": [label(f) for f in r.fields],
            "suggestions": [
                {**label(s.code), "confidence": s.confidence, "evidence": evidence_json(s)} for s in r.suggestions
            ],
        }
        for r in report.results
    ]


def _kind_command(name: str, kind: str, summary: str) -> None:
    """``seoro classify NAME``: the same options for each kind of record."""

    def command(
        ctx: typer.Context,
        id_: IdOpt = None,
        all_: AllOpt = False,
        top: TopOpt = 3,
        save: SaveOpt = False,
        as_json: JsonOpt = False,
    ) -> None:
        _run(ctx, (kind,), id_, all_, top, save, as_json)

    command.__doc__ = summary
    classify_app.command(name)(command)


_kind_command(
    "experts",
    "expert",
    "Suggest fields for experts without field codes (from their expertise, keywords and publications).",
)
_kind_command(
    "organisations", "organisation", "Suggest fields for organisations without field codes (from their descriptions)."
)
_kind_command("profiles", "profile", "Suggest fields for profiles (needs, offers, searches) without field codes.")


@classify_app.command("all")
def classify_all(
    ctx: typer.Context, all_: AllOpt = False, top: TopOpt = 3, save: SaveOpt = False, as_json: JsonOpt = False
) -> None:
    """Suggest fields for every expert, organisation and profile without field codes."""
    _run(ctx, KINDS, None, all_, top, save, as_json)


@classify_app.command("text")
def classify_any_text(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Any text, Korean or English.")],
    top: TopOpt = 3,
) -> None:
    """Suggest fields for a text (nothing is stored)."""
    c = ctx_of(ctx)
    db = c.db()
    taxonomy = load_taxonomy(db)
    suggestions = classify_text(db, text, top=top, actor=c.settings.actor)
    headers = [c.t(f"cli.col.{h}") for h in ("code", "field", "confidence", "evidence")]
    rows = [(s.code, _label(taxonomy, s.code, c.lang), f"{s.confidence:.2f}", _evidence(c, s)) for s in suggestions]
    out.print(table(c.t("cli.title.suggestions"), headers, rows))


@classify_app.command("confirm")
def classify_confirm(ctx: typer.Context, kind: KindArg, record: RecordArg, field: FieldArg) -> None:
    """The suggested field is right: write it onto the record (recorded in the history)."""
    c = ctx_of(ctx)
    code = confirm(c.db(), kind=kind, id_=record, field=field, actor=c.settings.actor)
    out.print(c.t("cli.classify_confirmed", entity=kind_of(kind), id=record, code=code))


@classify_app.command("reject")
def classify_reject(ctx: typer.Context, kind: KindArg, record: RecordArg, field: FieldArg) -> None:
    """The field is wrong for this record: never suggest it again (and remove it if it was set)."""
    c = ctx_of(ctx)
    code = reject(c.db(), kind=kind, id_=record, field=field, actor=c.settings.actor)
    out.print(c.t("cli.classify_rejected", entity=kind_of(kind), id=record, code=code))


@classify_app.command("correct")
def classify_correct(ctx: typer.Context, kind: KindArg, record: RecordArg, field: FieldArg) -> None:
    """Give the right field instead of the suggestions: it is set, and the open suggestions are rejected."""
    c = ctx_of(ctx)
    code = correct(c.db(), kind=kind, id_=record, field=field, actor=c.settings.actor)
    out.print(c.t("cli.classify_corrected", entity=kind_of(kind), id=record, code=code))
