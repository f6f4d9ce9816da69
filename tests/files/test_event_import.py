"""Importing an event's participants, interpreters and requests from agency spreadsheets into a real
database (SQLite and PostgreSQL): CP949 CSV and .xlsx, links to the directory, and bad input that
names its cell and changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from seoro.domain.errors import InvalidInput
from seoro.domain.meetings import Priority, RequestSource, RequestStatus
from seoro.files.event_columns import EventSheetKind
from seoro.files.reading import read_sheets
from seoro.services import events as ev
from seoro.services.database import Database
from seoro.services.event_definition import plan_event, read_event_file
from seoro.services.event_import import PEOPLE, import_people, import_requests, read_files
from seoro.services.importing import import_sheets
from tests.conftest import FIXTURES
from tests.helpers import dump

pytestmark = pytest.mark.integration
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PARTICIPANTS_CSV = FIXTURES / "event_participants_cp949.csv"
REQUESTS_CSV = FIXTURES / "event_requests_cp949.csv"
WORKBOOK = FIXTURES / "event_registrations.xlsx"
HEADER = "이름,소속,이메일,유형,언어,참가 가능 시간"


@pytest.fixture
def event_id(db: Database) -> int:
    """The fixture event (event.toml: 11 slots, 4 tables, regional/overseas, cross-type only, auto-accept)
    in a database that already holds directory.xlsx (김민준, 새솔 강소특구, (주)한빛수소테크)."""
    import_sheets(db, read_sheets(FIXTURES / "directory.xlsx"), actor="tester")
    return ev.create_event(db, plan_event(read_event_file(FIXTURES / "event.toml"), "event.toml").event, actor="tester")


def _people(db: Database, event_id: int, *paths: Path) -> None:
    import_people(db, event_id, read_files(list(paths), PEOPLE), actor="tester")


def _csv(path: Path, *lines: str, header: str = HEADER) -> Path:
    path.write_bytes(("\r\n".join([header, *lines]) + "\r\n").encode("cp949"))
    return path


def test_cp949_participants_are_registered_and_linked_to_the_directory(db: Database, event_id: int) -> None:
    report = import_people(db, event_id, read_files([PARTICIPANTS_CSV], PEOPLE), actor="tester")
    assert report.counts() == {("participant", "created"): 7}
    with db.reading() as unit:
        people = {p.name.ko or p.name.en: p for p in unit.events.participants(event_id)}
        event = unit.events.get(event_id)
        h2 = unit.organisations.ids_by_name(["(주)한빛수소테크"]).pop()
        zone = unit.organisations.ids_by_name(["새솔 강소특구"]).pop()
        minjun = unit.experts.id_by_email("minjun.kim@uoft.example")
    assert [(p.type_code, p.delegation, p.organisation_id) for p in (people["김서로"], people["이하늘"])] == [
        ("regional", "한빛수소", h2),
        ("regional", "한빛수소", h2),
    ]
    assert (people["김민준"].expert_id, people["김민준"].languages) == (minjun, ["ko", "en"])  # from the directory
    assert people["김민준"].availability == frozenset(range(5, 11))  # 14:00-16:00: the afternoon
    assert people["박가온"].availability == frozenset(range(5))  # 오전
    assert (people["박가온"].max_meetings, people["박가온"].organisation_id) == (3, None)  # 가온배터리 is not known
    assert people["Claire Dubois"].availability == frozenset({0, 1, 2, 3, *range(5, 11)})  # 1-4, 오후
    assert (people["Claire Dubois"].languages, people["Daniel Park"].type_code) == (["fr", "en"], "overseas")
    assert (people["최새솔"].organisation_id, people["최새솔"].booth) == (zone, True)
    assert [t.host for t in event.tables] == [None, None, None, people["최새솔"].id]


def test_importing_the_same_file_again_changes_nothing(db: Database, event_id: int) -> None:
    _people(db, event_id, PARTICIPANTS_CSV)
    before = dump(db.engine)
    again = import_people(db, event_id, read_files([PARTICIPANTS_CSV], PEOPLE), actor="tester")
    assert again.counts() == {("participant", "unchanged"): 7}
    assert dump(db.engine) == before


def test_workbook_adds_participants_interpreters_and_requests(db: Database, event_id: int) -> None:
    _people(db, event_id, PARTICIPANTS_CSV)
    report = import_people(db, event_id, read_files([WORKBOOK], PEOPLE), actor="tester")
    assert report.counts() == {("participant", "created"): 3, ("interpreter", "created"): 2}
    with db.reading() as unit:
        people = {p.name.ko or p.name.en: p for p in unit.events.participants(event_id)}
        interpreters = unit.events.interpreters(event_id)
        event = unit.events.get(event_id)
    assert [(i.name, i.languages, i.availability) for i in interpreters] == [
        ("박통역", ["ko", "en"], None),
        ("Emily Seo", ["ko", "en"], frozenset(range(5, 11))),
    ]
    yuna = people["정유나"]
    assert (yuna.type_code, yuna.availability, yuna.booth) == ("regional", frozenset({0, 1, 2}), True)
    assert [t.host for t in event.tables] == [None, None, yuna.id, people["최새솔"].id]  # 예: the last free table
    assert (people["Sarah Kang"].max_meetings, people["Sarah Kang"].availability) == (2, frozenset(range(5)))

    made = import_requests(
        db, event_id, read_files([REQUESTS_CSV, WORKBOOK], [EventSheetKind.REQUESTS]), actor="t", now=NOW
    )
    assert made.counts() == {("request", "created"): 9}
    with db.reading() as unit:
        requests = unit.events.requests(event_id)
    name = {p.id: p.name.ko or p.name.en for p in people.values()}
    assert [(name[r.requester_id], name[r.requested_id], r.priority, r.status) for r in requests[:3]] == [
        ("김서로", "김민준", Priority.MUST, RequestStatus.ACCEPTED),
        ("박가온", "Claire Dubois", Priority.HIGH, RequestStatus.ACCEPTED),
        ("김서로", "Daniel Park", Priority.HIGH, RequestStatus.ACCEPTED),  # found by e-mail
    ]
    assert [r.priority for r in requests[3:]] == [Priority.NORMAL, Priority.NORMAL, Priority.MUST] + [
        Priority.MUST,
        Priority.HIGH,
        Priority.NORMAL,
    ]
    assert {(r.source, r.created_at, r.message) for r in requests[:1]} == {
        (RequestSource.PARTICIPANT, NOW, "PEM 연료전지 스택 공동연구")
    }
    before = dump(db.engine)
    again = import_requests(db, event_id, read_files([REQUESTS_CSV], [EventSheetKind.REQUESTS]), actor="t", now=NOW)
    assert again.counts() == {("request", "unchanged"): 6}
    assert dump(db.engine) == before


def test_status_column_and_caps(db: Database, event_id: int, tmp_path: Path) -> None:
    _people(db, event_id, PARTICIPANTS_CSV)
    path = _csv(
        tmp_path / "신청.csv",
        "김서로,김민준,보통,대기",
        "박가온,Claire Dubois,높음,거절",
        "최새솔,Daniel Park,,수락",
        header="신청자,상대방,우선순위,상태",
    )
    import_requests(db, event_id, read_files([path], [EventSheetKind.REQUESTS]), actor="t", now=NOW)
    with db.reading() as unit:
        requests = unit.events.requests(event_id)
    assert [(r.status, r.priority, r.answered_at) for r in requests] == [
        (RequestStatus.PENDING, Priority.NORMAL, None),
        (RequestStatus.DECLINED, Priority.HIGH, NOW),
        (RequestStatus.ACCEPTED, Priority.NORMAL, NOW),
    ]


def _refused(db: Database, run: object) -> list[tuple[str, int, str, str, str, str]]:
    """The problems an import raised, as (file name, row, column, header, field, code); the database unchanged."""
    before = dump(db.engine)
    with pytest.raises(InvalidInput) as caught:
        run()  # type: ignore[operator]
    assert dump(db.engine) == before
    return [
        (Path(p.location.file).name, p.location.row, p.location.column, p.location.header, p.field, p.code)
        for p in caught.value.problems
    ]


def test_bad_participants_name_file_row_and_field_and_change_nothing(
    db: Database, event_id: int, tmp_path: Path
) -> None:
    _people(db, event_id, PARTICIPANTS_CSV)
    path = _csv(
        tmp_path / "참가자_오류.csv",
        "홍길동,(주)한빛테크,hong@example.com,바이어,한국어,오전",
        "Jane Roe,Roe Labs,jane@example.com,overseas,English,저녁 7시",
        "김철수,(주)한빛테크,kim@example.com,regional,클링온어,13",
        ",,,regional,ko,",
    )
    problems = _refused(db, lambda: _people(db, event_id, path))
    assert problems == [
        ("참가자_오류.csv", 2, "D", "유형", "type", "unknown_participation_type"),
        ("참가자_오류.csv", 3, "F", "참가 가능 시간", "availability", "bad_availability"),
        ("참가자_오류.csv", 4, "E", "언어", "languages", "unknown_language"),
        ("참가자_오류.csv", 4, "F", "참가 가능 시간", "availability", "availability_slot_range"),
        ("참가자_오류.csv", 5, "", "", "name_ko", "name_required"),
    ]


def test_bad_requests_name_file_row_and_field_and_change_nothing(db: Database, event_id: int, tmp_path: Path) -> None:
    _people(db, event_id, PARTICIPANTS_CSV)
    path = _csv(
        tmp_path / "미팅신청.csv",
        "김서로,김민준,필수",
        "김서로,홍길동,높음",  # nobody of that name
        "박가온,박가온,보통",  # oneself
        "김서로,이하늘,보통",  # own delegation
        "박가온,최새솔,보통",  # both regional in a cross-type event
        "Claire Dubois,박가온,아주 많이",
        header="신청자,희망 상대,우선순위",
    )
    problems = _refused(
        db, lambda: import_requests(db, event_id, read_files([path], [EventSheetKind.REQUESTS]), actor="t", now=NOW)
    )
    assert problems == [
        ("미팅신청.csv", 3, "B", "희망 상대", "requested", "unknown_participant_ref"),
        ("미팅신청.csv", 4, "B", "희망 상대", "requested", "request_to_self"),
        ("미팅신청.csv", 5, "B", "희망 상대", "requested", "request_to_self"),
        ("미팅신청.csv", 6, "B", "희망 상대", "requested", "same_type_request"),
        ("미팅신청.csv", 7, "C", "우선순위", "priority", "bad_priority"),
    ]
    with db.reading() as unit:
        assert unit.events.requests(event_id) == []  # the good first row was not kept either


def test_booth_problems_and_mixed_delegations(db: Database, event_id: int, tmp_path: Path) -> None:
    _people(db, event_id, PARTICIPANTS_CSV)  # 최새솔 keeps table 4
    path = _csv(
        tmp_path / "부스.csv",
        "A,,a@example.com,regional,ko,,4,",
        "B,,b@example.com,regional,ko,,T9,",
        "C,,c@example.com,overseas,en,,,한빛수소",
        header=HEADER + ",부스,대표단",
    )
    problems = _refused(db, lambda: _people(db, event_id, path))
    assert problems == [
        ("부스.csv", 2, "G", "부스", "booth", "booth_table_taken"),
        ("부스.csv", 3, "G", "부스", "booth", "unknown_booth_table"),
        ("부스.csv", 4, "D", "유형", "type", "delegation_mixed_types"),
    ]


def test_dry_run_reports_and_writes_nothing(db: Database, event_id: int) -> None:
    before = dump(db.engine)
    report = import_people(db, event_id, read_files([PARTICIPANTS_CSV], PEOPLE), actor="tester", dry_run=True)
    assert (report.dry_run, report.counts()) == (True, {("participant", "created"): 7})
    assert dump(db.engine) == before
