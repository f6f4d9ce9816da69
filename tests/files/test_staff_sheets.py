from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from seoro.domain.sheets import DoorEntry, SheetMeeting, SlotView, StaffSheets
from seoro.domain.text import BilingualText as B
from seoro.files.staff_sheets import sheet_title, sheets_xlsx

pytestmark = pytest.mark.unit

SEOUL = ZoneInfo("Asia/Seoul")
START = datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)


def sheets(**changes: Any) -> StaffSheets:
    """Three 30-minute slots from 14:00 at tables T1–T3; two meetings in slot 2, one with an interpreter."""
    slots = tuple(
        SlotView(n, START + timedelta(minutes=30 * (n - 1)), START + timedelta(minutes=30 * n)) for n in (1, 2, 3)
    )
    meetings = (
        SheetMeeting(1, "T1", B("김민준", "Minjun Kim"), B("John Smith"), B("한빛수소", "Hanbit Hydrogen"), B("MaRS")),
        SheetMeeting(2, "T1", B("최유진", "Yujin Choi"), B("Anna Müller"), interpreter="Lee", languages="ko–de"),
        SheetMeeting(
            2, "T3", B("김민준", "Minjun Kim"), B("이서연", "Seoyeon Lee"), B("한빛수소", "Hanbit Hydrogen"),
            B("토론토대학교", "University of Toronto"), interpreter="박지훈", languages="ko–en",
        ),
    )  # fmt: skip
    door = (
        DoorEntry(12, B("최유진", "Yujin Choi"), B("대전TP", "Daejeon TP"), B("기업", "Company"), 1, slots[1].start, "T1"),
        DoorEntry(
            11, B("김민준", "Minjun Kim"), B("한빛수소", "Hanbit Hydrogen"), B("기업", "Company"), 2, slots[0].start, "T1",
            checked_in_at=datetime(2027, 3, 10, 4, 52, tzinfo=UTC),
        ),
        DoorEntry(13, B("박서준", "Seojun Park"), B(), B("연구자", "Researcher"), 0, None, "", no_show=True),
    )  # fmt: skip
    base = StaffSheets(
        event_name=B("2027 수소 상담회", "Hydrogen Brokerage 2027"),
        venue="대전컨벤션센터",
        timezone="Asia/Seoul",
        slots=slots,
        tables=("T1", "T2", "T3"),
        meetings=meetings,
        interpreters=("박지훈", "Lee"),
        door=door,
        made_at=datetime(2027, 3, 10, 0, 30, tzinfo=UTC),
    )
    return replace(base, **changes)


def workbook(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(ws: Any) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_three_localised_worksheets() -> None:
    assert workbook(sheets_xlsx(sheets(), "ko")).sheetnames == ["테이블 배치표", "통역 배치표", "출입 명단"]
    assert workbook(sheets_xlsx(sheets(), "en")).sheetnames == ["Table plan", "Interpreter plan", "Door list"]


def test_the_table_plan_grid() -> None:
    ws = workbook(sheets_xlsx(sheets(), "ko"))["테이블 배치표"]
    assert rows(ws)[0] == ["슬롯", "시간", "T1", "T2", "T3"]
    assert all(cell.font.b for cell in ws[1])
    assert ws.freeze_panes == "C2"
    assert [r[:2] for r in rows(ws)[1:]] == [[1, "14:00–14:30"], [2, "14:30–15:00"], [3, "15:00–15:30"]]
    assert ws["E3"].value == "김민준 (한빛수소)\n이서연 (토론토대학교)\n통역사: 박지훈"  # slot 2 × table T3
    assert ws["E3"].alignment.wrap_text
    assert ws["C2"].value == "김민준 (한빛수소)\nJohn Smith (MaRS)"
    assert ws["D3"].value is None  # T2 is free in slot 2
    assert ws.column_dimensions["E"].width > ws.column_dimensions["D"].width


def test_the_table_plan_in_english() -> None:
    ws = workbook(sheets_xlsx(sheets(), "en"))["Table plan"]
    assert rows(ws)[0] == ["Slot", "Time", "T1", "T2", "T3"]
    assert ws["E3"].value == "Minjun Kim (Hanbit Hydrogen)\nSeoyeon Lee (University of Toronto)\nInterpreter: 박지훈"


def test_the_interpreter_plan() -> None:
    ws = workbook(sheets_xlsx(sheets(), "ko"))["통역 배치표"]
    assert rows(ws)[0] == ["슬롯", "시간", "박지훈", "Lee"]
    assert ws.freeze_panes == "C2"
    assert rows(ws)[2] == [
        2,
        "14:30–15:00",
        "테이블 T3 (ko–en)\n김민준 (한빛수소)\n이서연 (토론토대학교)",
        "테이블 T1 (ko–de)\n최유진\nAnna Müller",
    ]
    assert rows(ws)[1][2:] == [None, None]


def test_the_door_list_is_sorted_with_check_ins_and_no_shows() -> None:
    ws = workbook(sheets_xlsx(sheets(), "ko"))["출입 명단"]
    assert ws.freeze_panes == "B2"
    assert rows(ws) == [
        ["이름", "소속", "참가 유형", "미팅 수", "첫 미팅", "첫 테이블", "도착", "불참"],
        ["김민준", "한빛수소", "기업", 2, "14:00", "T1", "13:52", None],
        ["박서준", None, "연구자", 0, None, None, None, "불참"],
        ["최유진", "대전TP", "기업", 1, "14:30", "T1", None, None],
    ]


def test_the_door_list_sorts_by_the_name_as_printed() -> None:
    ws = workbook(sheets_xlsx(sheets(), "en"))["Door list"]
    assert [r[0] for r in rows(ws)[1:]] == ["Minjun Kim", "Seojun Park", "Yujin Choi"]


def test_a_day_spanning_event_shows_dates() -> None:
    later = SlotView(4, START + timedelta(days=1), START + timedelta(days=1, minutes=30))
    s = sheets()
    ws = workbook(sheets_xlsx(replace(s, slots=(*s.slots, later)), "ko"))["테이블 배치표"]
    assert ws["B2"].value == "2027-03-10 14:00–14:30"
    assert ws["B5"].value == "2027-03-11 14:00–14:30"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Plan: A/B [v2]?", "Plan  A B  v2"), ("x" * 40, "x" * 31), ("***", "Sheet"), ("테이블 배치표", "테이블 배치표")],
)
def test_sheet_titles_are_valid_for_excel(title: str, expected: str) -> None:
    assert sheet_title(title) == expected
