"""What ``seoro event`` prints on the day: a publication, the changes since the last one, the standby list."""

from __future__ import annotations

from rich.console import Console

from seoro.cli.context import Context
from seoro.cli.event_render import several_days, when
from seoro.cli.render import table
from seoro.domain.agenda import AgendaChange, Placement
from seoro.services.agendas import PublishReport
from seoro.services.event_import import EventOverview
from seoro.services.eventday import Standby

out = Console()
LIMIT = 60  # rows shown before "… and N more"


def print_publication(c: Context, o: EventOverview, r: PublishReport) -> None:
    stage = c.t(f"cli.day.stage.{r.stage.value}")
    out.print(c.t("cli.day.published", version=r.version, stage=stage, meetings=r.meetings,
                  changed=len(r.changed), people=len(r.participants)))  # fmt: skip
    if r.version > 1 and r.participants:
        labels = ", ".join(o.label(p, c.lang) for p in r.participants[:LIMIT])
        out.print(c.t("cli.day.send_to", people=labels))


def _place(o: EventOverview, p: Placement | None) -> str:
    if p is None:
        return "-"
    slots = o.event.slots()
    if p.slot >= len(slots):
        return f"#{p.slot + 1}"
    tables = o.event.table_labels()
    return f"{when(slots[p.slot], several_days(o.event))} {tables.get(p.table, p.table)}"


def _partners(c: Context, o: EventOverview, p: Placement | None) -> str:
    return o.label(p.partner_ids, c.lang) if p is not None else ""


def print_changes(c: Context, o: EventOverview, found: list[AgendaChange]) -> None:
    """Each participant's agenda changes since the last publication, with the reason."""
    if not found:
        out.print(c.t("cli.day.no_changes"))
        return
    rows = [
        (o.label(x.participant_id, c.lang), c.t(f"cli.day.change.{x.change.value}"), _place(o, x.before),
         _place(o, x.after), _partners(c, o, x.after or x.before),
         c.t(f"cli.day.why.{x.reason}"))
        for x in found[:LIMIT]
    ]  # fmt: skip
    people = len({x.participant_id for x in found})
    keys = ("participant", "change", "before", "after", "partner", "reason")
    out.print(table(c.t("cli.day.changes_title", count=len(found), people=people),
                    [c.t(f"cli.day.col.{k}") for k in keys], rows))  # fmt: skip
    if len(found) > LIMIT:
        out.print(c.t("cli.day.more", count=len(found) - LIMIT))
    out.print(c.t("cli.day.confirm_hint"))


def print_standby(c: Context, o: EventOverview, s: Standby) -> None:
    slots = o.event.slots()
    days = several_days(o.event)
    rows = [
        (r.id, o.label(r.requester_id, c.lang), o.label(r.requested_id, c.lang), c.t(f"cli.day.priority.{r.priority.name.lower()}"),
         ", ".join(str(x + 1) for x in shared[:8]) or c.t("cli.day.no_common_slot"),
         when(slots[shared[0]], days) if shared else "")
        for r, shared in s.waiting[:LIMIT]
    ]  # fmt: skip
    keys = ("request", "requester", "partner", "priority", "common_slots", "first")
    out.print(table(c.t("cli.day.standby_title", count=len(s.waiting)), [c.t(f"cli.day.col.{k}") for k in keys], rows))
    out.print(c.t("cli.day.free_people", count=len(s.free), slot=s.from_slot + 1))
