"""The field classifier with the real packaged model: prototypes, neighbours, glossary terms, suggestions."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.classify import Classifier, Document, Example
from seoro.matching.glossary import Glossary
from seoro.matching.semantic import UniversalSentenceEncoder

pytestmark = pytest.mark.unit
TAXONOMY = Taxonomy.of(national_fields())
GLOSSARY = Glossary.build(TAXONOMY)
EMBEDDER = UniversalSentenceEncoder()
ZERO_SHOT = Classifier(TAXONOMY, GLOSSARY, EMBEDDER)
ANY_TEXT = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs", "Cc")), max_size=80)


def _best(classifier: Classifier, text: str) -> str:
    return classifier.classify([Document((text,))])[0].leaves[0].code


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("고분자 전해질막 연료전지 스택의 백금 촉매 저감", "S07.03"),
        ("Proton exchange membrane fuel cell stacks for trucks", "S07.03"),
        ("초전도 큐비트의 결맞음 시간 향상", "S12.01"),
        ("Quantum key distribution over metropolitan fibre", "S12.02"),
        ("하이니켈 양극재 코팅 기술", "S02.01"),
        ("Recycling spent lithium-ion batteries to recover cobalt", "S02.04"),
        ("폐배터리 재활용으로 코발트 회수", "S02.04"),
    ],
)
def test_korean_and_english_texts_get_their_field(text: str, field: str) -> None:
    assert _best(ZERO_SHOT, text) == field


def test_confidences_are_probabilities_in_order_and_parents_hold_their_leaves() -> None:
    result = ZERO_SHOT.classify([Document(("액화수소 저장탱크 단열 설계",))])[0]
    confidences = [s.confidence for s in result.leaves]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= c <= 1.0 for c in confidences)
    assert sum(confidences) == pytest.approx(1.0)
    hydrogen = sum(s.confidence for s in result.leaves if s.code.startswith("S07."))
    assert result.confidence("S07") == pytest.approx(hydrogen)
    assert result.leaves[0].code == "S07.02"
    assert "액화수소" in result.leaves[0].evidence.terms


def test_unsure_leaf_is_lifted_to_its_confident_parent_and_rejected_fields_are_never_suggested() -> None:
    result = ZERO_SHOT.classify([Document(("Regional hydrogen economy strategy from production to end use",))])[0]
    assert [s.code for s in result.suggest(top=1, threshold=0.5)] == ["S07"]
    assert result.suggest(top=1, threshold=0.5)[0].confidence >= 0.5
    suggested = [s.code for s in result.suggest(top=5, threshold=0.5, exclude={"S07"})]
    assert suggested and not any(c == "S07" or c.startswith("S07.") for c in suggested)


def test_labelled_neighbours_vote_and_a_record_never_votes_for_itself() -> None:
    texts = ["Lunar regolith processing for oxygen", "Rover wheels for the Moon's south pole"]
    examples = [Example(f"expert:{i}", ("S06.03",), (t,), EMBEDDER.encode([t])) for i, t in enumerate(texts, start=1)]
    with_examples = Classifier(TAXONOMY, GLOSSARY, EMBEDDER, examples=examples)
    result = with_examples.classify([Document((texts[0],), key="expert:1")])[0]
    assert result.leaves[0].code == "S06.03"
    assert result.leaves[0].evidence.neighbours == ("expert:2",)


def test_precomputed_vectors_give_the_same_result_as_encoding() -> None:
    text = "SiC power devices for traction inverters"
    encoded = ZERO_SHOT.classify([Document((text,))])[0]
    given_vectors = ZERO_SHOT.classify([Document((text,), EMBEDDER.encode([text]))])[0]
    assert [s.code for s in encoded.leaves[:5]] == [s.code for s in given_vectors.leaves[:5]]
    assert encoded.leaves[0].code == "S01.03"
    assert np.isclose(encoded.leaves[0].confidence, given_vectors.leaves[0].confidence)


def test_nothing_to_classify_gives_nothing() -> None:
    assert ZERO_SHOT.classify([]) == []


@settings(max_examples=25, deadline=None)
@given(st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_any_text_gives_valid_codes_and_confidences(texts: list[str]) -> None:
    result = ZERO_SHOT.classify([Document(tuple(texts))])[0]
    assert {s.code for s in result.leaves} == set(ZERO_SHOT.leaves)
    for s in [*result.leaves, *result.parents, *result.suggest(top=3)]:
        assert s.code in TAXONOMY.fields
        assert 0.0 <= s.confidence <= 1.0 + 1e-9
