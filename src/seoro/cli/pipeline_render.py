"""Rich output of the pipeline commands: lead lists, one lead with its steps, follow-up wishes, reminders."""

from __future__ import annotations

from datetime import date

from rich.console import Console

from seoro.cli.context import Context
from seoro.cli.render import name, table
from seoro.domain.pipeline import Reminder, Step
from seoro.domain.vocab import label
from seoro.services.follow_up import MeetingWishes
from seoro.services.pipeline_views import LeadView

out = Console()


def _col(c: Context, *keys: str) -> list[str]:
    return [c.t(f"cli.pipeline.col.{k}") for k in keys]


def _due(step: Step | None) -> str:
    return step.due.isoformat() if step is not None and step.due is not None else ""


def print_leads(c: Context, views: list[LeadView], *, title_key: str = "leads_title") -> None:
    rows = []
    for v in views:
        lead, action = v.lead, v.lead.next_action()
        rows.append(
            (
                v.id,
                lead.title.pick(c.lang),
                f"{name(v.parties[0], c.lang)} ↔ {name(v.parties[1], c.lang)}",
                label(lead.stage).pick(c.lang),
                lead.steps[-1].on.isoformat(),
                action.next_action if action else "",
                _due(action),
                lead.owner,
            )
        )
    headers = _col(c, "id", "title", "parties", "stage", "since", "next_action", "due", "owner")
    out.print(table(c.t(f"cli.pipeline.{title_key}", count=len(views)), headers, rows))


def print_lead(c: Context, v: LeadView) -> None:
    lead = v.lead
    pairs = [
        (c.t("cli.pipeline.col.id"), v.id),
        (c.t("cli.pipeline.col.side_a"), name(v.parties[0], c.lang)),
        (c.t("cli.pipeline.col.side_b"), name(v.parties[1], c.lang)),
        (c.t("cli.pipeline.col.stage"), f"{label(lead.stage).pick(c.lang)} ({lead.stage.value})"),
        (c.t("cli.pipeline.col.fields"), ", ".join(lead.fields)),
        (c.t("cli.pipeline.col.event"), f"{lead.event_id} {name(v.event, c.lang)}" if v.event else ""),
        (c.t("cli.pipeline.col.meeting"), lead.request_id or ""),
        (c.t("cli.pipeline.col.profile"), lead.profile_id or ""),
        (c.t("cli.pipeline.col.programme"), lead.programme),
        (c.t("cli.pipeline.col.owner"), lead.owner),
    ]
    shown = [(k, val) for k, val in pairs if val not in (None, "")]
    out.print(table(name(lead.title, c.lang), ["", ""], shown, show_header=False))
    rows = [
        (
            i + 1,
            f"{label(s.stage).pick(c.lang)}",
            s.on.isoformat(),
            s.by,
            s.note,
            s.next_action,
            _due(s),
            _detail(c, s),
            c.t("cli.pipeline.yes") if i in v.reminded else "",
        )
        for i, s in enumerate(lead.steps)
    ]
    headers = _col(c, "step", "stage", "on", "by", "note", "next_action", "due", "detail", "reminded")
    out.print(table(c.t("cli.pipeline.steps_title"), headers, rows))


def _detail(c: Context, s: Step) -> str:
    parts = []
    if s.result_kind is not None:
        parts.append(label(s.result_kind).pick(c.lang))
    if s.amount_krw is not None:
        parts.append(c.t("cli.pipeline.amount", amount=f"{s.amount_krw:,}"))
    if s.reason is not None:
        parts.append(label(s.reason).pick(c.lang))
    if s.agreement_id is not None:
        parts.append(c.t("cli.pipeline.agreement", id=s.agreement_id))
    return "; ".join(parts)


def print_wishes(c: Context, event: str, rows: list[MeetingWishes], names: dict[int, str]) -> None:
    def answers(row: MeetingWishes, side: int) -> str:
        said = {a.participant_id: a for a in row.answers}
        parts = []
        for pid in row.sides[side]:
            a = said.get(pid)
            word = c.t("cli.pipeline.unanswered") if a is None else _wish(c, a.wants, a.online)
            parts.append(f"{names[pid]}: {word}{f' ({a.note})' if a and a.note else ''}")
        return "; ".join(parts)

    shown = [
        (
            r.request_id,
            r.on.isoformat(),
            answers(r, 0),
            answers(r, 1),
            f"{r.lead.id} {label(r.lead.stage).pick(c.lang)}" if r.lead else "",
        )
        for r in rows
    ]
    headers = _col(c, "meeting", "on", "side_a", "side_b", "lead")
    out.print(table(c.t("cli.pipeline.wishes_title", event=event, count=len(rows)), headers, shown))


def _wish(c: Context, wants: bool, online: bool | None) -> str:
    if not wants:
        return c.t("cli.pipeline.wants_no")
    how = {True: "online", False: "at_next_event", None: "either"}[online]
    return c.t("cli.pipeline.wants_yes", how=c.t(f"cli.pipeline.how.{how}"))


def print_reminders(c: Context, due: list[Reminder], today: date) -> None:
    rows = [
        (r.lead_id, r.title.pick(c.lang), r.action, r.due.isoformat(), (today - r.due).days, r.owner or "-")
        for r in due
    ]
    headers = _col(c, "id", "title", "next_action", "due", "days", "owner")
    out.print(table(c.t("cli.pipeline.remind_title", count=len(due)), headers, rows))
