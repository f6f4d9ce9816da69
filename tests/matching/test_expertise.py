from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest

from seoro.matching.expertise import (
    Calibration,
    DocKind,
    ExpertiseDoc,
    ExpertiseParams,
    Passages,
    Pooling,
    dense_similarity,
    encode_docs,
    expertise_scores,
    passages,
    pool,
    publication_doc,
    recency_weights,
    scores_by_expert,
)
from seoro.matching.expertise_lexical import TermWeights, lexical_similarity
from seoro.matching.semantic import Vectors, normalise

pytestmark = pytest.mark.unit

E1, E2, E3 = np.eye(3, dtype=np.float32)


class WordEmbedder:
    """Fake embedder: one axis per known word, so similarities are easy to work out by hand."""

    name = "words"
    dimension = 4
    words = ("fuel", "cell", "translation", "robot")

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = [[float(w in t.lower()) for w in self.words] for t in texts]
        return normalise(np.array(rows, dtype=np.float32) + 1e-3)


def test_recency_weights_halve_every_half_life() -> None:
    weights = recency_weights([2024, 2014, 2004, None, 2030], today_year=2024, half_life_years=10)

    assert weights.tolist() == [1.0, 0.5, 0.25, 1.0, 1.0]


def test_recency_weights_without_half_life_are_all_one() -> None:
    assert recency_weights([1990, None], today_year=2024, half_life_years=None).tolist() == [1.0, 1.0]


SIMS = np.array([[0.1, 0.9], [0.5, 0.2], [0.3, 0.4]])  # 3 documents × 2 queries


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (ExpertiseParams(pooling=Pooling.MAX), [0.5, 0.9]),
        (ExpertiseParams(pooling=Pooling.MEAN), [0.3, 0.5]),
        (ExpertiseParams(pooling=Pooling.TOP_K, top_k=2), [0.4, 0.65]),
        (ExpertiseParams(pooling=Pooling.TOP_K, top_k=9), [0.3, 0.5]),
    ],
)
def test_pool_max_mean_top_k_on_equal_weights(params: ExpertiseParams, expected: list[float]) -> None:
    assert pool(SIMS, np.ones(3), params) == pytest.approx(expected, abs=1e-12)


def test_pool_mean_and_top_k_weigh_by_recency() -> None:
    weights = np.array([1.0, 0.5, 0.5])

    assert pool(SIMS, weights, ExpertiseParams(pooling=Pooling.MEAN)) == pytest.approx([0.25, 0.6], abs=1e-12)
    top2 = pool(SIMS, weights, ExpertiseParams(pooling=Pooling.TOP_K, top_k=2))
    assert top2 == pytest.approx([0.4, (0.9 * 1 + 0.4 * 0.5) / 1.5], abs=1e-12)


def test_softmax_pool_is_temperature_times_log_mean_exp() -> None:
    sims = np.array([[0.0], [1.0]])

    pooled = pool(sims, np.array([1.0, 1.0]), ExpertiseParams(temperature=1.0))
    with_prior = pool(sims, np.array([1.0, 3.0]), ExpertiseParams(temperature=0.5))

    assert pooled[0] == pytest.approx(math.log((1 + math.e) / 2), rel=1e-12)
    assert with_prior[0] == pytest.approx(0.5 * math.log(0.25 + 0.75 * math.exp(2)), rel=1e-12)


def test_softmax_pool_goes_from_max_to_weighted_mean() -> None:
    weights = np.array([1.0, 0.5, 0.5])

    cold = pool(SIMS, np.ones(3), ExpertiseParams(temperature=1e-4))
    hot = pool(SIMS, weights, ExpertiseParams(temperature=1e4))

    assert cold == pytest.approx([0.5, 0.9], abs=1e-3)
    assert hot == pytest.approx([0.25, 0.6], abs=1e-4)


def test_softmax_pool_of_equal_similarities_is_that_similarity() -> None:
    assert pool(np.full((4, 1), 0.7), np.array([1.0, 0.1, 0.2, 0.3]))[0] == pytest.approx(0.7, rel=1e-12)


def test_params_refuse_values_that_make_no_sense() -> None:
    with pytest.raises(ValueError, match="temperature must be > 0; lexical_weight must be within"):
        ExpertiseParams(temperature=0.0, lexical_weight=1.5)


def test_pool_of_no_documents_is_minus_infinity() -> None:
    assert pool(np.zeros((0, 2)), np.zeros(0)).tolist() == [-math.inf, -math.inf]


def test_recent_matching_paper_beats_old_matching_paper() -> None:
    query = Passages.one_per_doc(np.stack([E1]))
    # Expert 0: matching paper from 2024, unrelated one from 2004; expert 1: the other way round.
    docs = Passages.one_per_doc(np.stack([E1, E2, E2, E1]))
    similarity = Calibration(0.5, 0.5).apply(dense_similarity(docs, query))

    scores = scores_by_expert(similarity, np.array([0, 2]), [2024, 2004, 2024, 2004], today_year=2024)

    assert scores[0, 0] > scores[1, 0]
    assert expertise_scores(similarity[:2], [2024, 2004], 2024)[0] == scores[0, 0]


def test_dense_similarity_is_cosine_for_single_passages_and_symmetric_chamfer_otherwise() -> None:
    single = dense_similarity(Passages.one_per_doc(np.stack([E1, E2])), Passages.one_per_doc(np.stack([E1])))
    two_passages = Passages(np.stack([E1, E2]), np.array([0]))
    chamfer = dense_similarity(two_passages, Passages.one_per_doc(np.stack([E1])))

    assert single.tolist() == [[1.0], [0.0]]
    # Document side: (best for E1 = 1, best for E2 = 0) / 2; query side: E1's best = 1; mean 0.75.
    assert chamfer.tolist() == [[0.75]]


def test_passages_take_keeps_the_chosen_documents_in_order() -> None:
    stored = Passages(np.stack([E1, E2, E3]), np.array([0, 2]))  # doc 0: E1, E2; doc 1: E3

    picked = stored.take([1, 0])

    assert picked.starts.tolist() == [0, 1]
    assert picked.vectors.tolist() == [E3.tolist(), E1.tolist(), E2.tolist()]
    assert stored.take([]).docs == 0


def test_passages_need_a_row_for_every_document() -> None:
    with pytest.raises(ValueError, match="at least one passage"):
        Passages(np.stack([E1]), np.array([0, 1]))


def test_passages_split_sentences_but_not_keywords_or_abbreviations() -> None:
    doc = publication_doc("Solid oxide cells", "We study the anode, e.g. nickel. It degrades fast at 800 C.", 2020)

    assert doc.text == "Solid oxide cells. We study the anode, e.g. nickel. It degrades fast at 800 C."
    assert passages(doc) == ["Solid oxide cells.", "We study the anode, e.g. nickel.", "It degrades fast at 800 C."]
    assert passages(doc, split=False) == [doc.text]
    assert passages(ExpertiseDoc("fuel cell. stack. MEA", kind=DocKind.KEYWORDS)) == ["fuel cell. stack. MEA"]
    assert passages(ExpertiseDoc("BERT. It reads text well.")) == ["BERT. It reads text well."]


def test_encode_docs_embeds_every_passage_once() -> None:
    docs = [
        publication_doc("Fuel cell stacks", "The stack degrades. The cell voltage falls."),
        ExpertiseDoc("robot, translation", kind=DocKind.KEYWORDS),
    ]

    encoded = encode_docs(WordEmbedder(), docs)

    assert encoded.starts.tolist() == [0, 3]
    assert encoded.vectors.shape == (4, 4)


def test_calibration_from_pairs_uses_distinct_pairs_only() -> None:
    square = np.array([[1.0, 0.2, 0.4], [0.2, 1.0, 0.6], [0.4, 0.6, 1.0]])

    calibration = Calibration.from_pairs(square)

    assert calibration.mean == pytest.approx(0.4, abs=1e-12)
    assert calibration.std == pytest.approx(math.sqrt(0.08 / 3), rel=1e-12)
    assert Calibration.fit([0.3, 0.3]) == Calibration(0.3, 1.0)


def test_term_weights_idf_and_unseen_terms_in_the_norm() -> None:
    weights = TermWeights.fit([["fuel", "cell"], ["fuel", "stack"]])

    docs = weights.transform([["fuel", "cell"], ["fuel", "stack"]])
    query = weights.transform([["cell", "cell", "membrane"]])

    assert dict(zip(weights.vocabulary, weights.idf.tolist(), strict=True)) == {
        "cell": math.log(2),
        "fuel": 0.0,
        "stack": math.log(2),
    }
    # Query: cell 2·ln2, unseen "membrane" ln2 (as if df = 1); doc 0 is just "cell" once normalised.
    assert lexical_similarity(docs, query)[:, 0] == pytest.approx([2 / math.sqrt(5), 0.0], abs=1e-12)


def test_lexical_similarity_matches_a_dense_computation() -> None:
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(12)]
    texts = [list(rng.choice(words, size=int(rng.integers(1, 9)))) for _ in range(9)]
    weights = TermWeights.fit(texts[:6])
    docs, queries = weights.transform(texts[:6]), weights.transform(texts[6:])

    dense_docs = np.stack([docs.row(i) for i in range(docs.rows)])
    dense_queries = np.stack([queries.row(i) for i in range(queries.rows)])

    assert lexical_similarity(docs, queries) == pytest.approx(dense_docs @ dense_queries.T, abs=1e-12)


def test_scores_are_deterministic() -> None:
    docs = [publication_doc("Fuel cell stacks", "Cell durability.", 2021), publication_doc("Robot arms", "", 2010)]
    query = [ExpertiseDoc("fuel cell robot")]

    def run() -> list[float]:
        embedder = WordEmbedder()
        d, q = encode_docs(embedder, docs), encode_docs(embedder, query)
        fused = Calibration.from_pairs(dense_similarity(d, d)).apply(dense_similarity(d, q))
        return scores_by_expert(fused, np.array([0]), [2021, 2010], 2024).ravel().tolist()

    assert run() == run()


def test_real_model_prefers_the_fuel_cell_expert() -> None:
    from seoro.matching.semantic import UniversalSentenceEncoder

    embedder = UniversalSentenceEncoder()
    experts = [
        publication_doc("Catalyst layer degradation in PEM fuel cells", "", 2022),
        publication_doc("Neural machine translation for low-resource languages", "", 2022),
    ]
    query = encode_docs(embedder, [ExpertiseDoc("How can we make hydrogen fuel cell stacks last longer?")])

    similarity = dense_similarity(encode_docs(embedder, experts), query)
    scores = scores_by_expert(similarity, np.array([0, 1]), [2022, 2022], 2022)

    assert scores[0, 0] > scores[1, 0]
