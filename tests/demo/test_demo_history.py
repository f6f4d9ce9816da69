"""The demo's year of follow-up as ``load_demo`` stores it: the spring event held, the leads with their
steps, the agreements they reached, the reminders due on the demo's today, and the outcome report of
the demo programme, with exact figures (a change to the demo data shows up here)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest

from seoro.demo.agreements import build_agreements
from seoro.demo.pipeline import PROGRAMME, TODAY
from seoro.demo.spring_event import NAME
from seoro.domain.vocab import LeadStage, ResultKind
from seoro.services import pipeline as pl
from seoro.services.agendas import publications
from seoro.services.database import Database
from seoro.services.demo import load_demo
from seoro.services.follow_up import wishes_of
from seoro.services.held_meetings import held_meetings
from seoro.services.reminders import due_reminders
from seoro.services.report import outcome_report
from seoro.services.scheduling import check_timetable
from tests.helpers import dump

pytestmark = pytest.mark.integration
AT = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)  # the demo's today
S, K = LeadStage, ResultKind


def _spring_id(db: Database) -> int:
    with db.reading() as unit:
        return next(e.id for e in unit.events.all() if e.name == NAME and e.id is not None)


def test_the_spring_event_was_held_as_its_timetable_says(demo_db: Database) -> None:
    event = _spring_id(demo_db)
    assert event == 2  # the October event stays number 1, to be scheduled
    with demo_db.reading() as unit:
        held = held_meetings(unit, event, at=AT)
        people = unit.events.participants(event)
        (absent,) = [p.id for p in people if p.no_show_at is not None]
        released = {r.id for r in unit.events.requests(event) if absent in (r.requester_id, r.requested_id)}
    # every rule holds, but for the no-show's two meetings, released on the day
    assert {(v.code, int(v.detail)) for v in check_timetable(demo_db, event)} == {
        ("not_schedulable", r) for r in released
    }
    assert len(released) == 2
    with demo_db.reading() as unit:
        assert (len(unit.events.meetings(event)), len(held), len(unit.follow_up_wishes.all(event))) == (25, 23, 40)
        assert unit.events.meetings(1) == []
    assert (sum(p.checked_in_at is not None for p in people), sum(p.no_show_at is not None for p in people)) == (29, 1)
    assert [(p.version, p.stage.value, p.meetings) for p in publications(demo_db, event)] == [(1, "final", 25)]
    wanted = wishes_of(demo_db, event, at=AT)
    assert (len(wanted), sum(w.both_want for w in wanted), sum(w.lead is not None for w in wanted)) == (17, 11, 13)
    assert wanted[10].lead is None and wanted[10].both_want  # Grace Lee and 새솔AI: staff still have to arrange it


def test_the_leads_their_stages_results_and_agreements(demo_db: Database) -> None:
    leads = pl.list_leads(demo_db)
    assert len(leads) == 44 and [lead.id for lead in leads] == list(range(1, 45))
    assert Counter(lead.stage for lead in leads) == {
        S.RESULT: 23, S.CLOSED: 11, S.FOLLOW_UP: 5, S.MET: 2, S.CONTACTED: 2, S.AGREEMENT: 1
    }  # fmt: skip
    assert Counter(s.result_kind for lead in leads for s in lead.results()) == {
        K.JOINT_PROJECT: 10, K.TALENT_EXCHANGE: 6, K.MARKET_ENTRY: 4, K.TECH_TRANSFER: 3, K.INVESTMENT: 2, K.OTHER: 1
    }  # fmt: skip
    assert (sum(len(lead.steps) for lead in leads), sum(lead.event_id == 2 for lead in leads)) == (156, 13)
    with demo_db.reading() as unit:
        registry = {a.title: a.id for a in unit.agreements.find()}
    linked = [s.agreement_id for lead in leads for s in lead.steps if s.stage is S.AGREEMENT]
    assert len(registry) == 9 and sorted(linked) == sorted(registry.values())  # each MOU once
    assert [registry[a.title] for a in build_agreements()] == [1, 2, 3]  # the 2025 MOUs, linked, not copied


def test_seven_next_actions_are_overdue_on_the_demo_s_today(demo_db: Database) -> None:
    overdue = pl.overdue_leads(demo_db, TODAY)
    assert [(lead.id, lead.steps[-1].due) for lead in overdue] == [
        (29, date(2026, 10, 15)), (21, date(2026, 10, 31)), (43, date(2026, 11, 6)), (35, date(2026, 11, 13)),
        (2, date(2026, 11, 15)), (7, date(2026, 11, 20)), (41, date(2026, 11, 25)),
    ]  # fmt: skip
    reminders = due_reminders(demo_db, TODAY)
    assert ([r.lead_id for r in reminders], [r.owner for r in reminders if not r.owner]) == (
        [29, 21, 43, 35, 2, 7, 41], [""]
    )  # fmt: skip


def test_the_outcome_report_of_the_demo_programme(demo_db: Database) -> None:
    report = outcome_report(demo_db, programme=PROGRAMME, at=AT)
    assert report.figures.items() == [
        ("events", 1), ("participants", 30), ("checked_in", 29), ("requested", 25), ("accepted", 25), ("held", 23),
        ("follow_up_wanted", 17), ("follow_up_arranged", 10), ("leads", 41), ("follow_ups", 34), ("agreements", 8),
        ("results", 24), ("amount_krw", 9_350_000_000),
    ]  # fmt: skip
    assert [(s.leads, s.conversion) for s in report.funnel] == [(41, None), (38, 92.7), (28, 73.7), (22, 78.6),
                                                                (21, 95.5)]  # fmt: skip
    assert [(k.kind, k.results, k.amount_krw) for k in report.by_kind] == [
        (K.JOINT_PROJECT, 8, 2_470_000_000), (K.TECH_TRANSFER, 3, 490_000_000), (K.TALENT_EXCHANGE, 6, 0),
        (K.MARKET_ENTRY, 4, 2_890_000_000), (K.INVESTMENT, 2, 3_500_000_000), (K.OTHER, 1, 0),
    ]  # fmt: skip
    assert [(c.key, c.leads, c.agreements, c.results) for c in report.by_country] == [
        ("CA", 16, 3, 13), ("US", 15, 2, 6), ("KR", 5, 1, 2), ("FR", 3, 2, 2), ("IL", 2, 0, 1)
    ]  # fmt: skip
    assert [(r.key, r.leads) for r in report.by_region] == [
        ("한빛도 새솔시", 14), ("한빛도 다온시", 8), ("한빛도", 7), ("한빛도 가온시", 7), ("한빛도 누리군", 6)
    ]  # fmt: skip
    assert [f.key for f in report.by_field][:4] == ["S07", "S02", "S05", "S09"] and len(report.by_field) == 11
    assert (len(report.successes), len(report.agreements)) == (24, 8)
    year = outcome_report(demo_db, programme=PROGRAMME, start=date(2026, 1, 1), end=date(2026, 12, 31), at=AT)
    # the 2025 MOUs do not count in 2026, what came of them does; the funnel is the same
    assert (year.figures.leads, year.figures.agreements, year.figures.follow_ups, year.figures.results) == (
        41, 5, 32, 24
    )  # fmt: skip
    assert year.funnel == report.funnel


def test_loading_the_demo_again_changes_nothing(demo_db: Database) -> None:
    before = dump(demo_db.engine)
    again = load_demo(demo_db, actor="tester")
    assert again.pipeline is not None
    assert (again.pipeline.placed, again.pipeline.answers, again.pipeline.leads, again.pipeline.total) == (0, 0, 0, 44)
    assert dump(demo_db.engine) == before
