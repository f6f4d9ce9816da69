"""A small world with known answers for the outcome report and the strengths table (computed by hand
in tests/domain/test_outcomes.py and test_strengths.py).

Directory: 한빛에너지 (KR, 충청북도), 새솔대학교 (KR, 대전), University of Toronto (CA), Fraunhofer ISE (DE),
KSEA (US); experts Grace Lee (CA, Toronto), Hans Müller (DE, Fraunhofer), 김도윤 (KR, 새솔대), Priya Rao
(no country, KSEA: so US), an anonymous hydrogen expert (nothing known) and Wei Chen (CA, Toronto).

Event 1 (2026-03-10): seven registered, one cancelled, one no-show; six requests, four accepted, three
meetings held (the fourth accepted one's partner did not come). Event 2 (2025-11-05): two people, one
meeting. Six leads, four of the programme "2026 글로벌 기술협력".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from seoro.domain.agreements import Agreement, Party
from seoro.domain.directory import Affiliation, Expert, Organisation
from seoro.domain.events import Event, ParticipationType, Session, Table
from seoro.domain.grouping import Directory
from seoro.domain.meetings import MeetingRequest, RequestStatus
from seoro.domain.national_fields import national_fields
from seoro.domain.outcomes import EventRecord, Sources
from seoro.domain.participants import Participant
from seoro.domain.pipeline import FollowUpWish, Lead, Side, Step
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText as B
from seoro.domain.vocab import CloseReason, LeadStage, OrgKind, ResultKind

S = LeadStage
PROGRAMME = "2026 글로벌 기술협력"
AT = datetime(2026, 3, 1, tzinfo=UTC)
HANBIT, SAESOL, TORONTO, FRAUNHOFER, KSEA = 1, 2, 3, 4, 5
GRACE, HANS, DOYUN, PRIYA, NOBODY, WEI = 10, 11, 12, 13, 14, 15


def organisations() -> list[Organisation]:
    return [
        Organisation(OrgKind.COMPANY, B("한빛에너지", "Hanbit Energy"), country="KR", region="충청북도",
                     fields=["S07.01"], id=HANBIT),
        Organisation(OrgKind.UNIVERSITY, B("새솔대학교", "Saesol University"), country="KR", region="대전",
                     fields=["S09"], id=SAESOL),
        Organisation(OrgKind.UNIVERSITY, B("토론토대학교", "University of Toronto"), country="CA",
                     fields=["S07", "S09.01"], id=TORONTO),
        Organisation(OrgKind.RESEARCH_INSTITUTE, B("프라운호퍼 ISE", "Fraunhofer ISE"), country="DE",
                     fields=["S07.02"], id=FRAUNHOFER),
        Organisation(OrgKind.ASSOCIATION, B("재미한인과학기술자협회", "KSEA"), country="US", id=KSEA),
    ]  # fmt: skip


def experts() -> list[Expert]:
    return [
        Expert(B("그레이스 리", "Grace Lee"), country="CA", fields=["S07.01"], affiliations=[Affiliation(TORONTO)],
               id=GRACE),
        Expert(B("한스 뮐러", "Hans Müller"), country="DE", fields=["S07.02"], affiliations=[Affiliation(FRAUNHOFER)],
               id=HANS),
        Expert(B("김도윤", "Doyun Kim"), country="KR", fields=["S09.01"], affiliations=[Affiliation(SAESOL)], id=DOYUN),
        Expert(B("프리야 라오", "Priya Rao"), fields=["S09.02"], affiliations=[Affiliation(KSEA)], id=PRIYA),
        Expert(B("", "Anonymous"), fields=["S07"], id=NOBODY),
        Expert(B("웨이 천", "Wei Chen"), country="CA", fields=["S07.03", "S09.01"], affiliations=[Affiliation(TORONTO)],
               id=WEI),
    ]  # fmt: skip


TYPES = [ParticipationType("local", B("지역기업", "Regional firm")),
         ParticipationType("overseas", B("해외 파트너", "Overseas partner"))]  # fmt: skip


def _event(event_id: int, day: date) -> Event:
    session = Session("am", day, time(10), 30, slots=4)
    return Event(B(f"상담회 {event_id}", f"Partnering day {event_id}"), sessions=[session], tables=[Table(1), Table(2)],
                 types=list(TYPES), id=event_id)  # fmt: skip


def _person(pid: int, type_code: str, **more: object) -> Participant:
    return Participant(B(f"참가자 {pid}", f"Participant {pid}"), type_code=type_code, id=pid, **more)  # type: ignore[arg-type]


def _request(rid: int, a: int, b: int, status: RequestStatus) -> MeetingRequest:
    return MeetingRequest(a, b, AT, status=status, id=rid)


def event_one() -> EventRecord:
    came = {"checked_in_at": datetime(2026, 3, 10, 0, 50, tzinfo=UTC)}
    people = [
        _person(101, "local", organisation_id=HANBIT, **came),
        _person(102, "local", expert_id=DOYUN, **came),
        _person(103, "overseas", expert_id=GRACE, **came),
        _person(104, "overseas", expert_id=HANS),
        _person(105, "overseas"),  # a walk-in: country unknown
        _person(106, "local", organisation_id=SAESOL, cancelled=True),
        _person(107, "overseas", expert_id=PRIYA, no_show_at=datetime(2026, 3, 10, 1, 30, tzinfo=UTC)),
    ]
    A, D, P = RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.PENDING
    requests = [_request(201, 101, 103, A), _request(202, 101, 104, A), _request(203, 102, 103, A),
                _request(204, 102, 107, A), _request(205, 105, 101, D), _request(206, 104, 102, P)]  # fmt: skip
    # meetings at 201-204; 204 was not held: 107 did not come
    return EventRecord(_event(1, date(2026, 3, 10)), people, requests, frozenset({201, 202, 203}))


def event_two() -> EventRecord:
    people = [_person(108, "local", organisation_id=HANBIT), _person(109, "overseas", expert_id=GRACE)]
    requests = [_request(301, 108, 109, RequestStatus.ACCEPTED)]
    return EventRecord(_event(2, date(2025, 11, 5)), people, requests, frozenset({301}))


def wishes() -> list[FollowUpWish]:
    return [
        FollowUpWish(1, 201, 101, True), FollowUpWish(1, 201, 103, False),
        FollowUpWish(1, 202, 101, False), FollowUpWish(1, 202, 104, False),
        FollowUpWish(1, 203, 102, True),
        FollowUpWish(2, 301, 108, True),
    ]  # fmt: skip


def _result(on: date, kind: ResultKind, amount: int | None = None) -> Step:
    return Step(S.RESULT, on, result_kind=kind, amount_krw=amount)


def leads() -> list[Lead]:
    return [
        Lead(B("수전해 스택 공동연구", "Electrolyser stack R&D"), (Side(HANBIT), Side(TORONTO, GRACE)),
             (Step(S.MET, date(2026, 3, 10)), Step(S.FOLLOW_UP, date(2026, 4, 2)),
              Step(S.AGREEMENT, date(2026, 5, 20), agreement_id=1),
              _result(date(2026, 9, 1), ResultKind.JOINT_PROJECT, 150_000_000),
              _result(date(2027, 1, 15), ResultKind.TECH_TRANSFER, 30_000_000)),
             fields=("S07.01",), event_id=1, request_id=201, programme=PROGRAMME, id=1),
        Lead(B("AI 인프라 협력", "AI infrastructure"), (Side(expert_id=DOYUN), Side(expert_id=GRACE)),
             (Step(S.MET, date(2026, 3, 10)), Step(S.FOLLOW_UP, date(2026, 3, 30)),
              Step(S.CLOSED, date(2026, 6, 1), reason=CloseReason.NO_FIT)),
             fields=("S09.01",), event_id=1, request_id=203, programme=PROGRAMME, id=2),
        Lead(B("수소 저장 실증", "Hydrogen storage pilot"), (Side(HANBIT), Side(expert_id=HANS)),
             (Step(S.MET, date(2026, 3, 10)), Step(S.AGREEMENT, date(2026, 7, 1)),
              _result(date(2026, 10, 10), ResultKind.MARKET_ENTRY)),
             fields=("S07.02", "S07.03"), event_id=1, request_id=202, programme=PROGRAMME, id=3),
        Lead(B("AI 스타트업 투자", "AI start-up investment"), (Side(SAESOL), Side(KSEA)),
             (Step(S.CONTACTED, date(2025, 12, 1)), Step(S.MET, date(2026, 2, 1)),
              _result(date(2026, 2, 20), ResultKind.INVESTMENT, 500_000_000)),
             fields=("S09",), id=4),
        Lead(B("2025 후속", "2025 follow-up"), (Side(HANBIT), Side(expert_id=GRACE)),
             (Step(S.MET, date(2025, 11, 5)), Step(S.FOLLOW_UP, date(2025, 12, 10))),
             event_id=2, request_id=301, programme="2025 교류", id=5),
        Lead(B("지역 내 협력", "Regional partners"), (Side(HANBIT), Side(SAESOL)),
             (Step(S.CONTACTED, date(2026, 5, 1)),), fields=("S09.01",), programme=PROGRAMME, id=6),
    ]  # fmt: skip


def agreements() -> list[Agreement]:
    return [Agreement(B("한빛-토론토 수소 MOU", "Hanbit-Toronto hydrogen MOU"), [Party(HANBIT), Party(TORONTO)],
                      signed_on=date(2026, 5, 20), id=1)]  # fmt: skip


def directory() -> Directory:
    return Directory.of(organisations(), experts())


def taxonomy() -> Taxonomy:
    return Taxonomy.of(national_fields())


def sources() -> Sources:
    return Sources(leads(), wishes(), [event_one(), event_two()], agreements(), directory(), taxonomy())
