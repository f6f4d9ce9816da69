"""The cooperation pipeline: leads with their steps, follow-up wishes after events, reminders sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, and_, delete, insert, or_, select, update

from seoro.domain.pipeline import FollowUpWish, Lead, Side, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind
from seoro.storage import tables as t
from seoro.storage.common import Repository, children_by_owner, insert_returning_id, replace_children, utc

_L = t.leads.c
_S = t.lead_steps.c
_W = t.follow_up_wishes.c
_R = t.reminders_sent.c


@dataclass(frozen=True)
class LeadFilter:
    stage: LeadStage | None = None  # where the lead stands now (its last step)
    event_id: int | None = None
    programme: str | None = None
    owner: str | None = None
    open_only: bool = False  # leave out closed leads
    organisation_id: int | None = None  # on either side
    expert_id: int | None = None  # on either side


def _last_stage() -> Any:
    """The stage of each lead's last step, as a correlated subquery."""
    return select(_S.stage).where(_S.lead_id == _L.id).order_by(_S.position.desc()).limit(1).scalar_subquery()


class Leads(Repository[Lead, LeadFilter]):
    table = t.leads
    entity = "lead"

    def all(
        self,
        *,
        stage: LeadStage | None = None,
        event_id: int | None = None,
        programme: str | None = None,
        owner: str | None = None,
        open_only: bool = False,
    ) -> list[Lead]:
        """Every lead (or those matching the filters), oldest first, each with its id and steps."""
        return self.find(LeadFilter(stage, event_id, programme, owner, open_only))

    def by_meeting(self, event_id: int, request_id: int) -> Lead | None:
        """The lead opened for a meeting of an event, if any (there is at most one)."""
        found = self._load(select(t.leads).where(_L.event_id == event_id, _L.request_id == request_id))
        return found[0] if found else None

    def _filtered(self, where: LeadFilter | None) -> Select[Any]:
        query = select(t.leads)
        if where is None:
            return query
        if where.stage is not None:
            query = query.where(_last_stage() == where.stage.value)
        if where.open_only:
            query = query.where(_last_stage() != LeadStage.CLOSED.value)
        if where.event_id is not None:
            query = query.where(_L.event_id == where.event_id)
        if where.programme is not None:
            query = query.where(_L.programme == where.programme)
        if where.owner is not None:
            query = query.where(_L.owner == where.owner)
        if where.organisation_id is not None:
            query = query.where(or_(_L.a_organisation_id == where.organisation_id,
                                    _L.b_organisation_id == where.organisation_id))  # fmt: skip
        if where.expert_id is not None:
            query = query.where(or_(_L.a_expert_id == where.expert_id, _L.b_expert_id == where.expert_id))
        return query

    def save(self, lead: Lead) -> int:
        """Store the lead (new when it has no id) with exactly its steps; returns its id."""
        a, b = lead.sides
        values = {
            "title_ko": lead.title.ko,
            "title_en": lead.title.en,
            "fields": list(lead.fields),
            "event_id": lead.event_id,
            "request_id": lead.request_id,
            "profile_id": lead.profile_id,
            "programme": lead.programme,
            "owner": lead.owner,
            "a_organisation_id": a.organisation_id,
            "a_expert_id": a.expert_id,
            "b_organisation_id": b.organisation_id,
            "b_expert_id": b.expert_id,
        }
        if lead.id is None:
            lead_id = insert_returning_id(self.conn, insert(t.leads).values(values))
        else:
            lead_id = lead.id
            self.conn.execute(update(t.leads).where(_L.id == lead_id).values(values))
        replace_children(
            self.conn, t.lead_steps, _S.lead_id, lead_id, [_step_row(i, s) for i, s in enumerate(lead.steps)]
        )
        return lead_id

    def move_side(self, *, organisation: tuple[int, int] | None = None, expert: tuple[int, int] | None = None) -> None:
        """Point every side at ``old`` to ``new`` (a merge of two directory records)."""
        for pair, columns in ((organisation, ("a_organisation_id", "b_organisation_id")),
                              (expert, ("a_expert_id", "b_expert_id"))):  # fmt: skip
            if pair is None:
                continue
            old, new = pair
            for column in columns:
                self.conn.execute(update(t.leads).where(_L[column] == old).values({column: new}))

    def with_both(
        self, *, organisations: tuple[int, int] | None = None, experts: tuple[int, int] | None = None
    ) -> list[Lead]:
        """The leads with one of the two records on one side and the other on the other side."""
        if organisations is not None:
            x, y = organisations
            a, b = _L.a_organisation_id, _L.b_organisation_id
        elif experts is not None:
            x, y = experts
            a, b = _L.a_expert_id, _L.b_expert_id
        else:
            return []
        return self._load(select(t.leads).where(or_(and_(a == x, b == y), and_(a == y, b == x))))

    def _load(self, query: Select[Any]) -> list[Lead]:
        rows = list(self.conn.execute(query))
        steps = children_by_owner(self.conn, t.lead_steps, _S.lead_id, [r.id for r in rows])
        return [_lead(r, steps.get(r.id, [])) for r in rows]


def _step_row(position: int, s: Step) -> dict[str, Any]:
    return {
        "position": position,
        "stage": s.stage.value,
        "on": s.on,
        "by": s.by,
        "note": s.note,
        "next_action": s.next_action,
        "due": s.due,
        "result_kind": s.result_kind.value if s.result_kind else None,
        "reason": s.reason.value if s.reason else None,
        "agreement_id": s.agreement_id,
        "amount_krw": s.amount_krw,
    }


def _step(r: Row[Any]) -> Step:
    m = r._mapping
    return Step(
        stage=LeadStage(m["stage"]),
        on=m["on"],
        by=m["by"],
        note=m["note"],
        next_action=m["next_action"],
        due=m["due"],
        result_kind=ResultKind(m["result_kind"]) if m["result_kind"] else None,
        reason=CloseReason(m["reason"]) if m["reason"] else None,
        agreement_id=m["agreement_id"],
        amount_krw=m["amount_krw"],
    )


def _lead(r: Row[Any], steps: list[Any]) -> Lead:
    return Lead(
        id=r.id,
        title=BilingualText(r.title_ko, r.title_en),
        sides=(Side(r.a_organisation_id, r.a_expert_id), Side(r.b_organisation_id, r.b_expert_id)),
        steps=tuple(_step(s) for s in steps),
        fields=tuple(r.fields),
        event_id=r.event_id,
        request_id=r.request_id,
        profile_id=r.profile_id,
        programme=r.programme,
        owner=r.owner,
    )


class FollowUpWishes:
    """Each participant's answer, per meeting held at an event: do they want to follow up?"""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def save(self, wish: FollowUpWish) -> None:
        """Store the answer, replacing the participant's earlier answer for the same meeting."""
        key = (_W.event_id == wish.event_id, _W.request_id == wish.request_id, _W.participant_id == wish.participant_id)
        self.conn.execute(delete(t.follow_up_wishes).where(*key))
        self.conn.execute(
            insert(t.follow_up_wishes).values(
                event_id=wish.event_id,
                request_id=wish.request_id,
                participant_id=wish.participant_id,
                wants=wish.wants,
                online=wish.online,
                note=wish.note,
                at=wish.at,
            )
        )

    def get(self, event_id: int, request_id: int, participant_id: int) -> FollowUpWish | None:
        found = self._load(
            select(t.follow_up_wishes).where(
                _W.event_id == event_id, _W.request_id == request_id, _W.participant_id == participant_id
            )
        )
        return found[0] if found else None

    def all(self, event_id: int | None = None) -> list[FollowUpWish]:
        """Every answer (of one event, or of all), by event, meeting and participant."""
        query = select(t.follow_up_wishes)
        if event_id is not None:
            query = query.where(_W.event_id == event_id)
        return self._load(query)

    def _load(self, query: Select[Any]) -> list[FollowUpWish]:
        ordered = query.order_by(_W.event_id, _W.request_id, _W.participant_id)
        return [
            FollowUpWish(r.event_id, r.request_id, r.participant_id, r.wants, r.note, r.online, utc(r.at))
            for r in self.conn.execute(ordered)
        ]


@dataclass(frozen=True)
class Sent:
    """A reminder e-mailed: the lead's step whose next action was overdue, when, and to whom."""

    lead_id: int
    step_index: int
    sent_at: datetime
    to: str


class RemindersSent:
    """The reminders already sent, so that none is sent twice."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def reminded(self) -> set[tuple[int, int]]:
        """``(lead id, step index)`` of every reminder sent (what ``domain.pipeline.reminders`` skips)."""
        return {(r.lead_id, r.step_index) for r in self.conn.execute(select(_R.lead_id, _R.step_index))}

    def add(self, sent: Sent) -> None:
        self.conn.execute(insert(t.reminders_sent).values(**sent.__dict__))

    def all(self, lead_id: int | None = None) -> list[Sent]:
        query = select(t.reminders_sent).order_by(_R.sent_at, _R.lead_id, _R.step_index)
        if lead_id is not None:
            query = query.where(_R.lead_id == lead_id)
        return [Sent(r.lead_id, r.step_index, utc(r.sent_at), r.to) for r in self.conn.execute(query)]
