"""``seoro lead``, ``seoro followup`` and ``seoro remind``: the cooperation pipeline (후속 관리).

A lead links two parties and moves contacted → met → follow-up meeting → agreement (MOU) → result, or
is closed with a reason (docs/pipeline.md). STAGE, --kind and --reason take the value or the Korean or
English word (met / 미팅, joint_project / 공동연구). Dates are YYYY-MM-DD (default: today).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated

import typer
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import Context, ctx_of
from seoro.cli.pipeline_render import print_lead, print_leads, print_reminders, print_wishes
from seoro.cli.render import name
from seoro.cli.show import print_history
from seoro.domain.agreements import FollowUp, Party
from seoro.domain.errors import DomainError
from seoro.domain.pipeline import Side, Step
from seoro.domain.text import BilingualText, has_hangul
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind, label, parse_choice
from seoro.services import browse
from seoro.services import follow_up as fu
from seoro.services import pipeline as pl
from seoro.services import reminders as rm
from seoro.services.event_import import find_event, find_participant
from seoro.services.pipeline_views import lead_view, lead_views
from seoro.storage.leads import LeadFilter

out = Console()
lead_app = typer.Typer(help="Cooperation leads (협력 건): open, move on a step at a time, list.", no_args_is_help=True)
followup_app = typer.Typer(help="Follow-up after an event: who wants more, arrange follow-up meetings.",
                           no_args_is_help=True)  # fmt: skip
app.add_typer(lead_app, name="lead")
app.add_typer(followup_app, name="followup")

LeadId = Annotated[int, typer.Argument(metavar="ID", help="Lead number (seoro lead list).")]
EventArg = Annotated[str, typer.Argument(metavar="EVENT", help="Event number or part of its name (seoro event list).")]
MeetingArg = Annotated[int, typer.Argument(metavar="MEETING", help="Meeting number (seoro followup list EVENT).")]
On = Annotated[str | None, typer.Option("--on", metavar="DATE", help="When it happened (default: today).")]
Note = Annotated[str, typer.Option("--note", metavar="TEXT", help="What happened.")]
Next = Annotated[str, typer.Option("--next", metavar="TEXT", help="The next action.")]
Due = Annotated[str | None, typer.Option("--due", metavar="DATE", help="When the next action is due.")]
Title = Annotated[
    list[str] | None, typer.Option("--title", metavar="TEXT", help="Title, Korean and/or English (give it twice).")
]
Fields = Annotated[list[str] | None, typer.Option("--field", metavar="FIELD", help="Technology field. Repeatable.")]
Programme = Annotated[str | None, typer.Option("--programme", metavar="NAME", help="Programme it is reported under.")]
Owner = Annotated[str | None, typer.Option("--owner", metavar="EMAIL", help="Staff member following it up.")]
_DATE = re.compile(r"^\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})\s*$")


def parse_day(text: str | None, default: date | None = None) -> date | None:
    if text is None:
        return default
    found = _DATE.match(text)
    if not found:
        raise DomainError("not_a_date", value=text)
    try:
        return date(*(int(g) for g in found.groups()))
    except ValueError:
        raise DomainError("invalid_date", value=text) from None


def _today() -> date:
    return datetime.now(UTC).date()


def _title(texts: list[str] | None) -> BilingualText | None:
    """``--title`` given once or twice: the Korean one is the one written in Hangul."""
    if not texts:
        return None
    ko = next((x for x in texts if has_hangul(x)), "")
    en = next((x for x in texts if not has_hangul(x)), "")
    return BilingualText(ko.strip(), en.strip())


def _party(text: str) -> Side:
    """``org:12``, ``expert:7`` or ``org:12,expert:7`` (an expert at an organisation)."""
    ids: dict[str, int] = {}
    for part in text.split(","):
        kind, _, number = part.strip().partition(":")
        key = {"org": "organisation", "organisation": "organisation", "expert": "expert"}.get(kind.strip().lower())
        if key is None or not number.strip().isdigit():
            raise DomainError("lead_bad_party", value=text)
        ids[key] = int(number)
    return Side(ids.get("organisation"), ids.get("expert"))


@lead_app.command("list")
def lead_list(
    ctx: typer.Context,
    stage: Annotated[str | None, typer.Option("--stage", metavar="STAGE", help="Where they stand now.")] = None,
    event: Annotated[str | None, typer.Option("--event", metavar="EVENT", help="Met at this event.")] = None,
    programme: Programme = None,
    owner: Owner = None,
    open_only: Annotated[bool, typer.Option("--open", help="Leave out closed leads.")] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only those whose next action is overdue.")] = False,
    today: Annotated[str | None, typer.Option("--today", metavar="DATE", help="Overdue as of this day.")] = None,
) -> None:
    """Leads with their parties, stage, next action and owner (oldest first; overdue: longest overdue first)."""
    c = ctx_of(ctx)
    where = LeadFilter(
        stage=parse_choice(LeadStage, stage) if stage else None,
        event_id=find_event(c.db(), event).id if event else None,
        programme=programme,
        owner=owner.strip().lower() if owner else None,
        open_only=open_only,
    )
    views = lead_views(c.db(), where, overdue_on=parse_day(today, _today()) if overdue else None)
    print_leads(c, views, title_key="overdue_title" if overdue else "leads_title")


@lead_app.command("show")
def lead_show(ctx: typer.Context, id: LeadId) -> None:
    """One lead: its parties, every step (with results, reasons and agreements) and its change history."""
    c = ctx_of(ctx)
    print_lead(c, lead_view(c.db(), id))
    print_history(ctx, browse.history(c.db(), "lead", id, 50))


@lead_app.command("open")
def lead_open(
    ctx: typer.Context,
    event: Annotated[str | None, typer.Option("--event", metavar="EVENT", help="The event they met at.")] = None,
    meeting: Annotated[int | None, typer.Option("--meeting", metavar="N", help="Their meeting there.")] = None,
    profile: Annotated[int | None, typer.Option("--profile", metavar="ID", help="The need or offer matched.")] = None,
    organisation: Annotated[
        int | None, typer.Option("--organisation", metavar="ID", help="The organisation matched to --profile.")
    ] = None,
    expert: Annotated[
        int | None, typer.Option("--expert", metavar="ID", help="The expert matched to --profile.")
    ] = None,
    party: Annotated[
        list[str] | None,
        typer.Option("--party", metavar="org:ID|expert:ID", help="A side, by hand (give two). org:3,expert:7 also."),
    ] = None,
    stage: Annotated[
        str, typer.Option("--stage", metavar="STAGE", help="First stage: contacted or met.")
    ] = "contacted",
    title: Title = None,
    field: Fields = None,
    programme: Programme = None,
    owner: Owner = None,
    on: On = None,
    note: Note = "",
    next_: Next = "",
    due: Due = None,
) -> None:
    """Open a lead: from a meeting held at an event (--event, --meeting), from a match (--profile with
    --organisation or --expert), or by hand (two --party)."""
    c = ctx_of(ctx)
    details = pl.LeadDetails(_title(title), tuple(field) if field else None, programme or "", owner or "",
                             parse_day(on), note, next_, parse_day(due))  # fmt: skip
    actor = c.settings.actor
    if event is not None and meeting is not None:
        lead = pl.open_from_meeting(c.db(), _event_id(c, event), meeting, details, actor=actor)
    elif profile is not None and (organisation is not None or expert is not None):
        lead = pl.open_from_match(c.db(), profile, organisation_id=organisation, expert_id=expert, details=details,
                                  stage=parse_choice(LeadStage, stage), actor=actor)  # fmt: skip
    elif party and len(party) == 2:
        a, b = (_party(p) for p in party)
        lead = pl.open_lead(c.db(), a, b, details, stage=parse_choice(LeadStage, stage), actor=actor)
    else:
        raise DomainError("lead_open_how")
    out.print(
        c.t("cli.pipeline.opened", id=lead.id, title=name(lead.title, c.lang), stage=label(lead.stage).pick(c.lang))
    )


def _event_id(c: Context, ref: str) -> int:
    event_id = find_event(c.db(), ref).id
    assert event_id is not None
    return event_id


@lead_app.command("step")
def lead_step(
    ctx: typer.Context,
    id: LeadId,
    stage: Annotated[str, typer.Argument(metavar="STAGE", help="met, follow_up, agreement, result, closed …")],
    on: On = None,
    note: Note = "",
    next_: Next = "",
    due: Due = None,
    kind: Annotated[str | None, typer.Option("--kind", metavar="KIND", help="A result's kind.")] = None,
    reason: Annotated[str | None, typer.Option("--reason", metavar="REASON", help="Why it closed.")] = None,
    amount: Annotated[int | None, typer.Option("--amount", metavar="KRW", help="A result's value in won.")] = None,
    agreement: Annotated[
        int | None, typer.Option("--agreement", metavar="ID", help="Link an agreement already in the registry.")
    ] = None,
    mou: Annotated[bool, typer.Option("--mou", help="Record the MOU in the agreements registry.")] = False,
    agreement_title: Annotated[
        list[str] | None,
        typer.Option("--agreement-title", metavar="TEXT", help="The MOU's title (default: the lead's)."),
    ] = None,
    scope: Annotated[
        list[str] | None, typer.Option("--scope", metavar="TEXT", help="What it covers. Repeatable.")
    ] = None,
    contact: Annotated[
        list[str] | None, typer.Option("--contact", metavar="ORG=NAME,EMAIL", help="A party's contact. Repeatable.")
    ] = None,
    plan: Annotated[
        list[str] | None, typer.Option("--plan", metavar="TEXT[@DATE]", help="A follow-up it promises. Repeatable.")
    ] = None,
    place: Annotated[str, typer.Option("--place", metavar="TEXT", help="Where the MOU was signed.")] = "",
) -> None:
    """Move a lead on to STAGE (refused, changing nothing, when the move is not allowed). An agreement
    step with --mou (or --agreement-title, --scope, --contact, --plan) records the MOU in the registry."""
    c = ctx_of(ctx)
    step = Step(
        parse_choice(LeadStage, stage),
        parse_day(on, _today()) or _today(),
        c.settings.actor,
        note,
        next_,
        parse_day(due),
        parse_choice(ResultKind, kind) if kind else None,
        parse_choice(CloseReason, reason) if reason else None,
        agreement,
        amount,
    )
    details = None
    if mou or agreement_title or scope or contact or plan:
        details = pl.AgreementDetails(
            _title(agreement_title),
            tuple(_text(s) for s in scope or ()),
            tuple(_contact(x) for x in contact or ()),
            tuple(_plan(x) for x in plan or ()),
            place=place,
        )
    before = pl.get_lead(c.db(), id)
    after = pl.advance(c.db(), id, step, actor=c.settings.actor, agreement=details)
    out.print(c.t("cli.pipeline.stepped", id=id, before=label(before.stage).pick(c.lang),
                  after=label(after.stage).pick(c.lang)))  # fmt: skip
    if details is not None and after.steps[-1].agreement_id is not None:
        out.print(c.t("cli.pipeline.agreement_recorded", id=after.steps[-1].agreement_id))


def _text(text: str) -> BilingualText:
    return BilingualText(text.strip(), "") if has_hangul(text) else BilingualText("", text.strip())


def _contact(text: str) -> Party:
    org, _, rest = text.partition("=")
    contact_name, _, email = rest.partition(",")
    if not org.strip().isdigit() or not contact_name.strip():
        raise DomainError("lead_bad_contact", value=text)
    return Party(int(org), contact_name=contact_name.strip(), contact_email=email.strip())


def _plan(text: str) -> FollowUp:
    """``TEXT@YYYY-MM-DD`` or ``TEXT`` (an '@' not followed by a date is part of the text)."""
    what, at, when = text.rpartition("@")
    if at and _DATE.match(when):
        return FollowUp(_text(what), parse_day(when))
    return FollowUp(_text(text))


@lead_app.command("edit")
def lead_edit(
    ctx: typer.Context, id: LeadId, title: Title = None, field: Fields = None, programme: Programme = None,
    owner: Owner = None,
) -> None:  # fmt: skip
    """Change a lead's title, fields, programme or owner (--owner '' for nobody)."""
    c = ctx_of(ctx)
    before = pl.get_lead(c.db(), id)
    after = pl.update_lead(c.db(), id, title=_title(title), fields=field, programme=programme, owner=owner,
                           actor=c.settings.actor)  # fmt: skip
    out.print(c.t("cli.pipeline.updated" if after != before else "cli.pipeline.unchanged", id=id))


@followup_app.command("list")
def followup_list(
    ctx: typer.Context,
    event: EventArg,
    everyone: Annotated[bool, typer.Option("--all", help="Every meeting held, answered or not.")] = False,
) -> None:
    """The meetings held at EVENT where someone wants to follow up (both sides first), with each answer."""
    c = ctx_of(ctx)
    e = find_event(c.db(), event)
    assert e.id is not None
    rows = fu.wishes_of(c.db(), e.id, everyone=everyone)
    with c.db().reading() as unit:
        names = {p.id: name(p.name, c.lang) for p in unit.events.participants(e.id) if p.id is not None}
    print_wishes(c, name(e.name, c.lang), rows, names)


@followup_app.command("answer")
def followup_answer(
    ctx: typer.Context,
    event: EventArg,
    meeting: MeetingArg,
    participant: Annotated[str, typer.Argument(metavar="PARTICIPANT", help="Number, e-mail or name.")],
    wants: Annotated[bool, typer.Option("--yes/--no", help="Wants to follow up, or not.")] = True,
    how: Annotated[
        str | None, typer.Option("--how", metavar="online|event", help="How they would meet again (default: either).")
    ] = None,
    note: Note = "",
) -> None:
    """Record a participant's answer on their behalf (e.g. from a paper form)."""
    c = ctx_of(ctx)
    event_id = _event_id(c, event)
    who = find_participant(c.db(), event_id, participant)
    online = {None: None, "online": True, "event": False}.get(how.strip().lower() if how else None)
    if how and online is None:
        raise DomainError("unknown_choice", value=how, choices="online, event")
    fu.record_wish(c.db(), event_id, meeting, who, wants, online, note, actor=c.settings.actor)
    out.print(c.t("cli.pipeline.answered", meeting=meeting, participant=who))


@followup_app.command("arrange")
def followup_arrange(
    ctx: typer.Context,
    event: EventArg,
    meeting: MeetingArg,
    due: Annotated[str, typer.Option("--due", metavar="DATE", help="When the follow-up should be arranged by.")],
    online: Annotated[bool, typer.Option("--online", help="Meet again online.")] = False,
    at_event: Annotated[
        str | None, typer.Option("--at-event", metavar="EVENT", help="Meet again at this next event.")
    ] = None,
    on: On = None,
    note: Note = "",
) -> None:
    """Arrange a follow-up meeting for a meeting held at EVENT: its lead (opened if need be) moves to
    the follow-up stage, with arranging the meeting as the next action due by --due."""
    c = ctx_of(ctx)
    event_id = _event_id(c, event)
    next_event = _event_id(c, at_event) if at_event else None
    lead = fu.arrange_follow_up(c.db(), event_id, meeting, due=parse_day(due) or _today(), online=online,
                                next_event_id=next_event, note=note, on=parse_day(on), actor=c.settings.actor)  # fmt: skip
    step = lead.steps[-1]
    out.print(c.t("cli.pipeline.arranged", id=lead.id, action=step.next_action, due=step.due))


@app.command("remind")
def remind(
    ctx: typer.Context,
    send: Annotated[bool, typer.Option("--send", help="E-mail each one to the lead's owner (once).")] = False,
    today: Annotated[str | None, typer.Option("--today", metavar="DATE", help="Overdue as of this day.")] = None,
) -> None:
    """Overdue next actions not yet reminded of; with --send, e-mail each to its lead's owner through
    the SMTP server of SEORO_SMTP_HOST (docs/settings.md). Each is sent once."""
    c = ctx_of(ctx)
    day = parse_day(today, _today()) or _today()
    if not send:
        due = rm.due_reminders(c.db(), day)
        print_reminders(c, due, day)
        out.print(c.t("cli.pipeline.remind_hint" if due else "cli.pipeline.remind_none"))
        return
    report = rm.send_reminders(c.db(), c.settings, day, actor=c.settings.actor)
    print_reminders(c, [r for r, _to in report.sent], day)
    out.print(c.t("cli.pipeline.remind_sent", count=len(report.sent)))
    for r, answer in report.refused:
        out.print(c.t("cli.pipeline.remind_refused", id=r.lead_id, to=r.owner, answer=answer))
    if report.unowned:
        out.print(c.t("cli.pipeline.remind_unowned", ids=", ".join(str(r.lead_id) for r in report.unowned)))
