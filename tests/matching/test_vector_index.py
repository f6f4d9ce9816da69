import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.matching.semantic import normalise
from seoro.matching.vector_index import VectorIndex

pytestmark = pytest.mark.unit


def _clustered(n: int, d: int = 32, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((20, d)).astype(np.float32)
    return normalise(centres[rng.integers(0, 20, n)] + 0.5 * rng.standard_normal((n, d)).astype(np.float32))


def test_exact_search_is_brute_force_ordered() -> None:
    vectors = _clustered(500)
    index = VectorIndex(vectors)
    hits = index.search(vectors[7], k=5)
    brute = np.argsort(-(vectors @ vectors[7]), kind="stable")[:5]
    assert index.exact and hits.ids.tolist() == brute.tolist()
    assert hits.ids[0] == 7 and hits.scores[0] == pytest.approx(1.0, abs=1e-5)


def test_approximate_index_finds_what_exact_search_finds() -> None:
    vectors = _clustered(6000)
    approximate = VectorIndex(vectors, exact_up_to=1000, nprobe=32)
    exact = VectorIndex(vectors)
    assert not approximate.exact
    queries = _clustered(50, seed=1)
    recall = np.mean([len(set(approximate.search(q, 10).ids) & set(exact.search(q, 10).ids)) / 10 for q in queries])
    assert recall >= 0.95  # 0.99 measured; nprobe 8 gives 0.85, 16 gives 0.95


@settings(max_examples=30, deadline=None)
@given(n=st.integers(0, 40), k=st.integers(0, 50))
def test_asking_for_more_than_there_is_returns_everything_once(n: int, k: int) -> None:
    vectors = _clustered(n) if n else np.zeros((0, 32), np.float32)
    index = VectorIndex(vectors)
    hits = index.search(np.ones(32, np.float32) / np.sqrt(32), k)
    assert len(hits.ids) == min(n, k) == len(set(hits.ids.tolist()))
    assert hits.scores.tolist() == sorted(hits.scores.tolist(), reverse=True)
