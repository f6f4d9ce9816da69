"""The events repository on SQLite and PostgreSQL: everything an event holds comes back as it went in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import Table as Table_
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from seoro.domain.directory import Expert, Organisation
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind
from seoro.services.database import Database
from seoro.storage import tables as t
from seoro.storage.events import Run

pytestmark = pytest.mark.integration
NOW = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def fair(**settings: object) -> Event:
    chosen: dict[str, object] = {
        "timezone": "Europe/Berlin",
        "venue": "DCC 3F",
        "scheduling_mode": SchedulingMode.SELF_SERVICE,
        "auto_accept": True,
        "request_expiry_hours": 36,
        "cross_type_only": True,
        "max_in_a_row": 4,
        "default_max_meetings": 10,
        **settings,
    }
    return Event(
        name=BilingualText("대전 기술교류회", "Daejeon tech fair"),
        sessions=[
            Session(
                "d1-am",
                date(2026, 10, 14),
                time(9, 0),
                30,
                end=time(12, 0),
                name=BilingualText("1일차 오전", "Day 1 morning"),
                breaks=((time(10, 30), time(10, 45)),),
            ),
            Session("d2-pm", date(2026, 10, 15), time(14, 0), 25, slots=4),
        ],
        tables=[Table(1, "A-1", 6, host=None, availability=frozenset({0, 1, 2})), Table(7), Table(3, seats=2)],
        types=[
            ParticipationType("buyer", BilingualText("구매기업", "Buyer"), max_meetings=5),
            ParticipationType("seller", BilingualText("공급기업", "Seller")),
        ],
        **chosen,  # type: ignore[arg-type]
    )


def count(db: Database, table: Table_) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_an_event_with_its_sessions_tables_and_types_round_trips(db: Database) -> None:
    event = fair()
    with db.unit("tester") as unit:
        event_id = unit.events.save(event)
        other_id = unit.events.save(Event(BilingualText("", "Second")))
    assert event.id == event_id
    with db.reading() as unit:
        back = unit.events.get(event_id)
        assert back == event
        assert [e.id for e in unit.events.all()] == [event_id, other_id]
    assert [s.label() for s in back.slots()][:4] == [
        "2026-10-14 09:00–09:30",
        "2026-10-14 09:30–10:00",
        "2026-10-14 10:00–10:30",
        "2026-10-14 10:45–11:15",
    ]
    # an update rewrites the children: a table gone, a type renamed, a session shortened
    back.tables = back.tables[1:]
    back.types[1] = ParticipationType("seller", BilingualText("판매기업", "Seller"), max_meetings=3)
    back.sessions[1] = Session("d2-pm", date(2026, 10, 15), time(14, 0), 25, slots=2)
    back.venue = "KAIST"
    with db.unit("tester") as unit:
        unit.events.save(back)
    with db.reading() as unit:
        assert unit.events.get(event_id) == back
        assert unit.events.get(other_id) == Event(BilingualText("", "Second"), id=other_id)
    assert (count(db, t.event_tables), count(db, t.event_sessions), count(db, t.event_types)) == (2, 2, 2)


def test_an_unknown_event_is_not_found(db: Database) -> None:
    with db.reading() as unit, pytest.raises(DomainError) as caught:
        unit.events.get(404)
    assert (caught.value.code, caught.value.params) == ("not_found", {"entity": "event", "id": 404})
    ghost = fair(id=404)
    with pytest.raises(DomainError) as caught, db.unit("tester") as unit:
        unit.events.save(ghost)
    assert caught.value.code == "not_found"
    assert (count(db, t.events), count(db, t.event_sessions)) == (0, 0)


def test_participants_and_interpreters_round_trip(db: Database) -> None:
    with db.unit("tester") as unit:
        event_id = unit.events.save(fair())
        expert_id = unit.experts.save(Expert(BilingualText("박지원", "Jiwon Park")))
        org_id = unit.organisations.save(Organisation(OrgKind.COMPANY, BilingualText("(주)한빛", "Hanbit")))
        people = [
            Participant(
                BilingualText("박지원", "Jiwon Park"),
                type_code="buyer",
                expert_id=expert_id,
                languages=["ko", "en"],
                availability=frozenset({3, 0, 5}),
                max_meetings=2,
                email="jiwon@example.org",
            ),
            Participant(
                BilingualText("한빛 대표", ""),
                type_code="seller",
                organisation_id=org_id,
                delegation="hanbit",
                languages=["ko"],
                booth=True,
            ),
            Participant(BilingualText("", "Walk-in"), type_code="seller", availability=frozenset(), cancelled=True),
        ]
        ids = [unit.events.save_participant(event_id, p) for p in people]
        pool = [Interpreter("통역 김", ["ko", "en"], frozenset({1, 2})), Interpreter("Ana", ["es", "en"])]
        interpreter_ids = [unit.events.save_interpreter(event_id, i) for i in pool]
    assert [p.id for p in people] == ids and [i.id for i in pool] == interpreter_ids
    with db.reading() as unit:
        assert unit.events.participants(event_id) == people
        assert unit.events.interpreters(event_id) == pool
    people[0].availability = None
    people[2].cancelled = False
    pool[1].languages = ["es", "en", "fr"]
    with db.unit("tester") as unit:
        unit.events.save_participant(event_id, people[0])
        unit.events.save_participant(event_id, people[2])
        unit.events.save_interpreter(event_id, pool[1])
    with db.reading() as unit:
        assert unit.events.participants(event_id) == people
        assert unit.events.interpreters(event_id) == pool
    # a directory record removed leaves the participant registered, unlinked
    with db.unit("tester") as unit:
        unit.experts.delete(expert_id)
    with db.reading() as unit:
        assert unit.events.participants(event_id)[0].expert_id is None


def test_a_row_of_another_event_cannot_be_saved_through_this_one(db: Database) -> None:
    with db.unit("tester") as unit:
        first = unit.events.save(fair())
        second = unit.events.save(fair())
        p = Participant(BilingualText("김", "Kim"), type_code="buyer")
        unit.events.save_participant(first, p)
        i = Interpreter("Lee", ["ko", "en"])
        unit.events.save_interpreter(first, i)
        q = Participant(BilingualText("이", "Lee"), type_code="seller")
        unit.events.save_participant(first, q)
        r = MeetingRequest(p.id or 0, q.id or 0, NOW)
        unit.events.save_request(first, r)
    p.name = BilingualText("바뀜", "Changed")
    for item in ("participant", "interpreter", "meeting_request"):
        with pytest.raises(DomainError) as caught, db.unit("tester") as unit:
            if item == "participant":
                unit.events.save_participant(second, p)
            elif item == "interpreter":
                unit.events.save_interpreter(second, i)
            else:
                unit.events.save_request(second, r)
        assert (caught.value.code, caught.value.params["entity"]) == ("not_found", item)
    with db.reading() as unit:
        assert [x.name.en for x in unit.events.participants(first)] == ["Kim", "Lee"]
        assert unit.events.participants(second) == []


def requests_between(a: int, b: int, c: int) -> list[MeetingRequest]:
    later = NOW + timedelta(hours=5, minutes=7, seconds=3)
    return [
        MeetingRequest(a, b, NOW, priority=Priority.MUST, message="배터리 소재 협력 논의"),
        MeetingRequest(
            b,
            c,
            NOW,
            status=RequestStatus.ACCEPTED,
            answered_at=later,
            source=RequestSource.RECOMMENDED,
            score=0.8125,
            locked_slot=2,
            locked_table=7,
        ),
        MeetingRequest(c, a, later, priority=Priority.HIGH, status=RequestStatus.ACCEPTED, picked_slot=4),
        MeetingRequest(a, c, NOW, status=RequestStatus.DECLINED, answered_at=later, source=RequestSource.STAFF),
        MeetingRequest(b, a, NOW, status=RequestStatus.EXPIRED),
        MeetingRequest(c, b, NOW, status=RequestStatus.CANCELLED),
    ]


def registered(db: Database) -> tuple[int, list[int]]:
    with db.unit("tester") as unit:
        event_id = unit.events.save(fair(cross_type_only=False))
        people = [Participant(BilingualText(f"참가자{k}", f"P{k}"), type_code="buyer") for k in range(3)]
        return event_id, [unit.events.save_participant(event_id, p) for p in people]


def test_requests_round_trip_with_their_status_locks_and_times(db: Database) -> None:
    event_id, (a, b, c) = registered(db)
    made = requests_between(a, b, c)
    with db.unit("tester") as unit:
        for r in made:
            unit.events.save_request(event_id, r)
    with db.reading() as unit:
        back = unit.events.requests(event_id)
    assert back == made
    assert all(r.created_at.tzinfo is not None for r in back)
    back[0].status, back[0].answered_at = RequestStatus.ACCEPTED, NOW + timedelta(days=1)
    back[1].locked_slot = back[1].locked_table = None
    with db.unit("tester") as unit:
        unit.events.save_request(event_id, back[0])
        unit.events.save_request(event_id, back[1])
    with db.reading() as unit:
        assert unit.events.requests(event_id) == back
    assert count(db, t.meeting_requests) == 6


def test_meetings_are_replaced_as_a_whole_or_not_at_all(db: Database) -> None:
    event_id, (a, b, c) = registered(db)
    made = requests_between(a, b, c)
    with db.unit("tester") as unit:
        for r in made:
            unit.events.save_request(event_id, r)
        interpreter = unit.events.save_interpreter(event_id, Interpreter("통역 김", ["ko", "en"]))
    ids = [r.id or 0 for r in made]
    first = [Meeting(ids[2], 4, 7), Meeting(ids[1], 2, 7, interpreter_id=interpreter, locked=True)]
    with db.unit("tester") as unit:
        unit.events.replace_meetings(event_id, first)
    with db.reading() as unit:
        assert unit.events.meetings(event_id) == sorted(first, key=lambda m: m.slot)
    second = [Meeting(ids[1], 2, 7, interpreter_id=interpreter, announced=True, locked=True)]
    with db.unit("tester") as unit:
        unit.events.replace_meetings(event_id, second)
    with db.reading() as unit:
        assert unit.events.meetings(event_id) == second
    # a failure after the replacement (here: a meeting for a request that does not exist) keeps the old
    with pytest.raises(IntegrityError), db.unit("tester") as unit:
        unit.events.replace_meetings(event_id, [Meeting(ids[0], 0, 1), Meeting(99999, 1, 1)])
    with db.reading() as unit:
        assert unit.events.meetings(event_id) == second
    with db.unit("tester") as unit:
        unit.events.replace_meetings(event_id, [])
    assert count(db, t.meetings) == 0


def test_runs_keep_the_history_in_order(db: Database) -> None:
    event_id, _ = registered(db)
    first = Run(NOW, "schedule", "kim", 30, 27, 61.0, 64.0, 3, 0.42, added=27)
    second = Run(NOW + timedelta(hours=2), "reschedule", "lee", 31, 27, 60.0, 60.0, 2, 0.2, moved=1, dropped=2, added=2)
    with db.unit("tester") as unit:
        unit.events.add_run(event_id, first)
        unit.events.add_run(event_id, second)
    with db.reading() as unit:
        runs = unit.events.runs(event_id)
    assert runs == [first, second]
    assert [round(r.gap, 6) for r in runs] == [round(3 / 64, 6), 0.0]
    assert runs[0].ran_at.tzinfo is not None
