from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Table
from seoro.domain.participants import Participant, Party, check_participants, group_parties, meeting_cap
from seoro.domain.text import BilingualText
from seoro.i18n import t

pytestmark = pytest.mark.unit

DAY = date(2025, 10, 14)
NAME = BilingualText("2025 대전 비즈니스 매칭", "2025 Daejeon business matching")


def _session(code: str = "am", **kw: object) -> Session:
    values: dict[str, object] = {"day": DAY, "start": time(9), "slot_minutes": 20, "end": time(12), **kw}
    return Session(code, **values)  # type: ignore[arg-type]


def _times(session: Session) -> list[str]:
    return [f"{a:%H:%M}-{b:%H:%M}" for a, b in session.times()]


def _error(call: object, *args: object, **kw: object) -> DomainError:
    """The error ``call`` raises, after checking it reads in both languages (every placeholder filled)."""
    with pytest.raises(DomainError) as caught:
        call(*args, **kw)  # type: ignore[operator]
    for lang in ("ko", "en"):
        assert "{" not in t(f"error.{caught.value.code}", lang, **caught.value.params)
    return caught.value


def test_slots_skip_breaks_and_say_which_follow_the_previous() -> None:
    event = Event(NAME, sessions=[_session(breaks=((time(10, 20), time(10, 40)),))])
    slots = event.slots()
    assert [f"{s.start:%H:%M}" for s in slots] == [
        "09:00",
        "09:20",
        "09:40",
        "10:00",
        "10:40",
        "11:00",
        "11:20",
        "11:40",
    ]
    assert [s.follows_previous for s in slots] == [False, True, True, True, False, True, True, True]
    assert [s.index for s in slots] == list(range(8))
    assert {s.session for s in slots} == {"am"}
    assert slots[0].start == datetime(2025, 10, 14, 9, tzinfo=ZoneInfo("Asia/Seoul"))
    assert slots[0].end - slots[0].start == timedelta(minutes=20)
    assert slots[4].label() == "2025-10-14 10:40–11:00"


def test_a_slot_that_would_run_into_a_break_starts_after_it() -> None:
    session = _session(slot_minutes=30, end=None, slots=4, breaks=((time(10, 15), time(10, 30)),))
    assert _times(session) == ["09:00-09:30", "09:30-10:00", "10:30-11:00", "11:00-11:30"]
    assert session.span() == (datetime(2025, 10, 14, 9), datetime(2025, 10, 14, 11, 30))


def test_a_slot_that_does_not_fit_before_the_end_is_left_out() -> None:
    assert _times(_session(slot_minutes=25, end=time(10))) == ["09:00-09:25", "09:25-09:50"]


def test_slots_are_numbered_over_sessions_in_time_order_with_their_block() -> None:
    day2 = _session("d2", day=DAY + timedelta(days=1), end=time(9, 40))
    pm = _session("pm", start=time(14), end=time(14, 40))
    am = _session("am", end=time(9, 40))
    slots = Event(NAME, timezone="Europe/Berlin", sessions=[day2, pm, am]).slots()
    assert [(s.index, s.session, s.block, f"{s.start:%d %H:%M}") for s in slots] == [
        (0, "am", 0, "14 09:00"),
        (1, "am", 0, "14 09:20"),
        (2, "pm", 1, "14 14:00"),
        (3, "pm", 1, "14 14:20"),
        (4, "d2", 2, "15 09:00"),
        (5, "d2", 2, "15 09:20"),
    ]
    assert [s.follows_previous for s in slots] == [False, True, False, True, False, True]
    assert slots[0].start.utcoffset() == timedelta(hours=2)


def test_sessions_that_meet_end_to_start_do_not_follow_each_other() -> None:
    first, second = _session("a", end=time(9, 40)), _session("b", start=time(9, 40), end=time(10, 20))
    assert [s.follows_previous for s in Event(NAME, sessions=[first, second]).slots()] == [False, True, False, True]


def test_overlapping_sessions_are_refused() -> None:
    morning = _session("am")
    late = _session("late", start=time(11, 50), end=time(13))
    error = _error(Event, NAME, sessions=[late, morning])
    assert (error.code, error.params) == ("event_slots_overlap", {"first": "am", "second": "late"})


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"slot_minutes": 0}, "slot_length"),
        ({"slot_minutes": -20}, "slot_length"),
        ({"slots": 3}, "session_length"),
        ({"end": None}, "session_length"),
        ({"end": None, "slots": 0}, "session_length"),
        ({"end": time(9)}, "session_reversed"),
        ({"end": time(9, 10)}, "session_empty"),
        ({"start": time(23), "end": None, "slots": 4}, "session_past_midnight"),
        ({"breaks": ((time(10), time(10)),)}, "break_reversed"),
        ({"breaks": ((time(10), time(10, 30)), (time(10, 20), time(10, 40)))}, "breaks_overlap"),
        ({"breaks": ((time(8, 50), time(9, 10)),)}, "break_outside_session"),
        ({"breaks": ((time(11, 50), time(12, 10)),)}, "break_outside_session"),
        ({"end": None, "slots": 2, "breaks": ((time(9, 40), time(10)),)}, "break_outside_session"),
    ],
)
def test_bad_sessions_are_refused(kw: dict[str, object], code: str) -> None:
    assert _error(_session, **kw).code == code


def test_a_session_may_end_at_midnight() -> None:
    assert _times(_session(start=time(23, 20), end=None, slots=2)) == ["23:20-23:40", "23:40-00:00"]


@pytest.mark.parametrize(
    ("kw", "code", "params"),
    [
        ({"timezone": "Mars/Olympus"}, "unknown_timezone", {"value": "Mars/Olympus"}),
        ({"timezone": ""}, "unknown_timezone", {"value": ""}),
        ({"max_in_a_row": -1}, "setting_out_of_range", {"setting": "max_in_a_row", "value": -1, "min": 0}),
        (
            {"request_expiry_hours": 0},
            "setting_out_of_range",
            {"setting": "request_expiry_hours", "value": 0, "min": 1},
        ),
        (
            {"default_max_meetings": -2},
            "setting_out_of_range",
            {"setting": "default_max_meetings", "value": -2, "min": 0},
        ),
        ({"sessions": [_session("x"), _session("x", day=DAY + timedelta(1))]}, "duplicate_session", {"session": "x"}),
        ({"tables": [Table(3), Table(3)]}, "duplicate_table", {"table": 3}),
        ({"types": [ParticipationType("buyer", NAME)] * 2}, "duplicate_type", {"value": "buyer"}),
        ({"tables": [Table(1, availability=frozenset({8}))]}, "unknown_slot", {"slot": 8, "count": 8}),
        ({"tables": [Table(1, host=5), Table(2, host=5)]}, "booth_twice", {"participant": 5}),
        ({"name": BilingualText()}, "name_required", {}),
    ],
)
def test_bad_events_are_refused(kw: dict[str, object], code: str, params: dict[str, object]) -> None:
    values: dict[str, object] = {"name": NAME, "sessions": [_session(end=time(11, 40))], **kw}
    error = _error(Event, **values)
    assert (error.code, error.params) == (code, params)


def test_event_defaults() -> None:
    event = Event(NAME)
    assert (event.scheduling_mode, event.auto_accept, event.request_expiry_hours) == ("optimiser", False, None)
    assert event.scheduling_mode is SchedulingMode.OPTIMISER
    assert (event.cross_type_only, event.max_in_a_row, event.default_max_meetings, event.slots()) == (
        False,
        0,
        None,
        [],
    )


def test_tables() -> None:
    assert _error(Table, 4, seats=1).params == {"table": "T4", "seats": 1}
    assert Table(7, name="Room Hanbat").label() == "Room Hanbat"
    lost = Table(2, availability=frozenset({0, 1, 5})).lost_from(2, 8)
    assert lost.availability == frozenset({0, 1})
    event = Event(NAME, sessions=[_session()], tables=[Table(1), Table(2)])
    changed = event.lose_table(2, 6)
    assert changed.table(2).availability == frozenset(range(6))
    assert event.table(2).availability is None
    assert changed.table(1) == Table(1)
    assert _error(event.table, 9).params == {"table": 9}


def test_participants_normalise_languages_and_link_to_one_record() -> None:
    p = Participant(NAME, languages=[" KO", "en", "ko"])
    assert p.languages == ["ko", "en"]
    assert _error(Participant, NAME, languages=["Korean"]).params == {"value": "korean"}
    assert _error(Participant, NAME, expert_id=1, organisation_id=2).code == "participant_one_link"
    assert _error(Participant, NAME, max_meetings=-1).code == "setting_out_of_range"
    assert Participant(NAME, delegation="").delegation is None


def test_meeting_cap_takes_the_smaller_of_own_and_type_and_the_default_only_when_neither_is_set() -> None:
    event = Event(
        NAME, default_max_meetings=8, types=[ParticipationType("buyer", NAME, 5), ParticipationType("seller", NAME)]
    )
    assert meeting_cap(event, Participant(NAME, "buyer", max_meetings=7)) == 5
    assert meeting_cap(event, Participant(NAME, "buyer", max_meetings=3)) == 3
    assert meeting_cap(event, Participant(NAME, "seller", max_meetings=12)) == 12
    assert meeting_cap(event, Participant(NAME, "seller")) == 8
    assert meeting_cap(replace(event, default_max_meetings=None), Participant(NAME, "seller")) is None


def _people() -> list[Participant]:
    return [
        Participant(
            BilingualText("김하나"),
            "firm",
            delegation="org7",
            languages=["ko"],
            availability=frozenset({0, 1, 2}),
            id=3,
        ),
        Participant(
            BilingualText("이두리"),
            "firm",
            delegation="org7",
            languages=["ko", "en"],
            availability=frozenset({1, 2, 5}),
            max_meetings=4,
            id=1,
        ),
        Participant(BilingualText(en="Anna Berg"), "partner", languages=["de", "en"], booth=True, id=2),
        Participant(BilingualText(en="Gone"), "partner", delegation="org7", cancelled=True, id=4),
    ]


def test_a_delegation_is_one_party_of_its_attending_members() -> None:
    event = Event(NAME, sessions=[_session()], tables=[Table(1), Table(2, host=2)], default_max_meetings=6)
    parties = group_parties(_people())
    assert sorted(parties) == ["d:org7", "p:2"]
    delegation = parties["d:org7"]
    assert (delegation.ids, delegation.size, delegation.type_code) == ((1, 3), 2, "firm")
    assert delegation.availability(9) == frozenset({1, 2})
    assert delegation.languages() == {"ko", "en"}
    assert (delegation.cap(event), delegation.booth(event.booths())) == (4, None)
    assert (parties["p:2"].cap(event), parties["p:2"].booth(event.booths())) == (6, 2)
    assert delegation.label() == "이두리, 김하나"  # members in id order
    assert isinstance(delegation, Party)


def test_check_participants() -> None:
    types = [ParticipationType("firm", NAME), ParticipationType("partner", NAME)]
    event = Event(NAME, sessions=[_session()], tables=[Table(1), Table(2, host=2)], types=types)
    people = _people()
    check_participants(event, people)
    stranger = replace(people[0], type_code="buyer")
    assert _error(check_participants, event, [stranger]).params == {"value": "buyer", "choices": "firm, partner"}
    late = replace(people[2], availability=frozenset({9}))  # slots 0-8
    assert _error(check_participants, event, [late]).params == {"slot": 9, "count": 9}
    no_booth = replace(people[2], booth=False)
    assert _error(check_participants, event, [no_booth]).params == {"table": "T2", "participant": 2}
    host_elsewhere = replace(event, tables=[Table(1)])
    assert _error(check_participants, host_elsewhere, people).params == {"participant": "Anna Berg"}
    mixed = [*people[:2], replace(people[3], cancelled=False), people[2]]
    assert _error(check_participants, event, mixed).params == {"delegation": "org7"}
    event2 = replace(event, tables=[Table(1, host=1), Table(2, host=2), Table(3, host=3)])
    two_booths = [replace(p, booth=True) for p in people[:3]]
    assert _error(check_participants, event2, two_booths).code == "booth_twice"


# --- properties of slot generation --------------------------------------------------------------

Layout = tuple[int, int, int, list[tuple[int, int]]]  # start, slot length, end (minutes), breaks


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    """A session between 07:00 and 20:00, in minutes, with up to three disjoint breaks inside it."""
    start = draw(st.integers(7 * 60, 12 * 60))
    length = draw(st.integers(5, 90))
    end = draw(st.integers(start + 1, 20 * 60))
    cuts = sorted(draw(st.lists(st.integers(start, end), max_size=6, unique=True)))
    return start, length, end, list(zip(cuts[::2], cuts[1::2], strict=False))


def _reference(layout: Layout) -> list[int]:
    """Slot starts written independently: each gap between breaks filled from its start."""
    start, length, end, breaks = layout
    edges = [start, *(x for br in breaks for x in br), end]
    return [s for a, b in zip(edges[::2], edges[1::2], strict=True) for s in range(a, b - length + 1, length)]


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def _make(layout: Layout, code: str = "s", day: date = DAY, slots: int | None = None) -> Session:
    start, length, end, breaks = layout
    clocks = tuple((_clock(a), _clock(b)) for a, b in breaks)
    stop = None if slots else _clock(end)
    return Session(code, day, _clock(start), length, slots=slots, end=stop, breaks=clocks)


def _check_layout(session: Session) -> None:
    times = session.times()
    length = timedelta(minutes=session.slot_minutes)
    assert all(b - a == length for a, b in times)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(times, times[1:], strict=False))
    start, end = session.span()
    assert all(start <= a and b <= end for a, b in times)
    breaks = [(datetime.combine(DAY, a), datetime.combine(DAY, b)) for a, b in session.breaks]
    assert [(a, b) for a, b in times for x, y in breaks if a < y and x < b] == []


@given(layouts())
def test_slots_fill_each_gap_between_breaks_and_never_overlap(layout: Layout) -> None:
    expected = _reference(layout)
    if not expected:
        assert _error(_make, layout).code == "session_empty"
        return
    session = _make(layout)
    assert [_minutes(a) for a, _ in session.times()] == expected
    _check_layout(session)


@given(layouts(), st.data())
def test_a_count_of_slots_gives_exactly_that_many(layout: Layout, data: st.DataObject) -> None:
    expected = _reference(layout)
    assume(expected)
    count = data.draw(st.integers(1, len(expected)))
    last_end = expected[count - 1] + layout[1]
    inside = (*layout[:3], [(a, b) for a, b in layout[3] if b <= last_end])
    session = _make(inside, slots=count)
    assert [_minutes(a) for a, _ in session.times()] == expected[:count]
    _check_layout(session)


@given(layouts(), layouts())
def test_two_sessions_of_one_day_are_refused_exactly_when_they_overlap(first: Layout, second: Layout) -> None:
    assume(_reference(first) and _reference(second))
    a, b = _make(first, "a"), _make(second, "b")
    overlap = first[0] < second[2] and second[0] < first[2]
    if overlap:
        assert _error(Event, NAME, sessions=[a, b]).code == "event_slots_overlap"
    else:
        slots = Event(NAME, sessions=[a, b]).slots()
        assert len(slots) == len(_reference(first)) + len(_reference(second))
        assert all(x.end <= y.start for x, y in zip(slots, slots[1:], strict=False))


@given(st.lists(layouts(), min_size=1, max_size=4))
def test_event_slots_are_in_time_order_and_follow_flags_match_the_times(drawn: list[Layout]) -> None:
    assume(all(_reference(x) for x in drawn))
    days = [_make(x, f"s{k}", DAY + timedelta(days=k)) for k, x in enumerate(drawn)]
    slots = Event(NAME, sessions=days[::-1]).slots()
    assert [s.index for s in slots] == list(range(len(slots)))
    assert [s.block for s in slots] == [k for k, x in enumerate(drawn) for _ in _reference(x)]
    for x, y in zip(slots, slots[1:], strict=False):
        assert x.end <= y.start
        assert y.follows_previous == (x.session == y.session and x.end == y.start)
    assert not slots[0].follows_previous
