"""The demo's year of follow-up as data: the spring event's timetable holds, every lead moves by the
pipeline's rules, and the leads cover what the outcome report breaks down."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from seoro.demo import build_demo
from seoro.demo.common import text_of
from seoro.demo.firms import FIRMS
from seoro.demo.organisations import BY_NAME
from seoro.demo.pipeline import PROGRAMME, TODAY, ZONE_PROGRAMME, DemoLead, DemoStep, build_leads
from seoro.demo.spring_event import DAY, NO_SHOW, OVERSEAS, SpringEvent, build_spring_event
from seoro.domain.pipeline import Lead, Side, Step
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def leads() -> list[DemoLead]:
    return build_leads()


@pytest.fixture(scope="module")
def spring() -> SpringEvent:
    return build_spring_event()


def _step(s: DemoStep) -> Step:
    action = "arrange the follow-up meeting" if s.arranged else s.next_action  # the service names it
    return Step(s.stage, s.on, "demo", s.note, action, s.due, s.kind, s.reason, None, s.amount_krw)


def _lead(demo: DemoLead) -> Lead:
    """The lead the domain makes of it: refused if a move, a date or a due date breaks a rule."""
    return Lead(demo.title, (Side(1), Side(2)), tuple(_step(s) for s in demo.steps), demo.fields)


def test_44_leads_in_the_order_they_started_each_moving_by_the_rules(leads: list[DemoLead]) -> None:
    made = [_lead(demo) for demo in leads]
    assert len(leads) == 44 and len({d.title for d in leads}) == 44
    assert [d.started for d in leads] == sorted(d.started for d in leads)
    assert Counter(d.programme for d in leads) == {PROGRAMME: 41, ZONE_PROGRAMME: 3}
    assert Counter(lead.stage for lead in made) == {
        LeadStage.RESULT: 23, LeadStage.CLOSED: 11, LeadStage.FOLLOW_UP: 5, LeadStage.MET: 2,
        LeadStage.CONTACTED: 2, LeadStage.AGREEMENT: 1,
    }  # fmt: skip
    assert all(s.on <= TODAY for d in leads for s in d.steps)
    # a year of history: only the three agreements of 2025 started before December 2025
    assert [d.started.isoformat() for d in leads if d.started < date(2025, 12, 1)] == [
        "2025-07-28", "2025-09-15", "2025-10-20"
    ]  # fmt: skip
    assert all(any(date(2025, 12, 1) <= s.on <= date(2026, 11, 30) for s in d.steps) for d in leads)


def test_every_kind_of_result_and_every_reason_to_close(leads: list[DemoLead]) -> None:
    steps = [s for d in leads for s in d.steps]
    assert Counter(s.kind for s in steps if s.kind) == {
        ResultKind.JOINT_PROJECT: 10, ResultKind.TALENT_EXCHANGE: 6, ResultKind.MARKET_ENTRY: 4,
        ResultKind.TECH_TRANSFER: 3, ResultKind.INVESTMENT: 2, ResultKind.OTHER: 1,
    }  # fmt: skip
    assert {s.reason for s in steps if s.reason} == set(CloseReason)
    assert sum(s.amount_krw or 0 for s in steps) == 10_200_000_000
    assert all(s.amount_krw is None or s.amount_krw > 0 for s in steps)
    assert sum(s.registry is not None for s in steps) == 3 and sum(s.mou is not None for s in steps) == 6


def test_some_next_actions_are_overdue_on_the_demo_s_today(leads: list[DemoLead]) -> None:
    overdue = [d for d in leads if _lead(d).overdue(TODAY)]
    assert [d.title.en for d in overdue if not d.owner] == ["North American dealers for camper vans"]
    assert sorted(_lead(d).steps[-1].due.isoformat() for d in overdue) == [  # type: ignore[union-attr]
        "2026-10-15", "2026-10-31", "2026-11-06", "2026-11-13", "2026-11-15", "2026-11-20", "2026-11-25",
    ]  # fmt: skip
    assert Counter(d.owner for d in leads) == {
        "staff@demo.example": 19, "energy@demo.example": 15, "market@demo.example": 9, "": 1
    }  # fmt: skip


def test_parties_needs_and_fields_are_those_of_the_directory(leads: list[DemoLead]) -> None:
    data = build_demo()
    organisations = set(BY_NAME) | {f.name_ko for f in FIRMS}
    experts = {text_of(e, "email") for e in data.experts}
    sides = [side for d in leads for side in (d.a, d.b)]
    assert {s.organisation for s in sides if s.organisation} <= organisations
    assert {s.expert for s in sides if s.expert} <= experts
    titles = {str(p.get("title_ko") or p.get("title_en")) for p in data.profiles}
    assert {d.need for d in leads if d.need} <= titles
    codes = set(data.taxonomy().fields)
    assert all(d.fields and set(d.fields) <= codes for d in leads)
    assert len({top.split(".")[0] if top.startswith("S") else top for d in leads for top in d.fields}) >= 11


def test_the_spring_event_s_timetable_holds(spring: SpringEvent) -> None:
    slots, tables = spring.event.slots(), {t.number for t in spring.event.tables}
    assert (len(slots), slots[0].start.date(), len(spring.participants), len(spring.meetings)) == (10, DAY, 30, 25)
    booked = Counter((who, m.slot) for m, _ in spring.meetings for who in (m.requester, m.requested))
    assert max(booked.values()) == 1  # nobody in two meetings at once
    assert len({(m.slot, table) for m, table in spring.meetings}) == 25 and {t for _, t in spring.meetings} <= tables
    assert max(Counter(who for who, _slot in booked).values()) <= 5  # the types' cap
    pairs = [frozenset((m.requester, m.requested)) for m, _ in spring.meetings]
    assert len(set(pairs)) == 25 == len(spring.requests)
    # the no-show's two meetings were not held, so nobody answered for them
    assert [m.answers for m, _ in spring.meetings if NO_SHOW in (m.requester, m.requested)] == [(None, None)] * 2
    assert set(spring.check_ins) | set(spring.absent) == {text_of(p, "email") for p in spring.participants}
    answered = [a for m, _ in spring.meetings for a in m.answers if a is not None]
    assert (len(answered), sum(a.wants for a in answered)) == (40, 28)


def test_leads_from_the_spring_event_are_meetings_someone_wanted_to_follow_up(
    leads: list[DemoLead], spring: SpringEvent
) -> None:
    answers = {(m.requester, m.requested): m.answers for m, _ in spring.meetings}
    from_event = [d for d in leads if d.meeting]
    assert len(from_event) == 13 and all(d.started == DAY and d.steps[0].stage is LeadStage.MET for d in from_event)
    assert all(any(a and a.wants for a in answers[d.meeting]) for d in from_event if d.meeting)
    assert all(d.steps[0].stage is not LeadStage.MET or d.meeting for d in leads if d.started == DAY)
    assert {d.a.expert or d.b.expert for d in from_event} <= set(OVERSEAS)  # the expert who came


def test_it_is_the_same_on_every_call(leads: list[DemoLead], spring: SpringEvent) -> None:
    assert build_leads() == leads and build_spring_event() == spring
