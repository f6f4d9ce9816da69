"""The pipeline's repositories on SQLite and PostgreSQL: leads come back with every step as saved,
filters find them by where they stand, follow-up answers replace each other, reminders are kept once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy.exc import IntegrityError

from seoro.domain.directory import Affiliation, Expert, Organisation
from seoro.domain.events import Event, Session, Table
from seoro.domain.meetings import MeetingRequest, RequestStatus
from seoro.domain.participants import Participant
from seoro.domain.pipeline import FollowUpWish, Lead, Side, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, OrgKind, ResultKind
from seoro.services.database import Database
from seoro.storage.leads import LeadFilter, Sent

pytestmark = pytest.mark.integration
S = LeadStage
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def directory(db: Database) -> tuple[int, int, int]:
    """Two organisations and an expert at the second."""
    with db.unit("tester") as unit:
        a = unit.organisations.save(Organisation(OrgKind.COMPANY, BilingualText("한빛수소", "Hanbit Hydrogen")))
        b = unit.organisations.save(Organisation(OrgKind.UNIVERSITY, BilingualText("", "University of Toronto")))
        x = unit.experts.save(Expert(BilingualText("", "Grace Lee"), affiliations=[Affiliation(b)]))
    return a, b, x


def full_lead(a: int, b: int, x: int, **more: object) -> Lead:
    steps = (
        Step(S.MET, date(2026, 3, 10), "staff", "첫 미팅", "send the test data", date(2026, 3, 20)),
        Step(S.FOLLOW_UP, date(2026, 3, 21), "staff", "online call"),
        Step(S.AGREEMENT, date(2026, 4, 2), "kim", next_action="kick-off", due=date(2026, 5, 1)),
        Step(S.RESULT, date(2026, 6, 1), result_kind=ResultKind.INVESTMENT, amount_krw=3_000_000_000),
    )
    values: dict[str, object] = {"fields": ("NST.HYDROGEN", "R.AGRIBIO"), "programme": "2026 글로벌 기술협력",
                                 "owner": "kim@agency.example", **more}  # fmt: skip
    return Lead(BilingualText("수소 스택 공동연구", "Hydrogen stack R&D"), (Side(a), Side(b, x)), steps, **values)  # type: ignore[arg-type]


def test_a_lead_comes_back_exactly_as_saved_and_steps_are_replaced(db: Database) -> None:
    a, b, x = directory(db)
    lead = full_lead(a, b, x)
    with db.unit("tester") as unit:
        lead_id = unit.leads.save(lead)
    with db.reading() as unit:
        back = unit.leads.get(lead_id)
    assert back == replace(lead, id=lead_id)
    assert back.steps[-1].amount_krw == 3_000_000_000  # beyond 32 bits: a BigInteger column
    closed = back.advance(Step(S.FOLLOW_UP, date(2026, 6, 2))).advance(
        Step(S.CLOSED, date(2026, 7, 1), reason=CloseReason.NO_FUNDING)
    )
    with db.unit("tester") as unit:
        assert unit.leads.save(closed) == lead_id
    with db.reading() as unit:
        assert unit.leads.get(lead_id).steps == closed.steps
        assert [lead.id for lead in unit.leads.all()] == [lead_id]


def test_filters_find_leads_by_the_stage_they_stand_at_event_programme_owner_and_party(db: Database) -> None:
    a, b, x = directory(db)
    first = full_lead(a, b, x)
    met = Lead(
        BilingualText("", "Membranes"), (Side(b), Side(a)), (Step(S.MET, date(2026, 3, 10)),), owner="lee@a.example"
    )
    closed = met.advance(Step(S.CLOSED, date(2026, 3, 11), reason=CloseReason.NO_FIT))
    with db.unit("tester") as unit:
        ids = [unit.leads.save(lead) for lead in (first, met, closed)]
    with db.reading() as unit:
        leads = unit.leads

        def found(**where: object) -> list[int | None]:
            return [lead.id for lead in leads.find(LeadFilter(**where))]  # type: ignore[arg-type]

        assert [lead.id for lead in leads.all(stage=S.RESULT)] == [ids[0]]
        assert [lead.id for lead in leads.all(stage=S.MET)] == [ids[1]]
        assert [lead.id for lead in leads.all(open_only=True)] == ids[:2]
        assert [lead.id for lead in leads.all(programme="2026 글로벌 기술협력")] == [ids[0]]
        assert [lead.id for lead in leads.all(owner="lee@a.example")] == ids[1:]
        assert found(expert_id=x) == [ids[0]]
        assert found(organisation_id=a) == ids
        assert leads.count(LeadFilter(stage=S.CLOSED)) == 1


def test_merging_directory_records_moves_the_sides_of_leads(db: Database) -> None:
    a, b, x = directory(db)
    with db.unit("tester") as unit:
        c = unit.organisations.save(Organisation(OrgKind.COMPANY, BilingualText("한빛", "Hanbit")))
        lead_id = unit.leads.save(full_lead(a, b, x))
        unit.leads.move_side(organisation=(a, c))
        assert unit.leads.get(lead_id).sides == (Side(c), Side(b, x))
        assert [lead.id for lead in unit.leads.with_both(organisations=(b, c))] == [lead_id]
        assert unit.leads.with_both(organisations=(a, b)) == []


def _meeting(db: Database, a: int, b: int) -> tuple[int, int, list[int]]:
    with db.unit("tester") as unit:
        day = Session("am", date(2026, 3, 10), time(10, 0), 20, slots=3)
        event_id = unit.events.save(Event(BilingualText("상담회", "Partnering day"), sessions=[day], tables=[Table(1)]))
        people = [
            Participant(BilingualText("한빛", ""), organisation_id=a),
            Participant(BilingualText("", "UofT"), organisation_id=b),
        ]
        ids = [unit.events.save_participant(event_id, p) for p in people]
        request = MeetingRequest(ids[0], ids[1], NOW, status=RequestStatus.ACCEPTED)
        request_id = unit.events.save_request(event_id, request)
    return event_id, request_id, ids


def test_one_lead_per_meeting_of_an_event(db: Database) -> None:
    a, b, x = directory(db)
    event_id, request_id, _ = _meeting(db, a, b)
    with db.unit("tester") as unit:
        lead_id = unit.leads.save(full_lead(a, b, x, event_id=event_id, request_id=request_id))
        assert unit.leads.by_meeting(event_id, request_id) == unit.leads.get(lead_id)
        assert unit.leads.by_meeting(event_id, request_id + 1) is None
    with pytest.raises(IntegrityError), db.unit("tester") as unit:
        unit.leads.save(full_lead(a, b, x, event_id=event_id, request_id=request_id))


def test_a_follow_up_answer_replaces_the_earlier_one_of_the_same_person(db: Database) -> None:
    a, b, _ = directory(db)
    event_id, request_id, (p, q) = _meeting(db, a, b)
    with db.unit("tester") as unit:
        unit.follow_up_wishes.save(FollowUpWish(event_id, request_id, p, True, "demo please", True, NOW))
        unit.follow_up_wishes.save(FollowUpWish(event_id, request_id, q, False, at=NOW))
        unit.follow_up_wishes.save(FollowUpWish(event_id, request_id, p, True, "at the next fair", False, NOW))
    with db.reading() as unit:
        assert (
            unit.follow_up_wishes.all()
            == unit.follow_up_wishes.all(event_id)
            == [
                FollowUpWish(event_id, request_id, p, True, "at the next fair", False, NOW),
                FollowUpWish(event_id, request_id, q, False, "", None, NOW),
            ]
        )
        assert unit.follow_up_wishes.all(event_id + 1) == []
        assert unit.follow_up_wishes.get(event_id, request_id, q) == FollowUpWish(
            event_id, request_id, q, False, at=NOW
        )


def test_a_reminder_is_kept_once_per_lead_step(db: Database) -> None:
    a, b, x = directory(db)
    with db.unit("tester") as unit:
        lead_id = unit.leads.save(full_lead(a, b, x))
        unit.reminders_sent.add(Sent(lead_id, 0, NOW, "kim@agency.example"))
    with db.reading() as unit:
        assert unit.reminders_sent.reminded() == {(lead_id, 0)}
        assert unit.reminders_sent.all(lead_id) == [Sent(lead_id, 0, NOW, "kim@agency.example")]
    with pytest.raises(IntegrityError), db.unit("tester") as unit:
        unit.reminders_sent.add(Sent(lead_id, 0, NOW, "kim@agency.example"))
