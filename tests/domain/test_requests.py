from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from seoro.domain.book import RequestBook
from seoro.domain.booking import common_free_slots, lock, pick_slot, unlock
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Participant
from seoro.domain.requests import accept, cancel, decline, expire_due, is_overdue, make_request, recommend
from seoro.domain.text import BilingualText
from seoro.i18n import t

pytestmark = pytest.mark.unit

NOW = datetime(2025, 10, 1, 9, tzinfo=UTC)
T = BilingualText
# Six back-to-back 20-minute slots, 09:00-11:00.
EVENT = Event(
    T("대전 매칭데이", "Daejeon matching day"),
    sessions=[Session("am", date(2025, 10, 14), time(9), 20, slots=6)],
    tables=[Table(1), Table(2, seats=2), Table(3, host=5)],
    types=[
        ParticipationType("firm", T("지역기업", "Regional firm"), max_meetings=2),
        ParticipationType("partner", T("해외 파트너", "Overseas partner")),
    ],
)
PEOPLE = [
    Participant(T("김하나"), "firm", id=1),
    Participant(T("이두리", "Lee"), "firm", delegation="hanbit", id=2),
    Participant(T("박세나", "Park"), "firm", delegation="hanbit", max_meetings=1, id=3),
    Participant(T(en="Anna Berg"), "partner", id=4),
    Participant(T(en="Bob Booth"), "partner", booth=True, id=5),
    Participant(T(en="Chen Wei"), "partner", availability=frozenset({0, 1, 2}), id=6),
    Participant(T(en="Gone Away"), "partner", cancelled=True, id=7),
    Participant(T("오세진"), "firm", id=8),
]


def _book(*requests: MeetingRequest, event: Event = EVENT, meetings: tuple[Meeting, ...] = ()) -> RequestBook:
    return RequestBook(event, PEOPLE, requests, meetings)


def _req(
    a: int, b: int, status: RequestStatus = RequestStatus.ACCEPTED, id: int | None = None, **kw: object
) -> MeetingRequest:
    return MeetingRequest(a, b, NOW, status=status, id=id, **kw)  # type: ignore[arg-type]


def _error(call: object, *args: object, **kw: object) -> DomainError:
    """The error ``call`` raises, after checking it reads in both languages (every placeholder filled)."""
    with pytest.raises(DomainError) as caught:
        call(*args, **kw)  # type: ignore[operator]
    for lang in ("ko", "en"):
        assert "{" not in t(f"error.{caught.value.code}", lang, **caught.value.params)
    return caught.value


def _label(slot: int) -> str:
    return EVENT.slots()[slot].label()


# --- making requests ------------------------------------------------------------------------------


def test_a_new_request_is_pending() -> None:
    r = make_request(_book(), 1, 4, now=NOW, priority=Priority.HIGH, message="수소 협력")
    assert r == MeetingRequest(1, 4, NOW, priority=Priority.HIGH, message="수소 협력")
    assert (r.status, r.source, r.answered_at, r.id) == (RequestStatus.PENDING, RequestSource.PARTICIPANT, None, None)


@pytest.mark.parametrize(("a", "b"), [(1, 1), (2, 3), (3, 2)])
def test_no_request_to_oneself_or_one_own_delegation(a: int, b: int) -> None:
    assert _error(make_request, _book(), a, b, now=NOW).code == "request_to_self"


def test_requests_need_attending_participants() -> None:
    assert _error(make_request, _book(), 1, 99, now=NOW).params == {"id": 99}
    error = _error(make_request, _book(), 7, 1, now=NOW)
    assert (error.code, error.params) == ("participant_cancelled", {"participant": "Gone Away"})


def test_one_open_request_per_direction_between_two_parties() -> None:
    book = _book(_req(1, 4, RequestStatus.PENDING, id=10), _req(2, 5, id=11))
    error = _error(make_request, book, 1, 4, now=NOW)
    assert (error.code, error.params) == ("duplicate_request", {"status": "pending", "id": 10})
    assert _error(make_request, book, 3, 5, now=NOW).params == {"status": "accepted", "id": 11}  # same delegation
    assert make_request(book, 4, 1, now=NOW).requester_id == 4  # the other way is mutual interest
    book.record(decline(book.request(10), now=NOW))
    assert make_request(book, 1, 4, now=NOW).status is RequestStatus.PENDING


def test_cross_type_only_events_refuse_requests_within_a_type() -> None:
    book = _book(event=replace(EVENT, cross_type_only=True))
    error = _error(make_request, book, 1, 8, now=NOW)
    assert (error.code, error.params) == ("same_type_request", {"type": "firm"})
    assert make_request(book, 1, 4, now=NOW).requested_id == 4
    assert make_request(_book(), 1, 8, now=NOW).requested_id == 8


def test_auto_accept_events_accept_new_requests_while_both_have_room() -> None:
    event = replace(EVENT, auto_accept=True)
    r = make_request(_book(event=event), 1, 4, now=NOW)
    assert (r.status, r.answered_at) == (RequestStatus.ACCEPTED, NOW)
    full = _book(_req(1, 5, id=1), _req(1, 6, id=2), event=event)
    assert make_request(full, 1, 4, now=NOW).status is RequestStatus.PENDING


# --- answering ------------------------------------------------------------------------------------


def test_accept_and_decline_return_new_requests() -> None:
    pending = _req(1, 4, RequestStatus.PENDING, id=10)
    book = _book(pending)
    later = NOW + timedelta(hours=3)
    accepted = accept(book, pending, now=later)
    assert (accepted.status, accepted.answered_at, accepted.picked_slot) == (RequestStatus.ACCEPTED, later, None)
    assert pending.status is RequestStatus.PENDING
    assert book.meeting_count(book.party(1)) == 0
    declined = decline(pending, now=later)
    assert (declined.status, declined.answered_at) == (RequestStatus.DECLINED, later)
    assert _error(accept, book, accepted, now=later).params == {"status": "accepted"}
    assert _error(decline, declined, now=later).code == "request_not_pending"


def test_nobody_accepts_more_meetings_than_their_cap() -> None:
    book = _book(
        _req(1, 4, id=1),
        _req(1, 5, id=2),
        _req(6, 1, RequestStatus.PENDING, id=3),
        _req(1, 6, RequestStatus.PENDING, id=4),
    )
    assert book.meeting_count(book.party(1)) == 2
    error = _error(accept, book, book.request(3), now=NOW)  # 김하나 is the requested side
    assert (error.code, error.params) == ("meeting_cap_reached", {"participant": "김하나", "cap": 2})
    assert _error(accept, book, book.request(4), now=NOW).params == {"participant": "김하나", "cap": 2}


def test_accepting_the_other_direction_of_a_meeting_needs_no_room() -> None:
    book = _book(_req(1, 4, id=1), _req(1, 5, id=2), _req(4, 1, RequestStatus.PENDING, id=3))
    assert accept(book, book.request(3), now=NOW).status is RequestStatus.ACCEPTED
    book.record(accept(book, book.request(3), now=NOW))
    assert book.meeting_count(book.party(1)) == 2
    assert len(book.accepted(book.party(1), book.party(4))) == 2


def test_a_delegation_has_the_smallest_cap_of_its_members() -> None:
    book = _book(_req(2, 4, id=1), _req(5, 3, RequestStatus.PENDING, id=2))
    error = _error(accept, book, book.request(2), now=NOW)
    assert error.params == {"participant": "이두리 (Lee), 박세나 (Park)", "cap": 1}


def test_requests_with_a_cancelled_participant_do_not_use_up_caps() -> None:
    book = _book(_req(1, 7, id=1), _req(1, 5, id=2), _req(6, 1, RequestStatus.PENDING, id=3))
    assert accept(book, book.request(3), now=NOW).status is RequestStatus.ACCEPTED


def test_unanswered_requests_expire_after_the_event_period() -> None:
    event = replace(EVENT, request_expiry_hours=48)
    old = _req(1, 4, RequestStatus.PENDING, id=1)
    fresh = replace(old, created_at=NOW + timedelta(hours=1), id=2)
    answered = _req(1, 5, id=3)
    due = NOW + timedelta(hours=48)
    assert expire_due([old, fresh, answered], due, 48) == [replace(old, status=RequestStatus.EXPIRED)]
    assert old.status is RequestStatus.PENDING
    assert expire_due([old], due, None) == []
    assert (is_overdue(old, due - timedelta(seconds=1), 48), is_overdue(old, due, 48)) == (False, True)
    book = _book(old, event=event)
    assert _error(accept, book, old, now=due).code == "request_expired"
    assert accept(book, old, now=due - timedelta(minutes=1)).status is RequestStatus.ACCEPTED
    assert _error(make_request, book, 1, 4, now=due - timedelta(minutes=1)).code == "duplicate_request"
    assert make_request(book, 1, 4, now=due).created_at == due  # an overdue request no longer blocks


def test_cancel() -> None:
    assert cancel(_req(1, 4)).status is RequestStatus.CANCELLED
    assert cancel(_req(1, 4, RequestStatus.PENDING)).status is RequestStatus.CANCELLED
    assert _error(cancel, _req(1, 4, RequestStatus.DECLINED)).params == {"status": "declined"}


def test_recorded_changes_update_the_book() -> None:
    book = _book(_req(1, 4, id=1))
    assert book.meeting_count(book.party(4)) == 1
    book.record(cancel(book.request(1)))
    assert book.meeting_count(book.party(4)) == 0
    assert book.request(1).status is RequestStatus.CANCELLED
    assert make_request(book, 1, 4, now=NOW).status is RequestStatus.PENDING
    new = make_request(book, 1, 4, now=NOW)
    book.record(new)
    assert [r.status for r in book.requests] == [RequestStatus.CANCELLED, RequestStatus.PENDING]
    assert _error(book.request, 5).params == {"entity": "meeting_request", "id": 5}


# --- staff ----------------------------------------------------------------------------------------


def test_staff_recommend_accepted_meetings_within_caps() -> None:
    r = recommend(_book(), 4, 1, now=NOW, score=0.8)
    assert (r.status, r.source, r.score, r.answered_at) == (RequestStatus.ACCEPTED, RequestSource.RECOMMENDED, 0.8, NOW)
    assert recommend(_book(), 4, 1, now=NOW, source=RequestSource.STAFF).source is RequestSource.STAFF
    assert _error(recommend, _book(), 4, 1, now=NOW, score=1.5).params == {"value": 1.5}
    full = _book(_req(1, 5, id=1), _req(1, 6, id=2))
    assert _error(recommend, full, 4, 1, now=NOW).code == "meeting_cap_reached"
    assert _error(recommend, full, 1, 1, now=NOW).code == "request_to_self"


def test_requests_check_their_own_fields() -> None:
    assert _error(_req, 1, 4, priority=4).params == {"value": "4", "choices": "1, 2, 3"}
    assert _req(1, 4, priority=1).priority is Priority.MUST
    assert _error(_req, 1, 4, locked_table=2).params == {"table": 2}
    assert _error(_req, 1, 1).code == "request_to_self"


def test_a_lock_pins_an_accepted_request_to_a_slot_and_table() -> None:
    r = _req(1, 4, id=1)
    locked = lock(_book(r), r, 2, 1)
    assert (locked.locked_slot, locked.locked_table, r.locked_slot) == (2, 1, None)
    assert lock(_book(r), r, 2).locked_table is None
    assert unlock(locked) == r


def _lock_error(
    book: RequestBook, request: MeetingRequest, slot: int, table: int | None = None
) -> tuple[str, dict[str, object]]:
    error = _error(lock, book, request, slot, table)
    return error.code, error.params


def test_locks_that_break_a_rule_are_refused() -> None:
    first, chen, team, booth = _req(1, 4, id=1), _req(1, 6, id=2), _req(2, 4, id=3), _req(1, 5, id=4)
    book = _book(first, chen, team, booth)
    assert _lock_error(book, _req(1, 4, RequestStatus.PENDING), 2) == ("request_not_accepted", {"status": "pending"})
    assert _lock_error(book, first, 6) == ("unknown_slot", {"slot": 6, "count": 6})
    assert _lock_error(book, chen, 4) == ("lock_unavailable", {"participant": "Chen Wei", "slot": _label(4)})
    assert _lock_error(book, team, 1, 2) == ("table_too_small", {"table": "T2", "seats": 2, "people": 3})
    assert _lock_error(book, first, 1, 3) == ("table_is_booth", {"table": "T3"})
    assert _lock_error(book, booth, 1, 1) == ("lock_off_booth", {"participant": "Bob Booth", "table": "T1"})
    assert lock(book, booth, 1, 3).locked_table == 3
    assert _lock_error(book, first, 1, 9) == ("unknown_table", {"table": 9})
    lost = _book(first, event=EVENT.lose_table(1, 3))
    assert _lock_error(lost, first, 4, 1) == ("table_unavailable", {"table": "T1", "slot": _label(4)})


def test_locks_clash_with_other_meetings_and_locks() -> None:
    first, chen, team = _req(1, 4, id=1), _req(1, 6, id=2), _req(2, 6, id=3)
    book = _book(first, chen, team)
    book.record(lock(book, first, 2, 1))
    assert _lock_error(book, chen, 2) == ("lock_clash", {"participant": "김하나", "slot": _label(2)})
    assert _lock_error(book, team, 2, 1) == ("table_taken", {"table": "T1", "slot": _label(2)})
    assert lock(book, first, 2, 1).locked_slot == 2  # its own place is no clash
    scheduled = _book(first, chen, meetings=(Meeting(1, 0, 1),))
    assert _lock_error(scheduled, chen, 0) == ("lock_clash", {"participant": "김하나", "slot": _label(0)})


def test_locks_respect_the_limit_of_meetings_in_a_row() -> None:
    uncapped = replace(EVENT, types=[replace(kind, max_meetings=None) for kind in EVENT.types])
    chen = _req(1, 6, id=3)
    requests = (_req(1, 4, id=1), _req(1, 5, id=2), chen)
    meetings = (Meeting(1, 0, 1), Meeting(2, 1, 3))  # 김하나 meets Anna at 09:00 and Bob at 09:20
    two = _book(*requests, event=replace(uncapped, max_in_a_row=2), meetings=meetings)
    assert _lock_error(two, chen, 2) == ("lock_run_limit", {"participant": "김하나", "max": 2})
    three = _book(*requests, event=replace(uncapped, max_in_a_row=3), meetings=meetings)
    assert lock(three, chen, 2).locked_slot == 2


def test_a_lock_needs_a_table_left_over() -> None:
    event = replace(EVENT, tables=[Table(2, seats=2), Table(3, host=5)])
    first, other = _req(1, 4, id=1), _req(8, 6, id=2)
    book = _book(first, other, event=event)
    book.record(lock(book, first, 0))
    assert _lock_error(book, other, 0) == ("no_table_free", {"slot": _label(0)})
    assert lock(book, other, 1).locked_slot == 1


# --- self-service ---------------------------------------------------------------------------------

SELF = replace(EVENT, scheduling_mode=SchedulingMode.SELF_SERVICE)


def test_common_free_slots_leave_out_unavailable_and_busy_slots() -> None:
    book = _book(_req(1, 4, id=1), _req(1, 6, id=2), event=SELF, meetings=(Meeting(1, 1, 1),))
    assert common_free_slots(book, 1, 6) == [0, 2]
    assert common_free_slots(book, 6, 1) == [0, 2]
    assert common_free_slots(book, 1, 4) == [0, 1, 2, 3, 4, 5]  # their own meeting is no clash
    assert common_free_slots(book, 2, 5) == [0, 1, 2, 3, 4, 5]


def test_common_free_slots_need_a_free_table_and_keep_the_run_limit() -> None:
    event = replace(SELF, tables=[Table(1), Table(3, host=5)], max_in_a_row=2)
    meetings = (Meeting(1, 0, 1), Meeting(2, 1, 1))
    book = _book(
        _req(8, 4, id=1), _req(8, 6, id=2), _req(1, 4, RequestStatus.PENDING, id=3), event=event, meetings=meetings
    )
    assert common_free_slots(book, 1, 6) == [2]  # T1 is taken at 0 and 1; Chen leaves after 2
    assert common_free_slots(book, 8, 5) == [3, 4, 5]  # a booth meeting needs no T1; 오세진 has 0 and 1 in a row
    assert common_free_slots(book, 1, 5) == [0, 1, 2, 3, 4, 5]


def test_picking_a_slot_checks_it_is_still_free() -> None:
    first, second = _req(1, 4, id=1), _req(8, 6, id=2)
    event = replace(SELF, tables=[Table(1), Table(3, host=5)])
    book = _book(first, second, event=event)
    picked = pick_slot(book, first, 0)
    assert (picked.picked_slot, first.picked_slot) == (0, None)
    book.record(picked)
    error = _error(pick_slot, book, second, 0)  # the one ordinary table went to the first pick
    assert (error.code, error.params) == ("slot_taken", {"slot": _label(0)})
    assert pick_slot(book, second, 1).picked_slot == 1
    assert pick_slot(book, picked, 0).picked_slot == 0
    assert _error(pick_slot, _book(first), first, 0).code == "not_self_service"
    assert _error(pick_slot, book, _req(1, 5, RequestStatus.PENDING), 0).code == "request_not_accepted"


def test_accepting_in_a_self_service_event_picks_the_slot() -> None:
    pending = _req(6, 1, RequestStatus.PENDING, id=2)
    book = _book(_req(1, 4, id=1), pending, event=SELF, meetings=(Meeting(1, 1, 1),))
    assert _error(accept, book, pending, now=NOW).code == "slot_required"
    assert _error(accept, book, pending, now=NOW, slot=1).params == {"slot": _label(1)}
    assert _error(accept, book, pending, now=NOW, slot=3).code == "slot_taken"  # Chen is gone by then
    accepted = accept(book, pending, now=NOW, slot=2)
    assert (accepted.status, accepted.picked_slot) == (RequestStatus.ACCEPTED, 2)


def test_auto_accept_in_self_service_leaves_the_slot_open() -> None:
    r = make_request(_book(event=replace(SELF, auto_accept=True)), 1, 4, now=NOW)
    assert (r.status, r.picked_slot) == (RequestStatus.ACCEPTED, None)
