"""The outcome report as files: the PDF reads in Korean (pdftotext), the workbook has one sheet per table
with the figures, the HTML page carries its charts as inline SVG; all from the fixture of
tests/domain/outcome_fixture.py."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from seoro.domain.outcomes import OutcomeReport, Scope, outcome_report
from seoro.files.report_charts import report_charts
from seoro.files.report_html import report_page, report_pdf
from seoro.files.report_tables import SECTIONS, report_xlsx
from tests.domain import outcome_fixture as fx
from tests.files.test_printable import pdf_text, well_formed

pytestmark = pytest.mark.integration
MADE = date(2027, 1, 31)


@pytest.fixture(scope="module")
def report() -> OutcomeReport:
    return outcome_report(Scope(programme=fx.PROGRAMME, start=date(2026, 1, 1), end=date(2026, 12, 31)), fx.sources())


def test_the_pdf_reads_in_korean_with_every_part_and_figure(report: OutcomeReport, tmp_path: Path) -> None:
    text = pdf_text(report_pdf(report, "ko", made_on=MADE), tmp_path)
    flat, solid = re.sub(r"\s+", " ", text), re.sub(r"\s+", "", text)  # solid: table cells wrap long values
    for heading in ("성과 보고서", "주요 지표", "전환 퍼널", "성과 유형별", "분야별 성과", "국가별 성과", "지역별 성과",
                    "성공 사례", "협약 목록", "Conversion funnel"):  # fmt: skip
        assert heading in flat, heading
    # the scope, a Korean field and region, a success case with its partner and amount
    assert "사업: 2026 글로벌 기술협력 · 기간: 2026-01-01 ~ 2026-12-31" in flat
    values = (
        "수소",
        "충청북도",
        "수전해 스택 공동연구",
        "그레이스 리 · 토론토대학교",
        "150,000,000",
        "66.7",
        "2027-01-31",
    )
    for value in values:
        assert value.replace(" ", "") in solid, value


def test_an_english_page_keeps_the_korean_headings_beside_its_own(report: OutcomeReport, tmp_path: Path) -> None:
    text = re.sub(r"\s+", " ", pdf_text(report_pdf(report, "en"), tmp_path))
    assert "Conversion funnel 전환 퍼널" in text
    assert "Results by country 국가별 성과" in text
    assert "Hydrogen" in text and "Electrolyser stack R&D" in text


def test_the_workbook_has_one_sheet_per_table_with_the_figures(report: OutcomeReport) -> None:
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(report, "ko")))
    assert book.sheetnames == ["주요 지표", "참가 유형별 참가자", "국가별 참가자", "전환 퍼널", "성과 유형별", "분야별 성과",
                               "국가별 성과", "지역별 성과", "성공 사례", "협약 목록"]  # fmt: skip
    assert len(book.sheetnames) == len(SECTIONS)
    sheet = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book}
    figures = dict(sheet["주요 지표"][1:])
    wanted = ("참가자", "성사된 미팅", "협력 건", "성과 금액(원)")
    assert [figures[k] for k in wanted] == [6, 3, 4, 150_000_000]
    assert sheet["전환 퍼널"] == [["단계", "협력 건", "전환율(%)"], ["접촉", 4, None], ["미팅", 3, 75.0],
                                 ["후속 미팅", 3, 100.0], ["협약(MOU)", 2, 66.7], ["성과", 2, 100.0]]  # fmt: skip
    assert sheet["국가별 성과"] == [["국가", "협력 건", "협약", "성과", "금액(원)"], ["캐나다", 2, 1, 1, 150_000_000],
                                  ["독일", 1, 1, 1, 0], ["대한민국", 1, 0, 0, 0]]  # fmt: skip
    assert sheet["국가별 참가자"][-1] == ["미상", 1]  # the walk-in: unknown country
    assert sheet["성공 사례"][1][1:] == ["수전해 스택 공동연구", "한빛에너지", "그레이스 리 · 토론토대학교", "공동연구·과제",
                                      150_000_000, 1]  # fmt: skip


def test_the_html_page_has_its_charts_inline_and_closes_every_tag(report: OutcomeReport) -> None:
    page = report_page(report, "ko", made_on=MADE)
    assert well_formed(page) == []
    assert page.count("<svg") == 3  # funnel, results by kind, results by country
    for key in ("funnel", "by_kind", "by_country"):
        section = page[page.index(f'id="report-{key}"') :]
        assert section.index("<svg") < section.index("<table")  # the chart above its table
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # three charts on one page, no id twice
    assert "<?xml" not in page
    assert 'lang="en">Conversion funnel</span>' in page


def test_charts_with_nothing_to_show_are_left_out() -> None:
    empty = outcome_report(Scope(programme="없는 사업"), fx.sources())
    assert report_charts(empty, "ko") == {}
    assert "<svg" not in report_page(empty, "ko")
