"""``seoro event`` on the day: publish agendas, write them as files, check in, no-shows, standby,
a lost table, late requests, staff sheets.

Times (``--at``) are in the event's time zone: ``HH:MM`` (on the event's day: today if the event is
on today, else its first day) or ``YYYY-MM-DD HH:MM``. Without ``--at``: now. Simulate a day by
giving the times.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from seoro.cli.context import Context, ctx_of
from seoro.cli.day_render import print_changes, print_publication, print_standby
from seoro.cli.event_render import print_agenda
from seoro.cli.events import AsJson, EventArg, TimeLimit, _event, _id, _schedule, event_app
from seoro.cli.render import name, progress_bar
from seoro.domain.agenda import Stage
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.files.event_values import parse_priority
from seoro.services import agendas as ag
from seoro.services import eventday as day
from seoro.services import scheduling as sc
from seoro.services.documents import AgendaFormat, Document, SheetFormat, agenda_documents, sheets_document
from seoro.services.event_import import find_participant, overview
from seoro.services.events import recommend_meetings
from seoro.services.staff_sheets import staff_sheets

out = Console()
LIMIT = 40  # lines printed before 'and N more'

At = Annotated[
    str | None,
    typer.Option(
        "--at", metavar="TIME", help="When, in the event's time zone: HH:MM or YYYY-MM-DD HH:MM (default: now)."
    ),
]
People = Annotated[list[str], typer.Argument(metavar="PARTICIPANT", help="Number, e-mail or name. Repeatable.")]
Lang = Annotated[
    str | None, typer.Option("--lang", metavar="ko|en", help="Write in this language instead of each person's own.")
]


def parse_at(event: Event, text: str | None, now: datetime | None = None) -> datetime:
    """``text`` as an aware UTC time; a bare ``HH:MM`` is on today if the event is on today, else
    on the event's first day."""
    zone = event.zone()
    moment = now or datetime.now(UTC)
    if text is None:
        return moment
    try:
        if len(text.strip()) <= 5:
            clock = datetime.strptime(text.strip(), "%H:%M").time()
            days = sorted({s.day for s in event.sessions})
            today = moment.astimezone(zone).date()
            on: date = today if today in days else (days[0] if days else today)
            local = datetime.combine(on, clock, tzinfo=zone)
        else:
            local = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    except ValueError:
        raise DomainError("bad_time", value=text) from None
    return local.astimezone(UTC)


def _people(c: Context, event_id: int, refs: list[str]) -> list[int]:
    return [find_participant(c.db(), event_id, ref) for ref in refs]


@event_app.command("publish")
def publish(
    ctx: typer.Context,
    event: EventArg,
    final: Annotated[
        bool, typer.Option("--final/--preliminary", help="The final agendas of the day, or preliminary ones.")
    ] = True,
    at: At = None,
) -> None:
    """Publish the timetable as everyone's agenda (a new version): moved meetings keep their calendar
    entry with a higher sequence, dropped ones become cancelled; rescheduling keeps published meetings."""
    c = ctx_of(ctx)
    e = _event(c, event)
    stage = Stage.FINAL if final else Stage.PRELIMINARY
    report = ag.publish_agendas(c.db(), _id(e), stage=stage, at=parse_at(e, at), actor=c.settings.actor)
    print_publication(c, overview(c.db(), _id(e)), report)


@event_app.command("agenda")
def agenda(
    ctx: typer.Context,
    event: EventArg,
    participant: Annotated[
        list[str] | None,
        typer.Option("--participant", "-p", metavar="P", help="One participant: number, e-mail or name. Repeatable."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="text|ics|html|pdf", help="Print (text) or write files.")
    ] = "text",
    out_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="PATH", help="Folder for the files (default agendas-EVENT), or a file."),
    ] = None,
    changed: Annotated[
        bool, typer.Option("--changed", help="Only the participants whose agenda the last publication changed.")
    ] = False,
    draft: Annotated[bool, typer.Option("--draft", help="The current timetable, not the published agendas.")] = False,
    lang: Lang = None,
) -> None:
    """The timetable or one participant's agenda (text), or personal agendas as .ics (calendar entries
    that update in place), printable HTML or PDF, each in the participant's language."""
    c = ctx_of(ctx)
    db = c.db()
    e = _event(c, event)
    who = _people(c, _id(e), participant or [])
    if fmt == "text":
        if len(who) > 1:
            raise DomainError("one_participant_for_text")
        pid = who[0] if who else None
        print_agenda(c, overview(db, _id(e)), sc.agenda(db, _id(e), pid), pid)
        return
    kind = _choice(AgendaFormat, fmt)
    wanted: list[int] | None = who or None
    if changed:
        wanted = _changed_in_last(c, _id(e), wanted)
    views = ag.agenda_views(db, _id(e), wanted, draft=draft, lang=lang, at=datetime.now(UTC))
    combined = wanted is None or len(wanted) > 1
    with progress_bar(len(views) + combined, c.t("cli.day.writing"), show=len(views) > 5) as advance:
        docs = agenda_documents(views, kind, combined=combined, advance=advance)
    written = _write(docs, out_path, Path(f"agendas-{_id(e)}"), single=len(who) == 1)
    out.print(c.t("cli.day.written", count=len(written), where=str(written[0].parent if written else out_path)))


def _changed_in_last(c: Context, event_id: int, wanted: list[int] | None) -> list[int]:
    with c.db().reading() as unit:
        last = unit.agendas.last_version(event_id)
        changed = sorted({x.participant_id for x in unit.agendas.entries(event_id) if x.version == last})
    return [p for p in changed if wanted is None or p in wanted]


def _write(docs: list[Document], target: Path | None, default_dir: Path, *, single: bool) -> list[Path]:
    if single and target is not None and target.suffix:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(docs[0].data)
        return [target]
    folder = target or default_dir
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        path = folder / d.name
        path.write_bytes(d.data)
        paths.append(path)
    return paths


F = TypeVar("F", AgendaFormat, SheetFormat)


def _choice(kind: type[F], value: str) -> F:
    try:
        return kind(value)
    except ValueError:
        raise DomainError("unknown_choice", value=value, choices=", ".join(k.value for k in kind)) from None


@event_app.command("checkin")
def checkin(
    ctx: typer.Context,
    event: EventArg,
    people: Annotated[
        list[str] | None, typer.Argument(metavar="[PARTICIPANT]...", help="Number, e-mail or name. Repeatable.")
    ] = None,
    everyone: Annotated[
        bool, typer.Option("--all", help="Everyone attending (but those given with --except).")
    ] = False,
    but: Annotated[
        list[str] | None, typer.Option("--except", metavar="P", help="With --all: not this one. Repeatable.")
    ] = None,
    at: At = None,
    undo: Annotated[bool, typer.Option("--undo", help="Take the check-in back.")] = False,
) -> None:
    """Check participants in at the door (a no-show mark is lifted: a late arrival)."""
    c = ctx_of(ctx)
    e = _event(c, event)
    o = overview(c.db(), _id(e))
    ids = _people(c, _id(e), people or [])
    if everyone:
        skip = set(_people(c, _id(e), but or []))
        ids += [v.participant.id for v in o.participants if v.participant.attending and v.participant.id not in skip
                and v.participant.id not in ids and v.participant.id is not None]  # fmt: skip
    done = day.check_in_people(c.db(), _id(e), ids, at=parse_at(e, at), undo=undo, actor=c.settings.actor)
    for p in done[:LIMIT]:
        key = "cli.day.unchecked" if undo else "cli.day.checked_in"
        when = p.checked_in_at.astimezone(e.zone()).strftime("%H:%M") if p.checked_in_at else ""
        out.print(c.t(key, participant=o.label(p.id or 0, c.lang), at=when))
    if len(done) > LIMIT:
        out.print(c.t("cli.day.more", count=len(done) - LIMIT))


@event_app.command("noshow")
def noshow(
    ctx: typer.Context,
    event: EventArg,
    people: Annotated[
        list[str] | None, typer.Argument(metavar="[PARTICIPANT]...", help="Who (default: everyone overdue).")
    ] = None,
    at: At = None,
    grace: Annotated[
        int, typer.Option("--grace", metavar="MINUTES", help="Overdue this long after their first meeting began.")
    ] = 15,
    time_limit: TimeLimit = 10.0,
) -> None:
    """Mark absent the participants named, or everyone not checked in GRACE minutes after their first
    meeting began; release their later meetings and fill their partners' freed slots from the standby
    list, without moving anyone else's published meetings. Then review and `seoro event publish`."""
    c = ctx_of(ctx)
    e = _event(c, event)
    moment = parse_at(e, at)
    ids = _people(c, _id(e), people) if people else None
    marked = day.mark_no_shows(
        c.db(), _id(e), at=moment, grace=timedelta(minutes=grace), participant_ids=ids, actor=c.settings.actor
    )
    o = overview(c.db(), _id(e))
    labels = ", ".join(o.label(p.id or 0, c.lang) for p in marked) or "-"
    out.print(c.t("cli.day.marked_absent", count=len(marked), people=labels))
    if marked:
        _day_reschedule(c, e, moment, time_limit)


@event_app.command("reschedule")
def reschedule(
    ctx: typer.Context,
    event: EventArg,
    time_limit: TimeLimit = 30.0,
    as_json: AsJson = False,
    since_published: Annotated[
        bool,
        typer.Option("--since-published", help="Keep the published agendas' meetings, then list what would change."),
    ] = False,
    at: Annotated[
        str | None, typer.Option("--at", metavar="TIME", help="On the day: slots begun by then stay as they are.")
    ] = None,
) -> None:
    """Rebuild the timetable after changes; announced meetings stay where they are unless they cannot.
    With --since-published: against what participants were told, then each person's changes and why.
    Nothing reaches participants until `seoro event publish`."""
    c = ctx_of(ctx)
    e = _event(c, event)
    moment = parse_at(e, at) if at is not None else None
    _schedule(c, event, time_limit, as_json, reschedule=True, since_published=since_published, at=moment)
    if since_published and not as_json:
        print_changes(c, overview(c.db(), _id(e)), ag.since_published(c.db(), _id(e)))


def _day_reschedule(c: Context, e: Event, moment: datetime, time_limit: float) -> None:
    """Reschedule against the published agendas from ``moment`` on, then show what publishing would change."""
    published = bool(ag.publications(c.db(), _id(e)))
    _schedule(c, str(_id(e)), time_limit, False, reschedule=True, since_published=published, at=moment)
    if published:
        print_changes(c, overview(c.db(), _id(e)), ag.since_published(c.db(), _id(e)))


@event_app.command("standby")
def standby(
    ctx: typer.Context,
    event: EventArg,
    at: At = None,
    recommend: Annotated[
        int,
        typer.Option(
            "--recommend", metavar="N", help="First add up to N recommended matches for people with free slots."
        ),
    ] = 0,
) -> None:
    """The standby list: accepted requests still without a meeting, with the free slots both sides share,
    and who has free slots left. A reschedule (--since-published) places what fits."""
    c = ctx_of(ctx)
    e = _event(c, event)
    moment = parse_at(e, at)
    if recommend:
        free = day.standby(c.db(), _id(e), at=moment).free
        made = recommend_meetings(
            c.db(), _id(e), now=moment, top=recommend, per_participant=1, only=set(free), actor=c.settings.actor
        )
        out.print(c.t("cli.day.recommended", count=len(made)))
    print_standby(c, overview(c.db(), _id(e)), day.standby(c.db(), _id(e), at=moment))


@event_app.command("lose-table")
def lose_table(
    ctx: typer.Context,
    event: EventArg,
    table_number: Annotated[int, typer.Argument(metavar="TABLE", help="The table's number.")],
    at: At = None,
    time_limit: TimeLimit = 10.0,
) -> None:
    """A table is gone from now on (a broken booth, a room lost): its later meetings move elsewhere
    when they can; everyone else's published meetings stay. Then review and publish."""
    c = ctx_of(ctx)
    e = _event(c, event)
    moment = parse_at(e, at)
    slot = day.lose_table(c.db(), _id(e), table_number, at=moment, actor=c.settings.actor)
    out.print(c.t("cli.day.table_lost", table=e.table(table_number).label(), slot=slot + 1))
    _day_reschedule(c, e, moment, time_limit)


@event_app.command("request")
def late_request(
    ctx: typer.Context,
    event: EventArg,
    requester: Annotated[str, typer.Argument(metavar="REQUESTER", help="Who asks: number, e-mail or name.")],
    partner: Annotated[str, typer.Argument(metavar="PARTNER", help="Whom they want to meet.")],
    priority: Annotated[
        str,
        typer.Option(
            "--priority", metavar="필수|높음|보통", help="How much it matters: 필수/must, 높음/high, 보통/normal."
        ),
    ] = "normal",
    message: Annotated[str, typer.Option("--message", "-m", metavar="TEXT", help="A note for the partner.")] = "",
    at: At = None,
    time_limit: TimeLimit = 10.0,
) -> None:
    """A late request made at the desk (both sides agree): accepted at once and placed in a free slot
    of both, without moving anyone's published meetings. Then review and publish."""
    c = ctx_of(ctx)
    e = _event(c, event)
    moment = parse_at(e, at)
    a, b = _people(c, _id(e), [requester, partner])
    level = parse_priority(priority)
    r = day.late_request(c.db(), _id(e), a, b, at=moment, priority=level, message=message, actor=c.settings.actor)
    o = overview(c.db(), _id(e))
    out.print(c.t("cli.day.late_request", request=r.id, requester=o.label(a, c.lang), partner=o.label(b, c.lang)))
    _day_reschedule(c, e, moment, time_limit)


@event_app.command("check")
def check(ctx: typer.Context, event: EventArg) -> None:
    """Check the stored timetable with the independent validator, and whether the published agendas
    still match it (changes not yet published)."""
    c = ctx_of(ctx)
    e = _event(c, event)
    found = sc.check_timetable(c.db(), _id(e))
    versions = len(ag.publications(c.db(), _id(e)))
    pending = ag.since_published(c.db(), _id(e)) if versions else []
    out.print(c.t("cli.day.checked", violations=len(found), pending=len(pending), version=versions))
    for v in found[:LIMIT]:
        out.print(f"  {v.code} request={v.request} slot={v.slot} {v.detail}")
    if found:
        raise typer.Exit(1)


@event_app.command("sheets")
def sheets(
    ctx: typer.Context,
    event: EventArg,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="xlsx|html|pdf", help="The file kind.")] = "xlsx",
    out_path: Annotated[Path | None, typer.Option("--out", "-o", metavar="PATH", help="The file to write.")] = None,
    lang: Lang = None,
) -> None:
    """Staff sheets of the current timetable: the table plan per slot, the interpreter plan and the door list."""
    c = ctx_of(ctx)
    e = _event(c, event)
    kind = _choice(SheetFormat, fmt)
    language = lang or c.lang
    data = staff_sheets(c.db(), _id(e), lang=language, at=datetime.now(UTC))
    doc = sheets_document(data, kind, language, _id(e))
    target = out_path or Path(doc.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(doc.data)
    out.print(c.t("cli.day.sheets_written", path=str(target), event=name(e.name, c.lang)))
