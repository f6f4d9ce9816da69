"""The ``seoro`` command end to end, as a user runs it: a real process, a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from seoro.services.database import Database
from seoro.storage import migrate
from tests.helpers import dump

pytestmark = pytest.mark.e2e


def seoro(url: str, *args: str, lang: str = "ko") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "SEORO_DATABASE_URL": url, "SEORO_LANG": lang, "SEORO_ACTOR": "cli-test"}
    return subprocess.run(
        [sys.executable, "-m", "seoro", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def rows(text: str) -> list[list[str]]:
    """The cells of every table row rich printed, stripped of padding."""
    return [
        [cell.strip() for cell in line.strip().strip("│").split("│")]
        for line in text.splitlines()
        if line.strip().startswith("│")
    ]


def _needs_csv(path: Path, bad_row: int | None) -> None:
    """A CP949 technology-needs survey with Korean headers, 30 firms; one row optionally broken."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["기관명", "국가", "기술분야", "기술수요", "담당자", "이메일", "마감일"])
    for i in range(30):
        writer.writerow(
            [
                f"(주)한빛테크{i:02d}",
                "대한민국",
                "수소",
                f"수소연료전지 스택 내구성 향상 기술 {i}",
                f"담당자{i}",
                f"staff{i}@example.com",
                "2025년 12월 31일",
            ]
        )
    text = out.getvalue().splitlines()
    if bad_row is not None:  # spreadsheet row number: header is row 1
        text[bad_row - 1] = text[bad_row - 1].replace("대한민국", "아틀란티스")
    path.write_bytes(("\r\n".join(text) + "\r\n").encode("cp949"))


def test_version_and_help() -> None:
    result = subprocess.run([sys.executable, "-m", "seoro", "version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0.1.0"


def test_bad_row_among_many_exits_nonzero_names_the_cell_and_changes_nothing(database_url: str, tmp_path: Path) -> None:
    good, bad = tmp_path / "needs.csv", tmp_path / "수요조사_오류.csv"
    _needs_csv(good, None)
    _needs_csv(bad, 17)
    assert seoro(database_url, "import", str(good)).returncode == 0
    db = Database.open(database_url)
    before = dump(db.engine)
    result = seoro(database_url, "import", str(bad))
    assert result.returncode == 1
    assert "수요조사_오류.csv" in result.stderr
    assert [r[2:5] for r in rows(result.stderr)] == [["17", "B 국가", "country"]]
    assert "알 수 없는 국가 '아틀란티스'" in result.stderr
    assert "아무것도 바뀌지 않았습니다" in result.stderr
    assert dump(db.engine) == before
    english = seoro(database_url, "import", str(bad), lang="en")
    assert (
        english.returncode,
        "Unknown country '아틀란티스'" in english.stderr,
        "Nothing was changed" in english.stderr,
    ) == (1, True, True)
    db.close()


def test_import_dry_run_then_import_then_reimport(database_url: str, tmp_path: Path) -> None:
    needs = tmp_path / "needs.csv"
    _needs_csv(needs, None)
    db = Database.open(database_url)
    dry = seoro(database_url, "import", str(needs), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (
        "미리보기" in dry.stdout
        and ["기관", "30", "0", "0"] in rows(dry.stdout)
        and ["프로필", "30", "0", "0"] in rows(dry.stdout)
    )
    before = dump(db.engine)
    assert seoro(database_url, "import", str(needs)).returncode == 0
    assert dump(db.engine) != before
    again = seoro(database_url, "import", str(needs))
    assert rows(again.stdout) == [["프로필", "0", "0", "30"]]
    db.close()


def test_demo_export_and_reimport_round_trip(database_url: str, tmp_path: Path) -> None:
    loaded = seoro(database_url, "demo")
    assert loaded.returncode == 0, loaded.stderr
    assert ["전문가", "100", "0", "0"] in rows(loaded.stdout)
    export = tmp_path / "directory.xlsx"
    assert seoro(database_url, "export", str(export)).returncode == 0
    workbook = load_workbook(export, read_only=True)
    assert workbook.sheetnames == ["기관", "전문가", "논문", "프로필"]
    assert workbook["전문가"].max_row == 101
    workbook.close()
    db = Database.open(database_url)
    before = dump(db.engine)
    reimport = seoro(database_url, "import", str(export))
    assert reimport.returncode == 0, reimport.stderr
    assert rows(reimport.stdout) == [
        ["기관", "0", "0", "83"],
        ["전문가", "0", "0", "100"],
        ["논문", "0", "0", "302"],
        ["프로필", "0", "0", "70"],
    ]
    assert dump(db.engine) == before
    db.close()


def test_browse_commands(database_url: str) -> None:
    assert seoro(database_url, "demo").returncode == 0
    experts = seoro(database_url, "list", "experts", "--field", "수소", "--country", "캐나다", "--limit", "0")
    assert "전체 7건 중 1–7번째." in experts.stdout
    org = seoro(database_url, "show", "organisation", "1", lang="en")
    assert "Hanbit Province (한빛도)" in org.stdout and "Change history" in org.stdout
    assert "S07 Hydrogen" in org.stdout
    tree = seoro(database_url, "taxonomy")
    assert "S07.03  수소 연료전지·발전 (Hydrogen fuel cells and power generation)" in tree.stdout
    assert "R.AGRIBIO" in tree.stdout and "사용자 정의" in tree.stdout
    papers = seoro(database_url, "list", "publications", "--since", "2025", "--search", "fuel", lang="en")
    assert "Showing 1–7 of 7." in papers.stdout
    assert [r[1] for r in rows(papers.stdout) if r[0]] == ["2025"] * 7
    missing = seoro(database_url, "show", "expert", "9999")
    assert (missing.returncode, missing.stderr.strip()) == (1, "오류: ID 9999인 전문가이(가) 없습니다.")


def test_taxonomy_add_merge_and_history(database_url: str) -> None:
    assert seoro(database_url, "demo").returncode == 0
    added = seoro(
        database_url,
        "taxonomy",
        "add",
        "R.STACK",
        "--ko",
        "스택 부품",
        "--en",
        "Stack components",
        "--parent",
        "연료전지",
    )
    assert added.returncode == 0, added.stderr
    clash = seoro(database_url, "taxonomy", "add", "R.H2", "--ko", "수소", "--en", "H2 again")
    assert (clash.returncode, "R.H2: 그 이름은 이미 분야 S07" in clash.stderr) == (1, True)
    merged = seoro(database_url, "merge", "organisations", "1", "3")
    assert merged.returncode == 0, merged.stderr
    history = seoro(database_url, "history", "organisation", "1")
    assert [r[1:4] for r in rows(history.stdout)][0] == ["cli-test", "merge", "organisation 1"]


def test_database_migrations_from_the_command_line(database_url: str) -> None:
    assert seoro(database_url, "init").returncode == 0
    assert "리비전: base" not in seoro(database_url, "db", "current").stdout
    down = seoro(database_url, "db", "downgrade", "base")
    assert (down.returncode, down.stdout.strip()) == (0, "데이터베이스 리비전: -")
    outdated = seoro(database_url, "summary")  # a migrated-down database is never upgraded behind one's back
    assert (outdated.returncode, "`seoro db upgrade`를 실행하세요" in outdated.stderr) == (1, True)
    assert seoro(database_url, "db", "upgrade").stdout.strip() == f"데이터베이스 리비전: {migrate.head()}"
    assert migrate.head() == "0008"  # the newest migration (the pipeline); update with the next one


def test_template_reads_back_as_its_kind(tmp_path: Path, database_url: str) -> None:
    path = tmp_path / "needs_template.xlsx"
    assert seoro(database_url, "template", "profiles", str(path)).returncode == 0
    empty = seoro(database_url, "import", str(path))
    assert empty.returncode == 0, empty.stderr


def test_filtered_lists_export_to_excel_and_csv(database_url: str, tmp_path: Path) -> None:
    assert seoro(database_url, "demo").returncode == 0
    experts = tmp_path / "hydrogen_experts.xlsx"
    shown = seoro(
        database_url, "list", "experts", "--field", "수소", "--country", "CA", "--limit", "2", "--output", str(experts)
    )
    assert shown.returncode == 0, shown.stderr
    sheet = load_workbook(experts, read_only=True)["전문가"]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "한지원",
        "장지원",
        "유승호",
        "장다혜",
        "한경민",
        "황다혜",
        "이상우",
    ]
    sheet.parent.close()
    mous = tmp_path / "mou.csv"
    assert seoro(database_url, "list", "agreements", "--output", str(mous), lang="en").returncode == 0
    with mous.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["ID", "Title", "Signed", "Place", "Event", "Status", "Parties", "Scope", "Follow-up"]
    # by date: the three MOUs of 2025, then those the demo's leads reached in 2026
    assert [r[0] for r in table[1:]] == ["1", "2", "3", "5", "7", "4", "6", "8", "9"]


def test_match_explains_in_korean_and_prints_json(database_url: str) -> None:
    assert seoro(database_url, "demo").returncode == 0
    explained = seoro(database_url, "match", "1", "--top", "3", "--explain")
    assert explained.returncode == 0, explained.stderr
    assert "파트너 찾기: 수소연료전지 스택 내구성 향상 기술" in explained.stdout
    assert "같은 기술분야: S07.03 수소 연료전지·발전" in explained.stdout
    assert "내구성 ↔ durability" in explained.stdout
    printed = seoro(database_url, "match", "1", "--top", "3", "--json")
    result = json.loads(printed.stdout)
    assert [m["rank"] for m in result["matches"]] == [1, 2, 3]
    first = result["matches"][0]
    assert first["key"].startswith("expert:") and first["why"]["shared_fields"] == [
        {"code": "S07.03", "ko": "수소 연료전지·발전", "en": "Hydrogen fuel cells and power generation"}
    ]
    assert set(first["why"]["contributions"]) == {"dense", "lexical", "lexical_cross", "fields"}
