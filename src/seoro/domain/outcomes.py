"""The outcome report of a programme, an event or a period: who took part, the meetings, the follow-up
pipeline and its results, broken down by kind, field, country and region (docs/report.md).

What is in scope (:class:`Scope`; every filter given must hold):

- A **lead** is in scope when its programme is the one asked for, it met at the event asked for, and it
  has a step in the period.
- **Steps** (follow-up meetings, agreements, results) are counted by their own date: only those in
  the period. The **funnel** counts the leads in scope that reached each stage by the end of the
  period (how far the leads active in the period have come, even when a stage was reached before it).
- An **event** is in scope when it is the one asked for, took place in the period (one of its days),
  and, for a programme, when a lead of the programme met there (events belong to no programme).
  Its participants, requests and meetings count whole.

The groups (partner country, Korean region, top-level field) follow :mod:`seoro.domain.grouping`.
Everything here is computed from plain values; the service reads them in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date

from seoro.domain.agreements import Agreement
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.domain.grouping import (
    UNKNOWN,
    Directory,
    country_label,
    field_label,
    lead_countries,
    lead_regions,
    top_fields,
)
from seoro.domain.meetings import MeetingRequest, RequestStatus
from seoro.domain.participants import Participant
from seoro.domain.pipeline import FUNNEL, FollowUpWish, Lead, Side, Step, wanted
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText
from seoro.domain.vocab import LeadStage, ResultKind, label

S = LeadStage


@dataclass(frozen=True)
class Scope:
    """What the report covers; ``None`` leaves that filter out. The period includes both ends."""

    programme: str | None = None
    event_id: int | None = None
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise DomainError("report_period_reversed", start=self.start.isoformat(), end=self.end.isoformat())

    def within(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def covers(self, lead: Lead) -> bool:
        return (
            (self.programme is None or lead.programme == self.programme)
            and (self.event_id is None or lead.event_id == self.event_id)
            and any(self.within(s.on) for s in lead.steps)
        )

    def steps(self, lead: Lead, stage: LeadStage) -> list[Step]:
        """The lead's steps at ``stage`` dated in the period."""
        return [s for s in lead.steps if s.stage is stage and self.within(s.on)]

    def steps_of(self, leads: Iterable[Lead], stage: LeadStage) -> list[Step]:
        return [s for lead in leads for s in self.steps(lead, stage)]

    def reached(self, lead: Lead, stage: LeadStage) -> bool:
        """The lead stood at ``stage`` or further by the end of the period."""
        on = lead.first_reached(stage)
        return on is not None and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class EventRecord:
    """One event as the report reads it: its definition, people, requests, and the meetings held
    (by request id: on the timetable, both sides attending, begun; ``services.held_meetings``)."""

    event: Event
    participants: Sequence[Participant]
    requests: Sequence[MeetingRequest]
    held: frozenset[int]

    @property
    def id(self) -> int:
        assert self.event.id is not None, "a stored event"
        return self.event.id


@dataclass(frozen=True)
class Sources:
    """Everything the report is computed from (plain values, read by the service)."""

    leads: Sequence[Lead]
    wishes: Sequence[FollowUpWish]
    events: Sequence[EventRecord]
    agreements: Sequence[Agreement]
    directory: Directory
    taxonomy: Taxonomy


@dataclass(frozen=True)
class Figures:
    """The headline numbers, in the order the report shows them."""

    events: int
    participants: int  # registered, not cancelled
    checked_in: int
    requested: int  # every meeting request made, whatever became of it
    accepted: int
    held: int  # meetings on the timetable, both sides attending, begun
    follow_up_wanted: int  # meetings after which at least one side wants more
    follow_up_arranged: int  # of those, meetings whose lead went on to a follow-up (or further)
    leads: int
    follow_ups: int  # follow-up meetings held in the period
    agreements: int
    results: int
    amount_krw: int

    def items(self) -> list[tuple[str, int]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]


@dataclass(frozen=True)
class Count:
    key: str  # a type code or a country code; "" for unknown
    label: BilingualText
    count: int


@dataclass(frozen=True)
class FunnelStage:
    stage: LeadStage
    label: BilingualText
    leads: int
    conversion: float | None  # % of the previous stage's leads, one decimal; None for the first or after 0


@dataclass(frozen=True)
class KindRow:
    kind: ResultKind
    label: BilingualText
    results: int
    amount_krw: int


@dataclass(frozen=True)
class Breakdown:
    """One group of leads (a field, a country, a region) and what they achieved in the period."""

    key: str  # "" for unknown
    label: BilingualText
    leads: int
    agreements: int
    results: int
    amount_krw: int


@dataclass(frozen=True)
class Case:
    """A success case (one result) or an agreement reached by a lead."""

    lead_id: int | None
    title: BilingualText
    parties: tuple[BilingualText, BilingualText]
    on: date
    kind: ResultKind | None = None
    amount_krw: int | None = None


@dataclass(frozen=True)
class OutcomeReport:
    scope: Scope
    events: tuple[BilingualText, ...]  # the names of the events in scope
    figures: Figures
    participants_by_type: tuple[Count, ...]
    participants_by_country: tuple[Count, ...]
    funnel: tuple[FunnelStage, ...]
    by_kind: tuple[KindRow, ...]
    by_field: tuple[Breakdown, ...]
    by_country: tuple[Breakdown, ...]
    by_region: tuple[Breakdown, ...]
    successes: tuple[Case, ...]
    agreements: tuple[Case, ...]


def outcome_report(scope: Scope, sources: Sources) -> OutcomeReport:
    leads = [lead for lead in sources.leads if scope.covers(lead)]
    covered = event_filter(scope, leads)
    events = [e for e in sources.events if covered(e.event)]
    directory, taxonomy = sources.directory, sources.taxonomy
    return OutcomeReport(
        scope=scope,
        events=tuple(e.event.name for e in events),
        figures=_figures(scope, leads, events, sources),
        participants_by_type=_by_type(events),
        participants_by_country=_by_participant_country(events, directory),
        funnel=funnel(scope, leads),
        by_kind=by_kind(scope, leads),
        by_field=breakdown(
            scope, leads, lambda ld: top_fields(ld.fields, taxonomy), lambda k: field_label(k, taxonomy)
        ),
        by_country=breakdown(scope, leads, lambda ld: lead_countries(ld, directory), country_label),
        by_region=breakdown(scope, leads, lambda ld: lead_regions(ld, directory), BilingualText),
        successes=successes(scope, leads, directory),
        agreements=agreements(scope, leads, sources.agreements, directory),
    )


def event_filter(scope: Scope, leads: Iterable[Lead]) -> Callable[[Event], bool]:
    """Whether an event is in scope, given the leads in scope (the module's rules)."""
    met_at = {lead.event_id for lead in leads}

    def covered(event: Event) -> bool:
        return (
            (scope.event_id is None or event.id == scope.event_id)
            and (scope.programme is None or event.id in met_at)
            and (scope.start is None and scope.end is None or any(scope.within(s.day) for s in event.sessions))
        )

    return covered


def _figures(scope: Scope, leads: list[Lead], events: list[EventRecord], sources: Sources) -> Figures:
    people = [p for e in events for p in e.participants if not p.cancelled]
    requests = [r for e in events for r in e.requests]
    ids = {e.id for e in events}
    asked = wanted([w for w in sources.wishes if w.event_id in ids])
    results = scope.steps_of(leads, S.RESULT)
    return Figures(
        events=len(events),
        participants=len(people),
        checked_in=sum(p.checked_in_at is not None for p in people),
        requested=len(requests),
        accepted=sum(r.status is RequestStatus.ACCEPTED for r in requests),
        held=sum(len(e.held) for e in events),
        follow_up_wanted=len(asked),
        follow_up_arranged=len(_arranged(scope, asked.keys(), sources.leads)),
        leads=len(leads),
        follow_ups=len(scope.steps_of(leads, S.FOLLOW_UP)),
        agreements=len(scope.steps_of(leads, S.AGREEMENT)),
        results=len(results),
        amount_krw=_amount(results),
    )


def _arranged(scope: Scope, meetings: Iterable[int], leads: Iterable[Lead]) -> set[int]:
    """The meetings (request ids) among ``meetings`` whose lead reached a follow-up by the period's end."""
    asked = set(meetings)
    return {r for ld in leads if (r := ld.request_id) is not None and r in asked and scope.reached(ld, S.FOLLOW_UP)}


def _by_type(events: Iterable[EventRecord]) -> tuple[Count, ...]:
    names: dict[str, BilingualText] = {}
    counts: dict[str, int] = {}
    for e in events:
        for p in e.participants:
            if p.cancelled:
                continue
            kind = e.event.type_of(p.type_code)
            names.setdefault(p.type_code, kind.name if kind else BilingualText(p.type_code, p.type_code))
            counts[p.type_code] = counts.get(p.type_code, 0) + 1
    return _counts(counts, names.__getitem__)


def _by_participant_country(events: Iterable[EventRecord], directory: Directory) -> tuple[Count, ...]:
    counts: dict[str, int] = {}
    for p in (p for e in events for p in e.participants if not p.cancelled):
        country = directory.country(p.organisation_id, p.expert_id)
        counts[country] = counts.get(country, 0) + 1
    return _counts(counts, country_label)


def _counts(counts: dict[str, int], label_of: Callable[[str], BilingualText]) -> tuple[Count, ...]:
    """Rows by count, largest first, then by key; the unknown group last."""
    rows = [Count(k, label_of(k) if k else BilingualText(), n) for k, n in counts.items()]
    return tuple(sorted(rows, key=lambda r: (r.key == UNKNOWN, -r.count, r.key)))


def funnel(scope: Scope, leads: Sequence[Lead]) -> tuple[FunnelStage, ...]:
    out: list[FunnelStage] = []
    for stage in FUNNEL:
        n = sum(scope.reached(lead, stage) for lead in leads)
        before = out[-1].leads if out else 0
        conversion = round(100 * n / before, 1) if before else None
        out.append(FunnelStage(stage, label(stage), n, conversion))
    return tuple(out)


def by_kind(scope: Scope, leads: Iterable[Lead]) -> tuple[KindRow, ...]:
    """Every kind of result, in the vocabulary's order, with how many and their amount."""
    results = scope.steps_of(leads, S.RESULT)
    by: dict[ResultKind, list[Step]] = {kind: [] for kind in ResultKind}
    for s in results:
        if s.result_kind is not None:
            by[s.result_kind].append(s)
    return tuple(KindRow(kind, label(kind), len(of), _amount(of)) for kind, of in by.items())


def breakdown(
    scope: Scope,
    leads: Iterable[Lead],
    keys: Callable[[Lead], list[str]],
    label_of: Callable[[str], BilingualText],
) -> tuple[Breakdown, ...]:
    """The leads grouped by ``keys`` (a lead in two groups counts in both), the most leads first, then
    the most results, then by key; the unknown group last."""
    groups: dict[str, list[Lead]] = {}
    for lead in leads:
        for key in keys(lead):
            groups.setdefault(key, []).append(lead)
    rows = [_row(scope, key, label_of(key) if key else BilingualText(), group) for key, group in groups.items()]
    return tuple(sorted(rows, key=lambda r: (r.key == UNKNOWN, -r.leads, -r.results, r.key)))


def _row(scope: Scope, key: str, name: BilingualText, leads: list[Lead]) -> Breakdown:
    results = scope.steps_of(leads, S.RESULT)
    agreed = len(scope.steps_of(leads, S.AGREEMENT))
    return Breakdown(key, name, len(leads), agreed, len(results), _amount(results))


def successes(scope: Scope, leads: Iterable[Lead], directory: Directory) -> tuple[Case, ...]:
    """Every result in the period, the earliest first."""
    cases = [
        Case(lead.id, lead.title, _parties(lead.sides, directory), s.on, s.result_kind, s.amount_krw)
        for lead in leads
        for s in scope.steps(lead, S.RESULT)
    ]
    return tuple(sorted(cases, key=lambda c: (c.on, c.lead_id or 0)))


def agreements(
    scope: Scope, leads: Iterable[Lead], registry: Iterable[Agreement], directory: Directory
) -> tuple[Case, ...]:
    """Every agreement step in the period, titled as in the agreements registry when it names one."""
    titles = {a.id: a.title for a in registry if a.id is not None}
    cases = [
        Case(lead.id, titles.get(s.agreement_id or 0, lead.title), _parties(lead.sides, directory), s.on)
        for lead in leads
        for s in scope.steps(lead, S.AGREEMENT)
    ]
    return tuple(sorted(cases, key=lambda c: (c.on, c.lead_id or 0)))


def _parties(sides: tuple[Side, Side], directory: Directory) -> tuple[BilingualText, BilingualText]:
    return directory.name_of(sides[0]), directory.name_of(sides[1])


def _amount(steps: Iterable[Step]) -> int:
    return sum(s.amount_krw or 0 for s in steps)
