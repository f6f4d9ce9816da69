from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from seoro.domain.agenda import AgendaView, EntryStatus, EntryView, PartnerCard, Stage, uid
from seoro.domain.text import BilingualText
from seoro.files.calendar import PRODID, agenda_ics

pytestmark = pytest.mark.unit

SEOUL = ZoneInfo("Asia/Seoul")
TORONTO = ZoneInfo("America/Toronto")
PARTNER = PartnerCard(
    name=BilingualText("이서연", "Seoyeon Lee"),
    organisation=BilingualText("토론토대학교", "University of Toronto"),
    country="CA",
    summary=BilingualText("고체산화물 연료전지 열화 분석", "Degradation of solid oxide fuel cells"),
    fields=(BilingualText("수소", "Hydrogen"), BilingualText("연료전지", "Fuel cells")),
)


def entry(start: datetime, *, key: int = 7, minutes: int = 30, **changes: Any) -> EntryView:
    """A meeting at ``start`` (aware) with PARTNER at table T3, slot 2."""
    base = EntryView(
        uid=uid(1, key),
        sequence=0,
        status=EntryStatus.CONFIRMED,
        start=start,
        end=start + timedelta(minutes=minutes),
        slot_number=2,
        table_label="T3",
        partners=(PARTNER,),
        reason=BilingualText("같은 분야: 수소", "Same field: hydrogen"),
        interpreter="박지훈",
    )
    return replace(base, **changes)


def agenda(
    *entries: EntryView, lang: str = "ko", stage: Stage | None = Stage.PRELIMINARY, **changes: Any
) -> AgendaView:
    """김민준's agenda for the 2027 hydrogen brokerage event in Seoul."""
    base = AgendaView(
        event_id=1,
        event_name=BilingualText("2027 수소 상담회", "Hydrogen Brokerage 2027"),
        venue="대전컨벤션센터",
        timezone="Asia/Seoul",
        participant_id=11,
        participant=BilingualText("김민준", "Minjun Kim"),
        organisation=BilingualText("한빛수소", "Hanbit Hydrogen"),
        lang=lang,
        stage=stage,
        version=1,
        stamp=datetime(2027, 3, 1, 9, 0, tzinfo=UTC),
        entries=entries,
    )
    return replace(base, **changes)


def events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_calendar_header() -> None:
    data = agenda_ics(agenda(entry(datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL))))
    cal = Calendar.from_ical(data)
    assert cal["prodid"] == PRODID
    assert cal["version"] == "2.0"
    assert cal["method"] == "PUBLISH"
    assert cal["x-wr-calname"] == "2027 수소 상담회"
    assert cal["name"] == "2027 수소 상담회"
    assert cal["x-wr-timezone"] == "Asia/Seoul"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Seoul"]
    assert b"DTSTART;TZID=Asia/Seoul:20270310T140000\r\n" in data


def test_an_entry_round_trips_in_korean() -> None:
    start = datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)
    [event] = events(agenda_ics(agenda(entry(start))))
    assert event["uid"] == "event-1-meeting-7@seoro"
    assert event.decoded("sequence") == 0
    assert event["status"] == "TENTATIVE"
    assert event["summary"] == "미팅: 이서연"
    assert event["location"] == "대전컨벤션센터, 테이블 T3"
    assert event.decoded("dtstamp") == datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    decoded = event.decoded("dtstart")
    assert decoded == start
    assert decoded.tzinfo == SEOUL
    assert decoded.astimezone(UTC) == datetime(2027, 3, 10, 5, 0, tzinfo=UTC)  # 14:00+09:00 == 05:00Z
    assert event.decoded("dtend") == start + timedelta(minutes=30)
    text = str(event["description"])
    for part in (
        "이서연",
        "토론토대학교",
        "CA",
        "고체산화물",
        "수소, 연료전지",
        "같은 분야: 수소",
        "통역: 박지훈",
        "슬롯: 2",
    ):
        assert part in text


def test_an_english_agenda_speaks_english() -> None:
    [event] = events(agenda_ics(agenda(entry(datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)), lang="en")))
    assert event["summary"] == "Meeting: Seoyeon Lee"
    assert event["location"] == "대전컨벤션센터, table T3"
    assert "Why this match: Same field: hydrogen" in str(event["description"])


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        (datetime(2027, 6, 15, 9, 30, tzinfo=TORONTO), datetime(2027, 6, 15, 13, 30, tzinfo=UTC)),  # EDT, −04:00
        (datetime(2027, 1, 20, 9, 30, tzinfo=TORONTO), datetime(2027, 1, 20, 14, 30, tzinfo=UTC)),  # EST, −05:00
    ],
)
def test_an_event_in_toronto_keeps_its_zone(local: datetime, utc: datetime) -> None:
    data = agenda_ics(agenda(entry(local), timezone="America/Toronto", venue="MaRS Discovery District"))
    [event] = events(data)
    decoded = event.decoded("dtstart")
    assert decoded == local
    assert decoded.tzinfo == TORONTO
    assert decoded.astimezone(UTC) == utc
    assert [tz["tzid"] for tz in Calendar.from_ical(data).walk("VTIMEZONE")] == ["America/Toronto"]
    assert local.strftime("DTSTART;TZID=America/Toronto:%Y%m%dT%H%M%S\r\n").encode() in data


def test_times_given_in_another_zone_are_written_in_the_events_zone() -> None:
    start = datetime(2027, 3, 10, 5, 0, tzinfo=UTC)
    [event] = events(agenda_ics(agenda(entry(start))))
    assert event.decoded("dtstart").tzinfo == SEOUL
    assert event.decoded("dtstart") == start


def test_a_moved_meeting_keeps_its_uid_with_a_higher_sequence() -> None:
    first = entry(datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL))
    moved = replace(first, sequence=1, start=first.start + timedelta(hours=1), end=first.end + timedelta(hours=1))
    [before] = events(agenda_ics(agenda(first)))
    [after] = events(agenda_ics(agenda(moved, version=2)))
    assert after["uid"] == before["uid"]
    assert after.decoded("sequence") > before.decoded("sequence")
    assert after.decoded("dtstart") == datetime(2027, 3, 10, 15, 0, tzinfo=SEOUL)


def test_a_cancelled_meeting_is_cancelled_at_its_last_time() -> None:
    start = datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)
    cancelled = entry(start, sequence=2, status=EntryStatus.CANCELLED)
    [event] = events(agenda_ics(agenda(cancelled, stage=Stage.FINAL)))
    assert event["status"] == "CANCELLED"
    assert event.decoded("sequence") == 2
    assert event.decoded("dtstart") == start


@pytest.mark.parametrize(
    ("stage", "status"), [(Stage.PRELIMINARY, "TENTATIVE"), (Stage.FINAL, "CONFIRMED"), (None, "TENTATIVE")]
)
def test_the_stage_sets_the_status(stage: Stage | None, status: str) -> None:
    [event] = events(agenda_ics(agenda(entry(datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)), stage=stage)))
    assert event["status"] == status


def test_one_vevent_per_entry_in_order() -> None:
    start = datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)
    data = agenda_ics(agenda(entry(start, key=1), entry(start + timedelta(minutes=30), key=2)))
    assert [str(e["uid"]) for e in events(data)] == [uid(1, 1), uid(1, 2)]


def test_an_empty_agenda_is_still_a_calendar() -> None:
    cal = Calendar.from_ical(agenda_ics(agenda()))
    assert cal.walk("VEVENT") == []
    assert cal["x-wr-calname"] == "2027 수소 상담회"
