"""Publishing agendas: sequences rise only on change, cancelled meetings stay as cancelled entries, and
the change list says what a publication would do; the attendance rules of the day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seoro.domain.agenda import Change, Entry, EntryStatus, Placement, Stage, changes, placements, publish
from seoro.domain.attendance import check_in, closed_before, mark_absent, overdue
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Session
from seoro.domain.meetings import Meeting, MeetingRequest
from seoro.domain.participants import Participant
from seoro.domain.text import BilingualText

pytestmark = pytest.mark.unit
AT = datetime(2026, 10, 14, 0, 0, tzinfo=UTC)

Timetable = dict[tuple[int, int], Placement]
placement_st = st.builds(
    Placement,
    slot=st.integers(0, 5),
    table=st.integers(1, 3),
    partner_ids=st.sampled_from([(10,), (11,), (10, 11)]),
    interpreter_id=st.sampled_from([None, 1]),
)
timetable_st: st.SearchStrategy[Timetable] = st.dictionaries(
    st.tuples(st.integers(1, 4), st.integers(100, 106)), placement_st, max_size=12
)


def run(tables: list[Timetable], stage: Stage = Stage.FINAL) -> list[list[Entry]]:
    """Publish each timetable in turn; the entries held after each publication."""
    held: dict[tuple[int, int], Entry] = {}
    out = []
    for version, table in enumerate(tables, start=1):
        for e in publish(table, held.values(), version=version, stage=stage):
            held[e.participant_id, e.key] = e
        out.append(sorted(held.values(), key=lambda e: (e.participant_id, e.key)))
    return out


@given(st.lists(timetable_st, min_size=1, max_size=5))
def test_publications_keep_entries_and_raise_sequences_only_on_change(tables: list[Timetable]) -> None:
    history = run(tables)
    seen: dict[tuple[int, int], Entry] = {}
    for table, held in zip(tables, history, strict=True):
        now = {(e.participant_id, e.key): e for e in held}
        # every meeting of the timetable is confirmed where it is; everything else published is cancelled
        assert {k for k, e in now.items() if not e.cancelled} == set(table)
        assert all(now[k].placement == p for k, p in table.items())
        assert set(seen) <= set(now)  # an entry never disappears: calendars must hear of the cancellation
        for k, e in now.items():
            old = seen.get(k)
            if old is None:
                assert e.sequence == 0 and not e.cancelled
            elif (old.placement, old.status) == (e.placement, e.status):
                assert e.sequence == old.sequence
            else:
                assert e.sequence == old.sequence + 1
        seen = now
        # after publishing, nothing is left to change
        assert changes(table, held) == []


def test_changes_name_each_kind() -> None:
    before = {(1, 100): Placement(0, 1, (10,)), (1, 101): Placement(1, 1, (10,)), (1, 102): Placement(2, 1, (10,)),
              (1, 103): Placement(3, 1, (10,), 1), (1, 104): Placement(4, 1, (10, 11)), (1, 105): Placement(5, 1, (10,))}  # fmt: skip
    (held,) = run([before])
    after = {(1, 100): Placement(0, 1, (10,)), (1, 101): Placement(2, 1, (10,)), (1, 102): Placement(2, 2, (10,)),
             (1, 103): Placement(3, 1, (10,), 2), (1, 104): Placement(4, 1, (10,)), (1, 106): Placement(5, 2, (11,))}  # fmt: skip
    found = {(c.key, c.change) for c in changes(after, held)}
    assert found == {
        (101, Change.MOVED),
        (102, Change.TABLE),
        (103, Change.INTERPRETER),
        (104, Change.PARTNER),
        (105, Change.CANCELLED),
        (106, Change.NEW),
    }


def test_final_after_preliminary_is_a_change_for_every_entry() -> None:
    table = {(1, 100): Placement(0, 1, (10,))}
    (prelim,) = run([table], Stage.PRELIMINARY)
    (final,) = publish(table, prelim, version=2, stage=Stage.FINAL)
    assert (final.sequence, final.stage, final.status) == (1, Stage.FINAL, EntryStatus.CONFIRMED)


def test_placements_leave_out_meetings_a_side_no_longer_attends() -> None:
    people = {
        1: Participant(BilingualText("가", "A"), id=1, delegation="d"),
        2: Participant(BilingualText("나", "B"), id=2, delegation="d"),
        3: Participant(BilingualText("다", "C"), id=3),
        4: Participant(BilingualText("라", "D"), id=4, no_show_at=AT),
    }
    requests = {10: MeetingRequest(1, 3, AT, id=10), 11: MeetingRequest(4, 2, AT, id=11)}
    found = placements([Meeting(10, 0, 1), Meeting(11, 1, 2)], requests, people, n_slots=4)
    assert found == {
        (1, 10): Placement(0, 1, (3,)),
        (2, 10): Placement(0, 1, (3,)),
        (3, 10): Placement(0, 1, (1, 2)),
    }


def day_event() -> Event:
    return Event(BilingualText("행사", "Event"), sessions=[Session("am", date(2026, 10, 14), time(9, 0), 20, slots=3)])


def test_closed_before_counts_slots_begun_including_one_starting_now() -> None:
    slots = day_event().slots()
    assert [closed_before(slots, slots[0].start + timedelta(minutes=m)) for m in (-1, 0, 19, 20, 60)] == [0, 1, 1, 2, 3]


def test_no_show_rules() -> None:
    p = Participant(BilingualText("가", "A"), id=1)
    start = day_event().slots()[0].start
    assert overdue([p], {1: start}, start + timedelta(minutes=14), timedelta(minutes=15)) == []
    assert overdue([p], {1: start}, start + timedelta(minutes=15), timedelta(minutes=15)) == [p]
    absent = mark_absent(p, start)
    assert not absent.attending and absent.no_show_at == start
    back = check_in(absent, start + timedelta(minutes=30))
    assert back.attending and back.checked_in_at == start + timedelta(minutes=30)
    assert overdue([back], {1: start}, start + timedelta(hours=1), timedelta(minutes=15)) == []
    with pytest.raises(DomainError) as caught:
        mark_absent(back, start)
    assert caught.value.code == "already_checked_in"
