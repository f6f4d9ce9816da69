"""Property: an import either applies every row (and then re-applying it changes nothing) or changes nothing."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seoro.domain.errors import InvalidInput
from seoro.files.reading import read_sheets
from seoro.services.database import Database
from seoro.services.importing import import_sheets
from seoro.services.setup import init_database
from tests.files.strategies import encodable
from tests.helpers import dump

pytestmark = pytest.mark.integration

WORDS = st.text(encodable("cp949"), min_size=1, max_size=12)
FIELDS = st.sampled_from(
    ["수소", "S02", "fuel cell", "인공지능", "Quantum", "양자센싱", "연금술"]
)  # the last is unknown
COUNTRIES = st.sampled_from(["대한민국", "KR", "캐나다", "USA", "", "Atlantis"])  # the last is unknown
DATES = st.sampled_from(["2025.07.28", "2025년 7월 28일", "2026-01-31", "", "2025.02.30"])  # the last is no date


@st.composite
def survey(draw: st.DrawFn) -> tuple[list[list[str]], bool]:
    """Rows of a needs survey; and whether any cell is broken (unknown field, country, impossible date)."""
    rows = []
    for i in range(draw(st.integers(1, 6))):
        firm = f"(주){draw(WORDS).strip() or 'x'}{i}"
        rows.append([firm, draw(COUNTRIES), draw(FIELDS), f"{draw(WORDS)} 기술 {i}", draw(DATES)])
    broken = any(r[1] == "Atlantis" or r[2] == "연금술" or r[4] == "2025.02.30" for r in rows)
    return rows, broken


def _write(path: Path, rows: list[list[str]], encoding: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["기관명", "국가", "기술분야", "기술수요", "마감일"])
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))


@pytest.fixture(scope="module")
def shared_db() -> Database:
    folder = tempfile.mkdtemp()
    db = Database.open(f"sqlite:///{folder}/seoro.db")
    init_database(db, actor="tester")
    return db


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=survey(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))
def test_import_is_all_or_nothing_and_idempotent(
    shared_db: Database, data: tuple[list[list[str]], bool], encoding: str, tmp_path: Path
) -> None:
    rows, broken = data
    path = tmp_path / f"survey-{encoding}.csv"
    _write(path, rows, encoding)
    before = dump(shared_db.engine)
    try:
        import_sheets(shared_db, read_sheets(path), actor="tester")
    except InvalidInput as error:
        assert broken
        assert all(p.location.file == str(path) and p.location.row >= 2 and p.location.column for p in error.problems)
        assert dump(shared_db.engine) == before
        return
    assert not broken
    after = dump(shared_db.engine)
    again = import_sheets(shared_db, read_sheets(path), actor="tester")
    assert {action for (_, action) in again.counts()} == {"unchanged"}
    assert dump(shared_db.engine) == after
