"""``seoro report`` and ``seoro strengths`` end to end through the real CLI, on SQLite and PostgreSQL,
over the pipeline of tests/services/test_report_service.py (a day held, one lead to a joint project)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from seoro.services.database import Database
from tests.cli.test_cli import rows
from tests.cli.test_events_cli import seoro
from tests.services.test_report_service import a_year_of_follow_up

pytestmark = pytest.mark.e2e


def test_report_writes_every_format_asked_for_and_sums_up(db: Database, database_url: str, tmp_path: Path) -> None:
    a_year_of_follow_up(db)
    ran = seoro(database_url, "report", "--programme", "2026 글로벌", "--from", "2026-01-01", "--to", "2026-12-31",
                "-f", "xlsx", "-f", "pdf", "--format", "html", "--out", str(tmp_path / "out"))  # fmt: skip
    assert ran.code == 0, ran.stderr
    stem = "report-2026-글로벌-2026-01-01-2026-12-31"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{stem}.{x}" for x in ("html", "pdf", "xlsx")]
    assert f"{stem}.pdf 파일을 썼습니다." in ran.stdout
    summary = {r[0]: r[1] for r in rows(ran.stdout) if len(r) == 2}
    assert "성과 보고서 — 사업: 2026 글로벌 · 기간: 2026-01-01 ~ 2026-12-31" in ran.stdout
    assert (summary["협력 건"], summary["성과"], summary["성과 금액(원)"]) == ("1", "1", "100,000,000")
    assert (summary["성사된 미팅"], summary["협약(MOU)"]) == ("5", "1")
    assert ["후속 미팅", "1", "100.0"] in rows(ran.stdout)  # the funnel
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "out" / f"{stem}.xlsx").read_bytes()))
    assert book.sheetnames[0] == "주요 지표"


def test_report_in_english_of_one_event_and_refusals(db: Database, database_url: str, tmp_path: Path) -> None:
    held = a_year_of_follow_up(db)
    ran = seoro(database_url, "report", "--event", str(held.event_id), "--out", str(tmp_path), lang="en")
    assert ran.code == 0, ran.stderr
    assert (tmp_path / f"report-event-{held.event_id}.html").read_text(encoding="utf-8").count("<svg") == 3
    assert f"Outcome report — Events #{held.event_id}" in ran.stdout
    wrong = seoro(database_url, "report", "--format", "docx", "--out", str(tmp_path))
    assert wrong.code == 1 and "docx" in wrong.stderr and "html, xlsx, pdf" in wrong.stderr
    reversed_ = seoro(database_url, "report", "--from", "2026-12-31", "--to", "2026-01-01", "--out", str(tmp_path))
    assert reversed_.code == 1 and "2026-01-01" in reversed_.stderr


def test_strengths_of_one_field(db: Database, database_url: str) -> None:
    held = a_year_of_follow_up(db)
    ran = seoro(database_url, "strengths", "--field", "수소")
    assert ran.code == 0, ran.stderr
    assert "수소 (Hydrogen): 강한 국가" in ran.stdout
    table = rows(ran.stdout)
    assert ["캐나다 (Canada)", "1", "0", "1"] in table
    assert ["토론토대학교 (University of Toronto)", "CA", "1", "1"] in table
    assert held.toronto
    unknown = seoro(database_url, "strengths", "--field", "없는분야")
    assert unknown.code == 1 and "없는분야" in unknown.stderr
