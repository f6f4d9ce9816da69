"""Event use cases on SQLite and PostgreSQL: the event, registration and the life of a meeting request,
each refusal leaving the database exactly as it was."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Table
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.services import events as ev
from seoro.services import scheduling as sc
from seoro.services.database import Database
from tests.services.event_rows import ACTOR, NOW, counts

pytestmark = pytest.mark.integration


def day(**settings: object) -> Event:
    chosen: dict[str, object] = {
        "cross_type_only": True,
        "request_expiry_hours": 24,
        "types": [
            ParticipationType("firm", BilingualText("지역기업", "Regional firm"), max_meetings=2),
            ParticipationType("partner", BilingualText("해외 파트너", "Overseas partner")),
        ],
        **settings,
    }
    return Event(
        name=BilingualText("바이오 상담회", "Bio partnering"),
        venue="Osong",
        sessions=[
            Session("am", date(2026, 10, 14), time(9, 0), 30, slots=4, name=BilingualText("오전", "Morning")),
            Session("pm", date(2026, 10, 14), time(13, 0), 30, slots=4, name=BilingualText("오후", "Afternoon")),
        ],
        tables=[Table(1), Table(2), Table(3, "Booth 3")],
        **chosen,  # type: ignore[arg-type]
    )


def people() -> list[Participant]:
    """firm0 + firm1 are one delegation; firm2; partners 0..2."""
    firms = [
        Participant(BilingualText(f"기업{k}", f"Firm {k}"), type_code="firm", languages=["ko", "en"]) for k in range(3)
    ]
    firms[0].delegation = firms[1].delegation = "hanbit"
    partners = [Participant(BilingualText("", f"Partner {k}"), type_code="partner", languages=["en"]) for k in range(3)]
    return firms + partners


def registered(db: Database, **settings: object) -> tuple[int, list[int]]:
    event_id = ev.create_event(db, day(**settings), actor=ACTOR)
    return event_id, ev.add_participants(db, event_id, people(), actor=ACTOR)


def stored(db: Database, event_id: int) -> list[MeetingRequest]:
    with db.reading() as unit:
        return unit.events.requests(event_id)


def refused(code: str, call: object) -> None:
    """``call()`` raises a DomainError with ``code``."""
    with pytest.raises(DomainError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.code == code


def test_events_are_created_listed_and_updated(db: Database) -> None:
    first = day()
    first_id = ev.create_event(db, first, actor=ACTOR)
    second_id = ev.create_event(db, day(scheduling_mode=SchedulingMode.SELF_SERVICE), actor=ACTOR)
    assert first.id == first_id
    assert ev.get_event(db, first_id) == first
    assert [e.id for e in ev.list_events(db)] == [first_id, second_id]
    lost = first.lose_table(2, from_slot=4)
    lost.venue = "Cheongju"
    ev.update_event(db, lost, actor=ACTOR)
    back = ev.get_event(db, first_id)
    assert back == lost and back.table(2).availability == frozenset({0, 1, 2, 3})
    assert ev.get_event(db, second_id).scheduling_mode is SchedulingMode.SELF_SERVICE
    refused("not_found", lambda: ev.get_event(db, 999))


def test_overlapping_sessions_are_refused_and_nothing_is_saved(db: Database) -> None:
    event = day()
    event.sessions.append(Session("late-am", date(2026, 10, 14), time(10, 30), 30, slots=2))
    before = counts(db)
    with pytest.raises(DomainError) as caught:
        ev.create_event(db, event, actor=ACTOR)
    assert (caught.value.code, caught.value.params) == ("event_slots_overlap", {"first": "am", "second": "late-am"})
    assert counts(db) == before
    good = day()
    event_id = ev.create_event(db, good, actor=ACTOR)
    saved = counts(db)
    changed = ev.get_event(db, event_id)
    changed.venue = "elsewhere"
    changed.sessions.append(event.sessions[-1])  # an Event refuses overlaps when built, so change one
    refused("event_slots_overlap", lambda: ev.update_event(db, changed, actor=ACTOR))
    assert counts(db) == saved
    assert ev.get_event(db, event_id) == good


def test_an_update_that_strands_registered_people_is_refused(db: Database) -> None:
    event_id, _ = registered(db)
    event = ev.get_event(db, event_id)
    refused(
        "unknown_participation_type", lambda: ev.update_event(db, replace(event, types=event.types[:1]), actor=ACTOR)
    )
    ev.add_interpreters(db, event_id, [Interpreter("통역 김", ["ko", "en"], frozenset({7}))], actor=ACTOR)
    shorter = replace(event, sessions=event.sessions[:1])  # slot 7 is gone
    refused("unknown_slot", lambda: ev.update_event(db, shorter, actor=ACTOR))
    assert ev.get_event(db, event_id) == event


def test_registration_is_all_or_nothing(db: Database) -> None:
    event_id, ids = registered(db)
    before = counts(db)
    batch = [
        Participant(BilingualText("새기업", "New firm"), type_code="firm"),
        Participant(BilingualText("", "Stranger"), type_code="visitor"),
    ]
    refused("unknown_participation_type", lambda: ev.add_participants(db, event_id, batch, actor=ACTOR))
    assert [p.id for p in batch] == [None, None]  # the rows were rolled back, so are their ids
    ghost = Participant(BilingualText("", "Ghost"), type_code="firm", id=ids[-1] + 100)
    refused("unknown_participant", lambda: ev.add_participants(db, event_id, [ghost], actor=ACTOR))
    host = Participant(BilingualText("", "Host"), type_code="partner", booth=True)  # no table names them
    refused("booth_without_table", lambda: ev.add_participants(db, event_id, [host], actor=ACTOR))
    mixed = Participant(BilingualText("", "Wrong type"), type_code="partner", delegation="hanbit")
    refused("delegation_mixed_types", lambda: ev.add_participants(db, event_id, [mixed], actor=ACTOR))
    pool = [Interpreter("Kim", ["ko", "en"]), Interpreter("Lee", ["ko", "en"], frozenset({8}))]
    refused("unknown_slot", lambda: ev.add_interpreters(db, event_id, pool, actor=ACTOR))
    assert [i.id for i in pool] == [None, None]
    assert counts(db) == before
    # a participant of another event cannot be changed through this one
    other_id, other_ids = registered(db)
    with db.reading() as unit:
        theirs = unit.events.participants(other_id)[0]
    refused("unknown_participant", lambda: ev.add_participants(db, event_id, [theirs], actor=ACTOR))
    assert theirs.id == other_ids[0]


def test_a_request_is_asked_answered_and_stored(db: Database) -> None:
    event_id, (f0, _, f2, p0, p1, _) = registered(db)
    asked = ev.request_meeting(db, event_id, f0, p0, now=NOW, priority=Priority.MUST, message="hi", actor=ACTOR)
    other = ev.request_meeting(db, event_id, p1, f2, now=NOW, actor=ACTOR)
    assert (asked.status, asked.priority, asked.source, asked.answered_at) == (
        RequestStatus.PENDING,
        Priority.MUST,
        RequestSource.PARTICIPANT,
        None,
    )
    later = NOW + timedelta(hours=3)
    yes = ev.answer_request(db, event_id, asked.id or 0, yes=True, now=later, actor=ACTOR)
    no = ev.answer_request(db, event_id, other.id or 0, yes=False, now=later, actor=ACTOR)
    assert (yes.status, yes.answered_at, no.status) == (RequestStatus.ACCEPTED, later, RequestStatus.DECLINED)
    assert stored(db, event_id) == [yes, no]
    before = stored(db, event_id)
    refused(
        "request_not_pending", lambda: ev.answer_request(db, event_id, asked.id or 0, yes=False, now=later, actor=ACTOR)
    )
    refused("not_found", lambda: ev.answer_request(db, event_id, 4242, yes=True, now=later, actor=ACTOR))
    assert stored(db, event_id) == before


def test_bad_requests_are_refused_and_change_nothing(db: Database) -> None:
    event_id, (f0, f1, f2, p0, p1, p2) = registered(db)
    ev.request_meeting(db, event_id, f2, p2, now=NOW, actor=ACTOR)
    gone = next(p for p in people() if p.name.en == "Partner 1")
    gone.id, gone.cancelled = p1, True
    ev.add_participants(db, event_id, [gone], actor=ACTOR)
    before = counts(db)
    cases = {
        "request_to_self": (f0, f0),
        "unknown_participant": (f0, 99999),
        "same_type_request": (f0, f2),
        "duplicate_request": (f2, p2),
        "participant_cancelled": (p1, f0),
    }
    for code, (a, b) in cases.items():
        refused(code, lambda a=a, b=b: ev.request_meeting(db, event_id, a, b, now=NOW, actor=ACTOR))
    # one's own delegation is oneself
    refused("request_to_self", lambda: ev.request_meeting(db, event_id, f0, f1, now=NOW, actor=ACTOR))
    assert counts(db) == before
    # the requested side may ask back: the same meeting, wanted both ways
    back = ev.request_meeting(db, event_id, p2, f2, now=NOW, actor=ACTOR)
    assert (back.requester_id, back.requested_id) == (p2, f2)
    refused("not_found", lambda: ev.request_meeting(db, 31337, f0, p0, now=NOW, actor=ACTOR))


def test_nobody_accepts_more_meetings_than_their_cap(db: Database) -> None:
    event_id, (f0, f1, f2, p0, p1, p2) = registered(db)  # firms may have 2 meetings each
    asks = [ev.request_meeting(db, event_id, p, f0, now=NOW, actor=ACTOR) for p in (p0, p1, p2)]
    for r in asks[:2]:
        ev.answer_request(db, event_id, r.id or 0, yes=True, now=NOW, actor=ACTOR)
    before = stored(db, event_id)
    with pytest.raises(DomainError) as caught:
        ev.answer_request(db, event_id, asks[2].id or 0, yes=True, now=NOW, actor=ACTOR)
    assert (caught.value.code, caught.value.params["cap"]) == ("meeting_cap_reached", 2)
    assert stored(db, event_id) == before  # still pending
    # the delegation is one party: f1's acceptance counts against the same cap
    also = ev.request_meeting(db, event_id, p2, f2, now=NOW, actor=ACTOR)
    ev.answer_request(db, event_id, also.id or 0, yes=True, now=NOW, actor=ACTOR)
    mate = ev.request_meeting(db, event_id, f1, p2, now=NOW, actor=ACTOR)
    refused(
        "meeting_cap_reached", lambda: ev.answer_request(db, event_id, mate.id or 0, yes=True, now=NOW, actor=ACTOR)
    )


def test_auto_accept_accepts_while_there_is_room(db: Database) -> None:
    event_id, (f0, _, f2, p0, p1, p2) = registered(db, auto_accept=True)
    made = [ev.request_meeting(db, event_id, f0, p, now=NOW, actor=ACTOR) for p in (p0, p1, p2)]
    assert [r.status for r in made] == [RequestStatus.ACCEPTED, RequestStatus.ACCEPTED, RequestStatus.PENDING]
    assert [r.status for r in stored(db, event_id)] == [r.status for r in made]
    assert ev.request_meeting(db, event_id, p0, f2, now=NOW, actor=ACTOR).status is RequestStatus.ACCEPTED


def test_unanswered_requests_expire_and_stop_blocking(db: Database) -> None:
    event_id, (f0, _, f2, p0, p1, _) = registered(db)  # expiry after 24 hours
    old = ev.request_meeting(db, event_id, f0, p0, now=NOW, actor=ACTOR)
    answered = ev.request_meeting(db, event_id, f2, p1, now=NOW, actor=ACTOR)
    ev.answer_request(db, event_id, answered.id or 0, yes=True, now=NOW, actor=ACTOR)
    fresh = ev.request_meeting(db, event_id, f2, p0, now=NOW + timedelta(hours=20), actor=ACTOR)
    later = NOW + timedelta(hours=24)
    refused("request_expired", lambda: ev.answer_request(db, event_id, old.id or 0, yes=True, now=later, actor=ACTOR))
    assert ev.expire_requests(db, event_id, now=NOW + timedelta(hours=23), actor=ACTOR) == []
    expired = ev.expire_requests(db, event_id, now=later, actor=ACTOR)
    assert [(r.id, r.status) for r in expired] == [(old.id, RequestStatus.EXPIRED)]
    assert [r.status for r in stored(db, event_id)] == [
        RequestStatus.EXPIRED,
        RequestStatus.ACCEPTED,
        RequestStatus.PENDING,
    ]
    assert fresh.status is RequestStatus.PENDING
    # the requester may ask again once the old request no longer blocks
    again = ev.request_meeting(db, event_id, f0, p0, now=later, actor=ACTOR)
    assert again.status is RequestStatus.PENDING and again.id != old.id
    assert ev.expire_requests(db, event_id, now=later, actor=ACTOR) == []


def test_self_service_accepting_picks_a_common_free_slot_checked_live(db: Database) -> None:
    event_id, (f0, _, f2, p0, p1, _) = registered(db, scheduling_mode=SchedulingMode.SELF_SERVICE)
    first = ev.request_meeting(db, event_id, f0, p0, now=NOW, actor=ACTOR)
    second = ev.request_meeting(db, event_id, f2, p0, now=NOW, actor=ACTOR)
    third = ev.request_meeting(db, event_id, f2, p1, now=NOW, actor=ACTOR)
    refused("slot_required", lambda: ev.answer_request(db, event_id, first.id or 0, yes=True, now=NOW, actor=ACTOR))
    picked = ev.answer_request(db, event_id, first.id or 0, yes=True, now=NOW, slot=1, actor=ACTOR)
    assert (picked.status, picked.picked_slot) == (RequestStatus.ACCEPTED, 1)
    before = stored(db, event_id)
    # partner 0 already meets the delegation at slot 1
    with pytest.raises(DomainError) as caught:
        ev.answer_request(db, event_id, second.id or 0, yes=True, now=NOW, slot=1, actor=ACTOR)
    assert (caught.value.code, caught.value.params) == ("slot_taken", {"slot": "2026-10-14 09:30–10:00"})
    refused(
        "unknown_slot", lambda: ev.answer_request(db, event_id, second.id or 0, yes=True, now=NOW, slot=8, actor=ACTOR)
    )
    assert stored(db, event_id) == before
    ev.answer_request(db, event_id, second.id or 0, yes=True, now=NOW, slot=2, actor=ACTOR)
    ev.answer_request(db, event_id, third.id or 0, yes=True, now=NOW, slot=1, actor=ACTOR)
    # staff then give the picked meetings their tables
    summary = sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    assert (summary.scheduled, summary.violations) == (3, 0)
    with db.reading() as unit:
        placed = {m.request_id: m.slot for m in unit.events.meetings(event_id)}
    assert placed == {first.id: 1, second.id: 2, third.id: 1}


def test_staff_recommend_the_best_mutual_matches_across_every_type_and_within_an_untyped_event(db: Database) -> None:
    from seoro.services.demo import load_demo

    load_demo(db, actor=ACTOR)
    with db.reading() as unit:
        experts = unit.experts.find()
        firms = [o for o in unit.organisations.find() if o.kind.value == "company"]
    assert len(experts) >= 9 and len(firms) >= 3
    three = day(types=[*day().types, ParticipationType("institute", BilingualText("연구소", "Institute"))])
    typed = ev.create_event(db, three, actor=ACTOR)
    linked = [Participant(o.name, type_code="firm", organisation_id=o.id) for o in firms[:3]]
    linked += [Participant(x.name, type_code="partner", expert_id=x.id) for x in experts[:3]]
    linked += [Participant(x.name, type_code="institute", expert_id=x.id) for x in experts[3:6]]
    linked.append(Participant(BilingualText("", "Walk-in"), type_code="partner"))  # not in the directory
    ids = ev.add_participants(db, typed, linked, actor=ACTOR)
    type_of = dict(zip(ids, (p.type_code for p in linked), strict=True))
    made = ev.recommend_meetings(db, typed, now=NOW, top=12, per_participant=2, actor=ACTOR)
    assert made == stored(db, typed)
    assert all(r.source is RequestSource.RECOMMENDED and r.status is RequestStatus.ACCEPTED for r in made)
    assert all(r.score is not None and 0 < r.score <= 1 for r in made)
    assert [r.score for r in made] == sorted((r.score for r in made), reverse=True)
    assert all(type_of[r.requester_id] != type_of[r.requested_id] for r in made)
    assert ids[-1] not in {x for r in made for x in (r.requester_id, r.requested_id)}
    # every pairing of types is considered, not only the two biggest groups
    kinds = {frozenset((type_of[r.requester_id], type_of[r.requested_id])) for r in made}
    assert frozenset(("partner", "institute")) in kinds
    seen = [x for r in made for x in (r.requester_id, r.requested_id)]
    assert max(seen.count(x) for x in set(seen)) <= 2
    # firms may have 2 meetings each: recommendations respect the caps too
    assert all(seen.count(f) <= 2 for f in ids[:3])
    # asked again, nothing already recommended comes back, either way round
    again = ev.recommend_meetings(db, typed, now=NOW, top=12, per_participant=2, actor=ACTOR)
    pairs = [frozenset((r.requester_id, r.requested_id)) for r in made + again]
    assert len(pairs) == len(set(pairs))

    untyped = ev.create_event(db, day(types=[], cross_type_only=False), actor=ACTOR)
    same = [Participant(x.name, expert_id=x.id) for x in experts[:6]]
    ev.add_participants(db, untyped, same, actor=ACTOR)
    within = ev.recommend_meetings(db, untyped, now=NOW, top=4, per_participant=1, actor=ACTOR)
    # one group matched within itself (nobody with themselves), each person at most once
    assert len(within) >= 1
    met = [x for r in within for x in (r.requester_id, r.requested_id)]
    assert len(met) == len(set(met))
