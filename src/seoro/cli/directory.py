"""``seoro list …`` and ``seoro show …``: browsing the directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from seoro.cli.app import app
from seoro.cli.context import ctx_of
from seoro.cli.render import name, table
from seoro.domain.directory import Expert, Organisation, Profile, Publication
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus, label, parse_choice
from seoro.files.columns import RecordKind
from seoro.services import browse, exporting
from seoro.services.browse import Query

list_app = typer.Typer(help="List organisations, experts, profiles or agreements, with filters.", no_args_is_help=True)
app.add_typer(list_app, name="list")
out = Console()

FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field", "-f", metavar="FIELD", help="Technology field (code or label; sub-fields included). Repeatable."
    ),
]
CountryOpt = Annotated[
    str | None, typer.Option("--country", "-c", metavar="COUNTRY", help="Country (name or ISO code).")
]
TextOpt = Annotated[str | None, typer.Option("--search", "-s", metavar="TEXT", help="Part of a name or title.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", metavar="N", help="How many to show (0 = all).")]
OffsetOpt = Annotated[int, typer.Option("--offset", metavar="N", help="Skip this many first.")]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-O", metavar="FILE", help="Also write the whole filtered list to this .xlsx or .csv file."
    ),
]


def _query(fields: list[str] | None, country: str | None, text: str | None, limit: int, offset: int) -> Query:
    return Query(tuple(fields or ()), country, text, limit or None, offset)


def fields_text(codes: list[str], taxonomy: Taxonomy, lang: str) -> str:
    return ", ".join(f"{c} {taxonomy.fields[c].label.pick(lang)}" for c in codes if c in taxonomy.fields)


def _finish(
    ctx: typer.Context,
    kind: RecordKind,
    shown: Table,
    page: browse.Page[Any],
    offset: int,
    output: Path | None,
    everything: Callable[[], list[Any]],
) -> None:
    """Print the page and where it sits in the whole list; with --output, write the whole filtered list."""
    c = ctx_of(ctx)
    out.print(shown)
    first, last = (offset + 1, offset + len(page.items)) if page.items else (0, 0)
    out.print(c.t("cli.shown", shown=len(page.items), total=page.total, first=first, last=last))
    if output:
        ids = {x.id for x in everything() if x.id is not None}
        for sheet, count in exporting.export(c.db(), [kind], output, lang=c.lang, ids=ids).items():
            out.print(c.t("cli.exported", sheet=sheet, count=count, file=str(output)))


@list_app.command("organisations")
def list_organisations(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", "-k", metavar="KIND", help="Kind of organisation.")] = None,
    field: FieldOpt = None,
    country: CountryOpt = None,
    search: TextOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    output: OutputOpt = None,
) -> None:
    """Organisations (기관)."""
    c = ctx_of(ctx)

    def find(query: Query) -> browse.Page[Organisation]:
        return browse.find_organisations(c.db(), query, parse_choice(OrgKind, kind) if kind else None)

    page = find(_query(field, country, search, limit, offset))
    headers = [c.t(f"cli.col.{h}") for h in ("id", "name", "kind", "country", "parent", "fields")]
    rows = [
        (
            o.id,
            name(o.name, c.lang),
            label(o.kind).pick(c.lang),
            o.country,
            name(page.organisations[o.parent_id], c.lang) if o.parent_id else "",
            fields_text(o.fields, page.taxonomy, c.lang),
        )
        for o in page.items
    ]
    _finish(
        ctx,
        RecordKind.ORGANISATIONS,
        table(c.t("cli.title.organisations"), headers, rows),
        page,
        offset,
        output,
        lambda: find(_query(field, country, search, 0, 0)).items,
    )


@list_app.command("experts")
def list_experts(
    ctx: typer.Context,
    field: FieldOpt = None,
    country: CountryOpt = None,
    language: Annotated[
        str | None, typer.Option("--language", metavar="LANG", help="Language spoken (ko, en, ...).")
    ] = None,
    organisation: Annotated[
        int | None,
        typer.Option("--organisation", "-o", metavar="ID", help="Affiliated with or member of this organisation (id)."),
    ] = None,
    search: TextOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    output: OutputOpt = None,
) -> None:
    """Experts (전문가)."""
    c = ctx_of(ctx)

    def find(query: Query) -> browse.Page[Expert]:
        return browse.find_experts(c.db(), query, language, organisation)

    page = find(_query(field, country, search, limit, offset))
    headers = [c.t(f"cli.col.{h}") for h in ("id", "name", "affiliation", "country", "languages", "fields")]
    rows = [
        (
            e.id,
            name(e.name, c.lang),
            "; ".join(name(page.organisations[a.organisation_id], c.lang) for a in e.affiliations),
            e.country,
            ", ".join(e.languages),
            fields_text(e.fields, page.taxonomy, c.lang),
        )
        for e in page.items
    ]
    _finish(
        ctx,
        RecordKind.EXPERTS,
        table(c.t("cli.title.experts"), headers, rows),
        page,
        offset,
        output,
        lambda: find(_query(field, country, search, 0, 0)).items,
    )


@list_app.command("profiles")
def list_profiles(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", metavar="KIND", help="need, offer, partner_search, ... (or the Korean label)."),
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", metavar="STATUS", help="draft, active, matched, closed.")
    ] = None,
    field: FieldOpt = None,
    organisation: Annotated[
        int | None, typer.Option("--organisation", "-o", metavar="ID", help="Owned by this organisation (id).")
    ] = None,
    search: TextOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    output: OutputOpt = None,
) -> None:
    """Profiles: technology needs, offers, partner searches (프로필)."""
    c = ctx_of(ctx)

    def find(query: Query) -> browse.Page[Profile]:
        kinds = parse_choice(ProfileKind, kind) if kind else None
        return browse.find_profiles(
            c.db(), query, kinds, parse_choice(ProfileStatus, status) if status else None, organisation
        )

    page = find(_query(field, None, search, limit, offset))
    headers = [c.t(f"cli.col.{h}") for h in ("id", "kind", "title", "owner", "fields", "status")]
    rows = [
        (
            p.id,
            label(p.kind).pick(c.lang),
            p.title.pick(c.lang),
            owner_text(page, p.organisation_id, p.expert_id, c.lang),
            fields_text(p.fields, page.taxonomy, c.lang),
            label(p.status).pick(c.lang),
        )
        for p in page.items
    ]
    _finish(
        ctx,
        RecordKind.PROFILES,
        table(c.t("cli.title.profiles"), headers, rows),
        page,
        offset,
        output,
        lambda: find(_query(field, None, search, 0, 0)).items,
    )


def owner_text(page: browse.Page[Profile], org_id: int | None, expert_id: int | None, lang: str) -> str:
    parts = [name(page.organisations[org_id], lang)] if org_id else []
    if expert_id and expert_id in page.experts:
        parts.append(name(page.experts[expert_id], lang))
    return " / ".join(parts)


@list_app.command("publications")
def list_publications(
    ctx: typer.Context,
    expert: Annotated[
        int | None, typer.Option("--expert", "-e", metavar="ID", help="Only this expert's publications (id).")
    ] = None,
    since: Annotated[
        int | None, typer.Option("--since", metavar="YEAR", help="Published in this year or later.")
    ] = None,
    search: TextOpt = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    output: OutputOpt = None,
) -> None:
    """Publications of the experts (논문), newest first."""
    c = ctx_of(ctx)

    def find(query: Query) -> browse.Page[tuple[int, Publication]]:
        return browse.find_publications(c.db(), query, expert, since)

    page = find(_query(None, None, search, limit, offset))
    headers = [c.t(f"cli.col.{h}") for h in ("id", "year", "title", "expert", "venue", "doi")]
    rows = [(p.id, p.year or "", p.title, name(page.experts[e], c.lang), p.venue, p.doi) for e, p in page.items]

    def everything() -> list[Publication]:
        return [p for _, p in find(_query(None, None, search, 0, 0)).items]

    _finish(
        ctx,
        RecordKind.PUBLICATIONS,
        table(c.t("cli.title.publications"), headers, rows),
        page,
        offset,
        output,
        everything,
    )


@list_app.command("agreements")
def list_agreements(
    ctx: typer.Context,
    organisation: Annotated[
        int | None, typer.Option("--organisation", "-o", metavar="ID", help="Signed by this organisation (id).")
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Agreements and MOUs (협약)."""
    c = ctx_of(ctx)
    page = browse.find_agreements(c.db(), organisation)
    headers = [c.t(f"cli.col.{h}") for h in ("id", "title", "signed_on", "place", "parties")]
    rows = [
        (
            a.id,
            a.title.pick(c.lang),
            a.signed_on or "",
            a.place,
            " ↔ ".join(name(page.organisations[p.organisation_id], c.lang) for p in a.parties),
        )
        for a in page.items
    ]
    out.print(table(c.t("cli.title.agreements"), headers, rows))
    if output:
        written = exporting.export_agreements(c.db(), page.items, output, lang=c.lang)
        out.print(c.t("cli.exported", sheet=c.t("cli.title.agreements"), count=written, file=str(output)))
