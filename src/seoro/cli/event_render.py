"""What ``seoro event`` prints: the event, import results, the scheduling summary and agendas."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from seoro.cli.context import Context
from seoro.cli.render import name, table
from seoro.domain.events import Event, Slot
from seoro.domain.meetings import RequestStatus
from seoro.services.event_import import EventImportReport, EventOverview
from seoro.services.scheduling import AgendaLine, ScheduleSummary

out = Console()
STEPS = ("bound", "place", "improve", "compact", "done")  # what seoro.scheduling.solve reports


def when(slot: Slot, several_days: bool) -> str:
    """``09:30–09:50``, with the date first when the event has several days."""
    times = f"{slot.start:%H:%M}–{slot.end:%H:%M}"
    return f"{slot.start:%m-%d} {times}" if several_days else times


def several_days(event: Event) -> bool:
    return len({s.day for s in event.sessions}) > 1


@contextmanager
def solver_progress(c: Context, *, show: bool = True) -> Iterator[Callable[[str, float], None]]:
    """A bar on stderr following the scheduler's steps (bound, place, improve, compact)."""
    if not show:
        yield lambda _step, _share: None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(c.t("cli.event.scheduling"), total=1.0)

        def report(step: str, share: float) -> None:
            label = c.t(f"cli.event.step.{step}") if step in STEPS else step
            bar.update(task, completed=share, description=label)

        yield report


def print_import(c: Context, report: EventImportReport) -> None:
    for sheet in report.sheets:
        if sheet.ignored:
            columns = ", ".join(f"{col} {h}" for col, h in sheet.ignored)
            out.print(c.t("cli.ignored_columns", sheet=sheet.sheet or sheet.file, columns=columns))
    counts = report.counts()
    actions = ("created", "updated", "unchanged")
    entities = [e for e in ("participant", "interpreter", "request") if any(k[0] == e for k in counts)]
    rows = [(c.t(f"cli.event.entity.{e}"), *(counts.get((e, a), 0) for a in actions)) for e in entities]
    headers = [c.t("cli.col.entity"), *(c.t(f"cli.action.{a}") for a in actions)]
    title = c.t("cli.event.import_title_dry" if report.dry_run else "cli.event.import_title", event=report.event_id)
    out.print(table(title, headers, rows))
    people = report.participants()
    if people:
        linked = (sum(p.expert_id is not None for p in people), sum(p.organisation_id is not None for p in people))
        out.print(c.t("cli.event.linked", experts=linked[0], organisations=linked[1], total=len(people)))
    if report.without_language():
        out.print(c.t("cli.event.no_language", count=report.without_language()))
    if report.dry_run:
        out.print(c.t("cli.dry_run_note"))


def print_event(c: Context, o: EventOverview, *, people: bool = True) -> None:
    e, slots = o.event, o.event.slots()
    settings = [
        (c.t("cli.event.col.id"), e.id),
        (c.t("cli.event.col.venue"), e.venue),
        (c.t("cli.event.col.timezone"), e.timezone),
        (c.t("cli.event.col.mode"), c.t(f"cli.event.mode.{e.scheduling_mode.value}")),
        (c.t("cli.event.col.rules"), _rules(c, e)),
        (c.t("cli.event.col.slots"), f"{len(slots)} ({slots[0].label()} … {slots[-1].label()})" if slots else 0),
        (c.t("cli.event.col.tables"), ", ".join(_table(t.label(), t.seats, o, t.host) for t in e.tables)),
        (c.t("cli.event.col.types"), ", ".join(_type(c, t.code, t.name.pick(c.lang), t.max_meetings) for t in e.types)),
        (c.t("cli.event.col.interpreters"), ", ".join(f"{i.name} ({'-'.join(i.languages)})" for i in o.interpreters)),
        (c.t("cli.event.col.requests"), _statuses(c, o.requests)),
        (c.t("cli.event.col.meetings"), c.t("cli.event.meetings_announced", count=o.meetings, announced=o.announced)),
    ]
    out.print(
        table(name(e.name, c.lang), ["", ""], [(k, v) for k, v in settings if v not in (None, "")], show_header=False)
    )
    sessions = [
        (s.code, s.name.pick(c.lang), f"{s.day}", f"{s.span()[0]:%H:%M}–{s.span()[1]:%H:%M}", s.slot_minutes,
         len(s.times()), ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in s.breaks))
        for s in e.sessions
    ]  # fmt: skip
    headers = [c.t(f"cli.event.col.{h}") for h in ("code", "session", "day", "time", "minutes", "slots", "breaks")]
    out.print(table(c.t("cli.event.sessions_title"), headers, sessions))
    if people:
        print_participants(c, o)


def _rules(c: Context, e: Event) -> str:
    rules = [c.t("cli.event.rule.cross_type")] if e.cross_type_only else []
    rules += [c.t("cli.event.rule.auto_accept")] if e.auto_accept else []
    rules += [c.t("cli.event.rule.in_a_row", max=e.max_in_a_row)] if e.max_in_a_row else []
    rules += [c.t("cli.event.rule.expiry", hours=e.request_expiry_hours)] if e.request_expiry_hours else []
    rules += [c.t("cli.event.rule.cap", cap=e.default_max_meetings)] if e.default_max_meetings is not None else []
    return ", ".join(rules)


def _table(label: str, seats: int, o: EventOverview, host: int | None) -> str:
    return f"{label} ({seats}, #{host})" if host is not None else f"{label} ({seats})"


def _type(c: Context, code: str, label: str, cap: int | None) -> str:
    return f"{code} {label}" + (f" ≤ {cap}" if cap is not None else "")


def _statuses(c: Context, counts: dict[RequestStatus, int]) -> str:
    return ", ".join(f"{c.t(f'cli.event.status.{s.value}')} {n}" for s, n in counts.items() if n) or "0"


def print_participants(c: Context, o: EventOverview) -> None:
    types = {t.code: t.name.pick(c.lang) for t in o.event.types}
    rows = [
        (v.participant.id, name(v.participant.name, c.lang), v.organisation.pick(c.lang),
         types.get(v.participant.type_code, v.participant.type_code), ", ".join(v.participant.languages),
         v.availability, "" if v.participant.max_meetings is None else v.participant.max_meetings, v.booth,
         v.participant.delegation or "", "✗" if v.participant.cancelled else "")
        for v in o.participants
    ]  # fmt: skip
    keys = (
        "number",
        "name",
        "organisation",
        "type",
        "languages",
        "availability",
        "cap",
        "booth",
        "delegation",
        "cancelled",
    )
    headers = [c.t(f"cli.event.col.{h}") for h in keys]
    out.print(table(c.t("cli.event.participants_title", count=len(rows)), headers, rows))


def print_summary(c: Context, s: ScheduleSummary, total_requests: int, event: Event) -> None:
    rows: list[tuple[str, object]] = [
        (c.t("cli.event.sum.requests"), total_requests),
        (c.t("cli.event.sum.candidates"), s.requests),
        (c.t("cli.event.sum.scheduled"), s.scheduled),
        (c.t("cli.event.sum.value"), f"{s.value:.2f}"),
        (c.t("cli.event.sum.bound"), f"{s.bound:.2f}"),
        (c.t("cli.event.sum.gap"), f"{100 * s.gap:.2f} %"),
        (c.t("cli.event.sum.idle_gaps"), s.idle_gaps),
        (c.t("cli.event.sum.seconds"), f"{s.seconds:.2f}"),
        (c.t("cli.event.sum.violations"), s.violations),
    ]
    if s.kind == "reschedule":
        rows += [(c.t("cli.event.sum.moved"), len(s.moved)), (c.t("cli.event.sum.dropped"), len(s.dropped))]
    title = c.t(f"cli.event.{s.kind}_title", event=name(event.name, c.lang))
    out.print(table(title, [c.t("cli.col.what"), ""], rows))
    if s.reasons:
        reasons = sorted(s.reasons.items(), key=lambda item: (-item[1], item[0]))
        lines = [(c.t(f"cli.event.reason.{code}"), code, n) for code, n in reasons]
        headers = [c.t("cli.event.col.reason"), c.t("cli.event.col.code"), c.t("cli.col.count")]
        out.print(table(c.t("cli.event.unscheduled_title", count=sum(s.reasons.values())), headers, lines))
    a = s.advice
    if a is not None and a.waiting:
        out.print(c.t("cli.event.advice_waiting", count=a.waiting))
        if a.tables_gain:
            out.print(c.t("cli.event.advice_tables", tables=a.extra_tables, gain=a.tables_gain))
        if a.slots_gain:
            out.print(c.t("cli.event.advice_slots", slots=a.extra_slots, gain=a.slots_gain))


def summary_json(s: ScheduleSummary, total_requests: int) -> dict[str, Any]:
    return {
        "event": s.event_id,
        "kind": s.kind,
        "requests": total_requests,
        "candidates": s.requests,
        "scheduled": s.scheduled,
        "value": s.value,
        "bound": s.bound,
        "gap": s.gap,
        "idle_gaps": s.idle_gaps,
        "seconds": s.seconds,
        "violations": s.violations,
        "unscheduled": s.reasons,
        "unscheduled_requests": {str(rid): u.code for rid, u in sorted(s.unscheduled.items())},
        "moved": s.moved,
        "dropped": s.dropped,
        "advice": asdict(s.advice) if s.advice else None,
    }


def print_agenda(c: Context, o: EventOverview, lines: list[AgendaLine], participant: int | None) -> None:
    """One participant's agenda (their side is them), or the whole timetable with both sides."""
    days = several_days(o.event)
    keys = ["slot", "time", "table", "participant", "partner", "interpreter", "announced"]
    rows: list[list[object]] = [
        [line.slot.index + 1, when(line.slot, days), line.table_label, o.label(line.participant_id, c.lang),
         o.label(line.partner_ids, c.lang), line.interpreter, "✓" if line.announced else ""]
        for line in lines
    ]  # fmt: skip
    if participant is None:
        title = c.t("cli.event.timetable", event=name(o.event.name, c.lang), count=len(rows))
    else:
        keys.remove("participant")
        rows = [row[:3] + row[4:] for row in rows]
        title = c.t("cli.event.agenda_of", participant=o.label(participant, c.lang), count=len(rows))
    out.print(table(title, [c.t(f"cli.event.col.{k}") for k in keys], rows))
