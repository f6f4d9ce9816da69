"""A large directory's trained search index is kept on disk and reused only for the same texts."""

import numpy as np
import pytest

from seoro.matching.semantic import normalise
from seoro.services.matching import cached_index
from seoro.storage.index_cache import IndexCache

pytestmark = pytest.mark.integration


def _vectors(n: int, seed: int = 0) -> np.ndarray:
    return normalise(np.random.default_rng(seed).normal(size=(n, 64)).astype(np.float32))


def test_trained_index_is_saved_then_loaded_for_the_same_texts_only(tmp_path) -> None:
    texts = [f"passage {i}" for i in range(800)]
    vectors = _vectors(len(texts))
    first = cached_index(tmp_path, "use-m3", texts, exact_up_to=0)(vectors)
    [saved] = list(tmp_path.glob("*.faiss"))
    written = saved.stat().st_mtime_ns
    assert first.trained is not None and not first.exact

    again = cached_index(tmp_path, "use-m3", texts, exact_up_to=0)(vectors)
    assert again.trained is not first.trained  # read from the file, not trained anew
    assert list(tmp_path.glob("*.faiss")) == [saved] and saved.stat().st_mtime_ns == written  # not rewritten
    query = vectors[17]
    assert again.search(query, 5).ids.tolist() == first.search(query, 5).ids.tolist()

    changed = cached_index(tmp_path, "use-m3", [*texts[:-1], "edited passage"], exact_up_to=0)(vectors)
    [replaced] = list(tmp_path.glob("*.faiss"))
    assert replaced != saved and changed.search(query, 1).ids.tolist() == [17]


def test_a_damaged_cache_file_is_trained_again(tmp_path) -> None:
    texts = [f"passage {i}" for i in range(800)]
    cached_index(tmp_path, "use-m3", texts, exact_up_to=0)(_vectors(800))
    [path] = list(tmp_path.glob("*.faiss"))
    path.write_bytes(b"not an index")
    assert IndexCache(tmp_path).load(path.stem) is None
    rebuilt = cached_index(tmp_path, "use-m3", texts, exact_up_to=0)(_vectors(800))
    assert rebuilt.search(_vectors(800)[3], 1).ids.tolist() == [3]
    assert IndexCache(tmp_path).load(path.stem) is not None


def test_small_directories_search_exactly_and_write_nothing(tmp_path) -> None:
    index = cached_index(tmp_path, "use-m3", ["a", "b"])(_vectors(2))
    assert index.exact and not list(tmp_path.iterdir())
