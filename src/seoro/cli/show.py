"""``seoro show …``: one record in full, with what refers to it and its change history."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import ctx_of
from seoro.cli.directory import fields_text, owner_text
from seoro.cli.render import name, table
from seoro.domain.audit import AuditEntry
from seoro.domain.vocab import label
from seoro.services import browse

show_app = typer.Typer(
    help="Show one record in full, with what refers to it and its change history.", no_args_is_help=True
)
app.add_typer(show_app, name="show")
out = Console()


def print_history(ctx: typer.Context, entries: list[AuditEntry]) -> None:
    c = ctx_of(ctx)
    headers = [c.t(f"cli.col.{h}") for h in ("at", "actor", "action", "entity", "changes")]
    rows = [
        (
            e.at.strftime("%Y-%m-%d %H:%M"),
            e.actor,
            e.action.value,
            f"{e.entity} {e.entity_id}",
            ", ".join(sorted(e.changes)),
        )
        for e in entries
    ]
    out.print(table(c.t("cli.title.history"), headers, rows))


def _pairs(title: str, pairs: list[tuple[str, object]]) -> None:
    out.print(table(title, ["", ""], [(k, v) for k, v in pairs if v not in (None, "", [])], show_header=False))


@show_app.command("organisation")
def show_organisation(
    ctx: typer.Context, id: Annotated[int, typer.Argument(metavar="ID", help="Record id (see seoro list).")]
) -> None:
    """One organisation, its sub-organisations, people, profiles and agreements."""
    c = ctx_of(ctx)
    d = browse.show_organisation(c.db(), id)
    o, names = d.organisation, d.people.organisations
    _pairs(
        name(o.name, c.lang),
        [
            (c.t("cli.col.id"), o.id),
            (c.t("cli.col.kind"), label(o.kind).pick(c.lang)),
            (c.t("cli.col.aliases"), "; ".join(o.aliases)),
            (c.t("cli.col.country"), o.country),
            (c.t("cli.col.region"), o.region),
            (c.t("cli.col.website"), o.website),
            (c.t("cli.col.parent"), name(names[o.parent_id], c.lang) if o.parent_id else ""),
            (c.t("cli.col.fields"), fields_text(o.fields, d.people.taxonomy, c.lang)),
            (c.t("cli.col.description"), o.description.pick(c.lang)),
            (c.t("cli.col.contact"), " ".join(filter(None, (o.contact.name, o.contact.email, o.contact.phone)))),
            (c.t("cli.col.children"), "; ".join(f"{x.id} {name(x.name, c.lang)}" for x in d.children)),
            (c.t("cli.col.people"), len(d.people.items)),
            (c.t("cli.col.profiles"), "; ".join(f"{p.id} {p.title.pick(c.lang)}" for p in d.profiles)),
            (c.t("cli.col.agreements"), "; ".join(f"{a.id} {a.title.pick(c.lang)}" for a in d.agreements)),
        ],
    )
    print_history(ctx, d.history)


@show_app.command("expert")
def show_expert(
    ctx: typer.Context, id: Annotated[int, typer.Argument(metavar="ID", help="Record id (see seoro list).")]
) -> None:
    """One expert with affiliations, memberships and publications."""
    c = ctx_of(ctx)
    page, profiles, entries = browse.show_expert(c.db(), id)
    e, names = page.items[0], page.organisations
    _pairs(
        name(e.name, c.lang),
        [
            (c.t("cli.col.id"), e.id),
            (c.t("cli.col.email"), e.email),
            (
                c.t("cli.col.affiliation"),
                "; ".join(f"{name(names[a.organisation_id], c.lang)} {a.position}".strip() for a in e.affiliations),
            ),
            (c.t("cli.col.memberships"), "; ".join(name(names[m], c.lang) for m in e.memberships)),
            (c.t("cli.col.country"), e.country),
            (c.t("cli.col.languages"), ", ".join(e.languages)),
            (c.t("cli.col.expertise"), e.expertise.pick(c.lang)),
            (c.t("cli.col.keywords"), ", ".join(e.keywords)),
            (c.t("cli.col.fields"), fields_text(e.fields, page.taxonomy, c.lang)),
            (c.t("cli.col.profiles"), "; ".join(f"{p.id} {p.title.pick(c.lang)}" for p in profiles)),
        ],
    )
    pubs = [(p.year or "", p.title, p.venue, p.doi) for p in sorted(e.publications, key=lambda p: -(p.year or 0))]
    out.print(
        table(c.t("cli.title.publications"), [c.t(f"cli.col.{h}") for h in ("year", "title", "venue", "doi")], pubs)
    )
    print_history(ctx, entries)


@show_app.command("profile")
def show_profile(
    ctx: typer.Context, id: Annotated[int, typer.Argument(metavar="ID", help="Record id (see seoro list).")]
) -> None:
    """One profile (need, offer, partner search ...)."""
    c = ctx_of(ctx)
    page, entries = browse.show_profile(c.db(), id)
    p = page.items[0]
    _pairs(
        p.title.both(),
        [
            (c.t("cli.col.id"), p.id),
            (c.t("cli.col.kind"), label(p.kind).pick(c.lang)),
            (c.t("cli.col.status"), label(p.status).pick(c.lang)),
            (c.t("cli.col.owner"), owner_text(page, p.organisation_id, p.expert_id, c.lang)),
            (c.t("cli.col.fields"), fields_text(p.fields, page.taxonomy, c.lang)),
            (c.t("cli.col.keywords"), ", ".join(p.keywords)),
            (
                c.t("cli.col.valid"),
                f"{p.valid_from or ''} ~ {p.valid_until or ''}" if p.valid_from or p.valid_until else "",
            ),
            (c.t("cli.col.description"), "\n".join(filter(None, (p.description.ko, p.description.en)))),
            (c.t("cli.col.contact"), " ".join(filter(None, (p.contact.name, p.contact.email, p.contact.phone)))),
        ],
    )
    print_history(ctx, entries)


@show_app.command("agreement")
def show_agreement(
    ctx: typer.Context, id: Annotated[int, typer.Argument(metavar="ID", help="Record id (see seoro list).")]
) -> None:
    """One agreement: parties, scope and follow-up plans."""
    c = ctx_of(ctx)
    page = browse.show_agreement(c.db(), id)
    a, names = page.items[0], page.organisations
    parties = [
        f"{name(names[p.organisation_id], c.lang)}: {p.signatory} ({c.t('cli.col.contact')}: {p.contact_name} {p.contact_email})".strip()
        for p in a.parties
    ]
    _pairs(
        a.title.both(),
        [
            (c.t("cli.col.signed_on"), a.signed_on),
            (c.t("cli.col.place"), a.place),
            (c.t("cli.col.event"), a.event),
            (c.t("cli.col.status"), label(a.status).pick(c.lang)),
            (c.t("cli.col.parties"), "\n".join(parties)),
            (c.t("cli.col.scope"), "\n".join(f"• {s.pick(c.lang)}" for s in a.scope)),
            (
                c.t("cli.col.follow_ups"),
                "\n".join(
                    f"• {f.due or ''} {f.description.pick(c.lang)} {'✓' if f.done else ''}".strip()
                    for f in a.follow_ups
                ),
            ),
        ],
    )
