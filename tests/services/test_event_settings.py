"""A stored event as its settings and back: ``event_settings`` is the inverse of ``plan_event`` (for any
event the settings can make), and changing an event's settings keeps what they do not say, moves
availability with the clock, and refuses (changing nothing) what would strand people or meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Table
from seoro.domain.meetings import Meeting, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.services import events as ev
from seoro.services import scheduling as sc
from seoro.services.database import Database
from seoro.services.event_definition import (
    changed_event,
    event_fields,
    event_settings,
    follow_the_clock,
    option_settings,
    plan_event,
    read_event_file,
    wall_clock,
)
from tests.conftest import FIXTURES
from tests.services.event_rows import ACTOR, NOW, counts

KO = st.sampled_from(["", "오전", "오후", "저녁 세션", "지역기업", "해외 파트너"])
EN = st.sampled_from(["", "Morning", "Afternoon", "Late session", "Regional firm", "Overseas partner"])
CODES = st.text("abcdefgh", min_size=1, max_size=4)


@st.composite
def event_settings_drawn(draw: st.DrawFn) -> dict[str, Any]:
    """Settings of a valid event: 1–3 days repeating 1–3 sessions that follow one another (each ended by
    a time or a slot count, some with a slot length and a break of their own), tables by count or
    listed, 0–3 types, and every rule."""
    first = date(2026, 10, 14)
    days = sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=3)))
    minutes = draw(st.sampled_from([10, 15, 20, 30]))
    sessions, start = [], 8 * 60
    for k in range(draw(st.integers(1, 3))):
        own = draw(st.sampled_from([None, 25, 40]))
        length = own or minutes
        slots = draw(st.integers(2, 5))
        session: dict[str, Any] = {"code": f"s{k}{draw(CODES)}", "start": f"{start // 60:02d}:{start % 60:02d}"}
        session |= {"name_ko": draw(KO), "name_en": draw(EN)}
        breaks = draw(st.booleans())
        span = slots * length + (15 if breaks else 0)
        if breaks:  # after the first slot: inside the session, with a slot before it
            b = start + length
            session["breaks"] = [f"{b // 60:02d}:{b % 60:02d}-{(b + 15) // 60:02d}:{(b + 15) % 60:02d}"]
        if draw(st.booleans()):
            session["slots"] = slots
        else:
            end = start + span
            session["end"] = f"{end // 60:02d}:{end % 60:02d}"
        if own:
            session["slot_minutes"] = own
        sessions.append(session)
        start += span + draw(st.sampled_from([0, 30, 60]))
    count = draw(st.integers(1, 6))
    tables: Any = (
        {"count": count, "seats": draw(st.integers(2, 8))}
        if draw(st.booleans())
        else [{"number": n * 2 + 1, "name": draw(st.sampled_from(["", f"부스 {n}", f"R{n}"])),
               "seats": draw(st.integers(2, 8))} for n in range(count)]
    )  # fmt: skip
    codes = draw(st.lists(CODES, max_size=3, unique=True))
    types = [{"code": c, "name_ko": draw(KO), "name_en": draw(EN)} | draw(st.sampled_from([{}, {"max_meetings": 4}]))
             for c in codes]  # fmt: skip
    optional = {
        "request_expiry_hours": draw(st.sampled_from([None, 1, 72])),
        "default_max_meetings": draw(st.sampled_from([None, 0, 8])),
    }
    return {
        "name_ko": draw(KO) or "상담회", "name_en": draw(EN), "venue": draw(st.sampled_from(["", "해오름홀"])),
        "timezone": draw(st.sampled_from(["Asia/Seoul", "Europe/Berlin"])),
        "mode": draw(st.sampled_from(["optimiser", "self_service"])),
        "days": [first + timedelta(days=d) for d in days], "slot_minutes": minutes, "sessions": sessions,
        "tables": tables, "types": types, "cross_type_only": draw(st.booleans()), "auto_accept": draw(st.booleans()),
        "max_in_a_row": draw(st.integers(0, 4)),
    } | {k: v for k, v in optional.items() if v is not None}  # fmt: skip


@pytest.mark.unit
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_settings_drawn())
def test_an_events_settings_plan_the_same_event(drawn: dict[str, Any]) -> None:
    event = plan_event(drawn).event
    assert plan_event(event_settings(event)).event == event
    # changing an event to its own settings changes nothing
    assert changed_event(replace(event, id=7), event, event_settings(event)) == replace(event, id=7)


@pytest.mark.unit
def test_an_event_made_from_the_options_is_the_event_its_fields_write() -> None:
    made = option_settings(
        sessions=["오전=09:30-12:10", "13:30-16:50"], breaks=["10:50-11:10"], types=["firm=지역기업/Regional firm:6"],
        name_ko="새솔 상담회", days=["2026-10-14", "2026-10-15"], slot_minutes=20, tables=6, max_in_a_row=3,
    )  # fmt: skip
    event = plan_event(made).event
    fields = event_fields(event)
    assert fields["sessions"] == "오전=09:30-12:10\n13:30-16:50"
    assert (fields["days"], fields["breaks"], fields["types"]) == (
        "2026-10-14\n2026-10-15", "10:50-11:10", "firm=지역기업/Regional firm:6")  # fmt: skip
    again = option_settings(
        sessions=fields["sessions"].splitlines(), breaks=[fields["breaks"]], types=[fields["types"]],
        name_ko=fields["name_ko"], days=fields["days"].splitlines(), slot_minutes=int(fields["slot_minutes"]),
        tables=int(fields["tables"]), max_in_a_row=int(fields["max_in_a_row"]),
    )  # fmt: skip
    assert plan_event(again).event == event


@pytest.mark.unit
def test_availability_follows_the_clock() -> None:
    twenty = plan_event(read_event_file(FIXTURES / "event.toml")).event  # 10:00-12:00 (break 11:00-11:20), 14-16
    thirty = plan_event(event_settings(twenty) | {"slot_minutes": 30}).event
    old, new = wall_clock(twenty), wall_clock(thirty)
    afternoon = frozenset(i for i, (a, _) in enumerate(old) if a.hour >= 14)
    assert sorted(follow_the_clock(afternoon, old, new) or ()) == [3, 4, 5, 6]  # 14:00 … 15:30
    assert follow_the_clock(None, old, new) is None
    assert follow_the_clock(frozenset({0}), old, new) == frozenset()  # 10:00-10:20: no 30 minutes inside
    assert follow_the_clock(frozenset({0, 1}), old, new) == frozenset({0})  # 10:00-10:40 holds 10:00-10:30
    assert follow_the_clock(frozenset({4}), old, old) == frozenset({4})


@pytest.mark.unit
def test_a_table_count_keeps_the_stored_tables_and_a_list_is_taken_as_listed() -> None:
    stored = plan_event(read_event_file(FIXTURES / "event.toml")).event
    stored = replace(stored, id=3, tables=[Table(1, "T1", 6), Table(2, "부스 2", 4, host=11), Table(5, "T5", 4)])
    grown = changed_event(stored, plan_event(event_settings(stored) | {"tables": 5}).event, {"tables": 5})
    assert [(t.number, t.label(), t.seats, t.host) for t in grown.tables] == [
        (1, "T1", 6, None), (2, "부스 2", 4, 11), (5, "T5", 4, None), (6, "T6", 4, None), (7, "T7", 4, None)]  # fmt: skip
    shrunk = changed_event(stored, plan_event(event_settings(stored) | {"tables": 2}).event, {"tables": 2})
    assert [t.label() for t in shrunk.tables] == ["T1", "부스 2"] and shrunk.id == 3
    listed = {"tables": [{"number": 2, "name": "B2", "seats": 3}]}
    taken = changed_event(stored, plan_event(event_settings(stored) | listed).event, listed)
    assert [(t.number, t.label(), t.seats, t.host) for t in taken.tables] == [(2, "B2", 3, 11)]


@pytest.mark.unit
def test_days_with_different_sessions_cannot_be_described() -> None:
    event = plan_event(read_event_file(FIXTURES / "event.toml") | {"days": ["2026-03-10", "2026-03-11"]}).event
    event.sessions.pop()
    with pytest.raises(DomainError) as caught:
        event_settings(event)
    assert caught.value.code == "event_days_differ"


# -- on a database ---------------------------------------------------------------------------------


def _registered(db: Database) -> tuple[int, dict[str, int]]:
    """The fixture day (20-minute slots, 10-12 and 14-16) with an afternoon-only participant, one for the
    whole day, a booth host at T4, and an interpreter for the morning."""
    event_id, event = ev.create_planned_event(db, read_event_file(FIXTURES / "event.toml"), "event.toml", actor=ACTOR)
    afternoon = frozenset(s.index for s in event.slots() if s.start.hour >= 14)
    people = [
        Participant(BilingualText("오후만", ""), type_code="regional", languages=["ko", "en"], availability=afternoon),
        Participant(BilingualText("", "All day"), type_code="overseas", languages=["en"]),
        Participant(BilingualText("부스기업", ""), type_code="regional", languages=["ko"], booth=True),
    ]
    with db.unit(ACTOR) as unit:  # a booth host and their table are saved together, as an import does
        ids = [unit.events.save_participant(event_id, p) for p in people]
        unit.events.save(replace(event, tables=[replace(t, host=ids[2]) if t.number == 4 else t for t in event.tables]))
    morning = frozenset(s.index for s in event.slots() if s.start.hour < 12)
    ev.add_interpreters(db, event_id, [Interpreter("통역 김", ["ko", "en"], morning)], actor=ACTOR)
    return event_id, {"afternoon": ids[0], "all_day": ids[1], "booth": ids[2]}


def _update(db: Database, event_id: int, **changes: Any) -> Event:
    return ev.update_planned_event(db, event_id, event_settings(ev.get_event(db, event_id)) | changes, "test",
                                   actor=ACTOR)  # fmt: skip


def _refused(db: Database, event_id: int, code: str, **changes: Any) -> DomainError:
    before, rows = ev.get_event(db, event_id), counts(db)
    with db.reading() as unit:
        people = unit.events.participants(event_id), unit.events.interpreters(event_id)
    with pytest.raises(DomainError) as caught:
        _update(db, event_id, **changes)
    assert caught.value.code == code
    with db.reading() as unit:
        assert (unit.events.participants(event_id), unit.events.interpreters(event_id)) == people
    assert (ev.get_event(db, event_id), counts(db)) == (before, rows)
    return caught.value


@pytest.mark.integration
def test_a_change_keeps_booths_and_moves_availability_with_the_clock(db: Database) -> None:
    event_id, ids = _registered(db)
    before = ev.get_event(db, event_id)
    assert _update(db, event_id) == before  # the stored settings: nothing changes
    after = _update(db, event_id, slot_minutes=30, tables=6, venue="새 장소")
    assert ev.get_event(db, event_id) == after and after.id == event_id
    assert (after.venue, len(after.slots()), after.booths()) == ("새 장소", 7, {ids["booth"]: 4})
    with db.reading() as unit:
        people = {p.id: p for p in unit.events.participants(event_id)}
        [interpreter] = unit.events.interpreters(event_id)
    starts = [(s.start.hour, s.start.minute) for s in after.slots()]
    assert [starts[i] for i in sorted(people[ids["afternoon"]].availability or ())] == [
        (14, 0), (14, 30), (15, 0), (15, 30)]  # fmt: skip
    assert people[ids["all_day"]].availability is None
    assert [starts[i] for i in sorted(interpreter.availability or ())] == [(10, 0), (10, 30), (11, 20)]


@pytest.mark.integration
def test_a_change_that_strands_someone_is_refused_and_changes_nothing(db: Database) -> None:
    event_id, _ = _registered(db)
    stored = event_settings(ev.get_event(db, event_id))
    _refused(db, event_id, "booth_without_table", tables=3)  # T4, the booth, would go
    _refused(db, event_id, "unknown_participation_type", types=stored["types"][:1])
    error = _refused(db, event_id, "availability_no_slot", sessions=stored["sessions"][:1])  # no afternoon
    assert error.params["value"] == "오후만: 2026-03-10 14:00–16:00"
    _refused(db, event_id, "availability_no_slot", days=[date(2026, 3, 11)])  # another day: nobody's times


@pytest.mark.integration
def test_locked_meetings_keep_their_start_and_the_timetable_its_slots(db: Database) -> None:
    event_id, ids = _registered(db)
    request = ev.request_meeting(db, event_id, ids["afternoon"], ids["all_day"], now=NOW, actor=ACTOR)
    assert request.id is not None and request.status is RequestStatus.ACCEPTED  # the fixture day accepts at once
    event = ev.get_event(db, event_id)
    last = len(event.slots()) - 1  # 15:40-16:00: no 30-minute slot starts then
    sc.lock_meeting(db, event_id, request.id, last, 3, actor=ACTOR)
    error = _refused(db, event_id, "slot_in_use", slot_minutes=30)
    assert error.params == {"slot": last + 1, "time": "2026-03-10 15:40–16:00"}
    _refused(db, event_id, "table_in_use", tables=[{"number": n, "name": f"T{n}"} for n in (1, 2, 4)])
    # a later day and more tables leave the locked slot and table where they are
    after = _update(db, event_id, days=[date(2026, 3, 10), date(2026, 3, 12)], tables=8)
    assert (len(after.slots()), len(after.tables), wall_clock(after)[last]) == (22, 8, wall_clock(event)[last])
    two_pm = next(s.index for s in after.slots() if (s.start.hour, s.start.minute) == (14, 0))
    sc.lock_meeting(db, event_id, request.id, two_pm, 3, actor=ACTOR)
    after = _update(db, event_id, slot_minutes=30)  # 14:00 is still a slot's start: the lock moves to it
    with db.reading() as unit:
        [locked] = [r for r in unit.events.requests(event_id) if r.id == request.id]
    assert locked.locked_slot is not None and after.slots()[locked.locked_slot].start.hour == 14
    assert locked.locked_slot != two_pm and locked.locked_table == 3
    with db.unit(ACTOR) as unit:  # a timetable: its meeting's slot may not get other times
        unit.events.replace_meetings(event_id, [Meeting(request.id, locked.locked_slot, 3)])
    _refused(db, event_id, "slot_in_use", slot_minutes=20)
