"""How fast a realistic technology-needs survey imports, against the bare cost of opening the workbook.

Usage: .venv/bin/python bench/import_speed.py [--rows 2000] [--db URL]
Prints seconds for: openpyxl load + cell walk (baseline), read_sheets, first import, re-import
(all unchanged), and each as a ratio to the baseline measured in the same process.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from seoro.files.reading import read_sheets
from seoro.services.database import Database
from seoro.services.importing import import_sheets
from seoro.services.setup import init_database

FIELDS = ["수소 연료전지·발전", "이차전지", "S09.03", "전력반도체", "자율주행시스템", "양자센싱"]


def make_survey(path: Path, rows: int) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "기술수요"
    ws.append(["2025년 한빛도 기술수요 조사 결과"])
    ws.append([])
    ws.append(["기관명", "국가", "기술분야", "기술수요", "기술수요 내용", "담당자", "이메일", "마감일"])
    for i in range(rows):
        firm = f"(주)한빛테크{i % (rows // 10 or 1):04d}"
        ws.append(
            [
                firm,
                "대한민국",
                FIELDS[i % len(FIELDS)],
                f"수소연료전지 스택 내구성 향상 기술 {i}",
                "스택 열화를 줄이는 촉매층 설계 " * 3,
                f"담당자{i}",
                f"staff{i}@example.com",
                "2025년 12월 31일",
            ]
        )
    wb.save(path)


def timed(label: str, fn, baseline: float | None = None):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    ratio = f"  ({seconds / baseline:5.1f}× baseline)" if baseline else ""
    print(f"{label:<34} {seconds:8.3f} s{ratio}")
    return seconds, result


def baseline_load(path: Path) -> int:
    wb = load_workbook(path, data_only=True)
    cells = sum(1 for row in wb.active.iter_rows(values_only=True) for _ in row)
    wb.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument(
        "--db",
        default=None,
        help="a PostgreSQL server URL; the bench creates and drops its own database there (default: a new SQLite file)",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    survey = folder / "survey.xlsx"
    make_survey(survey, args.rows)
    url = _scratch_database(args.db) if args.db else f"sqlite:///{folder / 'bench.db'}"
    db = Database.open(url)
    init_database(db, actor="bench")
    print(f"{args.rows} rows, {survey.stat().st_size // 1024} KiB, database {db.url}")
    base, _ = timed("baseline: openpyxl load + walk", lambda: baseline_load(survey))
    _, sheets = timed("read_sheets (parse + clean)", lambda: read_sheets(survey), base)
    _, report = timed("import (all new)", lambda: import_sheets(db, sheets, actor="bench"), base)
    print(f"  {report.counts()}")
    _, again = timed("re-import (all unchanged)", lambda: import_sheets(db, read_sheets(survey), actor="bench"), base)
    print(f"  {again.counts()}")
    db.close()
    if args.db:
        _drop(args.db, make_url(url).database or "")


def _scratch_database(server_url: str) -> str:
    """A new, empty database on the server of ``server_url`` (never touches the one named there)."""
    name = f"seoro_bench_{int(time.time())}"
    with create_engine(server_url, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop(server_url: str, name: str) -> None:
    with create_engine(server_url, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
