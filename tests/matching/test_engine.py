"""The engine with the real packaged model on small hand-made directories."""

import numpy as np
import pytest

from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.engine import Engine, Tools, field_affinity
from seoro.matching.glossary import Glossary
from seoro.matching.model import Candidate, Doc, Filters, Query
from seoro.matching.semantic import UniversalSentenceEncoder
from seoro.matching.tokenize import Tokenizer

pytestmark = pytest.mark.unit
TAXONOMY = Taxonomy.of(national_fields())
TOOLS = Tools(UniversalSentenceEncoder(), Tokenizer(), Glossary.build(TAXONOMY), TAXONOMY)


def _expert(
    key: str, text: str, fields: tuple[str, ...], group: str = "", country: str = "CA", year: int | None = None
) -> Candidate:
    return Candidate(key, "expert", key, (Doc(text, "publication", year),), fields, country, "", ("en",), group)


EXPERTS = [
    _expert("fuelcell", "PEM fuel cell degradation, catalyst layers and stack durability", ("S07.03",), "lab-a"),
    _expert("battery", "Solid-state battery electrolytes and interfacial resistance", ("S02.02",), "lab-b"),
    _expert("vision", "Deep learning for visual inspection in manufacturing", ("S09.03",), "lab-c"),
    _expert("quantum", "Superconducting qubits and quantum error correction", ("S12.01",), "lab-d", "US"),
    _expert("rocket", "Liquid rocket engine combustion stability", ("S06.01",), "lab-e", "US"),
]


def test_golden_vector_catches_a_model_change() -> None:
    vector = TOOLS.embedder.encode(["수소연료전지 스택 내구성 향상 기술"])[0]
    expected = [
        0.10013,
        -0.01267,
        -0.00298,
        -0.05238,
        -0.05116,
        0.07241,
        -0.05112,
        -0.04488,
        0.07765,
        -0.03596,
        0.05756,
        0.05447,
    ]
    assert vector.shape == (512,)
    np.testing.assert_allclose(vector[:12], expected, atol=1e-4)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


@pytest.mark.parametrize(
    ("need", "fields", "expected"),
    [
        ("수소연료전지 스택 내구성 향상 기술", ("S07.03",), "fuelcell"),
        ("전고체 배터리 고체전해질 계면 저항 저감", ("S02.02",), "battery"),
        ("제조 공정 비전검사 AI", (), "vision"),
        ("양자컴퓨터 큐비트 오류 정정", (), "quantum"),
    ],
)
def test_korean_need_finds_the_english_expert_first(need: str, fields: tuple[str, ...], expected: str) -> None:
    engine = Engine(EXPERTS, TOOLS)
    assert engine.search(Query(need, fields), top=1)[0].candidate.key == expected


def test_explanation_names_fields_translated_terms_and_the_best_text() -> None:
    engine = Engine(EXPERTS, TOOLS)
    [best] = engine.search(Query("수소연료전지 스택 내구성 향상 기술", ("S07.03",)), top=1)
    why = best.explanation
    assert why.shared_fields == ("S07.03",)
    assert [(t.query_term, t.candidate_term, t.translation) for t in why.terms[:3]] == [
        ("수소연료전지", "fuel cell", True),
        ("스택", "stack", True),
        ("내구성", "durability", True),
    ]
    assert why.best_doc.text.startswith("PEM fuel cell degradation")
    assert why.best_sentence == why.best_doc.text  # one sentence: the whole text
    assert set(why.contributions) == {"dense", "lexical", "lexical_cross", "fields"}
    assert best.score == pytest.approx(sum(why.contributions.values()), abs=1e-3)


def test_filters_and_own_record_exclusion() -> None:
    engine = Engine(EXPERTS, TOOLS)
    query = Query("quantum rocket", exclude=frozenset({"quantum"}))
    keys = [m.candidate.key for m in engine.search(query, top=5, filters=Filters(countries=frozenset({"US"})))]
    assert keys == ["rocket"]


def test_diversity_limits_results_from_one_lab_unless_asked() -> None:
    lab = [_expert(f"fc{i}", f"PEM fuel cell stack durability study {i}", ("S07.03",), "same-lab") for i in range(4)]
    engine = Engine([*lab, *EXPERTS], TOOLS)
    query = Query("fuel cell stack durability")
    spread = [m.candidate.group for m in engine.search(query, top=4)]
    assert spread.count("same-lab") == 2
    packed = [m.candidate.group for m in engine.search(query, top=4, filters=Filters(per_group=None))]
    assert packed.count("same-lab") == 4


def test_recent_work_counts_more_than_old_work() -> None:
    # Recency is a prior over an expert's own documents: the same matching paper weighs more when it is
    # the expert's recent work than when it is old work beside a recent paper on something else.
    def expert(key: str, match_year: int, other_year: int) -> Candidate:
        docs = (
            Doc("PEM fuel cell stack durability", "publication", match_year),
            Doc("Groundwater contamination by road salt", "publication", other_year),
        )
        return Candidate(key, "expert", key, docs, ("S07.03",), "CA", "", ("en",), key)

    engine = Engine([expert("old", 2005, 2025), expert("new", 2025, 2005)], TOOLS, today_year=2026)
    assert [m.candidate.key for m in engine.search(Query("fuel cell durability"), top=2)] == ["new", "old"]


def test_field_affinity() -> None:
    assert field_affinity(TAXONOMY, ["S07"], ["S07.03"]) == 1.0
    assert field_affinity(TAXONOMY, ["S07.01"], ["S07.03"]) == 0.5
    assert field_affinity(TAXONOMY, ["S07.01"], ["S02.01"]) == 0.0
    assert field_affinity(TAXONOMY, [], ["S02.01"]) == 0.0


def test_empty_directory_finds_nothing() -> None:
    assert Engine([], TOOLS).search(Query("anything")) == []


def test_batched_scores_equal_one_query_at_a_time() -> None:
    engine = Engine(EXPERTS, TOOLS)
    queries = [Query("수소연료전지 스택 내구성", ("S07.03",)), Query("quantum error correction"), Query("")]
    batch = engine.score_matrix(queries)
    single = np.vstack([engine.scores(q) for q in queries])
    np.testing.assert_allclose(batch, single, atol=1e-5)


def test_a_large_index_scores_a_shortlist_and_finds_what_full_scoring_finds() -> None:
    filler = [
        _expert(f"other{i}", f"{topic} study number {i}", ("S12.01",), f"lab{i}")
        for i, topic in enumerate(["Groundwater hydrology", "Medieval poetry", "Tax law", "Bird migration"] * 5)
    ]
    directory = [*EXPERTS, *filler]
    full = Engine(directory, TOOLS)
    shortlisted = Engine(directory, TOOLS, exact_up_to=0)
    assert full.index is None and shortlisted.index is not None
    for need in ("수소연료전지 스택 내구성 향상 기술", "quantum error correction", "비전검사 AI"):
        expected = [(m.candidate.key, m.score) for m in full.search(Query(need), top=3)]
        assert [(m.candidate.key, m.score) for m in shortlisted.search(Query(need), top=3)] == expected


def test_the_reason_quotes_the_sentence_closest_to_the_need() -> None:
    text = (
        "We build autonomous drones for crop monitoring. Our second line of work is the durability of PEM "
        "fuel cell stacks under load cycling. We also teach a course on Python programming."
    )
    expert = Candidate("x", "expert", "x", (Doc(text, "statement"),), ("S07.03",), "CA", "", ("en",), "x")
    why = Engine([expert], TOOLS).search(Query("수소연료전지 스택 내구성 향상 기술"), top=1)[0].explanation
    assert why.best_sentence.startswith("Our second line of work is the durability of PEM fuel cell stacks")
