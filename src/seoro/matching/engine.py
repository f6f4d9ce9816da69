"""Hybrid, cross-lingual ranking: every candidate's documents scored against the query by dense
vectors and by glossary-expanded words, pooled per candidate with recent work counting more, plus
taxonomy overlap; the channels are added with weights fitted by evaluation (docs/matching.md).

The text channels are the expertise model of ``expertise.py``: documents are cut into passages,
a document-query similarity is the symmetric best-passage match, each measure is calibrated on pairs
of indexed documents (so 1.0 means "one standard deviation above a typical pair"), and an expert's
documents are pooled by a soft maximum with a recency prior. Built once over the candidates; a search
then costs one batch of query embeddings, a matrix product and a sparse product.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from seoro.domain.taxonomy import Taxonomy
from seoro.matching.arrays import rows_of, starts_of
from seoro.matching.expertise import (
    DEFAULT_PARAMS,
    Calibration,
    DocKind,
    ExpertiseDoc,
    ExpertiseParams,
    IntArray,
    Matrix,
    Passages,
    dense_similarity,
    passages,
    pool_many,
    recency_weights,
)
from seoro.matching.expertise_lexical import TermMatrix, TermWeights, lexical_similarity
from seoro.matching.explain import explain
from seoro.matching.glossary import Glossary
from seoro.matching.model import Candidate, Doc, Filters, Match, Query, Weights
from seoro.matching.semantic import Centring, Embedder, Vectors, languages_of
from seoro.matching.tokenize import Tokenizer
from seoro.matching.vector_index import EXACT_UP_TO, VectorIndex

Scores = npt.NDArray[np.float32]
DEFAULT_WEIGHTS = Weights()
NO_FILTERS = Filters()
SHORTLIST = 500  # nearest passages (and best lexical documents) per query passage in a large index
CALIBRATION_SAMPLE = 600  # documents whose pairs calibrate each measure (~180k pairs: stable, ~0.1 s)


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


def _expertise_doc(doc: Doc) -> ExpertiseDoc:
    return ExpertiseDoc(doc.text, doc.year, DocKind.KEYWORDS if doc.kind == "keywords" else DocKind.PUBLICATION)


def doc_passages(docs: Sequence[Doc]) -> list[list[str]]:
    """The passages (sentences; keyword lists whole) each document is embedded as."""
    return [passages(_expertise_doc(d)) for d in docs]


def passage_texts(candidates: Sequence[Candidate]) -> list[str]:
    """Every text the engine embeds for these candidates, in the order it expects their vectors."""
    return [t for p in doc_passages(documents(candidates)) for t in p]


@dataclass(frozen=True)
class _Part:
    """Some of the indexed candidates (all of them, or a search's shortlist) with their documents."""

    candidates: IntArray  # indices into Engine.candidates
    docs: IntArray  # indices into Engine.docs, candidate by candidate
    starts: IntArray  # where each candidate's documents begin within ``docs``
    passages: Passages
    terms: TermMatrix
    recency: Matrix


@dataclass(frozen=True)
class _Encoded:
    passages: Passages
    terms: TermMatrix


@dataclass(frozen=True)
class _Channels:
    """One batch of queries over a part: per-candidate channel scores and per-document text scores."""

    part: _Part
    encoded: _Encoded
    candidate: dict[str, Matrix]  # channel → (candidates, queries)
    dense_docs: Matrix  # raw (uncalibrated) document similarities, (docs, queries)
    text_docs: Matrix  # weighted calibrated document scores, what picks the best document


class Engine:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        tools: Tools,
        weights: Weights = DEFAULT_WEIGHTS,
        vectors: Vectors | None = None,
        params: ExpertiseParams = DEFAULT_PARAMS,
        today_year: int | None = None,
        index_for: Callable[[Vectors], VectorIndex] = VectorIndex,
        exact_up_to: int = EXACT_UP_TO,
    ) -> None:
        """``vectors``: raw embeddings of :func:`passage_texts` (read from storage), else encoded here.
        Above ``exact_up_to`` passages a search scores only a shortlist (the candidates of the nearest
        passages in the :class:`VectorIndex` that ``index_for`` makes of the centred passage vectors,
        e.g. one read from a disk cache — and of the best lexical matches); below it, every candidate."""
        self.candidates = list(candidates)
        self.tools = tools
        self.weights = weights
        self.params = params
        self.docs = documents(self.candidates)
        counts = np.array([len(c.docs) or 1 for c in self.candidates], dtype=np.int64)
        self._owner = np.repeat(np.arange(len(counts)), counts)
        pieces = doc_passages(self.docs)
        texts = [t for p in pieces for t in p]
        self._passage_texts = texts
        raw = tools.embedder.encode(texts) if vectors is None else vectors
        if len(raw) != len(texts):
            raise ValueError(f"{len(raw)} vectors for {len(texts)} passages")
        languages = languages_of(texts)
        self.centring = Centring.fit(raw, languages) if texts else Centring()
        sizes = np.array([len(p) for p in pieces], dtype=np.int64)
        passages_ = Passages(self.centring.apply(raw, languages) if texts else raw, starts_of(sizes))
        self._passage_doc = np.repeat(np.arange(len(sizes)), sizes)
        self._doc_languages = np.array(languages_of([d.text for d in self.docs]))
        tokens = tools.tokenizer.many([tools.glossary.expand(d.text) for d in self.docs])
        self.term_weights = TermWeights.fit(tokens)
        recency = recency_weights([d.year for d in self.docs], today_year or date.today().year, params.half_life_years)
        self._all = _Part(
            np.arange(len(counts)),
            np.arange(len(self.docs)),
            starts_of(counts),
            passages_,
            self.term_weights.transform(tokens),
            recency,
        )
        self.index = index_for(passages_.vectors) if len(texts) > exact_up_to else None
        self._calibrate()

    @property
    def passages(self) -> Passages:
        return self._all.passages

    def _calibrate(self) -> None:
        n = len(self.docs)
        sample = np.sort(np.random.default_rng(0).choice(n, size=min(n, CALIBRATION_SAMPLE), replace=False))
        if len(sample) < 3:
            self.dense_calibration = self.lexical_calibration = Calibration()
            return
        chosen = self.passages.take(sample.tolist())
        self.dense_calibration = Calibration.from_pairs(dense_similarity(chosen, chosen))
        terms = self._all.terms.take(sample)
        self.lexical_calibration = Calibration.from_pairs(lexical_similarity(terms, terms))

    def search(self, query: Query, top: int = 10, filters: Filters = NO_FILTERS) -> list[Match]:
        if not self.candidates:
            return []
        encoded = self._encode([query])
        scored = self._channels(self._shortlist(encoded) if self.index else self._all, encoded, [query])
        total = self._total(scored)[:, 0]
        chosen = self._choose(scored.part, total, query, top, filters)
        return [self._match(k, float(total[k]), scored, query) for k in chosen]

    def scores(self, query: Query) -> Scores:
        """The fused score of every candidate, in index order (no filters, no diversity)."""
        scores: Scores = self.score_matrix([query])[0]
        return scores

    def score_matrix(self, queries: Sequence[Query]) -> Scores:
        """``[i, j]`` = fused score of candidate j for query i; queries are embedded and tokenised in one
        batch. Always every candidate (no shortlist)."""
        if not queries or not self.candidates:
            return np.zeros((len(queries), len(self.candidates)), dtype=np.float32)
        return self._total(self._channels(self._all, self._encode(queries), queries)).T.astype(np.float32)

    def channel_scores(self, queries: Sequence[Query]) -> dict[str, Scores]:
        """Each channel's unweighted scores, ``[name][i, j]`` for query i and candidate j: what fusion
        weights are fitted on (bench/fusion.py)."""
        names = [f.name for f in dataclasses.fields(Weights)]
        if not queries or not self.candidates:
            return {n: np.zeros((len(queries), len(self.candidates)), dtype=np.float32) for n in names}
        scored = self._channels(self._all, self._encode(queries), queries).candidate
        return {n: scored[n].T.astype(np.float32) for n in names}

    def _total(self, scored: _Channels) -> Matrix:
        first = next(iter(scored.candidate.values()))
        return sum(
            (getattr(self.weights, name) * s for name, s in scored.candidate.items()), start=np.zeros_like(first)
        )

    def _encode(self, queries: Sequence[Query]) -> _Encoded:
        texts = [q.text or " " for q in queries]
        pieces = [passages(ExpertiseDoc(t, None, DocKind.STATEMENT)) for t in texts]
        flat = [p for ps in pieces for p in ps]
        vectors = self.centring.apply(self.tools.embedder.encode(flat), languages_of(flat))
        tokens = self.tools.tokenizer.many([self.tools.glossary.expand(t) for t in texts])
        sizes = np.array([len(p) for p in pieces], dtype=np.int64)
        return _Encoded(Passages(vectors, starts_of(sizes)), self.term_weights.transform(tokens))

    def _shortlist(self, encoded: _Encoded, size: int = SHORTLIST) -> _Part:
        """The candidates worth scoring fully for one query: owners of the nearest passages to each query
        passage, and of the documents sharing the most weighted words with it."""
        assert self.index is not None
        docs: set[int] = set()
        for vector in encoded.passages.vectors:
            docs.update(self._passage_doc[self.index.search(vector, size).ids].tolist())
        lexical = lexical_similarity(self._all.terms, encoded.terms)[:, 0]
        hits = np.flatnonzero(lexical > 0)
        docs.update(hits[np.argsort(-lexical[hits], kind="stable")[:size]].tolist())
        return self._part(np.unique(self._owner[sorted(docs)]))

    def _part(self, chosen: IntArray) -> _Part:
        counts = np.diff(np.append(self._all.starts, len(self.docs)))[chosen]
        docs = rows_of(self._all.starts[chosen], counts)
        return _Part(
            chosen,
            docs,
            starts_of(counts),
            self.passages.take(docs.tolist()),
            self._all.terms.take(docs),
            self._all.recency[docs],
        )

    def _channels(self, part: _Part, encoded: _Encoded, queries: Sequence[Query]) -> _Channels:
        dense_docs = dense_similarity(part.passages, encoded.passages)
        dense_z = self.dense_calibration.apply(dense_docs)
        lexical_z = self.lexical_calibration.apply(lexical_similarity(part.terms, encoded.terms))
        # Shared words mean more between two texts in one language than across languages, where they
        # exist only through the glossary: two channels, each document counting in one of them (and
        # as "no shared word" in the other).
        same = self._doc_languages[part.docs][:, None] == np.array(languages_of([q.text for q in queries]))[None, :]
        nothing = float(self.lexical_calibration.apply(np.zeros(1))[0])
        lexical_same, lexical_cross = np.where(same, lexical_z, nothing), np.where(same, nothing, lexical_z)
        candidate = {
            "dense": pool_many(dense_z, part.starts, part.recency, self.params),
            "lexical": pool_many(lexical_same, part.starts, part.recency, self.params),
            "lexical_cross": pool_many(lexical_cross, part.starts, part.recency, self.params),
            "fields": np.array([self._fields(part, q.fields) for q in queries], dtype=np.float64).T,
        }
        w = self.weights
        text_docs = w.dense * dense_z + np.where(same, w.lexical, w.lexical_cross) * lexical_z
        return _Channels(part, encoded, candidate, dense_docs, text_docs)

    def _fields(self, part: _Part, wanted: Sequence[str]) -> Matrix:
        if not wanted:
            return np.zeros(len(part.candidates))
        taxonomy = self.tools.taxonomy
        return np.array([field_affinity(taxonomy, wanted, self.candidates[c].fields) for c in part.candidates])

    def _choose(self, part: _Part, total: Matrix, query: Query, top: int, filters: Filters) -> list[int]:
        """Positions within ``part`` of the best admitted candidates, at most ``per_group`` from one group."""
        per_group: Counter[str] = Counter()
        chosen = []
        for k in np.argsort(-total, kind="stable"):
            c = self.candidates[int(part.candidates[k])]
            if c.key in query.exclude or not filters.admit(c):
                continue
            if filters.per_group is not None and c.group and per_group[c.group] >= filters.per_group:
                continue
            per_group[c.group] += 1
            chosen.append(int(k))
            if len(chosen) == top:
                break
        return chosen

    def _closest_passage(self, doc: int, query_vectors: Vectors) -> str:
        """The sentence of a document most like any passage of the query (what to quote as the reason)."""
        passages_ = self.passages
        start = int(passages_.starts[doc])
        end = int(passages_.starts[doc + 1]) if doc + 1 < passages_.docs else len(passages_.vectors)
        best = start + int(np.argmax((passages_.vectors[start:end] @ query_vectors.T).max(axis=1)))
        return self._passage_texts[best]

    def _match(self, k: int, score: float, scored: _Channels, query: Query) -> Match:
        part = scored.part
        candidate = self.candidates[int(part.candidates[k])]
        end = part.starts[k + 1] if k + 1 < len(part.starts) else len(part.docs)
        best = int(part.starts[k] + np.argmax(scored.text_docs[part.starts[k] : end, 0]))
        contributions = {
            name: round(getattr(self.weights, name) * float(s[k, 0]), 4) for name, s in scored.candidate.items()
        }
        doc = int(part.docs[best])
        explanation = explain(
            query,
            candidate,
            self.tools,
            self.docs[doc],
            float(scored.dense_docs[best, 0]),
            contributions,
            self._closest_passage(doc, scored.encoded.passages.vectors),
        )
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
