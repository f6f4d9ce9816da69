"""The outcome report and the strengths read from a real database (SQLite and PostgreSQL): a partnering
day already held (tests/services/pipeline_rows.py), a lead opened from one of its meetings and taken to
an agreement and a result, the follow-up wishes given; then the report as files."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from seoro.domain.errors import DomainError
from seoro.domain.pipeline import FollowUpWish, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import LeadStage, ResultKind
from seoro.services import pipeline as pl
from seoro.services import report as rp
from seoro.services.database import Database
from tests.services.pipeline_rows import ACTOR, AFTER, DURING, Held, held_day

pytestmark = pytest.mark.integration
S = LeadStage
MOU = BilingualText("한빛-토론토 수소 MOU", "Hanbit-Toronto hydrogen MOU")


@pytest.fixture
def held(db: Database) -> Held:
    return a_year_of_follow_up(db)


def a_year_of_follow_up(db: Database) -> Held:
    """The day, with the firms in Korea (regions) and Toronto in Canada; a lead from the Hanbit–Grace
    meeting of the programme "2026 글로벌", taken to a follow-up, an MOU and a joint project; Hanbit
    wants to follow up that meeting, nobody the Saesol–Hanbit one."""
    held = held_day(db)
    with db.unit(ACTOR) as unit:
        for org_id, country, region in ((held.hanbit, "KR", "충청북도"), (held.saesol, "KR", "대전"),
                                        (held.toronto, "CA", "")):  # fmt: skip
            unit.organisations.save(replace(unit.organisations.get(org_id), country=country, region=region))
        people, meetings = held.people, held.meetings
        unit.follow_up_wishes.save(FollowUpWish(held.event_id, meetings["hanbit_grace"], people["hanbit"], True))
        unit.follow_up_wishes.save(FollowUpWish(held.event_id, meetings["saesol_hanbit"], people["saesol"], False))
    details = pl.LeadDetails(programme="2026 글로벌")
    lead = pl.open_from_meeting(db, held.event_id, meetings["hanbit_grace"], details, actor=ACTOR, at=AFTER)
    assert lead.id is not None
    pl.advance(db, lead.id, Step(S.FOLLOW_UP, date(2026, 4, 1)), actor=ACTOR)
    pl.advance(db, lead.id, Step(S.AGREEMENT, date(2026, 5, 1)), actor=ACTOR, agreement=pl.AgreementDetails(MOU))
    result = Step(S.RESULT, date(2026, 6, 1), result_kind=ResultKind.JOINT_PROJECT, amount_krw=100_000_000)
    pl.advance(db, lead.id, result, actor=ACTOR)
    return held


def test_the_report_of_a_programme_reads_the_whole_pipeline(held: Held) -> None:
    report = rp.outcome_report(held.db, programme="2026 글로벌", at=AFTER)
    f = report.figures
    # six registered, six accepted requests; held: all but the no-show's meeting
    assert (f.events, f.participants, f.checked_in, f.requested, f.accepted, f.held) == (1, 6, 0, 6, 6, 5)
    assert (f.follow_up_wanted, f.follow_up_arranged, f.leads, f.follow_ups) == (1, 1, 1, 1)
    assert (f.agreements, f.results, f.amount_krw) == (1, 1, 100_000_000)
    assert [(r.key, r.leads, r.results) for r in report.by_country] == [("CA", 1, 1)]
    assert [(r.key, r.leads) for r in report.by_region] == [("충청북도", 1)]
    assert [(r.key, r.amount_krw) for r in report.by_field] == [("S07", 100_000_000)]
    assert [c.title for c in report.agreements] == [MOU]  # titled as in the registry
    assert report.successes[0].parties == (
        BilingualText("한빛수소", "Hanbit Hydrogen"),
        BilingualText("그레이스 리 · 토론토대학교", "Grace Lee · University of Toronto"),
    )
    # during the day, the last slot's meeting had not begun
    assert rp.outcome_report(held.db, event_id=held.event_id, at=DURING).figures.held == 4


def test_a_period_and_an_unknown_event(held: Held) -> None:
    later = rp.outcome_report(held.db, start=date(2026, 5, 15), at=AFTER).figures
    # only the result (June) is in the period; the day (March) is not
    assert (later.events, later.leads, later.follow_ups, later.agreements, later.results) == (0, 1, 0, 0, 1)
    with pytest.raises(DomainError) as unknown:
        rp.outcome_report(held.db, event_id=held.event_id + 100)
    assert unknown.value.code == "not_found"


def test_the_report_as_files(held: Held) -> None:
    report = rp.outcome_report(held.db, programme="2026 글로벌", start=date(2026, 1, 1), at=AFTER)
    xlsx = rp.report_documents(report, rp.ReportFormat.XLSX, "ko")
    assert xlsx.name == "report-2026-글로벌-2026-01-01.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(xlsx.data))
    assert len(book.sheetnames) == 10 and book.sheetnames[3] == "전환 퍼널"
    page = rp.report_documents(report, rp.ReportFormat.HTML, "en", made_on=date(2026, 7, 1))
    text = page.data.decode()
    assert page.name.endswith(".html") and "<svg" in text and "Conversion funnel" in text and "전환 퍼널" in text
    assert rp.report_documents(report, rp.ReportFormat.PDF, "ko").data.startswith(b"%PDF-")
    fragment = rp.report_fragment(report, "ko")
    assert fragment.body.startswith('<div class="seoro-report">') and ".seoro-report" in fragment.css


def test_strengths_of_a_field_named_in_korean(held: Held) -> None:
    (hydrogen,) = rp.strengths(held.db, "수소")
    assert hydrogen.field == "S07"
    # Grace Lee (at Toronto: Canada) and the lead's result; 한빛수소 is tagged hydrogen
    assert [(c.country, c.experts, c.organisations, c.results) for c in hydrogen.countries] == [
        ("CA", 1, 0, 1), ("KR", 0, 1, 0)
    ]  # fmt: skip
    assert [(i.organisation_id, i.experts, i.results) for i in hydrogen.institutions] == [
        (held.toronto, 1, 1), (held.hanbit, 0, 1)
    ]  # fmt: skip
    assert [s.field for s in rp.strengths(held.db)] == ["S02", "S07"]  # batteries: Saesol and Sam Park
