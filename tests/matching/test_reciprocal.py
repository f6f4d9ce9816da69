import numpy as np
import pytest

from seoro.matching.model import Candidate, Doc
from seoro.matching.reciprocal import mutual_matrix, recommend_pairs
from tests.matching.test_engine import TOOLS

pytestmark = pytest.mark.unit


def _c(key: str, text: str, fields: tuple[str, ...] = ()) -> Candidate:
    return Candidate(key, "need" if key.startswith("need") else "offer", key, (Doc(text),), fields)


NEEDS = [
    _c("need:h2", "수소연료전지 스택 내구성 향상 기술이 필요합니다", ("S07.03",)),
    _c("need:bat", "전고체 배터리 고체전해질 계면 저항을 낮추고 싶습니다", ("S02.02",)),
]
OFFERS = [
    _c("offer:bat", "We offer solid-state battery electrolyte coatings that lower interfacial resistance", ("S02.02",)),
    _c("offer:h2", "We offer durable PEM fuel cell stacks and catalyst layer know-how", ("S07.03",)),
    _c("offer:sat", "Small satellite attitude control software", ("S06.02",)),
]


def test_mutual_score_is_high_only_when_both_directions_are() -> None:
    mutual, forward, backward = mutual_matrix(NEEDS, OFFERS, TOOLS)
    assert mutual.shape == forward.shape == backward.shape == (2, 3)
    np.testing.assert_allclose(mutual, np.sqrt(np.clip(forward, 0, None) * np.clip(backward, 0, None)), rtol=1e-6)
    assert int(np.argmax(mutual[0])) == 1 and int(np.argmax(mutual[1])) == 0
    assert mutual[:, 2].max() < mutual[0, 1]


def test_recommended_pairs_pair_each_need_with_its_offer_first() -> None:
    pairs = recommend_pairs(NEEDS, OFFERS, TOOLS, top=2, per_candidate=1)
    assert {(p.left, p.right) for p in pairs} == {("need:h2", "offer:h2"), ("need:bat", "offer:bat")}
    assert all(p.mutual == pytest.approx((p.left_to_right * p.right_to_left) ** 0.5, abs=1e-3) for p in pairs)


def test_a_participant_never_pairs_with_itself() -> None:
    people = NEEDS + OFFERS
    mutual, _, _ = mutual_matrix(people, people, TOOLS)
    assert np.diag(mutual).tolist() == [0.0] * len(people)
