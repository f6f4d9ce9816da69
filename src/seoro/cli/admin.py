"""Set-up and upkeep: ``init``, ``db``, ``taxonomy``, ``merge``, ``history``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.tree import Tree

from seoro.cli.app import app
from seoro.cli.context import ctx_of
from seoro.cli.render import name, table
from seoro.cli.show import print_history
from seoro.domain.taxonomy import FieldSource, FocusSet, TechField
from seoro.domain.text import BilingualText
from seoro.services import browse, setup
from seoro.services.directory import merge_experts, merge_organisations
from seoro.services.taxonomy import add_field, load_taxonomy, save_focus_set

out = Console()
db_app = typer.Typer(help="Database schema: upgrade, downgrade, current revision.", no_args_is_help=True)
taxonomy_app = typer.Typer(
    help="The technology taxonomy: show the tree, add custom fields and focus sets.", invoke_without_command=True
)
merge_app = typer.Typer(help="Merge two records that are the same organisation or person.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(taxonomy_app, name="taxonomy")
app.add_typer(merge_app, name="merge")


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database (or bring it up to date) and load the shipped taxonomy."""
    c = ctx_of(ctx)
    db = c.db(prepare=False)
    revision, changed = setup.init_database(db, actor=c.settings.actor)
    out.print(c.t("cli.init_done", url=db.url, revision=revision, fields=changed))


@db_app.command("upgrade")
def db_upgrade(
    ctx: typer.Context, revision: Annotated[str, typer.Argument(metavar="REVISION", help="Target revision.")] = "head"
) -> None:
    """Apply migrations up to REVISION (default: the newest)."""
    c = ctx_of(ctx)
    current = setup.upgrade_database(c.db(prepare=False), revision=revision, actor=c.settings.actor)
    out.print(c.t("cli.db_at", revision=current or "-"))


@db_app.command("downgrade")
def db_downgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(metavar="REVISION", help="Target revision, e.g. -1 or base.")],
) -> None:
    """Undo migrations down to REVISION ('base' removes every table)."""
    c = ctx_of(ctx)
    current = setup.downgrade_database(c.db(prepare=False), revision=revision)
    out.print(c.t("cli.db_at", revision=current or "-"))


@db_app.command("current")
def db_current(ctx: typer.Context) -> None:
    """Show the database URL, its revision and the newest one."""
    c = ctx_of(ctx)
    db = c.db(prepare=False)
    current, head = db.schema_state()
    out.print(c.t("cli.db_state", url=db.url, current=current or "-", head=head))


@taxonomy_app.callback()
def taxonomy_tree(
    ctx: typer.Context,
    focus: Annotated[
        str | None, typer.Option("--focus", metavar="CODE", help="Show only this focus set's fields.")
    ] = None,
) -> None:
    """Show the taxonomy tree (national strategic technologies, sub-fields, custom fields) and focus sets."""
    if ctx.invoked_subcommand:
        return
    c = ctx_of(ctx)
    taxonomy = load_taxonomy(c.db())
    wanted = set(taxonomy.focus_sets[focus].fields) if focus and focus in taxonomy.focus_sets else None
    if focus and wanted is None:
        taxonomy.resolve(focus)  # raises the usual "unknown field" message
    root = Tree(c.t("cli.title.taxonomy"))
    branches: dict[str | None, Tree] = {None: root}
    for _depth, f in taxonomy.walk():
        if wanted is not None and f.code not in wanted and not wanted & set(taxonomy.ancestors(f.code)):
            continue
        tag = "" if f.source is FieldSource.NATIONAL else f" [{c.t('cli.custom')}]"
        parent = branches.get(f.parent, root)
        branches[f.code] = parent.add(f"{f.code}  {name(f.label, c.lang)}{tag}", highlight=False)
    out.print(root)
    if taxonomy.focus_sets and wanted is None:
        rows = [
            (s.code, name(s.name, c.lang), ", ".join(f"{x} {taxonomy.fields[x].label.pick(c.lang)}" for x in s.fields))
            for s in taxonomy.focus_sets.values()
        ]
        out.print(
            table(c.t("cli.title.focus_sets"), [c.t("cli.col.code"), c.t("cli.col.name"), c.t("cli.col.fields")], rows)
        )


@taxonomy_app.command("add")
def taxonomy_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="New code, e.g. R.AGRIBIO (capitals, digits and dots).")],
    ko: Annotated[str, typer.Option("--ko", metavar="TEXT", help="Korean label.")],
    en: Annotated[str, typer.Option("--en", metavar="TEXT", help="English label.")],
    parent: Annotated[
        str | None, typer.Option("--parent", metavar="FIELD", help="Parent field (code or label).")
    ] = None,
    synonym: Annotated[
        list[str] | None,
        typer.Option("--synonym", metavar="TEXT", help="Another name, in either language. Repeatable."),
    ] = None,
) -> None:
    """Add a custom field (a regional focus industry, a cluster field)."""
    c = ctx_of(ctx)
    db = c.db()
    parent_code = load_taxonomy(db).resolve(parent) if parent else None
    with db.unit(c.settings.actor, "seoro taxonomy add") as unit:
        add_field(unit, TechField(code, BilingualText(ko, en), parent_code, tuple(synonym or ()), FieldSource.CUSTOM))
    out.print(c.t("cli.field_added", code=code))


@taxonomy_app.command("focus-set")
def taxonomy_focus_set(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="Code of the set, e.g. HANBIT6.")],
    fields: Annotated[list[str], typer.Argument(metavar="FIELD", help="Fields in the set (codes or labels).")],
    ko: Annotated[str, typer.Option("--ko", metavar="TEXT", help="Korean name.")],
    en: Annotated[str, typer.Option("--en", metavar="TEXT", help="English name.")],
    description: Annotated[str, typer.Option("--description", metavar="TEXT", help="What the set is for.")] = "",
) -> None:
    """Create or replace a named focus set (e.g. a province's six focus industries)."""
    c = ctx_of(ctx)
    db = c.db()
    codes = tuple(load_taxonomy(db).resolve_many(fields))
    with db.unit(c.settings.actor, "seoro taxonomy focus-set") as unit:
        changed = save_focus_set(unit, FocusSet(code, BilingualText(ko, en), codes, description))
    out.print(c.t("cli.focus_saved" if changed else "cli.focus_unchanged", code=code, count=len(codes)))


@merge_app.command("organisations")
def merge_orgs(
    ctx: typer.Context,
    keep: Annotated[int, typer.Argument(metavar="KEEP", help="Id of the record to keep.")],
    drop: Annotated[int, typer.Argument(metavar="DROP", help="Id of the duplicate, folded into KEEP and removed.")],
) -> None:
    """Merge organisation DROP into KEEP (names become aliases; every reference moves)."""
    c = ctx_of(ctx)
    kept = merge_organisations(c.db(), keep=keep, drop=drop, actor=c.settings.actor)
    out.print(c.t("cli.merged", drop=drop, keep=keep, name=name(kept.name, c.lang)))


@merge_app.command("experts")
def merge_people(
    ctx: typer.Context,
    keep: Annotated[int, typer.Argument(metavar="KEEP", help="Id of the record to keep.")],
    drop: Annotated[int, typer.Argument(metavar="DROP", help="Id of the duplicate, folded into KEEP and removed.")],
) -> None:
    """Merge expert DROP into KEEP (publications, affiliations and profiles move)."""
    c = ctx_of(ctx)
    kept = merge_experts(c.db(), keep=keep, drop=drop, actor=c.settings.actor)
    out.print(c.t("cli.merged", drop=drop, keep=keep, name=name(kept.name, c.lang)))


@app.command()
def history(
    ctx: typer.Context,
    entity: Annotated[
        str | None, typer.Argument(metavar="ENTITY", help="organisation, expert, profile, publication, agreement ...")
    ] = None,
    id: Annotated[int | None, typer.Argument(metavar="ID", help="Record id.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="How many entries.")] = 50,
) -> None:
    """The audit trail: who changed what, and when (newest first)."""
    print_history(ctx, browse.history(ctx_of(ctx).db(), entity, id, limit))
