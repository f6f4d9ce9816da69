from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.files.cleaning import parse_value
from seoro.files.columns import COLUMNS, IMPORT_ORDER, RecordKind
from seoro.files.reading import read_sheets
from seoro.files.writing import (
    Table,
    format_value,
    template_columns,
    template_sheet_name,
    templates_markdown,
    write_table,
    write_template,
)
from tests.files.strategies import values

pytestmark = pytest.mark.integration

ALL_COLUMNS = [column for columns in COLUMNS.values() for column in columns]
ORG = {c.key: c for c in COLUMNS[RecordKind.ORGANISATIONS]}
EXPERT = {c.key: c for c in COLUMNS[RecordKind.EXPERTS]}
PROFILE = {c.key: c for c in COLUMNS[RecordKind.PROFILES]}


def _raises(path: Path, tables: list[Table], **kwargs: str) -> tuple[str, dict[str, Any]]:
    with pytest.raises(DomainError) as caught:
        write_table(path, tables, **kwargs)
    return caught.value.code, caught.value.params


# --- format_value ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "lang", "expected"),
    [
        (PROFILE["fields"], ["수소", "S07.03"], "ko", "수소, S07.03"),
        (EXPERT["affiliations"], ["Hanbit Co., Ltd.", "KIST"], "en", "Hanbit Co., Ltd.; KIST"),
        (EXPERT["languages"], ["ko", "en"], "en", "ko, en"),
        (ORG["kind"], OrgKind.RESEARCH_INSTITUTE, "ko", "연구기관"),
        (ORG["kind"], OrgKind.RESEARCH_INSTITUTE, "en", "Research institute"),
        (PROFILE["kind"], "offer", "ko", "기술공급"),
        (PROFILE["status"], ProfileStatus.ACTIVE, "ko", "진행중"),
        (ORG["country"], "KR", "ko", "KR"),
        (PROFILE["valid_until"], date(2025, 12, 31), "ko", date(2025, 12, 31)),
        (ORG["id"], 12, "en", 12),
        (ORG["region"], None, "ko", None),
        (PROFILE["keywords"], [], "ko", None),
    ],
)
def test_format_value(column: Any, value: object, lang: str, expected: object) -> None:
    assert format_value(column, value, lang) == expected


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(ALL_COLUMNS), st.sampled_from(["ko", "en"]))
def test_format_value_is_the_inverse_of_parse_value(data: st.DataObject, column: Any, lang: str) -> None:
    value = data.draw(values(column))
    assert parse_value(column, format_value(column, value, lang)) == value


# --- write_table -------------------------------------------------------------------------------


def test_write_table_csv_is_utf8_with_bom_by_default(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_table(
        path,
        [Table("기관", ["기관명", "마감일", "번호"], [["(주)한빛, 수소", date(2025, 7, 28), 3], ["Café", None, None]])],
    )
    expected = '\ufeff기관명,마감일,번호\r\n"(주)한빛, 수소",2025-07-28,3\r\nCafé,,\r\n'
    assert path.read_bytes() == expected.encode("utf-8")


def test_write_table_csv_in_cp949(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_table(path, [Table("기관", ["기관명", "담당자"], [["㈜ 가온배터리", "똠방각"]])], encoding="cp949")
    assert path.read_bytes() == "기관명,담당자\r\n㈜ 가온배터리,똠방각\r\n".encode("cp949")


def test_write_table_tsv_uses_tabs(tmp_path: Path) -> None:
    path = tmp_path / "list.tsv"
    write_table(path, [Table("기관", ["기관명", "국가"], [["한빛, 수소", "KR"]])])
    assert path.read_bytes().decode("utf-8-sig") == "기관명\t국가\r\n한빛, 수소\tKR\r\n"


def test_write_table_csv_refuses_characters_cp949_lacks(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    tables = [Table("전문가", ["성명", "소속"], [["김서로", "한빛대"], ["Claire", "Université de Lyon"]])]
    assert _raises(path, tables, encoding="cp949") == (
        "not_encodable",
        {"file": str(path), "encoding": "cp949", "row": 3, "column": "B", "header": "소속", "character": "é"},
    )
    assert not path.exists()


def test_write_table_csv_holds_one_sheet(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    assert _raises(path, [Table("a", ["x"]), Table("b", ["y"])]) == ("csv_one_sheet", {"file": str(path), "count": 2})


def test_write_table_unsupported_format(tmp_path: Path) -> None:
    path = tmp_path / "list.xls"
    assert _raises(path, [Table("a", ["x"])]) == ("unsupported_format", {"file": str(path), "suffix": ".xls"})


def test_write_table_unwritable_file(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "list.xlsx"
    code, params = _raises(path, [Table("a", ["x"])])
    assert (code, params["file"], bool(params["reason"])) == ("unwritable_file", str(path), True)


def test_write_table_xlsx_layout(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    rows: list[list[object]] = [
        ["가" * 20, date(2025, 7, 28), 3, '=HYPERLINK("x")'],
        ["Hanbit\nHydrogen", None, 4.5, "a\x01b"],
    ]
    write_table(path, [Table("기관", ["기관명", "마감일", "번호", "메모"], rows), Table("a/b:c", ["x"])])
    book = openpyxl.load_workbook(path)
    try:
        sheet = book["기관"]
        assert book.sheetnames == ["기관", "a_b_c"]
        assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
            ["기관명", "마감일", "번호", "메모"],
            ["가" * 20, datetime(2025, 7, 28), 3, '=HYPERLINK("x")'],
            ["Hanbit\nHydrogen", None, 4.5, "ab"],
        ]
        assert [cell.font.bold for cell in sheet[1]] == [True] * 4
        assert (sheet.freeze_panes, sheet.auto_filter.ref, sheet["B2"].number_format) == ("A2", "A1:D3", "yyyy-mm-dd")
        assert (sheet["D2"].data_type, sheet["A3"].alignment.wrap_text) == ("s", True)
        widths = [sheet.column_dimensions[letter].width for letter in "ABCD"]
        assert widths == [42, 12, 8, 17]  # Hangul counts double; headers leave room for the filter button
    finally:
        book.close()


def test_write_table_sheet_names_are_unique_and_short(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_table(path, [Table("기" * 40, ["x"]), Table("기" * 40, ["x"]), Table("", ["x"])])
    book = openpyxl.load_workbook(path)
    try:
        assert book.sheetnames == ["기" * 31, "기" * 27 + " (2)", "Sheet"]
    finally:
        book.close()


_RECORD_COLUMNS = {kind: template_columns(kind) for kind in IMPORT_ORDER}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@settings(max_examples=25, deadline=None)
@given(data=st.data(), kind=st.sampled_from(IMPORT_ORDER), lang=st.sampled_from(["ko", "en"]))
def test_write_table_exported_records_read_back_unchanged(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: st.DataObject, kind: RecordKind, lang: str
) -> None:
    columns = _RECORD_COLUMNS[kind]
    records = data.draw(st.lists(st.tuples(*(st.none() | values(c) for c in columns)), min_size=1, max_size=3))
    headers = [c.header_ko if lang == "ko" else c.header_en for c in columns]
    rows = [[format_value(c, v, lang) for c, v in zip(columns, record, strict=True)] for record in records]
    path = tmp_path_factory.mktemp("export") / f"export{suffix}"
    write_table(path, [Table(template_sheet_name(kind, lang), headers, rows)])
    [sheet] = read_sheets(path, kind)
    expected = [{c.key: v for c, v in zip(columns, record, strict=True) if v is not None} for record in records]
    assert ([row.values for row in sheet.rows], sheet.problems) == ([values for values in expected if values], [])


# --- Templates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", IMPORT_ORDER)
def test_write_template_reads_back_as_its_kind_with_no_rows(tmp_path: Path, kind: RecordKind, lang: str) -> None:
    path = tmp_path / "template.xlsx"
    write_template(kind, path, lang)
    [sheet] = read_sheets(path)
    columns = template_columns(kind)
    assert (sheet.kind, sheet.sheet, sheet.rows, sheet.problems, sheet.ignored) == (
        kind,
        template_sheet_name(kind, lang),
        [],
        [],
        [],
    )
    assert [key for key, _, _ in sheet.columns] == [c.key for c in columns]


def test_write_template_layout_in_korean(tmp_path: Path) -> None:
    path = tmp_path / "논문 양식.xlsx"
    write_template(RecordKind.PUBLICATIONS, path, "ko")
    book = openpyxl.load_workbook(path)
    try:
        assert book.sheetnames == ["논문", "안내"]
        assert [cell.value for cell in book["논문"][1]] == [
            "전문가 이메일",
            "전문가 성명",
            "논문명*",
            "초록",
            "연도",
            "학술지",
            "DOI",
            "저자",
        ]
        guide = [[cell.value for cell in row] for row in book["안내"].iter_rows()]
        assert guide[0] == ["열 이름", "필수", "형식", "설명", "예시"]
        assert guide[3] == ["논문명*", "예", "글자", "논문 제목", "Durability of PEM fuel cell stacks"]
        assert guide[5] == ["연도", None, "연도(예: 2024)", "발행 연도", "2024"]
    finally:
        book.close()


def test_write_template_guide_in_english_lists_choices(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(RecordKind.PROFILES, path, "en")
    book = openpyxl.load_workbook(path)
    try:
        assert book.sheetnames == ["profiles", "Guide"]
        guide = {row[0].value: row[2].value for row in book["Guide"].iter_rows(min_row=2)}
        assert guide["Kind"] == "One of: " + ", ".join(
            [
                "Technology need",
                "Technology offer",
                "R&D partner search",
                "Business offer",
                "Business request",
                "Expertise",
            ]
        )
        assert len(ProfileKind) == 6
    finally:
        book.close()


def test_template_columns_leave_out_generic_columns() -> None:
    assert {kind: [c.key for c in COLUMNS[kind] if c not in template_columns(kind)] for kind in IMPORT_ORDER} == {
        RecordKind.ORGANISATIONS: ["name", "description"],
        RecordKind.EXPERTS: ["name", "expertise"],
        RecordKind.PUBLICATIONS: [],
        RecordKind.PROFILES: ["title", "description"],
    }


def test_templates_markdown_documents_every_column() -> None:
    text = templates_markdown()
    tables = text.split("\n## ")[1:]
    rows = [[line for line in table.splitlines() if line.startswith("| ")][1:] for table in tables]
    assert [len(r) for r in rows] == [len(COLUMNS[kind]) for kind in IMPORT_ORDER]
    cells = [[cell.strip() for cell in line.split(" | ")][:2] for r in rows for line in r]
    assert cells == [[f"| {c.header_ko}", c.header_en] for kind in IMPORT_ORDER for c in COLUMNS[kind]]


def test_templates_markdown_escapes_pipes() -> None:
    rows = [line for line in templates_markdown().splitlines() if line.startswith("| ")]
    assert {line.count(" | ") - line.count("\\|") for line in rows} == {7}


def test_write_table_csv_quotes_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_table(path, [Table("x", ["기관소개", "국가"], [["첫 줄\n둘째 줄", "KR"]])])
    assert list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))) == [
        ["기관소개", "국가"],
        ["첫 줄\n둘째 줄", "KR"],
    ]
