from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, Priority, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.i18n import t
from seoro.scheduling.encode import Decoded, Unscheduled, decode, encode, meeting_value
from seoro.scheduling.problem import NONE, Result, Schedule

pytestmark = pytest.mark.unit

T = BilingualText
NOW = datetime(2025, 10, 1, 9, tzinfo=UTC)
DAY = date(2025, 10, 14)
A, D = RequestStatus.ACCEPTED, RequestStatus.DECLINED
# Slots 0-2 09:00-10:00; slots 3-5 14:00, 14:20, then 15:00 after a break.
EVENT = Event(
    T("대전 매칭데이", "Daejeon matching day"),
    sessions=[
        Session("pm", DAY, time(14), 20, slots=3, breaks=((time(14, 40), time(15)),)),
        Session("am", DAY, time(9), 20, slots=3),
    ],
    tables=[Table(1), Table(2, seats=2, availability=frozenset({0, 1, 2})), Table(5, name="Booth B", seats=6, host=5)],
    types=[ParticipationType("firm", T("지역기업"), max_meetings=4), ParticipationType("partner", T("해외 파트너"))],
    cross_type_only=True,
    max_in_a_row=2,
)
PEOPLE = [
    Participant(T("오세진"), "firm", languages=["ko"], id=8),
    Participant(T("김하나"), "firm", languages=["ko"], availability=frozenset({0, 1, 2, 3}), id=1),
    Participant(
        T("이두리"), "firm", delegation="hanbit", languages=["ko", "en"], availability=frozenset({1, 2, 3, 4}), id=2
    ),
    Participant(T("박세나"), "firm", delegation="hanbit", languages=["ja"], max_meetings=1, id=3),
    Participant(T(en="Anna Berg"), "partner", languages=["de", "en"], id=4),
    Participant(T(en="Bob Booth"), "partner", languages=["en"], booth=True, id=5),
    Participant(T(en="Chen Wei"), "partner", languages=["zh"], id=6),
    Participant(T(en="Gone Away"), "partner", languages=["fr"], cancelled=True, id=7),
]
INTERPRETERS = [
    Interpreter("통역사 가", ["ko", "zh"], frozenset({0, 1}), id=20),
    Interpreter("Interp B", ["ko", "de"], id=21),
]


def _r(id: int, a: int, b: int, status: RequestStatus = A, **kw: object) -> MeetingRequest:
    return MeetingRequest(a, b, NOW, status=status, id=id, **kw)  # type: ignore[arg-type]


REQUESTS = [
    _r(22, 5, 8, picked_slot=4),
    _r(10, 1, 4, priority=Priority.HIGH, score=0.5),
    _r(11, 4, 1),  # mutual interest with 10
    _r(12, 2, 5, priority=Priority.MUST),
    _r(13, 3, 5),  # the same delegation asks the same person again
    _r(14, 1, 6, locked_slot=1, locked_table=1),
    _r(15, 8, 4, RequestStatus.PENDING),
    _r(16, 8, 5, D),
    _r(17, 8, 6, RequestStatus.EXPIRED),
    _r(18, 1, 7),
    _r(19, 1, 8),
    _r(20, 6, 8, RequestStatus.CANCELLED),
]
MEETINGS = [
    Meeting(10, 2, 1, announced=True),
    Meeting(12, 3, 5, announced=True),
    Meeting(14, 1, 1),  # a draft: nothing to keep
    Meeting(18, 0, 2, announced=True),  # its guest cancelled
]


def _encoded():  # type: ignore[no-untyped-def]
    return encode(EVENT, PEOPLE, INTERPRETERS, REQUESTS, MEETINGS)


def test_slots_and_blocks() -> None:
    e = _encoded()
    assert [s.index for s in e.slots] == [0, 1, 2, 3, 4, 5]
    assert e.problem.slot_block == (0, 0, 0, 1, 1, 1)
    assert e.problem.slot_follows == (False, True, True, False, True, False)
    assert e.problem.max_run == 2


def test_parties_merge_delegations_and_leave_out_the_cancelled() -> None:
    e = _encoded()
    assert e.party_ids == ((1,), (2, 3), (4,), (5,), (6,), (8,))
    p = e.problem
    assert p.party_avail == (0b1111, 0b11110, 0b111111, 0b111111, 0b111111, 0b111111)
    assert p.party_cap == (4, 1, 6, 6, 6, 4)
    assert p.party_size == (1, 2, 1, 1, 1, 1)
    assert p.party_booth == (NONE, NONE, NONE, 2, NONE, NONE)
    assert e.party_index() == {1: 0, 2: 1, 3: 1, 4: 2, 5: 3, 6: 4, 8: 5}


def test_languages_become_bit_sets_over_one_index() -> None:
    e = _encoded()
    assert e.languages == ("de", "en", "ja", "ko", "zh")  # nobody attending speaks fr
    assert e.problem.party_langs == (0b01000, 0b01110, 0b00011, 0b00010, 0b10000, 0b01000)
    assert e.problem.interp_langs == (0b11000, 0b01001)
    assert e.problem.interp_avail == (0b11, 0b111111)
    assert e.interpreter_ids == (20, 21)


def test_tables() -> None:
    e = _encoded()
    assert (e.problem.table_seats, e.problem.table_avail, e.table_numbers) == (
        (4, 2, 6),
        (0b111111, 0b111, 0b111111),
        (1, 2, 5),
    )


def test_accepted_requests_between_two_parties_make_one_problem_request() -> None:
    e = _encoded()
    assert e.request_ids == ((10, 11), (12, 13), (14,), (22,))
    assert (e.problem.req_a, e.problem.req_b) == ((0, 1, 0, 3), (2, 3, 4, 5))
    assert e.problem.req_value == (2.0 + 1.0 + 0.5, 3.0, 1.0, 1.0)
    assert e.request_index() == {10: 0, 11: 0, 12: 1, 13: 1, 14: 2, 22: 3}


def test_requests_kept_out_of_the_problem_say_why() -> None:
    assert _encoded().skipped == {
        15: "pending",
        16: "declined",
        17: "expired",
        18: "participant_cancelled",
        19: "same_type",
        20: "cancelled",
    }
    allowed = encode(replace(EVENT, cross_type_only=False), PEOPLE, INTERPRETERS, REQUESTS, MEETINGS)
    assert 19 not in allowed.skipped
    assert allowed.request_ids == ((10, 11), (12, 13), (14,), (19,), (22,))


def test_locks_picks_and_announced_meetings() -> None:
    e = _encoded()
    assert e.problem.req_lock_slot == (NONE, NONE, 1, 4)
    assert e.problem.req_lock_table == (NONE, NONE, 0, NONE)
    assert e.problem.req_prev_slot == (2, 3, NONE, NONE)
    assert e.problem.req_prev_table == (0, 2, NONE, NONE)
    assert e.prev == (MEETINGS[0], MEETINGS[1], None, None)
    assert e.stale == (MEETINGS[3],)


def test_an_announced_meeting_at_a_table_that_is_gone_keeps_only_its_slot() -> None:
    event = replace(EVENT, tables=[table for table in EVENT.tables if table.number != 1])
    requests = [r for r in REQUESTS if r.id != 14]
    e = encode(event, PEOPLE, INTERPRETERS, requests, MEETINGS)
    assert (e.problem.req_prev_slot[0], e.problem.req_prev_table[0]) == (2, NONE)


def test_bad_input_is_refused() -> None:
    def error(requests: list[MeetingRequest], event: Event = EVENT) -> tuple[str, dict[str, object]]:
        with pytest.raises(DomainError) as caught:
            encode(event, PEOPLE, INTERPRETERS, requests)
        assert "{" not in t(f"error.{caught.value.code}", "ko", **caught.value.params)
        return caught.value.code, caught.value.params

    assert error([_r(1, 1, 99)]) == ("unknown_participant", {"id": 99})
    assert error([_r(1, 1, 4, locked_slot=0), _r(2, 4, 1, locked_slot=3)]) == ("lock_conflict", {"requests": "1, 2"})
    assert error([_r(1, 1, 4, locked_slot=9)]) == ("unknown_slot", {"slot": 9, "count": 6})
    assert error([_r(1, 1, 4, locked_slot=0, locked_table=7)]) == ("unknown_table", {"table": 7})
    no_booth = replace(EVENT, tables=EVENT.tables[:2])
    assert error([], no_booth) == ("booth_without_table", {"participant": "Bob Booth"})
    with pytest.raises(ValueError, match="save requests"):
        encode(EVENT, PEOPLE, INTERPRETERS, [MeetingRequest(1, 4, NOW, status=A)])


def test_meeting_value() -> None:
    must, high, normal = (_r(1, 1, 2, priority=p) for p in (Priority.MUST, Priority.HIGH, Priority.NORMAL))
    assert meeting_value([normal], []) == 1.0
    assert meeting_value([must], []) == 3.0
    assert meeting_value([high], [normal]) == 3.0
    assert meeting_value([normal, must], []) == 3.0
    assert meeting_value([replace(normal, score=0.25)], [replace(high, score=0.75)]) == 3.75


def _result(slot: list[int], table: list[int], interpreter: list[int], reasons: dict[int, tuple[str, int]]) -> Result:
    return Result(Schedule(slot, table, interpreter), value=0.0, bound=0.0, idle_gaps=0, seconds=0.0, reasons=reasons)


def test_decode_maps_the_schedule_back_to_meetings_and_reasons() -> None:
    e = _encoded()
    result = _result([2, 4, 1, NONE], [0, 2, 0, NONE], [NONE, NONE, 0, NONE], {3: ("person_full", 5)})
    decoded = decode(e, result)
    assert decoded.meetings == [
        Meeting(10, 2, 1, announced=True),  # where it was: still announced
        Meeting(12, 4, 5),  # moved: to be announced again
        Meeting(14, 1, 1, interpreter_id=20, locked=True),
    ]
    assert decoded.unscheduled == {
        **{k: Unscheduled(v) for k, v in e.skipped.items()},
        22: Unscheduled("person_full", (8,)),
    }
    assert (decoded.moved, decoded.dropped) == ([12], [18])


def test_decode_reports_dropped_announced_meetings_and_reasons_without_a_party() -> None:
    e = _encoded()
    decoded = decode(e, _result([NONE, 3, 1, 4], [NONE, 2, 0, 2], [NONE] * 4, {0: ("no_free_slot", NONE)}))
    assert decoded.unscheduled[10] == decoded.unscheduled[11] == Unscheduled("no_free_slot")
    assert (decoded.moved, decoded.dropped) == ([], [10, 18])
    assert decode(e, _result([NONE] * 4, [NONE] * 4, [NONE] * 4, {})).unscheduled[14] == Unscheduled("unscheduled")


def test_decode_refuses_a_meeting_without_a_table() -> None:
    with pytest.raises(ValueError, match="without a table"):
        decode(_encoded(), _result([2, NONE, NONE, NONE], [NONE] * 4, [NONE] * 4, {}))


def test_a_decoded_schedule_encodes_back_to_the_same_placements() -> None:
    e = _encoded()
    decoded = decode(e, _result([2, 3, 1, 4], [0, 2, 0, 2], [NONE, NONE, 0, NONE], {}))
    announced = [replace(m, announced=True) for m in decoded.meetings]
    again = encode(EVENT, PEOPLE, INTERPRETERS, REQUESTS, announced)
    assert again.problem.req_prev_slot == (2, 3, 1, 4)
    assert again.problem.req_prev_table == (0, 2, 0, 2)
    assert again.stale == ()
    assert isinstance(decoded, Decoded)
