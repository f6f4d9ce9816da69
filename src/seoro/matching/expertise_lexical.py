"""The lexical side of the expertise model: TF-IDF cosine between an expert's documents and queries.

Texts arrive already tokenised (``seoro.matching.tokenize.Tokenizer`` in the product), so this module
does no language handling. Term weights are fitted on the index corpus (every expert's documents),
the same way BM25 statistics are, and stored rows are sparse (CSR arrays), so an index of 100k
publications fits in memory.

Why cosine of TF-IDF rather than raw BM25 scores: BM25 grows with query length, so a long query would
beat a short one for the same expert. Expertise scores are compared across queries too ("which of
these needs does this expert know best?"), and cosine is bounded and length-normalised on both sides.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from seoro.matching.arrays import rows_of

Matrix = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class TermMatrix:
    """Rows of L2-normalised TF-IDF weights in CSR form: row i is ``data[indptr[i]:indptr[i+1]]`` at
    columns ``indices[...]``. Terms the vocabulary does not know are dropped from the columns but still
    count in the row's norm (see :meth:`TermWeights.transform`)."""

    indptr: IntArray
    indices: IntArray
    data: Matrix
    width: int

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    @cached_property
    def by_term(self) -> tuple[IntArray, IntArray, Matrix]:
        """The same weights term by term (CSC): (indptr over columns, row of each entry, weight). Built
        once per index, so a query touches only the postings of its own terms."""
        order = np.argsort(self.indices, kind="stable")
        counts = np.bincount(self.indices, minlength=self.width)
        indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        row_of = np.repeat(np.arange(self.rows), np.diff(self.indptr))
        return indptr, row_of[order].astype(np.int64), self.data[order]

    def take(self, rows: Sequence[int] | IntArray) -> TermMatrix:
        """The given rows, in that order."""
        counts = np.diff(self.indptr)[np.asarray(rows, dtype=np.int64)]
        taken = rows_of(self.indptr[np.asarray(rows, dtype=np.int64)], counts)
        indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        return TermMatrix(indptr, self.indices[taken], self.data[taken], self.width)

    def row(self, i: int) -> Matrix:
        """Row ``i`` as a dense, vocabulary-sized vector."""
        out = np.zeros(self.width)
        start, end = self.indptr[i], self.indptr[i + 1]
        out[self.indices[start:end]] = self.data[start:end]
        return out


@dataclass(frozen=True)
class TermWeights:
    """Vocabulary and inverse document frequencies of an index corpus.

    idf = ln(N / df), the textbook form: a term found in every document weighs nothing, which is
    right for words like "paper" or "approach" that every abstract uses."""

    vocabulary: Mapping[str, int]
    idf: Matrix
    documents: int

    @classmethod
    def fit(cls, documents: Sequence[Sequence[str]]) -> TermWeights:
        df: Counter[str] = Counter()
        for tokens in documents:
            df.update(set(tokens))
        vocabulary = {term: i for i, term in enumerate(sorted(df))}
        n = max(len(documents), 1)
        idf = np.array([math.log(n / df[term]) for term in vocabulary], dtype=np.float64)
        return cls(vocabulary, idf, n)

    def unseen_idf(self) -> float:
        """A term no indexed document contains is as rare as can be: weigh it like df = 1."""
        return math.log(self.documents)

    def transform(self, documents: Sequence[Sequence[str]]) -> TermMatrix:
        """TF-IDF rows (raw term counts × idf), each divided by its full norm.

        Unseen query terms stay in the norm: a query that is half about things no expert has written
        on should not look as well covered as one whose every term is known."""
        indptr: list[int] = [0]
        indices: list[int] = []
        data: list[float] = []
        for tokens in documents:
            cols, weights, norm = self._row(Counter(tokens))
            indices.extend(cols)
            data.extend(w / norm for w in weights)
            indptr.append(len(indices))
        return TermMatrix(
            np.array(indptr, dtype=np.int64),
            np.array(indices, dtype=np.int64),
            np.array(data, dtype=np.float64),
            len(self.vocabulary),
        )

    def _row(self, counts: Counter[str]) -> tuple[list[int], list[float], float]:
        cols, weights, squares = [], [], 0.0
        for term, count in sorted(counts.items()):
            col = self.vocabulary.get(term)
            weight = count * (self.idf[col] if col is not None else self.unseen_idf())
            squares += weight * weight
            if col is not None and weight > 0:
                cols.append(col)
                weights.append(float(weight))
        return cols, weights, math.sqrt(squares) or 1.0


def lexical_similarity(docs: TermMatrix, queries: TermMatrix) -> Matrix:
    """Cosine of every document row with every query row: shape (docs, queries).

    Each query walks the postings of its own terms only (a query has tens of terms, an index of 100k
    publications millions of entries)."""
    if docs.width != queries.width:
        raise ValueError(f"term matrices from different vocabularies: {docs.width} vs {queries.width} columns")
    indptr, rows, data = docs.by_term
    out = np.zeros((docs.rows, queries.rows))
    for j in range(queries.rows):
        start, end = queries.indptr[j], queries.indptr[j + 1]
        terms, weights = queries.indices[start:end], queries.data[start:end]
        if not len(terms):
            continue
        postings = indptr[terms + 1] - indptr[terms]
        entries = rows_of(indptr[terms], postings)
        products = data[entries] * np.repeat(weights, postings)
        out[:, j] = np.bincount(rows[entries], weights=products, minlength=docs.rows)
    return out
