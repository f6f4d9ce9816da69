"""The pipeline's use cases on SQLite and PostgreSQL: leads opened from a held meeting, from a match and
by hand; steps the core allows, and refusals in both languages that write nothing; an agreement
(MOU) recorded in the registry from the pipeline; filters and overdue actions; merges."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from seoro.domain.agreements import FollowUp, Party
from seoro.domain.pipeline import Side, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind
from seoro.i18n import t
from seoro.services import pipeline as pl
from seoro.services.directory import merge_organisations
from seoro.storage.leads import LeadFilter
from tests.services.pipeline_rows import ACTOR, AFTER, DAY, DURING, Held, counts, refused

pytestmark = pytest.mark.integration
S = LeadStage


def test_a_lead_from_a_held_meeting_takes_its_sides_title_and_day(held: Held) -> None:
    db = held.db
    lead = pl.open_from_meeting(db, held.event_id, held.meetings["hanbit_grace"],
                                pl.LeadDetails(owner=" Kim@Agency.example ", programme="2026 글로벌"), actor=ACTOR)  # fmt: skip
    # the firm's organisation; the expert with her affiliation (an MOU is signed by organisations)
    assert lead.sides == (Side(held.hanbit), Side(held.toronto, held.grace))
    assert lead.title == BilingualText("수소연료전지 스택 내구성 향상", "Fuel-cell stack durability")  # Hanbit's need
    assert (lead.fields, lead.event_id, lead.request_id, lead.profile_id) == (("S07",), held.event_id,
                                                                             held.meetings["hanbit_grace"], None)  # fmt: skip
    assert (lead.owner, lead.programme) == ("kim@agency.example", "2026 글로벌")
    assert [(s.stage, s.on, s.by) for s in lead.steps] == [(S.MET, DAY, ACTOR)]
    assert pl.get_lead(db, lead.id or 0) == lead
    with db.reading() as unit:
        [entry] = unit.audit.history("lead", lead.id)
    assert (entry.actor, entry.action.value, entry.changes["owner"]) == (ACTOR, "create", [None, "kim@agency.example"])
    again = refused(lambda: pl.open_from_meeting(db, held.event_id, held.meetings["hanbit_grace"], actor=ACTOR))
    assert (again.code, again.params) == ("lead_exists", {"request": held.meetings["hanbit_grace"], "id": lead.id})


def test_without_profiles_the_title_is_both_names_and_the_fields_they_share(held: Held) -> None:
    lead = pl.open_from_meeting(held.db, held.event_id, held.meetings["loner_saesol"], actor=ACTOR)
    assert lead.sides == (Side(expert_id=held.loner), Side(held.saesol))
    assert lead.title == BilingualText("Sam Park – 새솔배터리", "Sam Park – Saesol Battery")
    assert lead.fields == ("S02",)


def test_only_meetings_held_make_leads(held: Held) -> None:
    db, before = held.db, counts(held.db)
    codes = [
        refused(lambda key=key, at=at: pl.open_from_meeting(db, held.event_id, held.meetings[key], actor=ACTOR, at=at))
        for key, at in (("absent_hanbit", AFTER), ("grace_saesol", DURING), ("walkin_grace", AFTER))
    ]
    assert [(e.code, e.params) for e in codes] == [
        ("meeting_not_held", {"request": held.meetings["absent_hanbit"], "event": held.event_id}),  # a no-show
        ("meeting_not_held", {"request": held.meetings["grace_saesol"], "event": held.event_id}),  # not begun
        ("lead_party_unlinked", {"name": "방문객 (Visitor)"}),  # a walk-in, in no directory record
    ]
    assert counts(db) == before
    later = pl.open_from_meeting(db, held.event_id, held.meetings["grace_saesol"], actor=ACTOR, at=AFTER)
    assert later.sides == (Side(held.toronto, held.grace), Side(held.saesol))


def test_a_lead_moves_through_the_funnel_and_an_illegal_move_is_refused_in_both_languages(held: Held) -> None:
    db = held.db
    lead = pl.open_from_match(db, held.need, expert_id=held.grace, actor=ACTOR,
                              details=pl.LeadDetails(on=DAY, next_action="첫 통화", due=DAY + timedelta(days=7)))  # fmt: skip
    assert lead.id is not None and lead.stage is S.CONTACTED and lead.profile_id == held.need
    assert lead.sides == (Side(held.hanbit), Side(held.toronto, held.grace))
    before = counts(db)
    error = refused(lambda: pl.advance(db, lead.id or 0, Step(S.AGREEMENT, DAY + timedelta(days=2)), actor=ACTOR))
    assert (error.code, error.params["before"], error.params["after"], error.params["allowed"]) == (
        "lead_move", "contacted", "agreement", "met, closed"
    )  # fmt: skip
    assert t("error.lead_move", "ko", **error.params) == (
        "'접촉' 단계에서 '협약(MOU)' 단계로 갈 수 없습니다 (가능한 다음 단계: 미팅, 종결)."
    )
    assert t("error.lead_move", "en", **error.params) == (
        "A lead cannot go from 'Contacted' to 'Agreement (MOU)' (possible next stages: Met, Closed)."
    )
    assert counts(db) == before and pl.get_lead(db, lead.id) == lead  # nothing written, not even the audit
    met = pl.advance(db, lead.id, Step(S.MET, DAY + timedelta(days=3), note="화상 미팅"), actor="kim")
    assert (met.stage, met.steps[-1].by) == (S.MET, "kim")
    done = pl.advance(db, lead.id, Step(S.RESULT, DAY + timedelta(days=30), result_kind=ResultKind.TECH_TRANSFER,
                                        amount_krw=50_000_000), actor=ACTOR)  # fmt: skip
    closed = pl.advance(db, lead.id, Step(S.FOLLOW_UP, DAY + timedelta(days=31)), actor=ACTOR)
    closed = pl.advance(
        db, lead.id, Step(S.CLOSED, DAY + timedelta(days=40), reason=CloseReason.NO_FUNDING), actor=ACTOR
    )
    assert [s.stage for s in pl.get_lead(db, lead.id).steps] == [S.CONTACTED, S.MET, S.RESULT, S.FOLLOW_UP, S.CLOSED]
    assert done.results()[0].amount_krw == 50_000_000 and not closed.is_open
    final = refused(lambda: pl.advance(db, lead.id or 0, Step(S.MET, DAY + timedelta(days=41)), actor=ACTOR))
    assert (final.code, final.params["allowed"]) == ("lead_move", "-")
    with db.reading() as unit:
        stages = [e.changes["stage"] for e in reversed(unit.audit.history("lead", lead.id)) if "stage" in e.changes]
    assert stages == [["contacted", "met"], ["met", "result"], ["result", "follow_up"], ["follow_up", "closed"]]


def test_reaching_an_agreement_records_the_mou_with_the_leads_organisations(held: Held) -> None:
    db = held.db
    lead = pl.open_from_meeting(db, held.event_id, held.meetings["hanbit_grace"], actor=ACTOR)
    assert lead.id is not None
    details = pl.AgreementDetails(
        scope=(BilingualText("스택 내구성 공동연구", "Joint research on stack durability"),),
        contacts=(Party(held.toronto, "Dean Smith", "Grace Lee", "grace@utoronto.example"),),
        follow_ups=(FollowUp(BilingualText("토론토 방문", "Visit to Toronto"), date(2026, 9, 1)),),
        place="대전",
    )
    on = DAY + timedelta(days=20)
    after = pl.advance(db, lead.id, Step(S.AGREEMENT, on, next_action="kick-off"), actor=ACTOR, agreement=details)
    agreement_id = after.steps[-1].agreement_id
    assert agreement_id is not None
    with db.reading() as unit:
        mou = unit.agreements.get(agreement_id)
        entities = [e.entity for e in unit.audit.history(limit=2)]
    assert (mou.title, mou.signed_on, mou.place, mou.event) == (lead.title, on, "대전", "2026 새솔 기술협력 상담회")
    assert mou.parties == [Party(held.hanbit), Party(held.toronto, "Dean Smith", "Grace Lee", "grace@utoronto.example")]
    assert (mou.scope, mou.follow_ups) == (list(details.scope), list(details.follow_ups))
    assert sorted(entities) == ["agreement", "lead"]
    assert pl.get_lead(db, lead.id).steps[-1].agreement_id == agreement_id
    # linking an existing record instead: it must exist
    later = Step(S.AGREEMENT, on + timedelta(days=1), agreement_id=agreement_id + 99)
    pl.advance(db, lead.id, Step(S.FOLLOW_UP, on), actor=ACTOR)
    missing = refused(lambda: pl.advance(db, lead.id or 0, later, actor=ACTOR))
    assert (missing.code, missing.params) == ("not_found", {"entity": "agreement", "id": agreement_id + 99})


def test_an_agreement_needs_an_organisation_on_each_side_and_contacts_only_for_them(held: Held) -> None:
    db = held.db
    lone = pl.open_from_meeting(db, held.event_id, held.meetings["loner_saesol"], actor=ACTOR)
    pair = pl.open_from_meeting(db, held.event_id, held.meetings["saesol_hanbit"], actor=ACTOR)
    before = counts(db)
    on = DAY + timedelta(days=5)
    no_org = refused(lambda: pl.advance(db, lone.id or 0, Step(S.AGREEMENT, on), actor=ACTOR,
                                        agreement=pl.AgreementDetails()))  # fmt: skip
    stranger = pl.AgreementDetails(contacts=(Party(held.toronto, contact_name="Grace"),))
    wrong = refused(lambda: pl.advance(db, pair.id or 0, Step(S.AGREEMENT, on), actor=ACTOR, agreement=stranger))
    not_now = refused(lambda: pl.advance(db, pair.id or 0, Step(S.FOLLOW_UP, on), actor=ACTOR,
                                         agreement=pl.AgreementDetails()))  # fmt: skip
    assert [e.code for e in (no_org, wrong, not_now)] == [
        "lead_agreement_organisations", "lead_agreement_party", "lead_field_not_for_stage"
    ]  # fmt: skip
    assert counts(db) == before


def test_leads_by_hand_are_listed_filtered_and_overdue_ones_found(held: Held) -> None:
    db = held.db
    due = DAY + timedelta(days=10)
    first = pl.open_lead(db, Side(held.saesol), Side(expert_id=held.grace),
                         pl.LeadDetails(BilingualText("배터리 소재", "Battery materials"), ("S02",), "2026 글로벌",
                                        "lee@agency.example", DAY, "", "자료 송부", due), actor=ACTOR)  # fmt: skip
    second = pl.open_from_meeting(db, held.event_id, held.meetings["hanbit_grace"], actor=ACTOR,
                                  details=pl.LeadDetails(next_action="NDA", due=DAY + timedelta(days=3)))  # fmt: skip
    assert first.sides == (Side(held.saesol), Side(held.toronto, held.grace))
    assert [x.id for x in pl.list_leads(db)] == [first.id, second.id]
    assert [x.id for x in pl.list_leads(db, LeadFilter(event_id=held.event_id))] == [second.id]
    assert [x.id for x in pl.list_leads(db, LeadFilter(programme="2026 글로벌"))] == [first.id]
    assert [x.id for x in pl.list_leads(db, LeadFilter(stage=S.CONTACTED))] == [first.id]
    assert pl.overdue_leads(db, due) == [second]
    assert [x.id for x in pl.overdue_leads(db, due + timedelta(days=1))] == [second.id, first.id]
    changed = pl.update_lead(db, first.id or 0, owner="park@agency.example", programme="2027", actor=ACTOR)
    assert (changed.owner, changed.programme) == ("park@agency.example", "2027")
    bad = refused(
        lambda: pl.open_lead(db, Side(held.saesol), Side(held.hanbit), pl.LeadDetails(owner="kim"), actor=ACTOR)
    )
    assert (bad.code, bad.params) == ("bad_email", {"value": "kim"})
    same = refused(lambda: pl.open_lead(db, Side(held.saesol), Side(held.saesol), pl.LeadDetails(), actor=ACTOR))
    assert same.code == "lead_same_sides"
    gone = refused(lambda: pl.open_lead(db, Side(held.saesol), Side(9999), pl.LeadDetails(), actor=ACTOR))
    assert (gone.code, gone.params) == ("not_found", {"entity": "organisation", "id": 9999})


def test_merging_organisations_moves_leads_and_refuses_to_merge_the_two_sides_of_one(held: Held) -> None:
    db = held.db
    lead = pl.open_from_meeting(db, held.event_id, held.meetings["saesol_hanbit"], actor=ACTOR)
    other = pl.open_from_meeting(db, held.event_id, held.meetings["hanbit_grace"], actor=ACTOR)
    error = refused(lambda: merge_organisations(db, keep=held.hanbit, drop=held.saesol, actor=ACTOR))
    assert (error.code, error.params) == ("merge_sides_of_one_lead", {"lead": lead.id})
    merge_organisations(db, keep=held.saesol, drop=held.toronto, actor=ACTOR)
    assert pl.get_lead(db, other.id or 0).sides == (Side(held.hanbit), Side(held.saesol, held.grace))
