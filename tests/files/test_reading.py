from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from seoro.domain.errors import DomainError, Location, Problem
from seoro.domain.vocab import OrgKind, ProfileKind
from seoro.files.columns import RecordKind
from seoro.files.reading import read_sheets
from seoro.files.records import SourceSheet

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).parent.parent / "fixtures"
ORGS, EXPERTS, PUBS, PROFILES = (
    RecordKind.ORGANISATIONS,
    RecordKind.EXPERTS,
    RecordKind.PUBLICATIONS,
    RecordKind.PROFILES,
)


def _rows(sheet: SourceSheet) -> list[tuple[int, dict[str, Any]]]:
    return [(row.location.row, row.values) for row in sheet.rows]


def _csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for values in rows:
            sheet.append(values)
    book.save(path)
    return path


def _read_one(path: Path, kind: RecordKind | None = None) -> SourceSheet:
    [sheet] = read_sheets(path, kind)
    return sheet


# --- The committed fixtures --------------------------------------------------------------------


def test_read_sheets_cp949_needs() -> None:
    path = FIXTURES / "needs_cp949.csv"
    sheet = _read_one(path)
    file = str(path)
    contact = {"contact_email": "seoro.kim@hanbit-h2.example", "valid_until": date(2025, 7, 28)}
    assert (sheet.file, sheet.sheet, sheet.kind, sheet.header_row, sheet.ignored) == (file, "", PROFILES, 1, [])
    assert [key for key, _, _ in sheet.columns] == [
        "organisation",
        "country",
        "fields",
        "title",
        "contact_name",
        "contact_email",
        "valid_until",
    ]
    assert _rows(sheet) == [
        (2, {"organisation": "(주)한빛수소테크", "country": "KR", "fields": ["수소", "연료전지"], "title_ko": "수소연료전지 스택 내구성 향상 기술", "contact_name": "김서로"} | contact),
        (3, {"organisation": "(주) 가온배터리", "country": "KR", "fields": ["이차전지"], "title_ko": "전고체 배터리용 고체전해질 양산 공정", "contact_name": "박가온", "contact_email": "gaon.park@gaon-battery.example", "valid_until": date(2025, 7, 28)}),
        (4, {"organisation": "새솔정밀", "country": "KR", "fields": ["첨단 모빌리티", "센서"], "title_en": "Lidar sensor calibration for special-purpose vehicles", "contact_name": "똠방각", "contact_email": "ddom@saesol.example", "valid_until": date(2025, 8, 31)}),
        (5, {"organisation": "한빛드론", "country": "KR", "fields": ["인공지능"], "title_ko": "드론 영상 기반 산불 조기 탐지", "contact_name": "이하늘"}),
    ]  # fmt: skip
    assert sheet.problems == [
        Problem(Location(file, 5, "F", "이메일"), "contact_email", "invalid_email", {"value": "haneul.lee@@hanbit-drone.example"}),
        Problem(Location(file, 5, "G", "마감일"), "valid_until", "invalid_date", {"value": "2025.02.30"}),
    ]  # fmt: skip
    assert sheet.rows[0].cells["title_ko"] == Location(file, 2, "D", "기술수요")


def test_read_sheets_cp949_fixture_is_not_euc_kr() -> None:
    with pytest.raises(UnicodeDecodeError):
        (FIXTURES / "needs_cp949.csv").read_bytes().decode("euc_kr")


def test_read_sheets_utf8_bom_experts_with_english_headers() -> None:
    sheet = _read_one(FIXTURES / "experts_utf8_bom.csv")
    assert (sheet.kind, sheet.problems, sheet.ignored) == (EXPERTS, [], [])
    assert _rows(sheet) == [
        (2, {"name_en": "Claire Dubois", "email": "claire.dubois@univ-lyon.example", "affiliations": ["Université de Lyon", "Institut Carnot"], "position": "Professor", "country": "FR", "languages": ["fr", "en"], "expertise_en": "Solid oxide electrolysis and high-temperature fuel cells", "keywords": ["SOEC", "hydrogen"]}),
        (3, {"name_ko": "김민준", "email": "minjun.kim@uoft.example", "affiliations": ["University of Toronto"], "position": "Associate Professor", "country": "CA", "languages": ["ko", "en"], "expertise_ko": "PEM 연료전지 촉매층 열화 분석", "keywords": ["fuel cell", "catalyst"]}),
        (4, {"name_en": "Daniel Park", "email": "dpark@ksea-sd.example", "affiliations": ["KSEA San Diego Chapter"], "position": "Engineer", "country": "US", "languages": ["en", "ko"], "expertise_en": "Battery management systems\nfor electric vehicles"}),
    ]  # fmt: skip


def test_read_sheets_euc_kr_organisations_below_a_title() -> None:
    sheet = _read_one(FIXTURES / "organisations_euc_kr.csv")
    assert (sheet.kind, sheet.header_row, sheet.problems) == (ORGS, 3, [])
    assert _rows(sheet) == [
        (4, {"name_ko": "한빛에너지연구원", "name_en": "Hanbit Energy Research Institute", "kind": OrgKind.RESEARCH_INSTITUTE, "country": "KR", "region": "한빛도", "website": "https://www.heri.example.org", "fields": ["수소", "이차전지"], "description_ko": "수소·이차전지 실증 연구\n새솔 강소특구 기술핵심기관"}),
        (5, {"name_ko": "새솔 강소특구", "name_en": "Saesol Innovation Zone", "kind": OrgKind.INNOVATION_ZONE, "country": "KR", "region": "한빛도", "website": "https://saesol-zone.example.org", "fields": ["수소"]}),
        (7, {"name_ko": "한빛대학교", "kind": OrgKind.UNIVERSITY, "country": "KR", "region": "한빛시", "description_en": "Research university of Hanbit Province"}),
    ]  # fmt: skip


def test_read_sheets_messy_workbook() -> None:
    path = FIXTURES / "needs_messy.xlsx"
    sheet = _read_one(path)
    file = str(path)

    def at(row: int, column: str, header: str) -> Location:
        return Location(file, row, column, header, "Sheet1")

    assert (sheet.sheet, sheet.kind, sheet.header_row) == ("Sheet1", PROFILES, 3)
    assert sheet.columns == [
        ("organisation", "B", "기관명"),
        ("country", "C", "국 가"),
        ("fields", "D", "기술 분야"),
        ("title", "E", "기술수요*"),
        ("contact_name", "F", "담당자"),
        ("contact_email", "G", "담당자 이메일"),
        ("valid_until", "H", "마감일"),
        ("id", "J", "ID"),
    ]
    assert sheet.ignored == [("A", "연번"), ("K", "비고")]
    assert _rows(sheet) == [
        (5, {"organisation": "(주)한빛수소테크", "country": "KR", "fields": ["수소", "연료전지"], "title_ko": "수소연료전지 스택 내구성 향상 기술", "contact_name": "김서로", "contact_email": "seoro.kim@hanbit-h2.example", "valid_until": date(2025, 7, 28), "id": 12}),
        (6, {"organisation": "(주)한빛수소테크", "country": "KR", "fields": ["수소"], "title_ko": "수전해 촉매 국산화", "contact_name": "이 하늘", "contact_email": "haneul.lee@hanbit-h2.example", "valid_until": date(2025, 8, 15), "id": 13}),
        (8, {"organisation": "(주) 가온배터리", "country": "KR", "fields": ["이차전지"], "title_ko": "전고체 배터리 전해질", "contact_name": "박가온", "contact_email": "gaon.park@gaon-battery.example", "valid_until": date(2025, 9, 30), "id": 14}),
        (9, {"organisation": "새솔정밀", "fields": ["첨단 모빌리티"], "title_en": "Lidar sensor calibration", "contact_name": "Jane Doe"}),
    ]  # fmt: skip
    assert sheet.problems == [
        Problem(at(9, "C", "국 가"), "country", "unknown_country", {"value": "Atlantis"}),
        Problem(at(9, "G", "담당자 이메일"), "contact_email", "invalid_email", {"value": "jane.doe(at)saesol.example"}),
        Problem(at(9, "H", "마감일"), "valid_until", "invalid_date", {"value": "2025.02.30"}),
        Problem(at(9, "J", "ID"), "id", "not_an_integer", {"value": "15.5"}),
    ]
    merged_row = sheet.rows[1]
    assert (merged_row.location, merged_row.cells["organisation"]) == (
        Location(file, 6, sheet="Sheet1"),
        at(6, "B", "기관명"),
    )


def test_read_sheets_multi_sheet_workbook_in_import_order() -> None:
    sheets = read_sheets(FIXTURES / "directory.xlsx")
    assert [(s.sheet, s.kind, s.problems) for s in sheets] == [
        ("기관", ORGS, []),
        ("전문가", EXPERTS, []),
        ("논문", PUBS, []),
        ("프로필", PROFILES, []),
    ]
    assert [_rows(s) for s in sheets] == [
        [
            (2, {"name_ko": "한빛대학교", "name_en": "Hanbit National University", "kind": OrgKind.UNIVERSITY, "country": "KR", "website": "https://hanbit.ac.example"}),
            (3, {"name_ko": "새솔 강소특구", "name_en": "Saesol Innovation Zone", "kind": OrgKind.INNOVATION_ZONE, "country": "KR"}),
        ],
        [(2, {"name_ko": "김민준", "email": "minjun.kim@uoft.example", "affiliations": ["University of Toronto"], "country": "CA", "languages": ["ko", "en"], "expertise_en": "PEM fuel cell catalyst layers"})],
        [(2, {"expert_email": "minjun.kim@uoft.example", "title": "Catalyst layer degradation in PEM fuel cells", "year": 2024, "venue": "Journal of Power Sources", "doi": "10.1016/j.jpowsour.2024.234567"})],
        [
            (2, {"kind": ProfileKind.OFFER, "title_ko": "고분자 전해질막 대량 생산 기술", "organisation": "(주)한빛수소테크", "status": "active", "valid_from": date(2025, 7, 1), "valid_until": date(2025, 12, 31)}),
            (3, {"kind": ProfileKind.PARTNER_SEARCH, "title_en": "Joint research on battery recycling", "organisation": "Hanbit National University"}),
        ],
    ]  # fmt: skip


# --- Files that cannot be read -----------------------------------------------------------------


def _raises(path: Path, kind: RecordKind | None = None) -> tuple[str, dict[str, Any]]:
    with pytest.raises(DomainError) as caught:
        read_sheets(path, kind)
    return caught.value.code, caught.value.params


def test_read_sheets_old_excel_format_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "목록.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert _raises(path) == ("unsupported_format", {"file": str(path), "suffix": ".xls"})


def test_read_sheets_corrupt_workbook_is_unreadable(tmp_path: Path) -> None:
    path = _csv(tmp_path / "broken.xlsx", "기관명,국가\n")
    code, params = _raises(path)
    assert (code, params["file"], bool(params["reason"])) == ("unreadable_file", str(path), True)


def test_read_sheets_missing_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "없음.csv"
    assert _raises(path) == ("unreadable_file", {"file": str(path), "reason": "No such file or directory"})


def test_read_sheets_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfd\xfe\x80\x80")
    assert _raises(path) == ("unknown_encoding", {"file": str(path)})


def test_read_sheets_empty_file(tmp_path: Path) -> None:
    path = _csv(tmp_path / "empty.csv", " , \n\n")
    assert _raises(path) == ("empty_file", {"file": str(path)})


def test_read_sheets_no_header(tmp_path: Path) -> None:
    path = _csv(tmp_path / "memo.csv", "회의 메모\n다음 주 화요일 10시,본관 3층\n")
    assert _raises(path) == ("no_header", {"file": str(path)})


def test_read_sheets_unknown_kind_when_headers_fit_two_kinds(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "list.xlsx", {"목록": [["Name", "E-mail", "Country"], ["Hanbit", "a@b.kr", "KR"]]})
    assert _raises(path) == ("unknown_kind", {"file": str(path), "sheet": "목록"})


def test_read_sheets_kind_argument_settles_the_kind(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "list.xlsx", {"목록": [["Name", "E-mail", "Country"], ["Hanbit", "a@b.kr", "KR"]]})
    assert _rows(_read_one(path, ORGS)) == [(2, {"name_en": "Hanbit", "contact_email": "a@b.kr", "country": "KR"})]


def test_read_sheets_sheet_name_settles_the_kind(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "list.xlsx", {"회원": [["Name", "E-mail", "Country"], ["Hanbit", "a@b.kr", "KR"]]})
    assert _rows(_read_one(path)) == [(2, {"name_en": "Hanbit", "email": "a@b.kr", "country": "KR"})]


# --- Layouts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("tab.txt", "기관명\t국가\t기술분야\n한빛, 주식회사\t대한민국\t수소, 연료전지\n"),
        ("semicolon.csv", "기관명;국가;기술분야\n한빛, 주식회사;대한민국;수소, 연료전지\n"),
        ("comma.csv", '기관명,국가,기술분야\n"한빛, 주식회사",대한민국,"수소, 연료전지"\n'),
        ("tabs.tsv", "기관명\t국가\t기술분야\n한빛, 주식회사\t대한민국\t수소, 연료전지\n"),
    ],
)
def test_read_sheets_detects_the_delimiter(tmp_path: Path, name: str, text: str) -> None:
    sheet = _read_one(_csv(tmp_path / name, text), ORGS)
    assert _rows(sheet) == [(2, {"name_ko": "한빛, 주식회사", "country": "KR", "fields": ["수소", "연료전지"]})]


def test_read_sheets_utf16_text_export(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("기관명\t국가\n한빛수소\t대한민국\n".encode("utf-16"))
    assert _rows(_read_one(path, ORGS)) == [(2, {"name_ko": "한빛수소", "country": "KR"})]


def test_read_sheets_headers_with_line_breaks_stars_and_full_width(tmp_path: Path) -> None:
    text = '"논문\n제목 *",ＤＯＩ,  발행 연도  \n"Durability of stacks",10.1000/X1,2024년\n'
    sheet = _read_one(_csv(tmp_path / "papers.csv", text))
    assert (sheet.kind, sheet.columns) == (
        PUBS,
        [("title", "A", "논문 제목 *"), ("doi", "B", "DOI"), ("year", "C", "발행 연도")],
    )
    assert _rows(sheet) == [(2, {"title": "Durability of stacks", "doi": "10.1000/x1", "year": 2024})]


def test_read_sheets_skips_blank_rows_columns_and_notes(tmp_path: Path) -> None:
    text = ",,,\n,기관명,,국가\n,,,\n,한빛수소,,대한민국\n,,,\n※ 비고: 가상 자료,,,\n,새솔정밀,,KR\n"
    sheet = _read_one(_csv(tmp_path / "orgs.csv", text), ORGS)
    assert (sheet.header_row, sheet.ignored) == (2, [("A", "")])  # the note sits under no header
    assert _rows(sheet) == [
        (4, {"name_ko": "한빛수소", "country": "KR"}),
        (7, {"name_ko": "새솔정밀", "country": "KR"}),
    ]


def test_read_sheets_two_row_header_in_csv(tmp_path: Path) -> None:
    text = "기관명,담당자,,마감일\n,성명,이메일,\n한빛수소,김서로,Seoro@Hanbit.example,2025.07.28\n"
    sheet = _read_one(_csv(tmp_path / "needs.csv", text))
    assert (sheet.kind, sheet.header_row) == (PROFILES, 1)
    assert sheet.columns == [
        ("organisation", "A", "기관명"),
        ("contact_name", "B", "담당자"),
        ("contact_email", "C", "담당자 이메일"),
        ("valid_until", "D", "마감일"),
    ]
    assert _rows(sheet) == [
        (3, {"organisation": "한빛수소", "contact_name": "김서로", "contact_email": "seoro@hanbit.example", "valid_until": date(2025, 7, 28)})
    ]  # fmt: skip


def test_read_sheets_two_row_header_matches_the_combined_header(tmp_path: Path) -> None:
    text = "기관명(국문),담당자,,국가\n,성명,이메일,\n한빛수소,김서로,seoro@hanbit.example,KR\n"
    sheet = _read_one(_csv(tmp_path / "orgs.csv", text), ORGS)
    assert [(key, header) for key, _, header in sheet.columns] == [
        ("name_ko", "기관명(국문)"),
        ("contact_name", "담당자 성명"),
        ("contact_email", "담당자 이메일"),
        ("country", "국가"),
    ]


def test_read_sheets_title_row_is_not_a_group_header(tmp_path: Path) -> None:
    path = tmp_path / "title.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2025년 기관 목록"])
    sheet.merge_cells("A1:C1")
    sheet.append(["기관명(국문)", "국가", "지역"])
    sheet.append(["한빛수소", "KR", "한빛도"])
    book.save(path)
    read = _read_one(path)
    assert (read.header_row, read.ignored, _rows(read)) == (
        2,
        [],
        [(3, {"name_ko": "한빛수소", "country": "KR", "region": "한빛도"})],
    )


def test_read_sheets_reports_data_under_no_header(tmp_path: Path) -> None:
    sheet = _read_one(_csv(tmp_path / "orgs.csv", "기관명,,국가\n한빛수소,메모,KR\n"), ORGS)
    assert sheet.ignored == [("B", "")]


def test_read_sheets_skips_hidden_and_guide_sheets(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Guide"
    book.active.append(["기관명(국문)", "국가", "설명"])
    hidden = book.create_sheet("목록")
    hidden.append(["기관명(국문)", "국가"])
    hidden.append(["숨은 기관", "KR"])
    hidden.sheet_state = "hidden"
    data = book.create_sheet("Sheet2")
    data.append(["기관명(국문)", "국가"])
    data.append(["한빛수소", "KR"])
    book.save(path)
    assert [(s.sheet, _rows(s)) for s in read_sheets(path)] == [
        ("Sheet2", [(2, {"name_ko": "한빛수소", "country": "KR"})])
    ]


# --- Columns -----------------------------------------------------------------------------------


def test_read_sheets_duplicate_column_is_a_problem(tmp_path: Path) -> None:
    path = _csv(tmp_path / "orgs.csv", "국가,지역,소재국\nKR,서울,CA\n")
    sheet = _read_one(path, ORGS)
    assert sheet.problems == [
        Problem(
            Location(str(path), 1, "C", "소재국"),
            "country",
            "duplicate_column",
            {"header": "소재국", "other_header": "국가", "other_column": "A"},
        )
    ]
    assert _rows(sheet) == [(2, {"country": "KR", "region": "서울"})]


def test_read_sheets_duplicate_column_blank_everywhere_is_ignored(tmp_path: Path) -> None:
    sheet = _read_one(_csv(tmp_path / "orgs.csv", "국가,지역,소재국\n,서울,CA\n,부산,\n"), ORGS)
    assert (sheet.problems, sheet.ignored) == ([], [("A", "국가")])
    assert _rows(sheet) == [(2, {"country": "CA", "region": "서울"}), (3, {"region": "부산"})]


def test_read_sheets_missing_required_column(tmp_path: Path) -> None:
    path = _csv(tmp_path / "papers.csv", "학술지,연도,DOI\nJournal of Power Sources,2024,10.1000/x\n")
    sheet = _read_one(path, PUBS)
    assert sheet.problems == [
        Problem(Location(str(path), 1), "title", "missing_column", {"header_ko": "논문명", "header_en": "Title"})
    ]


def test_read_sheets_generic_columns_fill_free_slots(tmp_path: Path) -> None:
    text = "기관명(국문),기관명,Name\n한빛수소,Hanbit Hydrogen,한빛수소\n,한빛수소,Hanbit Hydrogen\n"
    sheet = _read_one(_csv(tmp_path / "orgs.csv", text), ORGS)
    assert (sheet.problems, _rows(sheet)) == (
        [],
        [
            (2, {"name_ko": "한빛수소", "name_en": "Hanbit Hydrogen"}),
            (3, {"name_ko": "한빛수소", "name_en": "Hanbit Hydrogen"}),
        ],
    )
    assert sheet.rows[0].cells["name_en"] == Location(str(tmp_path / "orgs.csv"), 2, "B", "기관명")


def test_read_sheets_generic_text_goes_to_the_other_slot_or_conflicts(tmp_path: Path) -> None:
    path = _csv(tmp_path / "orgs.csv", "기관명(국문),기관명(영문),기관명\n한빛수소,,한빛에너지\n한빛수소,Hanbit,새솔\n")
    sheet = _read_one(path, ORGS)
    assert _rows(sheet) == [
        (2, {"name_ko": "한빛수소", "name_en": "한빛에너지"}),
        (3, {"name_ko": "한빛수소", "name_en": "Hanbit"}),
    ]
    assert sheet.problems == [
        Problem(
            Location(str(path), 3, "C", "기관명"),
            "name",
            "conflicting_text",
            {"value": "새솔", "ko": "한빛수소", "en": "Hanbit"},
        )
    ]


def test_read_sheets_location_file_is_the_path_as_given() -> None:
    relative = Path(os.path.relpath(FIXTURES / "needs_cp949.csv"))
    sheet = _read_one(relative)
    assert (sheet.file, sheet.rows[0].location.file, sheet.problems[0].location.file) == (str(relative),) * 3
