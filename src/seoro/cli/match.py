"""``seoro match``: partners for a profile, ranked, with reasons in Korean or English."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import Context, ctx_of
from seoro.cli.render import progress_bar, table
from seoro.domain.errors import DomainError
from seoro.domain.vocab import OrgKind, parse_choice, parse_language
from seoro.matching.model import Match
from seoro.services.matching import MatchResult, index_size, match_record, rebuild_index

out = Console()
index_app = typer.Typer(
    help="The search index: vectors of every directory text, stored in the database.", no_args_is_help=True
)
app.add_typer(index_app, name="index")

# What each kind of record usually looks for.
DEFAULT_KINDS = {
    "profile": ("expert",),
    "expert": ("need", "organisation"),
    "organisation": ("expert", "need", "offer"),
}


@app.command()
def match(
    ctx: typer.Context,
    profile: Annotated[
        int | None,
        typer.Argument(
            metavar="PROFILE", help="Id of the need, offer or search to find partners for (see seoro list profiles)."
        ),
    ] = None,
    expert: Annotated[
        int | None,
        typer.Option(
            "--expert", metavar="ID", help="Find partners for this expert instead (default kinds: need, organisation)."
        ),
    ] = None,
    organisation: Annotated[
        int | None,
        typer.Option(
            "--organisation",
            metavar="ID",
            help="Find partners for this organisation instead (default kinds: expert, need, offer).",
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", "-n", metavar="N", help="How many partners.")] = 10,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="expert (default), organisation, profile, or a profile kind (offer, need, ...). Repeatable.",
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field", "-f", metavar="FIELD", help="Only partners in this field (sub-fields included). Repeatable."
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", "-c", metavar="CODE", help="Only partners in this country (ISO code). Repeatable."),
    ] = None,
    org_kind: Annotated[
        list[str] | None,
        typer.Option(
            "--org-kind",
            metavar="KIND",
            help="Only partners of this organisation kind (university, company, research_institute, ...; an "
            "expert counts as their employer's kind). Repeatable.",
        ),
    ] = None,
    language: Annotated[
        list[str] | None,
        typer.Option("--language", metavar="ko|en", help="Only partners who speak or write this language. Repeatable."),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", "-e", help="Say why each partner matches.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (both languages) instead of a table.")] = False,
) -> None:
    """Find partners for a profile across languages: a Korean need finds experts who wrote in English,
    and an overseas expert (--expert) finds Korean needs and firms."""
    c = ctx_of(ctx)
    asked = [(k, v) for k, v in (("profile", profile), ("expert", expert), ("organisation", organisation)) if v]
    if len(asked) != 1:
        raise DomainError("match_one_record")
    entity, number = asked[0]
    result = match_record(
        c.db(),
        key=f"{entity}:{number}",
        top=top,
        kinds=tuple(kind or DEFAULT_KINDS[entity]),
        fields=tuple(field or ()),
        countries=tuple(country or ()),
        org_kinds=tuple(parse_choice(OrgKind, k).value for k in org_kind or ()),
        languages=tuple(parse_language(x) for x in language or ()),
        cache=index_cache(c),
    )
    if as_json:
        typer.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
        return
    out.print(c.t("cli.match_title", title=result.title.both()))
    headers = [c.t(f"cli.col.{h}") for h in ("rank", "score", "name", "kind", "country", "fields")]
    rows = [
        (i, f"{m.score:.3f}", m.candidate.name, m.candidate.kind, m.candidate.country, ", ".join(m.candidate.fields))
        for i, m in enumerate(result.matches, 1)
    ]
    out.print(table(c.t("cli.title.matches"), headers, rows))
    if explain:
        for i, m in enumerate(result.matches, 1):
            _print_reasons(c, result, i, m)


@index_app.command("rebuild")
def index_rebuild(
    ctx: typer.Context,
    full: Annotated[
        bool,
        typer.Option("--full", help="Encode every text again (after a model change), not only new and changed ones."),
    ] = False,
) -> None:
    """Encode the directory's new and changed texts into the stored search vectors (with a progress bar)."""
    c = ctx_of(ctx)
    db = c.db()
    started = time.perf_counter()
    with progress_bar(index_size(db)[0], c.t("cli.indexing")) as advance:
        report = rebuild_index(db, full=full, actor=c.settings.actor, progress=advance, cache=index_cache(c))
    seconds = time.perf_counter() - started
    rate = report.encoded / seconds if seconds > 0 else 0.0
    out.print(
        c.t(
            "cli.index_done",
            texts=report.texts,
            encoded=report.encoded,
            reused=report.reused,
            removed=report.removed,
            seconds=f"{seconds:.1f}",
            rate=f"{rate:.0f}",
        )
    )


@index_app.command("status")
def index_status(ctx: typer.Context) -> None:
    """How many of the directory's texts have stored vectors."""
    c = ctx_of(ctx)
    total, stored = index_size(c.db())
    out.print(c.t("cli.index_status", texts=total, stored=stored))


def index_cache(c: Context) -> Path:
    """Where a large directory's trained search index is kept (the vectors stay in the database)."""
    return c.settings.data_dir / "index-cache"


def _field_label(result: MatchResult, code: str, lang: str) -> str:
    f = result.taxonomy.fields.get(code)
    return f"{code} {f.label.pick(lang)}" if f else code


def _print_reasons(c: Context, result: MatchResult, rank: int, m: Match) -> None:
    e = m.explanation
    lines = [f"[bold]{rank}. {m.candidate.name}[/bold]"]
    if e.shared_fields:
        lines.append(c.t("cli.why_fields", fields=", ".join(_field_label(result, f, c.lang) for f in e.shared_fields)))
    elif e.related_fields:
        lines.append(
            c.t(
                "cli.why_related",
                fields=", ".join(
                    f"{_field_label(result, a, c.lang)} ~ {_field_label(result, b, c.lang)}"
                    for a, b in e.related_fields[:3]
                ),
            )
        )
    if e.terms:
        lines.append(
            c.t(
                "cli.why_terms",
                terms=", ".join(
                    f"{t.query_term} ↔ {t.candidate_term}" if t.translation else t.query_term for t in e.terms
                ),
            )
        )
    source = f" ({c.t(f'cli.doc.{e.best_doc.kind}')}{f', {e.best_doc.year}' if e.best_doc.year else ''})"
    lines.append(c.t("cli.why_text", similarity=f"{e.best_doc_similarity:.2f}", text=e.best_sentence[:200] + source))
    lines.append(
        c.t("cli.why_parts", parts=", ".join(f"{c.t(f'cli.channel.{k}')} {v:.3f}" for k, v in e.contributions.items()))
    )
    out.print("\n   ".join(lines), highlight=False)


def to_json(result: MatchResult) -> dict[str, Any]:
    def label(code: str) -> dict[str, str]:
        f = result.taxonomy.fields.get(code)
        return {"code": code, "ko": f.label.ko if f else "", "en": f.label.en if f else ""}

    return {
        "query": {"text": result.query.text, "fields": [label(f) for f in result.query.fields]},
        "matches": [
            {
                "rank": i,
                "key": m.candidate.key,
                "name": m.candidate.name,
                "kind": m.candidate.kind,
                "country": m.candidate.country,
                "score": m.score,
                "fields": [label(f) for f in m.candidate.fields],
                "why": {
                    "shared_fields": [label(f) for f in m.explanation.shared_fields],
                    "related_fields": [[label(a), label(b)] for a, b in m.explanation.related_fields],
                    "terms": [
                        {"query": t.query_term, "partner": t.candidate_term, "translated": t.translation}
                        for t in m.explanation.terms
                    ],
                    "best_text": {
                        "text": m.explanation.best_doc.text,
                        "sentence": m.explanation.best_sentence,
                        "kind": m.explanation.best_doc.kind,
                        "year": m.explanation.best_doc.year,
                        "similarity": m.explanation.best_doc_similarity,
                    },
                    "contributions": m.explanation.contributions,
                },
            }
            for i, m in enumerate(result.matches, 1)
        ],
    }
