"""Top-k cosine search over unit vectors: exact below a size where that is fast, approximate above.

Measured on 2 cores (bench/match_speed.py): exact numpy search costs ~25 ms p95 at 100k vectors and
~100 ms at 1M; faiss's inverted-file index (IVF, a k-means partition of the vectors; each query scans
the ``nprobe`` nearest cells) keeps queries at a few milliseconds at 1M. Recall against exact search
is reported by the bench; ``nprobe`` trades speed for recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from seoro.matching.semantic import Vectors

Ids = npt.NDArray[np.int64]
EXACT_UP_TO = 50_000


@dataclass(frozen=True)
class Hits:
    ids: Ids  # row numbers of the indexed vectors, best first
    scores: npt.NDArray[np.float32]


class VectorIndex:
    def __init__(
        self,
        vectors: Vectors,
        *,
        exact_up_to: int = EXACT_UP_TO,
        nprobe: int = 32,
        seed: int = 0,
        trained: Any = None,
    ) -> None:
        """``trained``: a faiss index over exactly these vectors, built earlier (a disk cache's)."""
        self.size, self.dimension = vectors.shape
        self.exact = self.size <= exact_up_to and trained is None
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self._faiss: Any = None if self.exact else trained if trained is not None else _ivf(self._vectors, nprobe, seed)

    @property
    def trained(self) -> Any:
        """The faiss index to keep (None for exact search: there is nothing to rebuild)."""
        return self._faiss

    def search(self, query: Vectors, k: int = 10) -> Hits:
        """The ``k`` nearest rows to one query vector."""
        k = min(k, self.size)
        if k == 0:
            return Hits(np.zeros(0, np.int64), np.zeros(0, np.float32))
        if self.exact:
            scores = self._vectors @ query.astype(np.float32)
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top], kind="stable")]
            return Hits(top.astype(np.int64), scores[top].astype(np.float32))
        found_scores, found_ids = self._faiss.search(query.astype(np.float32)[None, :], k)
        keep = found_ids[0] >= 0
        return Hits(found_ids[0][keep].astype(np.int64), found_scores[0][keep].astype(np.float32))

    @property
    def nbytes(self) -> int:
        return int(self._vectors.nbytes)


def _ivf(vectors: Vectors, nprobe: int, seed: int) -> Any:
    import faiss  # noqa: PLC0415 - only large indexes need it

    size, dimension = vectors.shape
    cells = int(min(4 * np.sqrt(size), size // 39))  # faiss wants ~39+ training points per cell
    quantiser = faiss.IndexFlatIP(dimension)
    index = faiss.IndexIVFFlat(quantiser, dimension, cells, faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(seed).choice(size, size=min(size, 64 * cells), replace=False)
    index.train(vectors[np.sort(sample)])
    index.add(vectors)
    index.nprobe = nprobe
    return index
