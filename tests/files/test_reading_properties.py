"""Properties of reading: whatever staff type reads back as if each cell had been parsed on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.files.cleaning import parse_value
from seoro.files.columns import COLUMNS, Column, RecordKind
from seoro.files.reading import read_sheets
from seoro.files.records import SourceSheet
from seoro.files.writing import Table, write_table
from tests.files.strategies import MIXED, encodable, raw_cells

pytestmark = pytest.mark.integration

ORGS, PROFILES = RecordKind.ORGANISATIONS, RecordKind.PROFILES


def _rows(sheet: SourceSheet) -> list[tuple[int, dict[str, Any]]]:
    return [(row.location.row, row.values) for row in sheet.rows]


def _read_one(path: Path, kind: RecordKind) -> SourceSheet:
    [sheet] = read_sheets(path, kind)
    return sheet


TEXT_COLUMNS = [c for c in COLUMNS[ORGS] if c.key in ("region", "parent", "contact_name", "contact_phone")]
CHECKED_COLUMNS = [
    next(c for c in COLUMNS[PROFILES] if c.key == key) for key in ("valid_until", "contact_email", "country", "id")
]


def _expected(columns: list[Column], grid: list[list[str]]) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, raws in enumerate(grid, start=2):
        values = {c.key: parse_value(c, raw) for c, raw in zip(columns, raws, strict=True)}
        values = {key: value for key, value in values.items() if value is not None}
        if values:
            rows.append((number, values))
    return rows


def _grids(chars: st.SearchStrategy[str], width: int) -> st.SearchStrategy[list[list[str]]]:
    return st.lists(st.lists(raw_cells(chars), min_size=width, max_size=width), min_size=1, max_size=5)


@pytest.mark.parametrize(
    ("encoding", "chars"),
    [
        ("utf-8", MIXED),
        ("utf-8-sig", MIXED),
        ("cp949", encodable("cp949")),
        ("euc_kr", encodable("euc_kr")),
    ],
)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_read_sheets_text_round_trips_through_csv(
    tmp_path_factory: pytest.TempPathFactory, encoding: str, chars: st.SearchStrategy[str], data: st.DataObject
) -> None:
    grid = data.draw(_grids(chars, len(TEXT_COLUMNS)))
    path = tmp_path_factory.mktemp("csv") / "orgs.csv"
    write_table(path, [Table("orgs", [c.header_en for c in TEXT_COLUMNS], list(grid))], encoding=encoding)
    # A CP949 file whose bytes are also valid UTF-8 is ambiguous (e.g. only "짬" = C2 AB = "«"); it is
    # read as UTF-8 by design (see test_ambiguous_cp949_file_reads_as_utf8), so it is no counterexample.
    assume(encoding == "utf-8" or encoding == "utf-8-sig" or not _valid_utf8(path.read_bytes()))
    assert _rows(_read_one(path, ORGS)) == _expected(TEXT_COLUMNS, grid)


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_ambiguous_cp949_file_reads_as_utf8(tmp_path: Path) -> None:
    """The documented blind spot (shared/design/STACK.md §4): 345 of 11,172 syllables have CP949 bytes that
    are valid UTF-8; a file whose only non-ASCII text is made of them reads as UTF-8. Real names mixed
    with other syllables (서울, 인천) are fine; the import preview shows the text before anything is written."""
    path = tmp_path / "orgs.csv"
    path.write_bytes("Region\n짬\n".encode("cp949"))
    assert _rows(_read_one(path, ORGS)) == [(2, {"region": "«"})]
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("Region\n짬뽕\n".encode("cp949"))
    assert _rows(_read_one(mixed, ORGS)) == [(2, {"region": "짬뽕"})]


@settings(max_examples=40, deadline=None)
@given(_grids(MIXED, len(TEXT_COLUMNS)))
def test_read_sheets_text_round_trips_through_xlsx(
    tmp_path_factory: pytest.TempPathFactory, grid: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "orgs.xlsx"
    write_table(path, [Table("Sheet1", [c.header_ko for c in TEXT_COLUMNS], list(grid))])
    assert _rows(_read_one(path, ORGS)) == _expected(TEXT_COLUMNS, grid)


_BROKEN = st.one_of(
    raw_cells(),
    st.sampled_from(["2025.02.30", "25/13/01", "내일", "a@", "a@@b.kr", "Atlantis", "12.5", "2025년 7월", "-"]),
)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(max_examples=40, deadline=None)
@given(grid=st.lists(st.lists(_BROKEN, min_size=4, max_size=4), min_size=1, max_size=5))
def test_read_sheets_broken_cells_become_problems_naming_row_and_column(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, grid: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("broken") / f"needs{suffix}"
    write_table(path, [Table("Sheet1", [c.header_ko for c in CHECKED_COLUMNS], list(grid))])
    sheet = _read_one(path, PROFILES)
    expected_problems = []
    for number, raws in enumerate(grid, start=2):
        for letter, column, raw in zip("ABCD", CHECKED_COLUMNS, raws, strict=True):
            try:
                parse_value(column, raw)
            except DomainError as err:
                expected_problems.append((number, letter, column.header_ko, column.key, err.code))
    found = [(p.location.row, p.location.column, p.location.header, p.field, p.code) for p in sheet.problems]
    assert found == expected_problems
    assert _rows(sheet) == [(n, v) for n, v in _good_values(grid) if v or _has_problem(n, found)]


def _good_values(grid: list[list[str]]) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, raws in enumerate(grid, start=2):
        values: dict[str, Any] = {}
        for column, raw in zip(CHECKED_COLUMNS, raws, strict=True):
            try:
                value = parse_value(column, raw)
            except DomainError:
                continue
            if value is not None:
                values[column.key] = value
        rows.append((number, values))
    return rows


def _has_problem(number: int, found: list[tuple[int, str, str, str, str]]) -> bool:
    return any(row == number for row, *_ in found)
