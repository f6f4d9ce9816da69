from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.files.columns import COLUMNS, SHEET_NAMES, RecordKind
from seoro.files.headers import (
    HEADER_INDEX,
    Header,
    HeaderCell,
    column_letter,
    find_header,
    header_key,
    is_guide_sheet,
    kind_of_sheet,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("기관명", "기관명"),
        (" 기 관\n명 * ", "기관명"),
        ("E-Mail", "e-mail"),
        ("ＤＯＩ＊", "doi"),
        ("\ufeff기관명", "기관명"),
    ],
)
def test_header_key(text: str, key: str) -> None:
    assert header_key(text) == key


def test_header_index_maps_each_header_to_one_column_per_kind() -> None:
    for kind, columns in COLUMNS.items():
        keys = [(header_key(header), column.key) for column in columns for header in column.headers]
        assert sorted(set(keys)) == sorted(HEADER_INDEX[kind].items()), kind


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letter(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_kind_of_sheet_and_guide_sheets() -> None:
    names = [name for names in SHEET_NAMES.values() for name in names]
    assert [kind_of_sheet(name.upper()) for name in names] == [k for k, ns in SHEET_NAMES.items() for _ in ns]
    assert (kind_of_sheet("Sheet1"), is_guide_sheet(" 안내 "), is_guide_sheet("GUIDE"), is_guide_sheet("기관")) == (
        None,
        True,
        True,
        False,
    )


def test_find_header_two_rows_with_cells_merged_down() -> None:
    rows: list[list[object]] = [
        ["2025년 기술수요 조사", None, None, None],
        [None, None, None, None],
        ["기관명", "담당자", None, "마감일"],
        ["기관명", "성명", "이메일", "마감일"],  # merged-down cells repeat the header above
        ["한빛수소", "김서로", "a@b.kr", "2025.07.28"],
    ]
    found = find_header(rows, None, "Sheet1", "f.xlsx")
    assert found == (
        RecordKind.PROFILES,
        Header(
            2,
            2,
            (
                HeaderCell(0, "기관명", "organisation"),
                HeaderCell(1, "담당자", "contact_name"),
                HeaderCell(2, "담당자 이메일", "contact_email"),
                HeaderCell(3, "마감일", "valid_until"),
            ),
        ),
    )


def test_find_header_ignores_a_single_matching_cell_among_others() -> None:
    rows: list[list[object]] = [["기술수요", "조사 결과는 아래와 같습니다"], ["국가", "비고"]]
    assert find_header(rows, RecordKind.PROFILES, "", "f.csv") is None


def test_find_header_accepts_a_single_column_sheet() -> None:
    found = find_header([["논문명"], ["Durability"]], None, "", "f.csv")
    assert found == (RecordKind.PUBLICATIONS, Header(0, 1, (HeaderCell(0, "논문명", "title"),)))


def test_find_header_two_kinds_matching_equally_is_unknown() -> None:
    with pytest.raises(DomainError) as caught:
        find_header([["성명", "이메일"]], None, "Sheet1", "f.csv")
    assert (caught.value.code, caught.value.params) == ("unknown_kind", {"file": "f.csv", "sheet": "Sheet1"})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.text(max_size=6), st.integers()), max_size=6), max_size=8))
def test_find_header_never_fails_on_any_grid(rows: list[list[object]]) -> None:
    width = max((len(row) for row in rows), default=0)
    grid = [row + [None] * (width - len(row)) for row in rows]
    for kind in RecordKind:
        found = find_header(grid, kind, "", "f.csv")
        assert found is None or (found[0], found[1].score[0] >= 1) == (kind, True)
