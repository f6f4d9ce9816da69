"""Reading what staff write in event spreadsheets: availability, priorities, and the sheets themselves."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Session
from seoro.domain.meetings import Priority, RequestStatus
from seoro.domain.text import BilingualText
from seoro.files.event_columns import EventSheetKind, read_event_sheets
from seoro.files.event_values import (
    format_availability,
    parse_availability,
    parse_priority,
    parse_status,
    parse_yes,
)
from tests.conftest import FIXTURES

pytestmark = pytest.mark.unit


def _event(days: int = 1) -> Event:
    """Per day: morning 09:30-12:10 with a break 10:50-11:10 (7 slots), afternoon 13:30-15:10 (5 slots)."""
    sessions = []
    for d in range(days):
        day = date(2026, 10, 14 + d)
        prefix = f"d{d + 1}-" if days > 1 else ""
        sessions += [
            Session(
                f"{prefix}am",
                day,
                time(9, 30),
                20,
                end=time(12, 10),
                name=BilingualText("오전 세션", "Morning session"),
                breaks=((time(10, 50), time(11, 10)),),
            ),
            Session(f"{prefix}pm", day, time(13, 30), 20, end=time(15, 10)),
        ]
    return Event(BilingualText("상담회", "Partnering day"), sessions=sessions)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("오전", range(0, 7)),
        ("오후", range(7, 12)),
        ("PM", range(7, 12)),
        ("morning", range(0, 7)),
        ("전일", range(0, 12)),
        ("all", range(0, 12)),
        ("09:00-11:00", [0, 1, 2, 3]),  # 10:50-11:10 is a break; 11:10 starts after 11:00
        ("9시~10시 10분", [0, 1]),
        ("10:30 – 14:10", [3, 4, 5, 6, 7, 8]),
        ("1-3, 12", [0, 1, 2, 11]),
        ("슬롯 5", [4]),
        ("오전 세션", range(0, 7)),
        ("pm", range(7, 12)),
        ("오전/오후", range(0, 12)),
        ("1일차 오후", range(7, 12)),
        ("2026-10-14 09:30-10:10", [0, 1]),
        ("10/14 오전", range(0, 7)),
        ("10월 14일", range(0, 12)),
        ("Day 1", range(0, 12)),
    ],
)
def test_availability_forms(text: str, slots: range | list[int]) -> None:
    assert parse_availability(text, _event()) == frozenset(slots)


def test_availability_on_the_second_day() -> None:
    event = _event(days=2)
    assert parse_availability("2일차 오전", event) == frozenset(range(12, 19))
    assert parse_availability("d2-pm", event) == frozenset(range(19, 24))  # a session code, not "day 2"
    assert parse_availability("10/15 13:30-14:10, 1일차 오전", event) == frozenset([*range(0, 7), 19, 20])


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("저녁", "bad_availability", {"value": "저녁"}),
        ("오전, 밤", "bad_availability", {"value": "밤"}),
        ("25:00-26:00", "bad_availability", {"value": "25:00-26:00"}),
        ("12:10-13:30", "availability_no_slot", {"value": "12:10-13:30"}),
        ("13", "availability_slot_range", {"value": "13", "count": 12}),
        ("3-1", "availability_slot_range", {"value": "3-1", "count": 12}),
        ("2일차", "availability_no_day", {"value": "2일차", "days": "2026-10-14"}),
        ("10/20 오전", "availability_no_day", {"value": "10/20 오전", "days": "2026-10-14"}),
        ("2026-02-30", "bad_availability", {"value": "2026-02-30"}),
    ],
)
def test_bad_availability_names_the_item(text: str, code: str, params: dict[str, object]) -> None:
    with pytest.raises(DomainError) as caught:
        parse_availability(text, _event())
    assert (caught.value.code, caught.value.params) == (code, params)


def test_availability_reads_back_what_it_writes() -> None:
    event = _event()
    slots = event.slots()
    for chosen in (frozenset({0, 1, 2, 5, 11}), frozenset({3}), frozenset(range(12))):
        written = format_availability(chosen, slots)
        assert parse_availability(written, event) == chosen
    assert format_availability(frozenset({0, 1, 2, 5, 11}), slots) == "1-3, 6, 12"
    assert format_availability(None, slots) == "전일"


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("필수", Priority.MUST),
        ("1", Priority.MUST),
        ("1순위", Priority.MUST),
        ("Must", Priority.MUST),
        ("높음", Priority.HIGH),
        (" 2 ", Priority.HIGH),
        ("HIGH", Priority.HIGH),
        ("보통", Priority.NORMAL),
        ("3", Priority.NORMAL),
        ("낮음", Priority.NORMAL),
        ("normal", Priority.NORMAL),
    ],
)
def test_priorities(text: str, priority: Priority) -> None:
    assert parse_priority(text) is priority


def test_bad_priority_and_status() -> None:
    with pytest.raises(DomainError) as caught:
        parse_priority("4")
    assert (caught.value.code, caught.value.params) == ("bad_priority", {"value": "4"})
    with pytest.raises(DomainError) as caught:
        parse_status("아마도")
    assert (caught.value.code, caught.value.params) == ("bad_request_status", {"value": "아마도"})


def test_yes_no_and_status_words() -> None:
    assert [parse_yes(t) for t in ("예", "O", "yes", "아니오", "X", "no", "10")] == [
        True,
        True,
        True,
        False,
        False,
        False,
        None,
    ]
    assert [parse_status(t) for t in ("수락", "대기", "거절", "Accepted")] == [
        RequestStatus.ACCEPTED,
        RequestStatus.PENDING,
        RequestStatus.DECLINED,
        RequestStatus.ACCEPTED,
    ]


def test_cp949_participants_with_korean_headers() -> None:
    (sheet,) = read_event_sheets(FIXTURES / "event_participants_cp949.csv", [EventSheetKind.PARTICIPANTS])
    assert (sheet.kind, sheet.header_row, sheet.ignored, sheet.problems) == (EventSheetKind.PARTICIPANTS, 1, [], [])
    first, _, gaon, booth, minjun, claire, _ = sheet.rows
    assert first.values == {
        "name_ko": "김서로",
        "organisation": "(주)한빛수소테크",
        "email": "seoro.kim@hanbit-h2.example",
        "type": "지역기업",
        "languages": ["ko"],
        "delegation": "한빛수소",
    }
    assert (gaon.values["organisation"], gaon.values["availability"], gaon.values["max_meetings"]) == (
        "(주) 가온배터리",
        "오전",
        3,
    )
    assert booth.values["booth"] == "4"
    assert "languages" not in minjun.values
    assert (claire.values["name_en"], claire.values["languages"]) == ("Claire Dubois", ["fr", "en"])
    assert (claire.where("availability").row, claire.where("availability").column) == (7, "F")


def test_workbook_sheets_by_name_and_english_headers() -> None:
    path = FIXTURES / "event_registrations.xlsx"
    people = read_event_sheets(path, [EventSheetKind.PARTICIPANTS, EventSheetKind.INTERPRETERS])
    assert [(s.sheet, s.kind, s.header_row, len(s.rows)) for s in people] == [
        ("Participants", EventSheetKind.PARTICIPANTS, 3, 3),
        ("Interpreters", EventSheetKind.INTERPRETERS, 1, 2),
    ]
    assert people[1].rows[1].values == {"name": "Emily Seo", "languages": ["ko", "en"], "availability": "pm"}
    (requests,) = read_event_sheets(path, [EventSheetKind.REQUESTS])
    assert [r.values for r in requests.rows][0] == {
        "requester": "정유나",
        "requested": "Sarah Kang",
        "priority": "must",
        "message": "Liquid hydrogen tank insulation",
    }


def test_bad_cells_become_problems_with_their_place(tmp_path: Path) -> None:
    path = tmp_path / "참가자.csv"
    path.write_bytes("이름,이메일,언어,최대 미팅 수,비고\n김서로,not-an-email,클링온어,여섯,메모\n".encode("cp949"))
    (sheet,) = read_event_sheets(path, [EventSheetKind.PARTICIPANTS])
    assert sheet.ignored == [("E", "비고")]
    assert [(p.location.row, p.location.column, p.field, p.code) for p in sheet.problems] == [
        (2, "B", "email", "invalid_email"),
        (2, "C", "languages", "unknown_language"),
        (2, "D", "max_meetings", "not_an_integer"),
    ]


def test_a_file_without_a_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        read_event_sheets(path, [EventSheetKind.REQUESTS])
    assert caught.value.code == "no_header"
