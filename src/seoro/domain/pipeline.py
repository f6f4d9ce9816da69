"""The cooperation pipeline: a lead links two parties (from a match or a meeting at an event) and
moves, step by step, from first contact to a meeting, follow-up meetings, an agreement (MOU) and
results, or is closed with a reason. Each step keeps its date, who recorded it, a note, and the next
action with its due date; the moves allowed are :data:`MOVES`.

A lead may bear several results (a joint project, then a technology transfer), and several
follow-up meetings; nothing moves on from a closed lead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind, label

S = LeadStage
MOVES: dict[LeadStage, frozenset[LeadStage]] = {
    S.CONTACTED: frozenset({S.MET, S.CLOSED}),
    S.MET: frozenset({S.FOLLOW_UP, S.AGREEMENT, S.RESULT, S.CLOSED}),
    S.FOLLOW_UP: frozenset({S.FOLLOW_UP, S.AGREEMENT, S.RESULT, S.CLOSED}),
    S.AGREEMENT: frozenset({S.FOLLOW_UP, S.RESULT, S.CLOSED}),
    S.RESULT: frozenset({S.RESULT, S.FOLLOW_UP, S.AGREEMENT}),
    S.CLOSED: frozenset(),
}
FIRST = frozenset({S.CONTACTED, S.MET})  # a lead starts at a first contact, or at a meeting already held
FUNNEL = (S.CONTACTED, S.MET, S.FOLLOW_UP, S.AGREEMENT, S.RESULT)  # the order a lead goes forward in


@dataclass(frozen=True)
class Side:
    """One party of a lead: an organisation, a person (expert), or a person at an organisation."""

    organisation_id: int | None = None
    expert_id: int | None = None

    def __post_init__(self) -> None:
        if self.organisation_id is None and self.expert_id is None:
            raise DomainError("lead_side_required")


@dataclass(frozen=True)
class Step:
    """One move of a lead. ``result_kind`` for a result, ``reason`` for a closing, ``agreement_id``
    for an agreement (the MOU's record in the registry); ``next_action`` is due by ``due``."""

    stage: LeadStage
    on: date
    by: str = ""
    note: str = ""
    next_action: str = ""
    due: date | None = None
    result_kind: ResultKind | None = None
    reason: CloseReason | None = None
    agreement_id: int | None = None
    amount_krw: int | None = None  # an investment's or a contract's value, when known

    def __post_init__(self) -> None:
        if (self.stage is S.RESULT) != (self.result_kind is not None):
            raise DomainError("lead_result_kind" if self.stage is S.RESULT else "lead_field_not_for_stage",
                              field="result_kind", stage=self.stage.value)  # fmt: skip
        if (self.stage is S.CLOSED) != (self.reason is not None):
            raise DomainError("lead_close_reason" if self.stage is S.CLOSED else "lead_field_not_for_stage",
                              field="reason", stage=self.stage.value)  # fmt: skip
        if self.agreement_id is not None and self.stage is not S.AGREEMENT:
            raise DomainError("lead_field_not_for_stage", field="agreement_id", stage=self.stage.value)
        if self.due is not None and self.due < self.on:
            raise DomainError("lead_due_before_step", due=self.due.isoformat(), on=self.on.isoformat())
        if self.next_action and self.stage is S.CLOSED:
            raise DomainError("lead_field_not_for_stage", field="next_action", stage=self.stage.value)
        if self.amount_krw is not None and (self.stage is not S.RESULT or self.amount_krw < 0):
            raise DomainError("lead_field_not_for_stage", field="amount_krw", stage=self.stage.value)


@dataclass(frozen=True)
class Lead:
    """Two sides, what they cooperate on, where they met, and every step so far (oldest first)."""

    title: BilingualText
    sides: tuple[Side, Side]
    steps: tuple[Step, ...]
    fields: tuple[str, ...] = ()  # taxonomy codes
    event_id: int | None = None  # the event where they met, if any
    request_id: int | None = None  # the meeting (its request) they met at
    profile_id: int | None = None  # the need or offer it answers, if it came from a match
    programme: str = ""  # the programme it is reported under, e.g. "2026 글로벌 기술협력"
    owner: str = ""  # the staff member following it up
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.title:
            raise DomainError("title_required")
        if self.sides[0] == self.sides[1]:
            raise DomainError("lead_same_sides")
        if not self.steps or self.steps[0].stage not in FIRST:
            raise DomainError("lead_first_step", stage=self.steps[0].stage.value if self.steps else "")
        for before, after in zip(self.steps, self.steps[1:], strict=False):
            check_move(before, after)

    @property
    def stage(self) -> LeadStage:
        return self.steps[-1].stage

    @property
    def started(self) -> date:
        return self.steps[0].on

    @property
    def is_open(self) -> bool:
        return self.stage is not S.CLOSED

    def advance(self, step: Step) -> Lead:
        """This lead with ``step`` added; refused, naming both stages, when the move is not allowed."""
        check_move(self.steps[-1], step)
        return replace(self, steps=(*self.steps, step))

    def furthest(self) -> LeadStage:
        """The furthest stage of :data:`FUNNEL` ever reached (a closed lead keeps how far it got)."""
        return max((s.stage for s in self.steps if s.stage in FUNNEL), key=FUNNEL.index)

    def reached(self, stage: LeadStage) -> bool:
        return FUNNEL.index(self.furthest()) >= FUNNEL.index(stage)

    def results(self) -> list[Step]:
        return [s for s in self.steps if s.stage is S.RESULT]

    def next_action(self) -> Step | None:
        """The step whose next action is still to do: the last one, when it names one."""
        last = self.steps[-1]
        return last if self.is_open and last.next_action else None

    def overdue(self, today: date) -> bool:
        action = self.next_action()
        return action is not None and action.due is not None and action.due < today

    def first_reached(self, stage: LeadStage) -> date | None:
        """When the lead first stood at ``stage`` or further along the funnel."""
        at = FUNNEL.index(stage)
        return next((s.on for s in self.steps if s.stage in FUNNEL and FUNNEL.index(s.stage) >= at), None)


def check_move(before: Step, after: Step) -> None:
    """Refused with the stages' codes (for programs) and their words in both languages (for people)."""
    if after.stage not in MOVES[before.stage]:
        allowed = sorted(MOVES[before.stage], key=list(LeadStage).index)
        words = {f"{key}_{lang}": getattr(label(stage), lang)
                 for key, stage in (("before", before.stage), ("after", after.stage)) for lang in ("ko", "en")}  # fmt: skip
        words |= {
            f"allowed_{lang}": ", ".join(getattr(label(m), lang) for m in allowed) or "-" for lang in ("ko", "en")
        }
        raise DomainError("lead_move", before=before.stage.value, after=after.stage.value,
                          allowed=", ".join(m.value for m in allowed) or "-", **words)  # fmt: skip
    if after.on < before.on:
        raise DomainError("lead_step_before", on=after.on.isoformat(), last=before.on.isoformat())


@dataclass(frozen=True)
class FollowUpWish:
    """One side's answer after a meeting held at an event: do they want to follow up?"""

    event_id: int
    request_id: int
    participant_id: int
    wants: bool
    note: str = ""
    online: bool | None = None  # how they would meet again: online, or at a next event (None: either)
    at: datetime | None = None  # when they answered (aware, UTC)


def wanted(wishes: list[FollowUpWish]) -> dict[int, list[FollowUpWish]]:
    """The meetings (by request) where at least one side wants more, with every answer given."""
    by_meeting: dict[int, list[FollowUpWish]] = {}
    for w in wishes:
        by_meeting.setdefault(w.request_id, []).append(w)
    return {rid: ws for rid, ws in by_meeting.items() if any(w.wants for w in ws)}


@dataclass
class Reminder:
    """An overdue next action, to tell the lead's owner once."""

    lead_id: int
    step_index: int
    due: date
    action: str
    owner: str = ""
    title: BilingualText = field(default_factory=lambda: BilingualText("", ""))


def reminders(leads: list[Lead], today: date, sent: set[tuple[int, int]]) -> list[Reminder]:
    """The overdue next actions not yet reminded of (``sent`` holds ``(lead id, step index)``), the
    longest overdue first."""
    found = []
    for lead in leads:
        if lead.id is None or not lead.overdue(today):
            continue
        index = len(lead.steps) - 1
        step = lead.steps[index]
        if (lead.id, index) not in sent and step.due is not None:
            found.append(Reminder(lead.id, index, step.due, step.next_action, lead.owner, lead.title))
    return sorted(found, key=lambda r: (r.due, r.lead_id))
