"""``seoro event``: brokerage events (1:1 상담회) from definition (and changes to it) to timetable.

EVENT is an event's number or a part of its name; a participant is their number, e-mail or name.
Slots are numbered from 1 in time order, as agendas and spreadsheets number them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import Context, ctx_of
from seoro.cli.event_render import (
    print_event,
    print_import,
    print_summary,
    solver_progress,
    summary_json,
)
from seoro.cli.render import name, table
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.files.event_columns import EventSheetKind
from seoro.services import events as ev
from seoro.services import scheduling as sc
from seoro.services.event_definition import event_fields, event_settings, option_settings, read_event_file
from seoro.services.event_import import (
    PEOPLE,
    find_event,
    find_participant,
    import_people,
    import_requests,
    overview,
    read_files,
)

out = Console()
event_app = typer.Typer(
    help="Brokerage events (1:1 상담회): define, register participants, collect requests, schedule.",
    no_args_is_help=True,
)
app.add_typer(event_app, name="event")

EventArg = Annotated[str, typer.Argument(metavar="EVENT", help="Event number or part of its name (seoro event list).")]
Files = Annotated[
    list[Path], typer.Argument(metavar="FILE", help=".xlsx or .csv (UTF-8, UTF-8 with BOM, CP949/EUC-KR).")
]
DryRun = Annotated[bool, typer.Option("--dry-run", "-n", help="Check and show what would change, change nothing.")]
TimeLimit = Annotated[float, typer.Option("--time-limit", metavar="SECONDS", help="Stop improving after this long.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the summary as JSON instead of tables.")]


def _event(c: Context, ref: str) -> Event:
    return find_event(c.db(), ref)


def _id(event: Event) -> int:
    assert event.id is not None
    return event.id


# The settings as options, shared by ``create`` and ``update`` (an option not given is ``None``).
EventFile = Annotated[
    Path | None, typer.Option("--file", "-f", metavar="FILE", help="A TOML file defining the event (docs/events.md).")
]
NameKo = Annotated[str | None, typer.Option("--name-ko", metavar="TEXT", help="Name in Korean.")]
NameEn = Annotated[str | None, typer.Option("--name-en", metavar="TEXT", help="Name in English.")]
Venue = Annotated[str | None, typer.Option("--venue", metavar="TEXT", help="Where it takes place.")]
Timezone = Annotated[str | None, typer.Option("--timezone", metavar="ZONE", help="IANA time zone (Asia/Seoul).")]
Days = Annotated[list[str] | None, typer.Option("--day", metavar="DATE", help="A day, 2026-10-14. Repeatable.")]
Sessions = Annotated[
    list[str] | None,
    typer.Option("--session", metavar="NAME=HH:MM-HH:MM", help="A session on every day, 오전=09:30-12:10. Repeatable."),
]
Breaks = Annotated[
    list[str] | None,
    typer.Option("--break", metavar="HH:MM-HH:MM", help="A break inside a session, 10:50-11:10. Repeatable."),
]
SlotMinutes = Annotated[int | None, typer.Option("--slot-minutes", metavar="N", help="Minutes per meeting.")]
Tables = Annotated[int | None, typer.Option("--tables", metavar="N", help="Number of tables (T1 … TN).")]
Types = Annotated[
    list[str] | None,
    typer.Option("--type", metavar="CODE=KO/EN[:CAP]", help="A participation type with its meeting cap. Repeatable."),
]
CrossTypeOnly = Annotated[
    bool | None, typer.Option("--cross-type-only/--any-types", help="Meetings only between different types.")
]
AutoAccept = Annotated[
    bool | None, typer.Option("--auto-accept/--ask-first", help="Accept requests as soon as both sides have room.")
]
MaxInARow = Annotated[
    int | None, typer.Option("--max-in-a-row", metavar="N", help="Most meetings back to back (0: no limit).")
]
ExpiryHours = Annotated[
    int | None, typer.Option("--expiry-hours", metavar="N", help="Unanswered requests expire after N hours.")
]
# What ``update`` reports when it changed, in this order: the options' values, then what they cannot show.
SHOWN = ("name_ko", "name_en", "venue", "timezone", "days", "sessions", "breaks", "slot_minutes", "tables", "types",
         "cross_type_only", "auto_accept", "max_in_a_row", "expiry_hours", "mode", "default_max_meetings",
         "session_codes", "table_list", "slots")  # fmt: skip


def _options(
    name_ko: str | None, name_en: str | None, venue: str | None, timezone: str | None, day: list[str] | None,
    session: list[str] | None, break_: list[str] | None, slot_minutes: int | None, tables: int | None,
    type_: list[str] | None, cross_type_only: bool | None, auto_accept: bool | None, max_in_a_row: int | None,
    expiry_hours: int | None,
) -> dict[str, Any]:  # fmt: skip
    """The settings ``create`` and ``update`` take from their (identical) options, as an event file's keys."""
    return option_settings(
        sessions=session or (), breaks=break_ or (), types=type_ or (), name_ko=name_ko, name_en=name_en,
        venue=venue, timezone=timezone, days=day, slot_minutes=slot_minutes, tables=tables,
        cross_type_only=cross_type_only, auto_accept=auto_accept, max_in_a_row=max_in_a_row,
        request_expiry_hours=expiry_hours,
    )  # fmt: skip


@event_app.command("create")
def create(
    ctx: typer.Context,
    file: EventFile = None,
    name_ko: NameKo = None,
    name_en: NameEn = None,
    venue: Venue = None,
    timezone: Timezone = None,
    day: Days = None,
    session: Sessions = None,
    break_: Breaks = None,
    slot_minutes: SlotMinutes = None,
    tables: Tables = None,
    type_: Types = None,
    cross_type_only: CrossTypeOnly = None,
    auto_accept: AutoAccept = None,
    max_in_a_row: MaxInARow = None,
    expiry_hours: ExpiryHours = None,
) -> None:
    """Create an event from a TOML file (--file) or from options; options override the file's values."""
    c = ctx_of(ctx)
    settings = read_event_file(file) if file else {}
    settings |= _options(name_ko, name_en, venue, timezone, day, session, break_, slot_minutes, tables, type_,
                         cross_type_only, auto_accept, max_in_a_row, expiry_hours)  # fmt: skip
    event_id, event = ev.create_planned_event(c.db(), settings, str(file) if file else "--options",
                                              actor=c.settings.actor)  # fmt: skip
    out.print(
        c.t("cli.event.created", id=event_id, name=name(event.name, c.lang), slots=len(event.slots()),
            tables=len(event.tables))
    )  # fmt: skip


@event_app.command("update")
def update(
    ctx: typer.Context,
    event: EventArg,
    file: EventFile = None,
    name_ko: NameKo = None,
    name_en: NameEn = None,
    venue: Venue = None,
    timezone: Timezone = None,
    day: Days = None,
    session: Sessions = None,
    break_: Breaks = None,
    slot_minutes: SlotMinutes = None,
    tables: Tables = None,
    type_: Types = None,
    cross_type_only: CrossTypeOnly = None,
    auto_accept: AutoAccept = None,
    max_in_a_row: MaxInARow = None,
    expiry_hours: ExpiryHours = None,
) -> None:
    """Change an event's settings: only what the options (and the --file, which they override) give
    changes, the rest keeps its stored values. --day, --session and --type replace all days, sessions
    or types; --tables N keeps the first N tables (names, seats, booths) and adds more after them.
    Participants and interpreters stay, their availability following the clock when slots change;
    refused, changing nothing, if someone would be left without slot, type or booth, or a meeting
    of the timetable would move."""
    c = ctx_of(ctx)
    db = c.db()
    before = _event(c, event)
    loaded = read_event_file(file) if file else {}
    settings = event_settings(before) | loaded
    settings |= _options(name_ko, name_en, venue, timezone, day, session, break_, slot_minutes, tables, type_,
                         cross_type_only, auto_accept, max_in_a_row, expiry_hours)  # fmt: skip
    after = ev.update_planned_event(db, _id(before), settings, str(file) if file else "--options",
                                    actor=c.settings.actor)  # fmt: skip
    _print_update(c, before, after)
    if loaded.get("interpreters"):
        out.print(c.t("cli.event_update.interpreters_not_added", file=str(file)))


def _print_update(c: Context, before: Event, after: Event) -> None:
    """One line for the event as it is now, and what changed (before → after), as options write it."""
    was, now = _described(c, before), _described(c, after)
    rows = [(c.t(f"cli.event_update.field.{k}"), was[k], now[k]) for k in SHOWN if was[k] != now[k]]
    if not rows:
        out.print(c.t("cli.event_update.unchanged", id=_id(after), name=name(after.name, c.lang)))
        return
    out.print(
        c.t("cli.event_update.updated", id=_id(after), name=name(after.name, c.lang), slots=len(after.slots()),
            tables=len(after.tables))
    )  # fmt: skip
    headers = [c.t(f"cli.event_update.col.{k}") for k in ("setting", "before", "after")]
    out.print(table(c.t("cli.event_update.changes_title", count=len(rows)), headers, rows))


def _described(c: Context, e: Event) -> dict[str, str]:
    fields = event_fields(e)
    yes, no = c.t("cli.event_update.yes"), c.t("cli.event_update.no")
    return fields | {
        "cross_type_only": yes if e.cross_type_only else no,
        "auto_accept": yes if e.auto_accept else no,
        "mode": c.t(f"cli.event.mode.{e.scheduling_mode.value}"),
        "default_max_meetings": "" if e.default_max_meetings is None else str(e.default_max_meetings),
        "session_codes": ", ".join(s.code for s in e.sessions),
        "table_list": ", ".join(f"{t.label()} ({t.seats})" for t in e.tables),
        "slots": str(len(e.slots())),
    }


@event_app.command("list")
def list_(ctx: typer.Context) -> None:
    """Every event, with its days and how far it has got."""
    c = ctx_of(ctx)
    db = c.db()
    rows = []
    for e in ev.list_events(db):
        o = overview(db, _id(e))
        days = sorted({s.day for s in e.sessions})
        rows.append(
            (e.id, name(e.name, c.lang), e.venue, ", ".join(map(str, days)), len(e.slots()),
             len(o.participants), sum(o.requests.values()), o.meetings)
        )  # fmt: skip
    keys = ("id", "name", "venue", "days", "slots", "participants", "requests", "meetings")
    out.print(table(c.t("cli.event.list_title"), [c.t(f"cli.event.col.{k}") for k in keys], rows))


@event_app.command("show")
def show(ctx: typer.Context, event: EventArg) -> None:
    """An event's settings, sessions, tables, types, interpreters and participants."""
    c = ctx_of(ctx)
    print_event(c, overview(c.db(), _id(_event(c, event))))


@event_app.command("import-participants")
def import_participants(ctx: typer.Context, event: EventArg, files: Files, dry_run: DryRun = False) -> None:
    """Register participants (이름, 소속, 이메일, 유형, 언어, 참가 가능 시간, 최대 미팅 수, 부스, 대표단)
    and interpreters (a sheet named 통역). All or nothing: every bad cell is listed with its row."""
    c = ctx_of(ctx)
    e = _event(c, event)
    report = import_people(c.db(), _id(e), read_files(files, PEOPLE), actor=c.settings.actor, dry_run=dry_run)
    print_import(c, report)


@event_app.command("import-requests")
def import_requests_(ctx: typer.Context, event: EventArg, files: Files, dry_run: DryRun = False) -> None:
    """Make meeting requests (신청자, 상대방, 우선순위 필수/높음/보통, 메시지, 상태). All or nothing."""
    c = ctx_of(ctx)
    e = _event(c, event)
    sheets = read_files(files, [EventSheetKind.REQUESTS])
    report = import_requests(c.db(), _id(e), sheets, actor=c.settings.actor, now=datetime.now(UTC), dry_run=dry_run)
    print_import(c, report)


@event_app.command("recommend")
def recommend(
    ctx: typer.Context,
    event: EventArg,
    top: Annotated[int, typer.Option("--top", "-n", metavar="N", help="How many meetings to add at most.")] = 10,
    per_participant: Annotated[
        int, typer.Option("--per-participant", metavar="N", help="At most N recommendations per participant.")
    ] = 3,
) -> None:
    """Add staff-recommended meetings: the best mutual matches (matching engine) between participants of
    different types who are linked to the directory and have not asked each other yet."""
    c = ctx_of(ctx)
    db = c.db()
    e = _event(c, event)
    made = ev.recommend_meetings(
        db, _id(e), now=datetime.now(UTC), top=top, per_participant=per_participant, actor=c.settings.actor
    )
    o = overview(db, _id(e))
    rows = [
        (r.id, o.label(r.requester_id, c.lang), o.label(r.requested_id, c.lang), f"{r.score or 0:.3f}") for r in made
    ]
    keys = ("request", "participant", "partner", "score")
    out.print(table(c.t("cli.event.recommended", count=len(made)), [c.t(f"cli.event.col.{k}") for k in keys], rows))


@event_app.command("lock")
def lock(
    ctx: typer.Context,
    event: EventArg,
    participant: Annotated[str, typer.Argument(metavar="PARTICIPANT", help="One side: number, e-mail or name.")],
    partner: Annotated[str, typer.Argument(metavar="PARTNER", help="The other side.")],
    slot: Annotated[
        int | None, typer.Option("--slot", metavar="N", help="The slot (from 1, as agendas count).")
    ] = None,
    table_number: Annotated[int | None, typer.Option("--table", metavar="N", help="The table number.")] = None,
    unlock: Annotated[bool, typer.Option("--unlock", help="Release the meeting instead.")] = False,
) -> None:
    """Pin the accepted meeting of two participants to a slot (and table), checked at once; --unlock frees it."""
    c = ctx_of(ctx)
    db = c.db()
    e = _event(c, event)
    a, b = find_participant(db, _id(e), participant), find_participant(db, _id(e), partner)
    request_id = _accepted_between(c, _id(e), a, b)
    index = None if unlock else _slot_index(e, slot)
    sc.lock_meeting(db, _id(e), request_id, index, table_number, actor=c.settings.actor)
    key = "cli.event.unlocked" if unlock else "cli.event.locked"
    out.print(c.t(key, request=request_id, slot=slot or "", table=table_number or "-"))


def _slot_index(e: Event, slot: int | None) -> int:
    """The event's slot index of slot number ``slot`` (counted from 1, as agendas show it)."""
    n_slots = len(e.slots())
    if slot is None or not 1 <= slot <= n_slots:
        raise DomainError("availability_slot_range", value=str(slot or ""), count=n_slots)
    return slot - 1


def _accepted_between(c: Context, event_id: int, a: int, b: int) -> int:
    with c.db().reading() as unit:
        book = ev.book_of(unit, event_id)
        found = book.accepted(book.party(a), book.party(b))
    if not found:
        raise DomainError("no_accepted_request", first=a, second=b)
    return min(r.id for r in found if r.id is not None)


def _schedule(
    c: Context,
    event: str,
    time_limit: float,
    as_json: bool,
    *,
    reschedule: bool,
    since_published: bool = False,
    at: datetime | None = None,
) -> None:
    db = c.db()
    e = _event(c, event)
    with solver_progress(c, show=not as_json) as progress:
        summary = sc.schedule_event(
            db,
            _id(e),
            time_limit=time_limit,
            reschedule=reschedule,
            since_published=since_published,
            at=at,
            progress=progress,
            actor=c.settings.actor,
        )
    total = sum(overview(db, _id(e)).requests.values())
    if as_json:
        typer.echo(json.dumps(summary_json(summary, total), ensure_ascii=False, indent=2))
    else:
        print_summary(c, summary, total, e)


@event_app.command("schedule")
def schedule(ctx: typer.Context, event: EventArg, time_limit: TimeLimit = 30.0, as_json: AsJson = False) -> None:
    """Build the timetable: the most valuable meetings that fit, with the proven bound, the gap, idle gaps,
    why each other request did not fit, and how many more tables or slots would let it."""
    _schedule(ctx_of(ctx), event, time_limit, as_json, reschedule=False)
