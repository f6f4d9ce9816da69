"""The outcome report's figures on the fixture of tests/domain/outcome_fixture.py, every one worked out
by hand (the comments show the sums)."""

from __future__ import annotations

from datetime import date

import pytest

from seoro.domain.errors import DomainError
from seoro.domain.outcomes import Breakdown, Case, Count, Figures, FunnelStage, KindRow, Scope, outcome_report
from seoro.domain.text import BilingualText as B
from seoro.domain.vocab import LeadStage, ResultKind, label
from tests.domain import outcome_fixture as fx

pytestmark = pytest.mark.unit
S, R = LeadStage, ResultKind
PROGRAMME_2026 = Scope(programme=fx.PROGRAMME, start=date(2026, 1, 1), end=date(2026, 12, 31))
HANBIT = B("한빛에너지", "Hanbit Energy")
GRACE_AT_TORONTO = B("그레이스 리 · 토론토대학교", "Grace Lee · University of Toronto")
HANS = B("한스 뮐러", "Hans Müller")


def funnel(*rows: tuple[int, float | None]) -> tuple[FunnelStage, ...]:
    stages = (S.CONTACTED, S.MET, S.FOLLOW_UP, S.AGREEMENT, S.RESULT)
    return tuple(FunnelStage(s, label(s), n, c) for s, (n, c) in zip(stages, rows, strict=True))


def kinds(**found: tuple[int, int]) -> tuple[KindRow, ...]:
    return tuple(KindRow(k, label(k), *found.get(k.value, (0, 0))) for k in ResultKind)


def test_a_programme_over_a_year() -> None:
    report = outcome_report(PROGRAMME_2026, fx.sources())
    # leads 1, 2, 3, 6 (lead 4 has no programme, lead 5 another); event 1 is where they met
    assert report.events == (B("상담회 1", "Partnering day 1"),)
    assert report.figures == Figures(
        events=1,
        participants=6,  # 101-105 and 107; 106 cancelled
        checked_in=3,  # 101, 102, 103
        requested=6,
        accepted=4,  # 201-204
        held=3,  # 201-203; 204's partner (107) did not come
        follow_up_wanted=2,  # 201 (101 wants more), 203 (102)
        follow_up_arranged=2,  # lead 1 (from 201) and lead 2 (from 203) had follow-up meetings
        leads=4,
        follow_ups=2,  # lead 1 on 4-02, lead 2 on 3-30
        agreements=2,  # lead 1 on 5-20, lead 3 on 7-01
        results=2,  # lead 1's joint project (9-01), lead 3's market entry (10-10); 2027's transfer is out
        amount_krw=150_000_000,  # 150 M + nothing stated for the market entry
    )
    assert report.participants_by_type == (
        Count("overseas", B("해외 파트너", "Overseas partner"), 4),  # 103, 104, 105, 107
        Count("local", B("지역기업", "Regional firm"), 2),  # 101, 102
    )
    assert report.participants_by_country == (
        Count("KR", B("대한민국", "Republic of Korea"), 2),  # 101 (한빛), 102 (김도윤)
        Count("CA", B("캐나다", "Canada"), 1),
        Count("DE", B("독일", "Germany"), 1),
        Count("US", B("미국", "United States"), 1),  # 107: Priya Rao, no country of her own, at KSEA
        Count("", B(), 1),  # 105, a walk-in
    )
    # 4 leads; 3 met (lead 6 only contacted); 3 at a follow-up or further (lead 3 went to an agreement)
    assert report.funnel == funnel((4, None), (3, 75.0), (3, 100.0), (2, 66.7), (2, 100.0))
    assert report.by_kind == kinds(joint_project=(1, 150_000_000), market_entry=(1, 0))


def test_a_programme_by_field_country_and_region() -> None:
    report = outcome_report(PROGRAMME_2026, fx.sources())
    assert report.by_field == (
        Breakdown("S07", B("수소", "Hydrogen"), 2, 2, 2, 150_000_000),  # leads 1, 3 (3's two codes count once)
        Breakdown("S09", B("인공지능", "Artificial intelligence"), 2, 0, 0, 0),  # leads 2, 6
    )
    assert report.by_country == (
        Breakdown("CA", B("캐나다", "Canada"), 2, 1, 1, 150_000_000),  # lead 1 (Toronto), lead 2 (Grace Lee)
        Breakdown("DE", B("독일", "Germany"), 1, 1, 1, 0),  # lead 3 (Hans Müller)
        Breakdown("KR", B("대한민국", "Republic of Korea"), 1, 0, 0, 0),  # lead 6: both sides Korean
    )
    assert report.by_region == (
        Breakdown("충청북도", B("충청북도"), 3, 2, 2, 150_000_000),  # 한빛 in leads 1, 3, 6
        Breakdown("대전", B("대전"), 2, 0, 0, 0),  # 김도윤's 새솔대 (lead 2), 새솔대 (lead 6)
    )


def test_success_cases_and_agreements_of_a_programme() -> None:
    report = outcome_report(PROGRAMME_2026, fx.sources())
    assert report.successes == (
        Case(1, B("수전해 스택 공동연구", "Electrolyser stack R&D"), (HANBIT, GRACE_AT_TORONTO), date(2026, 9, 1),
             R.JOINT_PROJECT, 150_000_000),
        Case(3, B("수소 저장 실증", "Hydrogen storage pilot"), (HANBIT, HANS), date(2026, 10, 10), R.MARKET_ENTRY, None),
    )  # fmt: skip
    assert report.agreements == (
        Case(1, B("한빛-토론토 수소 MOU", "Hanbit-Toronto hydrogen MOU"), (HANBIT, GRACE_AT_TORONTO), date(2026, 5, 20)),
        Case(3, B("수소 저장 실증", "Hydrogen storage pilot"), (HANBIT, HANS), date(2026, 7, 1)),
    )  # fmt: skip


def test_one_event_counts_every_step_of_its_leads() -> None:
    report = outcome_report(Scope(event_id=1), fx.sources())
    f = report.figures
    assert (f.events, f.participants, f.held, f.leads, f.follow_ups, f.agreements) == (1, 6, 3, 3, 2, 2)
    assert (f.results, f.amount_krw) == (3, 180_000_000)  # lead 1: 150 M + 30 M (2027); lead 3: none stated
    assert report.funnel == funnel((3, None), (3, 100.0), (3, 100.0), (2, 66.7), (2, 100.0))
    assert report.by_kind == kinds(joint_project=(1, 150_000_000), tech_transfer=(1, 30_000_000), market_entry=(1, 0))


def test_everything() -> None:
    report = outcome_report(Scope(), fx.sources())
    assert report.figures == Figures(
        events=2,
        participants=8,  # 6 + event 2's two
        checked_in=3,
        requested=7,
        accepted=5,
        held=4,  # 3 + 301
        follow_up_wanted=3,  # 201, 203, 301
        follow_up_arranged=3,  # leads 1, 2, 5
        leads=6,
        follow_ups=3,
        agreements=2,
        results=4,  # lead 1 twice, lead 3, lead 4
        amount_krw=680_000_000,  # 150 M + 30 M + 500 M
    )
    # lead 4 went from a meeting straight to a result: it counts at follow-up and agreement too
    assert report.funnel == funnel((6, None), (5, 83.3), (5, 100.0), (3, 60.0), (3, 100.0))
    assert [(r.key, r.leads, r.agreements, r.results, r.amount_krw) for r in report.by_field] == [
        ("S09", 3, 0, 1, 500_000_000),  # leads 2, 4, 6
        ("S07", 2, 2, 3, 180_000_000),  # leads 1, 3
        ("", 1, 0, 0, 0),  # lead 5 has no field: unclassified, last
    ]
    assert [(r.key, r.leads, r.results, r.amount_krw) for r in report.by_country] == [
        ("CA", 3, 2, 180_000_000),  # leads 1, 2, 5
        ("DE", 1, 1, 0),  # ties with the US on leads and results: by code
        ("US", 1, 1, 500_000_000),  # lead 4 with KSEA
        ("KR", 1, 0, 0),
    ]
    assert [(r.key, r.leads, r.results) for r in report.by_region] == [("충청북도", 4, 3), ("대전", 3, 1)]
    assert [(c.lead_id, c.on, c.kind) for c in report.successes] == [
        (4, date(2026, 2, 20), R.INVESTMENT),
        (1, date(2026, 9, 1), R.JOINT_PROJECT),
        (3, date(2026, 10, 10), R.MARKET_ENTRY),
        (1, date(2027, 1, 15), R.TECH_TRANSFER),
    ]
    assert [(c.key, c.count) for c in report.participants_by_type] == [("overseas", 5), ("local", 3)]
    assert [(c.key, c.count) for c in report.participants_by_country] == [
        ("KR", 3), ("CA", 2), ("DE", 1), ("US", 1), ("", 1)
    ]  # fmt: skip


def test_a_period_counts_the_funnel_reached_before_it_and_only_its_own_steps() -> None:
    report = outcome_report(Scope(start=date(2027, 1, 1)), fx.sources())
    f = report.figures
    # only lead 1 has a step in 2027; no event took place then
    assert (f.events, f.participants, f.follow_up_wanted, f.leads, f.agreements, f.results) == (0, 0, 0, 1, 0, 1)
    assert f.amount_krw == 30_000_000
    assert report.funnel == funnel((1, None), (1, 100.0), (1, 100.0), (1, 100.0), (1, 100.0))
    assert report.agreements == ()
    assert report.by_country == (Breakdown("CA", B("캐나다", "Canada"), 1, 0, 1, 30_000_000),)


def test_an_empty_scope_has_zeros_and_no_conversion() -> None:
    report = outcome_report(Scope(programme="없는 사업"), fx.sources())
    assert report.figures == Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    assert report.funnel == funnel((0, None), (0, None), (0, None), (0, None), (0, None))
    assert (report.by_field, report.by_country, report.successes) == ((), (), ())


def test_a_reversed_period_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        Scope(start=date(2026, 12, 31), end=date(2026, 1, 1))
    assert refused.value.code == "report_period_reversed"
