"""Groups of rows stacked one after another (an expert's documents, a document's passages, a row's
terms), described by where each group starts and how many rows it has."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


def starts_of(counts: Sequence[int] | IntArray) -> IntArray:
    """Where each group begins when groups of these sizes are stacked."""
    sizes = np.asarray(counts, dtype=np.int64)
    return np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if len(sizes) else sizes


def rows_of(starts: Sequence[int] | IntArray, counts: Sequence[int] | IntArray) -> IntArray:
    """Every row of the groups beginning at ``starts`` with ``counts`` rows each, group by group."""
    spans = [np.arange(s, s + n, dtype=np.int64) for s, n in zip(starts, counts, strict=True)]
    return np.concatenate(spans) if spans else np.zeros(0, dtype=np.int64)
