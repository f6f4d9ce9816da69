"""Mutual interest between two sets (needs × offers, firms × experts, participants × participants).

A pair is worth recommending when each side fits what the other looks for, so the mutual score is
the geometric mean of the two directions: high only when both are. Scores are in the engine's units;
the event scheduler uses the matrix as meeting values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from seoro.matching.engine import DEFAULT_WEIGHTS, Engine, Tools
from seoro.matching.model import Candidate, Query, Weights

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Pair:
    left: str  # candidate key
    right: str
    mutual: float
    left_to_right: float
    right_to_left: float


def as_query(c: Candidate, limit: int = 2000) -> Query:
    """What a candidate looks for, read from what it says about itself (its texts, then its fields)."""
    text = " ".join(d.text for d in c.docs)[:limit] or c.name
    return Query(text, c.fields, frozenset({c.key}))


def directional(engine: Engine, queries: Sequence[Candidate]) -> Matrix:
    """``[i, j]`` = how well the engine's candidate j answers query candidate i."""
    return engine.score_matrix([as_query(q) for q in queries])


def mutual(left: Engine, right: Engine) -> tuple[Matrix, Matrix, Matrix]:
    """(mutual, left→right, right→left) as left×right matrices, from an engine over each side.
    A candidate present on both sides never pairs with itself."""
    forward = directional(right, left.candidates)
    backward = directional(left, right.candidates).T
    scores = np.sqrt(np.clip(forward, 0, None) * np.clip(backward, 0, None)).astype(np.float32)
    right_index = {c.key: j for j, c in enumerate(right.candidates)}
    for i, c in enumerate(left.candidates):
        if c.key in right_index:
            scores[i, right_index[c.key]] = 0.0
    return scores, forward, backward


def mutual_matrix(
    left: Sequence[Candidate], right: Sequence[Candidate], tools: Tools, weights: Weights | None = None
) -> tuple[Matrix, Matrix, Matrix]:
    chosen = weights or DEFAULT_WEIGHTS
    return mutual(Engine(left, tools, chosen), Engine(right, tools, chosen))


def best_pairs(
    scores: tuple[Matrix, Matrix, Matrix],
    left: Sequence[Candidate],
    right: Sequence[Candidate],
    top: int = 50,
    per_candidate: int | None = 5,
) -> list[Pair]:
    """The best pairs by mutual score, each candidate in at most ``per_candidate`` of them."""
    matrix, forward, backward = scores
    order = np.dstack(np.unravel_index(np.argsort(-matrix, axis=None, kind="stable"), matrix.shape))[0]
    used: dict[str, int] = {}
    pairs: list[Pair] = []
    for i, j in order:
        a, b = left[int(i)], right[int(j)]
        if matrix[i, j] <= 0 or len(pairs) == top:
            break
        if per_candidate is not None and (used.get(a.key, 0) >= per_candidate or used.get(b.key, 0) >= per_candidate):
            continue
        used[a.key] = used.get(a.key, 0) + 1
        used[b.key] = used.get(b.key, 0) + 1
        pairs.append(
            Pair(
                a.key,
                b.key,
                round(float(matrix[i, j]), 4),
                round(float(forward[i, j]), 4),
                round(float(backward[i, j]), 4),
            )
        )
    return pairs


def recommend_pairs(
    left: Sequence[Candidate], right: Sequence[Candidate], tools: Tools, top: int = 50, per_candidate: int | None = 5
) -> list[Pair]:
    return best_pairs(mutual_matrix(left, right, tools), left, right, top, per_candidate)
