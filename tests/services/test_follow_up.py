"""Follow-up after an event on SQLite and PostgreSQL: both sides of each meeting held answer whether they
want more; staff see who does and arrange follow-up meetings, which move the meeting's lead on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from seoro.domain.events import Event
from seoro.domain.participants import Participant
from seoro.domain.pipeline import FollowUpWish, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage
from seoro.services import follow_up as fu
from seoro.services import pipeline as pl
from tests.services.pipeline_rows import ACTOR, AFTER, DAY, DURING, Held, counts, refused

pytestmark = pytest.mark.integration
S = LeadStage


def test_each_side_answers_for_its_own_meetings_held_and_may_change_its_mind(held: Held) -> None:
    db, p, m = held.db, held.people, held.meetings
    first = fu.record_wish(
        db, held.event_id, m["hanbit_grace"], p["hanbit"], True, True, " 데모 요청 ", actor="doyun", at=AFTER
    )
    assert first == FollowUpWish(held.event_id, m["hanbit_grace"], p["hanbit"], True, "데모 요청", True, AFTER)
    fu.record_wish(db, held.event_id, m["hanbit_grace"], p["grace"], False, actor="grace", at=AFTER)
    fu.record_wish(db, held.event_id, m["hanbit_grace"], p["grace"], True, False, actor="grace", at=AFTER)
    fu.record_wish(db, held.event_id, m["saesol_hanbit"], p["saesol"], False, actor="seoyeon", at=AFTER)
    with db.reading() as unit:
        answers = unit.follow_up_wishes.all(held.event_id)
        history = unit.audit.history("follow_up_wish", m["hanbit_grace"])
    assert [(w.request_id, w.participant_id, w.wants, w.online) for w in answers] == [
        (m["hanbit_grace"], p["hanbit"], True, True),
        (m["hanbit_grace"], p["grace"], True, False),
        (m["saesol_hanbit"], p["saesol"], False, None),
    ]
    assert [(e.actor, e.action.value) for e in history] == [
        ("grace", "update"),
        ("grace", "create"),
        ("doyun", "create"),
    ]
    before = counts(db)
    errors = [
        refused(lambda: fu.record_wish(db, held.event_id, m["hanbit_grace"], p["saesol"], True, actor="x", at=AFTER)),
        refused(lambda: fu.record_wish(db, held.event_id, m["absent_hanbit"], p["hanbit"], True, actor="x", at=AFTER)),
        refused(lambda: fu.record_wish(db, held.event_id, m["grace_saesol"], p["grace"], True, actor="x", at=DURING)),
    ]
    assert [(e.code, e.params) for e in errors] == [
        ("follow_up_not_yours", {"participant": p["saesol"], "request": m["hanbit_grace"]}),
        ("meeting_not_held", {"request": m["absent_hanbit"], "event": held.event_id}),
        ("meeting_not_held", {"request": m["grace_saesol"], "event": held.event_id}),
    ]
    assert counts(db) == before


def test_staff_see_who_wants_more_both_sides_first(held: Held) -> None:
    db, p, m = held.db, held.people, held.meetings
    fu.record_wish(db, held.event_id, m["saesol_hanbit"], p["hanbit"], True, True, actor=ACTOR, at=AFTER)
    fu.record_wish(db, held.event_id, m["hanbit_grace"], p["hanbit"], True, True, actor=ACTOR, at=AFTER)
    fu.record_wish(db, held.event_id, m["hanbit_grace"], p["grace"], True, True, actor=ACTOR, at=AFTER)
    fu.record_wish(db, held.event_id, m["loner_saesol"], p["loner"], False, actor=ACTOR, at=AFTER)
    rows = fu.wishes_of(db, held.event_id, at=AFTER)
    assert [(r.request_id, r.both_want, r.online, r.unanswered()) for r in rows] == [
        (m["hanbit_grace"], True, True, []),
        (m["saesol_hanbit"], False, True, [p["saesol"]]),
    ]
    assert rows[0].names == (BilingualText("김도윤", "Doyun Kim"), BilingualText("Grace Lee", "Grace Lee"))
    assert (rows[0].on, rows[0].lead) == (DAY, None)
    everyone = fu.wishes_of(db, held.event_id, everyone=True, at=AFTER)
    # every meeting held: not the no-show's, not the walk-in's (held, but listed: staff may still follow it up)
    assert sorted(r.request_id for r in everyone) == sorted(
        m[k] for k in ("hanbit_grace", "saesol_hanbit", "walkin_grace", "grace_saesol", "loner_saesol")
    )


def test_arranging_a_follow_up_opens_the_meetings_lead_and_moves_it_to_follow_up(held: Held) -> None:
    db, m = held.db, held.meetings
    due = date(2026, 4, 15)
    lead = fu.arrange_follow_up(db, held.event_id, m["hanbit_grace"], due=due, online=True, on=date(2026, 3, 12),
                                note="화상 회의", actor=ACTOR, at=AFTER)  # fmt: skip
    assert [(s.stage, s.on) for s in lead.steps] == [(S.MET, DAY), (S.FOLLOW_UP, date(2026, 3, 12))]
    last = lead.steps[-1]
    assert (last.next_action, last.due, last.note, last.by) == (
        "온라인 후속 미팅 잡기 / Arrange the online follow-up meeting", due, "화상 회의", ACTOR
    )  # fmt: skip
    assert fu.wishes_of(db, held.event_id, everyone=True, at=AFTER)[0].lead == lead
    with db.unit(ACTOR) as unit:
        next_id = unit.events.save(Event(BilingualText("2026 하반기 상담회", "2026 Autumn Partnering Day")))
    again = fu.arrange_follow_up(db, held.event_id, m["hanbit_grace"], due=due + timedelta(days=30), online=False,
                                 next_event_id=next_id, on=date(2026, 4, 1), actor=ACTOR, at=AFTER)  # fmt: skip
    assert again.id == lead.id and [s.stage for s in again.steps] == [S.MET, S.FOLLOW_UP, S.FOLLOW_UP]
    assert again.steps[-1].next_action == (
        "2026 하반기 상담회에서 후속 미팅 잡기 / Arrange the follow-up meeting at 2026 Autumn Partnering Day"
    )


def test_a_follow_up_at_a_next_event_is_booked_there_when_both_sides_come(held: Held) -> None:
    db, m = held.db, held.meetings
    with db.unit(ACTOR) as unit:
        autumn = unit.events.save(Event(BilingualText("2026 하반기 상담회", "2026 Autumn Partnering Day")))
        hanbit = unit.events.save_participant(
            autumn, Participant(BilingualText("최하나", ""), organisation_id=held.hanbit)
        )
        grace = unit.events.save_participant(autumn, Participant(BilingualText("", "Grace Lee"), expert_id=held.grace))
        winter = unit.events.save(Event(BilingualText("2027 겨울 상담회", "2027 Winter Day")))
        unit.events.save_participant(winter, Participant(BilingualText("최하나", ""), organisation_id=held.hanbit))

    def arrange(next_event: int, days: int) -> list[tuple[int, int, str, str]]:
        fu.arrange_follow_up(db, held.event_id, m["hanbit_grace"], due=DAY + timedelta(days=days), online=False,
                             next_event_id=next_event, on=DAY + timedelta(days=1), actor=ACTOR, at=AFTER)  # fmt: skip
        with db.reading() as unit:
            return [(r.requester_id, r.requested_id, r.status.value, r.source.value)
                    for r in unit.events.requests(next_event)]  # fmt: skip

    booked = [(hanbit, grace, "accepted", "staff")]  # the requester's side first, as they met
    assert arrange(autumn, 30) == booked
    assert arrange(autumn, 40) == booked  # arranged again: not booked twice
    assert arrange(winter, 50) == []  # Grace is not coming to that one: only the next action says where


def test_a_follow_up_needs_one_place_and_a_lead_that_may_move_there(held: Held) -> None:
    db, m = held.db, held.meetings
    lead = pl.open_from_meeting(db, held.event_id, m["saesol_hanbit"], actor=ACTOR)
    pl.advance(db, lead.id or 0, Step(S.CLOSED, DAY, reason=CloseReason.NO_FIT), actor=ACTOR)
    before = counts(db)

    def arrange(meeting: str, online: bool, next_event: int | None = None) -> str:
        return refused(
            lambda: fu.arrange_follow_up(
                db,
                held.event_id,
                m[meeting],
                due=date(2026, 4, 15),
                online=online,
                next_event_id=next_event,
                on=DAY,
                actor=ACTOR,
                at=AFTER,
            )  # fmt: skip
        ).code

    assert arrange("hanbit_grace", True, held.event_id + 1) == "follow_up_where"  # both online and at an event
    assert arrange("hanbit_grace", False) == "follow_up_where"  # neither
    assert arrange("hanbit_grace", False, held.event_id) == "follow_up_same_event"
    assert arrange("saesol_hanbit", True) == "lead_move"  # its lead is closed
    assert arrange("absent_hanbit", True) == "meeting_not_held"
    assert counts(db) == before


def test_a_participant_sees_the_meetings_they_held_with_their_own_answers(held: Held) -> None:
    db, m, p = held.db, held.meetings, held.people
    fu.record_wish(db, held.event_id, m["hanbit_grace"], p["hanbit"], True, True, actor=ACTOR, at=AFTER)
    fu.record_wish(db, held.event_id, m["hanbit_grace"], p["grace"], False, actor=ACTOR, at=AFTER)
    mine = fu.own_meetings(db, p["hanbit"], at=AFTER)
    # in time order; not the no-show's meeting (not held); the partner's answer is not theirs to see
    assert [(x.request_id, x.partners.pick("en"), x.answer.wants if x.answer else None) for x in mine] == [
        (m["hanbit_grace"], "Grace Lee", True),
        (m["saesol_hanbit"], "Seoyeon Lee", None),
    ]
    assert [x.request_id for x in fu.own_meetings(db, p["grace"], at=DURING)] == [m["hanbit_grace"], m["walkin_grace"]]
    assert fu.own_meetings(db, p["absent"], at=AFTER) == []
