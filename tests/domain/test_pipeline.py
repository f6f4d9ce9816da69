"""The cooperation pipeline's rules: the moves a lead may make, what each step must carry, the
funnel stage a lead reached, overdue next actions, and reminders owed once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.domain.pipeline import FIRST, FUNNEL, MOVES, FollowUpWish, Lead, Side, Step, reminders, wanted
from seoro.domain.text import BilingualText
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind

pytestmark = pytest.mark.unit
S = LeadStage
DAY = date(2026, 3, 2)
A, B = Side(organisation_id=1), Side(organisation_id=2, expert_id=7)


def step(stage: LeadStage, days: int = 0, **more: object) -> Step:
    extra: dict[str, object] = {}
    if stage is S.RESULT:
        extra["result_kind"] = ResultKind.JOINT_PROJECT
    if stage is S.CLOSED:
        extra["reason"] = CloseReason.NO_FIT
    return Step(stage, DAY + timedelta(days=days), **(extra | more))  # type: ignore[arg-type]


def lead(*stages: LeadStage) -> Lead:
    return Lead(BilingualText("수소 스택 공동연구", "Hydrogen stack R&D"), (A, B),
                tuple(step(s, i) for i, s in enumerate(stages)), id=1)  # fmt: skip


def test_a_lead_goes_from_a_meeting_to_an_agreement_and_results() -> None:
    found = lead(S.MET, S.FOLLOW_UP, S.AGREEMENT, S.RESULT, S.RESULT)
    assert (found.stage, found.furthest(), len(found.results()), found.is_open) == (S.RESULT, S.RESULT, 2, True)
    assert [found.reached(s) for s in FUNNEL] == [True] * 5
    assert found.first_reached(S.FOLLOW_UP) == DAY + timedelta(days=1)


def test_an_illegal_move_is_refused_naming_both_stages_and_what_is_allowed() -> None:
    with pytest.raises(DomainError) as refused:
        lead(S.CONTACTED).advance(step(S.AGREEMENT, 1))
    assert (refused.value.code, refused.value.params) == (
        "lead_move",
        {"before": "contacted", "after": "agreement", "allowed": "met, closed", "before_ko": "접촉",
         "before_en": "Contacted", "after_ko": "협약(MOU)", "after_en": "Agreement (MOU)", "allowed_ko": "미팅, 종결",
         "allowed_en": "Met, Closed"},
    )  # fmt: skip
    with pytest.raises(DomainError) as closed:
        lead(S.MET, S.CLOSED).advance(step(S.MET, 2))
    assert (closed.value.code, closed.value.params["allowed"]) == ("lead_move", "-")


def test_each_step_carries_what_its_stage_needs() -> None:
    codes = []
    for make in (
        lambda: Step(S.RESULT, DAY),
        lambda: Step(S.CLOSED, DAY),
        lambda: Step(S.MET, DAY, result_kind=ResultKind.INVESTMENT),
        lambda: Step(S.MET, DAY, agreement_id=3),
        lambda: Step(S.MET, DAY, next_action="call", due=DAY - timedelta(days=1)),
        lambda: Step(S.CLOSED, DAY, reason=CloseReason.OTHER, next_action="call"),
        lambda: lead(S.MET).advance(Step(S.FOLLOW_UP, DAY - timedelta(days=1))),
        lambda: Lead(BilingualText("x", ""), (A, A), (step(S.MET),)),
        lambda: Lead(BilingualText("x", ""), (A, B), (step(S.AGREEMENT),)),
        lambda: Side(),
    ):
        with pytest.raises(DomainError) as e:
            make()
        codes.append(e.value.code)
    assert codes == ["lead_result_kind", "lead_close_reason", "lead_field_not_for_stage", "lead_field_not_for_stage",
                     "lead_due_before_step", "lead_field_not_for_stage", "lead_step_before", "lead_same_sides",
                     "lead_first_step", "lead_side_required"]  # fmt: skip


@given(st.lists(st.sampled_from(list(LeadStage)), min_size=1, max_size=8))
def test_a_lead_is_accepted_exactly_when_every_move_is_allowed(stages: list[LeadStage]) -> None:
    legal = stages[0] in FIRST and all(b in MOVES[a] for a, b in zip(stages, stages[1:], strict=False))
    try:
        found = lead(*stages)
    except DomainError as e:
        assert not legal and e.code in ("lead_move", "lead_first_step")
    else:
        assert legal
        furthest = max((s for s in stages if s in FUNNEL), key=FUNNEL.index)
        assert (found.stage, found.furthest()) == (stages[-1], furthest)


def test_overdue_next_actions_are_reminded_once_the_longest_overdue_first() -> None:
    today = DAY + timedelta(days=30)
    late = Lead(
        BilingualText("늦은 건", ""),
        (A, B),
        (step(S.MET, 0, next_action="제안서 보내기", due=DAY + timedelta(days=7)),),
        id=1,
    )
    later = Lead(
        BilingualText("더 늦은 건", ""),
        (A, B),
        (step(S.MET, 0, next_action="전화", due=DAY + timedelta(days=3)),),
        id=2,
    )
    due_today = Lead(BilingualText("오늘", ""), (A, B), (step(S.MET, 0, next_action="메일", due=today),), id=3)
    closed = lead(S.MET, S.CLOSED)
    found = reminders([late, later, due_today, closed], today, sent=set())
    assert [(r.lead_id, r.step_index, r.action) for r in found] == [(2, 0, "전화"), (1, 0, "제안서 보내기")]
    assert [r.lead_id for r in reminders([late, later], today, sent={(2, 0)})] == [1]
    moved_on = later.advance(step(S.FOLLOW_UP, 10, next_action="MOU 초안", due=DAY + timedelta(days=20)))
    assert [(r.lead_id, r.step_index) for r in reminders([moved_on], today, sent={(2, 0)})] == [(2, 1)]


def test_meetings_where_someone_wants_more() -> None:
    wishes = [FollowUpWish(1, 10, 1, True), FollowUpWish(1, 10, 2, False), FollowUpWish(1, 11, 3, False),
              FollowUpWish(1, 12, 4, True, online=True)]  # fmt: skip
    assert {rid: [w.participant_id for w in ws] for rid, ws in wanted(wishes).items()} == {10: [1, 2], 12: [4]}
