"""BM25 over tokenised texts (bm25s), with queries expanded through the bilingual glossary."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
import numpy.typing as npt


class LexicalIndex:
    """BM25 scores of a query against every indexed document (in index order)."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.size = len(documents)
        self._bm25 = bm25s.BM25()
        # bm25s cannot index an empty corpus or an empty document; a placeholder token keeps positions.
        corpus = [list(d) or ["\x00"] for d in documents] or [["\x00"]]
        self._bm25.index(corpus, show_progress=False)

    def scores(self, query: Sequence[str]) -> npt.NDArray[np.float32]:
        if not query or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(list(query)), dtype=np.float32)[: self.size]
