"""Hybrid, cross-lingual ranking: dense vectors, glossary-expanded BM25 and taxonomy overlap, fused.

Built once over the candidates (experts, organisations, profiles); every search then costs one
query embedding, one matrix-vector product and one BM25 pass.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from seoro.domain.taxonomy import Taxonomy
from seoro.matching.explain import explain
from seoro.matching.glossary import Glossary
from seoro.matching.lexical import LexicalIndex
from seoro.matching.model import Candidate, Doc, Filters, Match, Query, Weights
from seoro.matching.semantic import Centring, Embedder, Vectors, languages_of
from seoro.matching.tokenize import Tokenizer

Scores = npt.NDArray[np.float32]
DEFAULT_WEIGHTS = Weights()
NO_FILTERS = Filters()


@dataclass(frozen=True)
class Tools:
    """The heavy, shared parts: one of each per process."""

    embedder: Embedder
    tokenizer: Tokenizer
    glossary: Glossary
    taxonomy: Taxonomy


def documents(candidates: Sequence[Candidate]) -> list[Doc]:
    """Every candidate's documents in index order (a candidate with none is known by its name)."""
    return [d for c in candidates for d in (c.docs or (Doc(c.name, "name"),))]


class Engine:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        tools: Tools,
        weights: Weights = DEFAULT_WEIGHTS,
        vectors: Vectors | None = None,
    ) -> None:
        self.candidates = list(candidates)
        self.tools = tools
        self.weights = weights
        docs = documents(self.candidates)
        self.docs = docs
        counts = [len(c.docs) or 1 for c in self.candidates]
        self._starts = (
            np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64) if counts else np.zeros(0, np.int64)
        )
        self._owner = np.repeat(np.arange(len(counts)), counts)
        raw = tools.embedder.encode([d.text for d in docs]) if vectors is None else vectors
        languages = languages_of([d.text for d in docs])
        self.centring = Centring.fit(raw, languages) if len(docs) else Centring()
        self.vectors = self.centring.apply(raw, languages) if len(docs) else raw
        self._recency = np.asarray([_recency(d.year) for d in docs], dtype=np.float32)
        texts = [tools.glossary.expand(" ".join(d.text for d in c.docs) or c.name) for c in self.candidates]
        self.tokens = tools.tokenizer.many(texts)
        self.lexical = LexicalIndex(self.tokens)

    def search(self, query: Query, top: int = 10, filters: Filters = NO_FILTERS) -> list[Match]:
        if not self.candidates:
            return []
        total, channels, doc_sims = self._score(query)
        chosen = self._choose(total, query, top, filters)
        return [self._match(i, float(total[i]), channels, doc_sims, query) for i in chosen]

    def scores(self, query: Query) -> Scores:
        """The fused score of every candidate, in index order (no filters, no diversity)."""
        return self._score(query)[0] if self.candidates else np.zeros(0, dtype=np.float32)

    def score_matrix(self, queries: Sequence[Query]) -> npt.NDArray[np.float32]:
        """``[i, j]`` = fused score of candidate j for query i; queries are embedded and tokenised in one batch."""
        if not queries or not self.candidates:
            return np.zeros((len(queries), len(self.candidates)), dtype=np.float32)
        return np.vstack([scored[0] for scored in self._score_many(queries)]).astype(np.float32)

    def channel_scores(self, queries: Sequence[Query]) -> dict[str, npt.NDArray[np.float32]]:
        """Each channel's unweighted scores, ``[name][i, j]`` for query i and candidate j: what fusion
        weights are fitted on (bench/fusion.py)."""
        names = [f.name for f in dataclasses.fields(Weights)]
        if not queries or not self.candidates:
            return {n: np.zeros((len(queries), len(self.candidates)), dtype=np.float32) for n in names}
        scored = self._score_many(queries)
        return {n: np.vstack([s[1][n] for s in scored]).astype(np.float32) for n in names}

    def _score(self, query: Query) -> tuple[Scores, dict[str, Scores], Scores]:
        return self._score_many([query])[0]

    def _score_many(self, queries: Sequence[Query]) -> list[tuple[Scores, dict[str, Scores], Scores]]:
        """(fused scores, each channel's scores, each document's similarity) per query."""
        texts = [q.text for q in queries]
        vectors = self.centring.apply(self.tools.embedder.encode(texts), languages_of(texts))
        tokens = self.tools.tokenizer.many([self.tools.glossary.expand(t) for t in texts])
        out = []
        for query, vector, words in zip(queries, vectors, tokens, strict=True):
            doc_sims = np.asarray(self.vectors @ vector, dtype=np.float32)
            channels = {
                "dense": self._dense(doc_sims),
                "lexical": self._lexical(words),
                "fields": self._fields(query.fields),
            }
            total = sum(getattr(self.weights, name) * scores for name, scores in channels.items())
            out.append((np.asarray(total, dtype=np.float32), channels, doc_sims))
        return out

    def _dense(self, doc_sims: Scores) -> Scores:
        # The best-matching document speaks for the candidate; older publications count a little less.
        weighted = np.clip(doc_sims, 0.0, None) * self._recency
        return np.asarray(np.maximum.reduceat(weighted, self._starts), dtype=np.float32)

    def _lexical(self, tokens: Sequence[str]) -> Scores:
        scores = self.lexical.scores(tokens)
        best = float(scores.max()) if scores.size else 0.0
        return scores / best if best > 0 else scores

    def _fields(self, wanted: Sequence[str]) -> Scores:
        if not wanted:
            return np.zeros(len(self.candidates), dtype=np.float32)
        return np.asarray(
            [field_affinity(self.tools.taxonomy, wanted, c.fields) for c in self.candidates], dtype=np.float32
        )

    def _choose(self, total: Scores, query: Query, top: int, filters: Filters) -> list[int]:
        per_group: Counter[str] = Counter()
        chosen = []
        for i in np.argsort(-total, kind="stable"):
            c = self.candidates[int(i)]
            if c.key in query.exclude or not filters.admit(c):
                continue
            if filters.per_group is not None and c.group and per_group[c.group] >= filters.per_group:
                continue
            per_group[c.group] += 1
            chosen.append(int(i))
            if len(chosen) == top:
                break
        return chosen

    def _match(self, i: int, score: float, channels: dict[str, Scores], doc_sims: Scores, query: Query) -> Match:
        candidate = self.candidates[i]
        own = np.flatnonzero(self._owner == i)
        best = int(own[np.argmax(doc_sims[own])])
        contributions = {name: round(getattr(self.weights, name) * float(s[i]), 4) for name, s in channels.items()}
        explanation = explain(query, candidate, self.tools, self.docs[best], float(doc_sims[best]), contributions)
        return Match(candidate, round(score, 4), explanation)


def field_affinity(taxonomy: Taxonomy, wanted: Sequence[str], offered: Sequence[str]) -> float:
    """1 for a shared field (or one inside the other), 0.5 for fields under the same parent, else 0."""
    best = 0.0
    for a in wanted:
        line_a = {a, *_ancestors(taxonomy, a)}
        for b in offered:
            line_b = {b, *_ancestors(taxonomy, b)}
            if a in line_b or b in line_a:
                return 1.0
            if line_a & line_b:
                best = 0.5
    return best


def _ancestors(taxonomy: Taxonomy, code: str) -> list[str]:
    return taxonomy.ancestors(code) if code in taxonomy.fields else []


def _recency(year: int | None, this_year: int = 2026, per_year: float = 0.03, floor: float = 0.7) -> float:
    if year is None:
        return 1.0
    return max(floor, 1.0 - per_year * max(0, this_year - year))
