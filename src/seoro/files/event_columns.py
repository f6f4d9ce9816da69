"""The spreadsheets of a brokerage event: participants, meeting requests, interpreters.

Column specs work as those of :mod:`seoro.files.columns` (first header Korean, second English, then
spellings seen in agency files), and :func:`read_event_sheets` reads a file the way
:func:`seoro.files.reading.read_sheets` does, with the same grids, cleaning and problem locations.
What only the event can say (which participation type "지역기업" is, which slots "오전" covers) is
kept as text here and checked by the event import, which names the same cells. See
:mod:`seoro.files.event_values` for how those texts are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from seoro.domain.errors import DomainError, Location, Problem
from seoro.domain.text import BilingualText, clean, language_of
from seoro.files.cleaning import cell_text, is_blank, parse_value
from seoro.files.columns import Column, ValueType
from seoro.files.grids import load_grids
from seoro.files.headers import column_letter, header_key, is_guide_sheet
from seoro.files.records import SourceRow


class EventSheetKind(StrEnum):
    PARTICIPANTS = "participants"
    REQUESTS = "requests"
    INTERPRETERS = "interpreters"


def _c(key: str, type_: ValueType, headers: tuple[str, ...], ko: str, en: str, example: str = "") -> Column:
    return Column(key, type_, headers, BilingualText(ko, en), example)


_T = ValueType.TEXT
_NAME = ("이름", "Name", "성명", "참가자", "참가자명", "참가자 성명", "Participant", "Full name", "대표자")
_LANGUAGES = _c(
    "languages",
    ValueType.LANGUAGES,
    ("언어", "Languages", "사용언어", "사용 언어", "구사언어", "Language", "가능 언어"),
    "사용 언어(쉼표로 구분)",
    "Languages spoken, comma-separated",
    "한국어, 영어",
)
_AVAILABILITY = _c(
    "availability",
    _T,
    ("참가 가능 시간", "Availability", "참가가능시간", "가능 시간", "가능시간", "참석 가능 시간", "Available", "시간"),
    "참가 가능 시간(비우면 전체): 오전, 오후, 09:00-12:00, 슬롯 번호 1-6, 1일차 오후",
    "When they can meet (blank: always): morning, afternoon, 09:00-12:00, slot numbers 1-6, day 1 pm",
    "오전, 14:00-16:00",
)
_EMAIL = _c(
    "email",
    ValueType.EMAIL,
    ("이메일", "E-mail", "email", "메일", "전자우편", "E-mail address"),
    "이메일(디렉터리의 전문가를 찾는 데 사용)",
    "E-mail (finds the expert in the directory)",
    "g.hong@example.edu",
)

PARTICIPANT_COLUMNS: tuple[Column, ...] = (
    _c(
        "name_ko",
        _T,
        ("이름(국문)", "Name (Korean)", "성명(국문)", "국문성명", "한글성명"),
        "한국어 이름",
        "Name in Korean",
    ),
    _c(
        "name_en",
        _T,
        ("이름(영문)", "Name (English)", "성명(영문)", "영문성명", "English name"),
        "영어 이름",
        "Name in English",
    ),
    _c("name", _T, _NAME, "이름(언어 자동 판별)", "Name in either language (detected)", "홍길동"),
    _c(
        "organisation",
        _T,
        (
            "소속",
            "Organisation",
            "기관",
            "소속기관",
            "기관명",
            "기업명",
            "회사명",
            "Organization",
            "Company",
            "Affiliation",
        ),
        "소속 기관(디렉터리의 기관과 연결)",
        "Organisation (linked to the directory's)",
        "(주)한빛수소테크",
    ),
    _EMAIL,
    _c(
        "type",
        _T,
        ("유형", "Type", "구분", "참가유형", "참가 유형", "참가구분", "참가 구분", "Participation type", "Role"),
        "참가 유형(행사에 정한 코드나 이름)",
        "Participation type (the event's code or name)",
        "지역기업",
    ),
    _LANGUAGES,
    _AVAILABILITY,
    _c(
        "max_meetings",
        ValueType.INT,
        ("최대 미팅 수", "Max meetings", "최대미팅수", "최대 상담 수", "최대상담수", "미팅 수", "Maximum meetings"),
        "최대 미팅 수(비우면 유형·행사 기준)",
        "Most meetings (blank: the type's or the event's cap)",
        "6",
    ),
    _c(
        "booth",
        _T,
        ("부스", "Booth", "부스 번호", "부스번호", "Booth table"),
        "부스를 운영하면 그 테이블 번호(예: 10, 예 = 남은 마지막 테이블)",
        "Table kept as a booth (e.g. 10; yes = the last free table)",
        "10",
    ),
    _c(
        "delegation",
        _T,
        ("대표단", "Delegation", "대표단/동행", "동행", "일행", "Group", "Delegation group"),
        "같은 값을 쓴 사람들은 한 팀으로 함께 미팅",
        "People with the same value meet together, as one delegation",
        "한빛수소테크",
    ),
)

REQUEST_COLUMNS: tuple[Column, ...] = (
    _c(
        "requester",
        _T,
        ("신청자", "Requester", "요청자", "신청인", "신청 기업", "신청기업", "From", "Requested by"),
        "미팅을 신청한 참가자(이름, 이메일 또는 참가자 번호)",
        "Who asks (name, e-mail or participant number)",
        "김도윤",
    ),
    _c(
        "requested",
        _T,
        ("상대방", "Requested", "희망 상대", "희망상대", "미팅 상대", "상담 상대", "희망 기업", "To", "Partner"),
        "만나고 싶은 상대(이름, 이메일 또는 참가자 번호)",
        "Whom they want to meet (name, e-mail or participant number)",
        "Jiwon Han",
    ),
    _c(
        "priority",
        _T,
        ("우선순위", "Priority", "순위", "중요도", "희망 순위"),
        "우선순위: 필수/높음/보통 또는 1/2/3(비우면 보통)",
        "Priority: must/high/normal or 1/2/3 (blank: normal)",
        "높음",
    ),
    _c(
        "message",
        ValueType.LONGTEXT,
        ("메시지", "Message", "요청 메시지", "신청 사유", "메모", "비고", "Note", "Notes"),
        "상대방에게 전할 말",
        "A note to the other side",
        "",
    ),
    _c(
        "status",
        _T,
        ("상태", "Status", "수락 여부", "수락여부", "응답"),
        "수락/대기/거절(비우면 행사 설정대로)",
        "accepted/pending/declined (blank: as the event decides)",
        "수락",
    ),
)

INTERPRETER_COLUMNS: tuple[Column, ...] = (
    _c(
        "name",
        _T,
        ("통역사", "Interpreter", "통역사명", "통역원", *_NAME),
        "통역사 이름",
        "Interpreter's name",
        "이통역",
    ),
    _LANGUAGES,
    _AVAILABILITY,
)

EVENT_COLUMNS: dict[EventSheetKind, tuple[Column, ...]] = {
    EventSheetKind.PARTICIPANTS: PARTICIPANT_COLUMNS,
    EventSheetKind.REQUESTS: REQUEST_COLUMNS,
    EventSheetKind.INTERPRETERS: INTERPRETER_COLUMNS,
}
GENERIC_NAME = ("name_ko", "name_en")  # where a participant's "이름" goes, by its script

SHEET_NAMES: dict[EventSheetKind, tuple[str, ...]] = {
    EventSheetKind.PARTICIPANTS: ("참가자", "참가자 목록", "참가자목록", "참가신청", "participants", "attendees"),
    EventSheetKind.REQUESTS: ("미팅 신청", "미팅신청", "상담 신청", "상담신청", "신청", "requests", "meeting requests"),
    EventSheetKind.INTERPRETERS: ("통역", "통역사", "통역 인력", "interpreters"),
}
_INDEX = {kind: {header_key(h): c.key for c in columns for h in c.headers} for kind, columns in EVENT_COLUMNS.items()}
_SHEET_KINDS = {header_key(n): kind for kind, names in SHEET_NAMES.items() for n in names}
_SCAN_ROWS, _MIN_MATCHES = 20, 2
_INTERPRETER_MARK = {header_key(h) for h in INTERPRETER_COLUMNS[0].headers[:4]}


# -- reading ---------------------------------------------------------------------------------------


@dataclass
class EventSheet:
    """One sheet of an event file, read: rows of values by column key, and the problems found."""

    file: str
    sheet: str
    kind: EventSheetKind
    header_row: int = 0
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (column letter, header) not recognised
    rows: list[SourceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_event_sheets(path: Path, kinds: Sequence[EventSheetKind]) -> list[EventSheet]:
    """The sheets of ``path`` holding one of ``kinds`` (the first kind for a sheet its name or headers
    do not settle); a sheet whose header names an interpreter column holds interpreters."""
    file = str(path)
    grids = [g for g in load_grids(path) if not is_guide_sheet(g.name) and any(map(_has_value, g.rows))]
    if not grids:
        raise DomainError("empty_file", file=file)
    sheets: list[EventSheet] = []
    for grid in grids:
        named = _SHEET_KINDS.get(header_key(grid.name))
        if named is not None and named not in kinds:
            continue
        found = _find_header(grid.rows, [named] if named else list(kinds))
        if found is not None:
            kind, row, cells = found
            sheets.append(_read(file, grid.name, kind, grid.rows, row, cells))
    if not sheets:
        raise DomainError("no_header", file=file)
    return sheets


def _has_value(row: Sequence[Any]) -> bool:
    return any(not is_blank(v) for v in row)


def _find_header(
    rows: list[list[Any]], kinds: list[EventSheetKind]
) -> tuple[EventSheetKind, int, dict[int, str]] | None:
    """(kind, 0-based header row, column → header text) of the row that names the most columns."""
    best: tuple[int, EventSheetKind, int, dict[int, str]] | None = None
    scanned = 0
    for index, row in enumerate(rows):
        texts = {i: clean(cell_text(v)) for i, v in enumerate(row) if not is_blank(v)}
        if not texts:
            continue
        for kind in kinds:
            score = sum(header_key(t) in _INDEX[kind] for t in texts.values())
            if score >= _MIN_MATCHES and (best is None or score > best[0]):
                best = (score, _refine(kind, texts, kinds), index, texts)
        scanned += 1
        if scanned == _SCAN_ROWS:
            break
    return None if best is None else best[1:]


def _refine(kind: EventSheetKind, texts: dict[int, str], kinds: list[EventSheetKind]) -> EventSheetKind:
    marked = any(header_key(t) in _INTERPRETER_MARK for t in texts.values())
    return EventSheetKind.INTERPRETERS if marked and EventSheetKind.INTERPRETERS in kinds else kind


def _read(
    file: str, name: str, kind: EventSheetKind, rows: list[list[Any]], header: int, texts: dict[int, str]
) -> EventSheet:
    sheet = EventSheet(file, name, kind, header_row=header + 1)
    index, columns = _INDEX[kind], {c.key: c for c in EVENT_COLUMNS[kind]}
    used: dict[int, str] = {}
    for i, text in texts.items():
        key = index.get(header_key(text))
        # two columns for one field: the first is read (a generic name may sit next to an English one)
        if key is None or (key in used.values() and key != "name"):
            sheet.ignored.append((column_letter(i), text))
        else:
            used[i] = key
    for number, values in enumerate(rows[header + 1 :], start=header + 2):
        if any(not is_blank(values[i]) for i in used):
            sheet.rows.append(_row(sheet, kind, columns, number, values, used, texts))
    return sheet


def _row(
    sheet: EventSheet,
    kind: EventSheetKind,
    columns: dict[str, Column],
    number: int,
    values: list[Any],
    used: dict[int, str],
    texts: dict[int, str],
) -> SourceRow:
    row = SourceRow(Location(sheet.file, number, sheet=sheet.sheet))
    for i, key in sorted(used.items(), key=lambda item: item[1] == "name"):  # explicit ko/en columns first
        where = Location(sheet.file, number, column_letter(i), texts[i], sheet.sheet)
        try:
            value = parse_value(columns[key], values[i])
        except DomainError as err:
            sheet.problems.append(Problem(where, key, err.code, err.params | {"value": cell_text(values[i])}))
            continue
        if value is None:
            continue
        if key == "name" and kind is EventSheetKind.PARTICIPANTS:
            ko, en = GENERIC_NAME
            key = ko if language_of(str(value)) == "ko" and ko not in row.values else en
            if key in row.values:
                key = ko if en == key else en
        if key in row.values:
            continue  # both names given already (or two name columns): the later one adds nothing
        row.values[key], row.cells[key] = value, where
    return row
