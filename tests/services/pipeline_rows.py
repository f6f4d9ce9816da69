"""What the pipeline tests share: a small directory and a partnering day already held, with meetings
on its timetable (some held, one released by a no-show, one later than the clock the tests run at),
and the row counts of the pipeline's tables (to show that a refused call wrote nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select

from seoro.domain.directory import Affiliation, Expert, Organisation, Profile
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, RequestStatus
from seoro.domain.participants import Participant
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind
from seoro.services.database import Database
from seoro.storage import tables as t

ACTOR = "staff"
DAY = date(2026, 3, 10)
# 10:00-11:20 in Seoul (UTC+9) are slots 0-3; the tests run at 10:50, when slot 3 has not begun
DURING = datetime(2026, 3, 10, 1, 50, tzinfo=UTC)
AFTER = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
PIPELINE_TABLES = (t.leads, t.lead_steps, t.follow_up_wishes, t.reminders_sent, t.agreements, t.agreement_parties,
                   t.audit_log)  # fmt: skip


@dataclass(frozen=True)
class Held:
    """The ids the tests refer to: organisations, the expert, the event, participants and meetings."""

    db: Database
    hanbit: int  # a regional firm, with an active technology need
    toronto: int  # a university, the expert's affiliation
    saesol: int  # another firm
    grace: int  # an expert at Toronto
    loner: int  # an expert with no affiliation
    need: int  # Hanbit's need
    event_id: int
    people: dict[str, int]  # participant ids: hanbit, grace, saesol, walkin, absent, loner
    meetings: dict[str, int]  # meeting keys: hanbit_grace, saesol_hanbit, walkin_grace, absent_hanbit, grace_saesol,
    # loner_saesol


def held_day(db: Database) -> Held:
    with db.unit("setup") as unit:
        org = unit.organisations.save
        hanbit = org(Organisation(OrgKind.COMPANY, BilingualText("한빛수소", "Hanbit Hydrogen"), fields=["S07"]))
        toronto = org(Organisation(OrgKind.UNIVERSITY, BilingualText("토론토대학교", "University of Toronto")))
        saesol = org(Organisation(OrgKind.COMPANY, BilingualText("새솔배터리", "Saesol Battery"), fields=["S02"]))
        grace = unit.experts.save(
            Expert(
                BilingualText("그레이스 리", "Grace Lee"),
                email="grace@utoronto.example",
                fields=["S07"],
                affiliations=[Affiliation(toronto, "Professor")],
            )  # fmt: skip
        )
        loner = unit.experts.save(Expert(BilingualText("", "Sam Park"), fields=["S02"]))
        need = unit.profiles.save(
            Profile(
                ProfileKind.NEED,
                BilingualText("수소연료전지 스택 내구성 향상", "Fuel-cell stack durability"),
                fields=["S07"],
                organisation_id=hanbit,
            )  # fmt: skip
        )
        session = Session("am", DAY, time(10, 0), 20, slots=4)
        event = Event(BilingualText("2026 새솔 기술협력 상담회", "2026 Saesol Partnering Day"), sessions=[session],
                      tables=[Table(1), Table(2)])  # fmt: skip
        event_id = unit.events.save(event)
        people = {
            "hanbit": Participant(BilingualText("김도윤", "Doyun Kim"), organisation_id=hanbit),
            "grace": Participant(BilingualText("", "Grace Lee"), expert_id=grace),
            "saesol": Participant(BilingualText("이서연", "Seoyeon Lee"), organisation_id=saesol),
            "walkin": Participant(BilingualText("방문객", "Visitor")),
            "absent": Participant(BilingualText("박민수", ""), organisation_id=saesol, no_show_at=AFTER),
            "loner": Participant(BilingualText("", "Sam Park"), expert_id=loner),
        }
        ids = {k: unit.events.save_participant(event_id, p) for k, p in people.items()}
        plan = {  # meeting: (requester, requested, slot, table)
            "hanbit_grace": ("hanbit", "grace", 0, 1),
            "saesol_hanbit": ("saesol", "hanbit", 1, 1),
            "walkin_grace": ("walkin", "grace", 1, 2),
            "absent_hanbit": ("absent", "hanbit", 2, 1),
            "grace_saesol": ("grace", "saesol", 3, 1),
            "loner_saesol": ("loner", "saesol", 0, 2),
        }
        keys: dict[str, int] = {}
        for name, (a, b, _slot, _table) in plan.items():
            request = MeetingRequest(ids[a], ids[b], AFTER, status=RequestStatus.ACCEPTED, answered_at=AFTER)
            keys[name] = unit.events.save_request(event_id, request)
        unit.events.replace_meetings(
            event_id, [Meeting(keys[name], slot, table) for name, (_a, _b, slot, table) in plan.items()]
        )
    return Held(db, hanbit, toronto, saesol, grace, loner, need, event_id, ids, keys)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {x.name: int(conn.execute(select(func.count()).select_from(x)).scalar_one()) for x in PIPELINE_TABLES}


def refused(call: object) -> DomainError:
    """The rule's refusal that ``call()`` raises."""
    assert callable(call)
    with pytest.raises(DomainError) as error:
        call()
    return error.value
