"""Field classification: which taxonomy fields a text (a profile, an organisation, an expert) is about.

Three kinds of evidence are added up for every *leaf* field (a field with no sub-fields: S07.03, or a
custom field such as R.DEFMAT), then turned into probabilities by a softmax whose temperature is
fitted on a labelled set (``bench/classify.py``; docs/classification.md):

1. **Prototypes** — the text's dense vector (language-centred, like the engine's) against each field's
   names: its Korean and English labels, synonyms and the glossary terms attached to it. A leaf's
   similarity is blended with its parent's, so "수소" in a text helps every hydrogen sub-field.
   Similarities are standardised over the fields for each text (a z-score), so the weights do not
   depend on how similar texts of one language happen to be to everything.
2. **Neighbours** — the k most similar already-labelled records vote for their fields, each vote
   weighted by its cosine similarity and divided by k (so a few distant neighbours vote weakly).
3. **Terms** — glossary terms in the text that name a field (a sub-field's term counts fully, a parent
   field's term counts for each of its leaves).

A parent's confidence is the sum of its leaves' (its probability mass), so a suggestion for S07.03
implies S07, and a text that is clearly about hydrogen but not clearly about one hydrogen sub-field
is suggested S07 itself (:meth:`Classification.suggest`).
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from seoro.domain.taxonomy import Taxonomy
from seoro.matching.glossary import Glossary, Hit
from seoro.matching.semantic import Centring, Embedder, Vectors, languages_of, normalise

Matrix = npt.NDArray[np.float64]
MODEL_VERSION = "fields-1"  # stored with every suggestion; bump when the method or its defaults change


@dataclass(frozen=True)
class Params:
    """Weights of the three kinds of evidence and the calibration; defaults fitted on the dev split of
    bench/data/fields_labelled.jsonl (bench/classify.py --fit)."""

    prototype: float = 1.0
    neighbours: float = 20.0  # votes are similarity / k, so about 0.01-0.05 each
    terms: float = 1.5
    parent_share: float = 0.0  # how much of a leaf's prototype similarity is its parent's (0 fitted best)
    temperature: float = 0.8
    k: int = 10
    threshold: float = 0.5  # confidence at or above which a suggestion counts (effective fields)


DEFAULT_PARAMS = Params()


@dataclass(frozen=True)
class Example:
    """An already-labelled record: its key (``expert:12``), its fields and its (raw) passage vectors."""

    key: str
    fields: tuple[str, ...]
    texts: tuple[str, ...]
    vectors: Vectors


@dataclass(frozen=True)
class Document:
    """What is classified: a record's texts, and their raw vectors if already encoded (else encoded here)."""

    texts: tuple[str, ...]
    vectors: Vectors | None = None
    key: str = ""  # the record's own key: it never votes for itself when it is also an example


@dataclass(frozen=True)
class Evidence:
    similarity: float  # cosine of the text to the field's names (the best of the field and its leaves)
    terms: tuple[str, ...] = ()  # glossary terms found in the text that name the field
    neighbours: tuple[str, ...] = ()  # labelled records among the nearest that have the field


@dataclass(frozen=True)
class Suggestion:
    code: str
    confidence: float  # calibrated probability in [0, 1]
    evidence: Evidence


@dataclass(frozen=True)
class Classification:
    leaves: tuple[Suggestion, ...]  # every leaf field, most likely first
    parents: tuple[Suggestion, ...]  # every field with sub-fields, by the mass of its leaves
    ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def confidence(self, code: str) -> float:
        return next((s.confidence for s in (*self.leaves, *self.parents) if s.code == code), 0.0)

    def suggest(
        self, top: int = 3, threshold: float = DEFAULT_PARAMS.threshold, exclude: Collection[str] = ()
    ) -> list[Suggestion]:
        """The ``top`` best leaves, each replaced by its nearest ancestor that reaches ``threshold``
        when the leaf itself does not (a text about hydrogen in general: S07, not a guess among its
        sub-fields); no code twice. Fields in ``exclude`` (rejected by staff, or already on the record)
        and everything under them are never suggested."""
        banned = set(exclude)
        by_code = {s.code: s for s in self.parents if s.code not in banned}
        allowed = [s for s in self.leaves if not banned & {s.code, *self.ancestors.get(s.code, ())}]
        out: dict[str, Suggestion] = {}
        for leaf in allowed[:top]:
            chosen = leaf
            if leaf.confidence < threshold:
                lifted = (by_code.get(a) for a in self.ancestors.get(leaf.code, ()))
                chosen = next((a for a in lifted if a is not None and a.confidence >= threshold), leaf)
                if chosen is not leaf and any(chosen.code in self.ancestors.get(c, ()) for c in out):
                    continue  # already implied by a confident sub-field
            out.setdefault(chosen.code, chosen)
        return sorted(out.values(), key=lambda s: -s.confidence)


class Classifier:
    def __init__(
        self,
        taxonomy: Taxonomy,
        glossary: Glossary,
        embedder: Embedder,
        *,
        examples: Sequence[Example] = (),
        centring: Centring | None = None,
        params: Params = DEFAULT_PARAMS,
    ) -> None:
        """``centring``: per-language means of the corpus the texts come from (the directory's passages);
        fitted on the examples when not given."""
        self.taxonomy, self.glossary, self.embedder, self.params = taxonomy, glossary, embedder, params
        self.leaves = sorted(c for c in taxonomy.fields if not taxonomy.children(c))
        self._leaf_index = {c: i for i, c in enumerate(self.leaves)}
        self.ancestors = {c: tuple(taxonomy.ancestors(c)) for c in taxonomy.fields}
        self.inner = sorted(c for c in taxonomy.fields if taxonomy.children(c))
        self._under = _leaves_under(self.leaves, self.ancestors, taxonomy.fields)
        example_vectors = [e.vectors for e in examples]
        if centring is None:
            stacked = np.vstack(example_vectors) if example_vectors else np.zeros((0, embedder.dimension), np.float32)
            centring = Centring.fit(stacked, languages_of([t for e in examples for t in e.texts]))
        self.centring = centring
        self._names, self._name_owner = self._prototype_names()
        self._name_vectors = self._centred(self._names, embedder.encode(self._names))
        self.examples = list(examples)
        self._example_vectors = np.vstack(
            [self._pooled(e.texts, e.vectors) for e in examples] or [np.zeros((0, embedder.dimension), np.float32)]
        )
        self._example_labels = np.vstack(
            [self._label_row(e.fields) for e in examples] or [np.zeros((0, len(self.leaves)))]
        )
        self._example_index = {e.key: i for i, e in enumerate(examples)}
        self._fields_of = [
            {c for f in e.fields if f in taxonomy.fields for c in (f, *self.ancestors[f])} for e in examples
        ]

    def tuned(self, params: Params) -> Classifier:
        """The same classifier (prototypes and examples already encoded) with other weights."""
        other = copy.copy(self)
        other.params = params
        return other

    # -- building -------------------------------------------------------------------------------

    def _prototype_names(self) -> tuple[list[str], npt.NDArray[np.int64]]:
        """Every name of every field (labels, synonyms, the glossary's terms for it), and whose it is."""
        glossary_terms: dict[str, list[str]] = {}
        for entry in self.glossary.entries:
            if entry.field in self.taxonomy.fields:
                glossary_terms.setdefault(entry.field, []).extend([*entry.ko, *entry.en])
        codes = sorted(self.taxonomy.fields)
        names: list[str] = []
        owners: list[int] = []
        for i, code in enumerate(codes):
            f = self.taxonomy.fields[code]
            for name in dict.fromkeys([f.label.ko, f.label.en, *f.synonyms, *glossary_terms.get(code, [])]):
                names.append(name)
                owners.append(i)
        self._codes = codes
        return names, np.asarray(owners, dtype=np.int64)

    def _centred(self, texts: Sequence[str], vectors: Vectors) -> Vectors:
        return self.centring.apply(vectors, languages_of(texts)) if len(texts) else vectors

    def _pooled(self, texts: Sequence[str], vectors: Vectors) -> Vectors:
        """One vector for a record: the mean of its centred passage vectors, normalised."""
        if not len(texts):
            return np.zeros(self.embedder.dimension, np.float32)
        pooled: Vectors = normalise(self._centred(texts, vectors).mean(axis=0, keepdims=True))[0]
        return pooled

    def _label_row(self, codes: Sequence[str]) -> Matrix:
        """A record's fields as weights over the leaves (a parent field spread over its leaves)."""
        row = np.zeros(len(self.leaves))
        for code in codes:
            under = self._under.get(code, [])
            for i in under:
                row[i] = max(row[i], 1.0 / len(under))
        total = row.sum()
        return row / total if total else row

    # -- scoring --------------------------------------------------------------------------------

    def classify(self, documents: Sequence[Document]) -> list[Classification]:
        if not documents:
            return []
        vectors = self._document_vectors(documents)
        prototype, raw_similarity = self._prototype_scores(vectors)
        neighbours, voters = self._neighbour_scores(vectors, [d.key for d in documents])
        hits = [self.glossary.find(" ".join(d.texts)) for d in documents]
        terms = np.vstack([self._term_row(h) for h in hits])
        p = self.params
        logits = (p.prototype * prototype + p.neighbours * neighbours + p.terms * terms) / p.temperature
        probabilities = _softmax(logits)
        return [self._result(probabilities[i], raw_similarity[i], hits[i], voters[i]) for i in range(len(documents))]

    def logits_parts(self, documents: Sequence[Document]) -> tuple[Matrix, Matrix, Matrix]:
        """The three evidence matrices (documents × leaves) before weighting: what the params are fitted on."""
        vectors = self._document_vectors(documents)
        neighbours, _ = self._neighbour_scores(vectors, [d.key for d in documents])
        terms = np.vstack([self._term_row(self.glossary.find(" ".join(d.texts))) for d in documents])
        return self._prototype_scores(vectors)[0], neighbours, terms

    def _document_vectors(self, documents: Sequence[Document]) -> Vectors:
        missing = [t for d in documents if d.vectors is None for t in d.texts]
        encoded = iter(self.embedder.encode(missing)) if missing else iter(())
        rows = []
        for d in documents:
            raw = d.vectors if d.vectors is not None else np.array([next(encoded) for _ in d.texts], np.float32)
            rows.append(self._pooled(d.texts, raw.reshape(len(d.texts), -1)))
        return np.vstack(rows)

    def _prototype_scores(self, vectors: Vectors) -> tuple[Matrix, Matrix]:
        """(standardised blended leaf scores, raw best-name cosine per leaf)."""
        by_name = vectors.astype(np.float64) @ self._name_vectors.T.astype(np.float64)
        by_field = np.full((len(vectors), len(self._codes)), -1.0)
        np.maximum.at(by_field.T, self._name_owner, by_name.T)
        column = {c: i for i, c in enumerate(self._codes)}
        leaf = by_field[:, [column[c] for c in self.leaves]]
        parent = by_field[:, [column[(self.ancestors[c] or (c,))[0]] for c in self.leaves]]
        share = self.params.parent_share
        blended = (1 - share) * leaf + share * parent
        spread = blended.std(axis=1, keepdims=True)
        z = (blended - blended.mean(axis=1, keepdims=True)) / np.where(spread == 0, 1, spread)
        return z, leaf

    def _neighbour_scores(self, vectors: Vectors, keys: Sequence[str]) -> tuple[Matrix, list[list[tuple[int, float]]]]:
        """Similarity-weighted votes of the k nearest examples (a record is never its own neighbour)."""
        n = len(vectors)
        if not self.examples:
            return np.zeros((n, len(self.leaves))), [[] for _ in range(n)]
        similarity = vectors.astype(np.float64) @ self._example_vectors.T.astype(np.float64)
        for i, key in enumerate(keys):
            if key in self._example_index:
                similarity[i, self._example_index[key]] = -np.inf
        k = min(self.params.k, similarity.shape[1])
        nearest = np.argsort(-similarity, axis=1)[:, :k]
        scores = np.zeros((n, len(self.leaves)))
        voters: list[list[tuple[int, float]]] = []
        for i in range(n):
            weights = np.clip(similarity[i, nearest[i]], 0, None)
            # Not normalised by the neighbours' total: k far-away neighbours (a small or unrelated
            # directory) vote weakly, instead of as firmly as k close ones.
            scores[i] = weights @ self._example_labels[nearest[i]] / self.params.k
            voters.append([(int(j), float(w)) for j, w in zip(nearest[i], weights, strict=True) if w > 0])
        return scores, voters

    def _term_row(self, hits: Sequence[Hit]) -> Matrix:
        row = np.zeros(len(self.leaves))
        for hit in hits:
            for i in self._under.get(hit.field or "", []):
                row[i] += 1.0
        return 1 - np.exp(-row)  # one term counts most; more add less

    def _result(
        self, probabilities: Matrix, similarity: Matrix, hits: list[Hit], voters: list[tuple[int, float]]
    ) -> Classification:
        def evidence(codes: list[str]) -> Evidence:
            wanted = set(codes)
            idx = [self._leaf_index[c] for c in codes if c in self._leaf_index]
            return Evidence(
                float(similarity[idx].max()) if idx else 0.0,
                tuple(dict.fromkeys(h.term for h in hits if h.field in wanted or self._names_field(h, wanted))),
                tuple(self.examples[j].key for j, _ in voters if wanted & self._fields_of[j]),
            )

        order = np.argsort(-probabilities, kind="stable")
        leaves = tuple(Suggestion(self.leaves[i], float(probabilities[i]), evidence([self.leaves[i]])) for i in order)
        parents = []
        for code in self.inner:
            under = [self.leaves[i] for i in self._under[code]]
            mass = float(probabilities[self._under[code]].sum())
            parents.append(Suggestion(code, min(mass, 1.0), evidence([code, *under])))
        parents.sort(key=lambda s: -s.confidence)
        return Classification(leaves, tuple(parents), self.ancestors)

    def _names_field(self, hit: Hit, wanted: set[str]) -> bool:
        """A parent field's term is evidence for its leaves too."""
        return hit.field is not None and any(a == hit.field for c in wanted for a in self.ancestors.get(c, ()))


def _leaves_under(leaves: Sequence[str], ancestors: dict[str, tuple[str, ...]], codes: object) -> dict[str, list[int]]:
    """For every field, the indices of the leaves it holds (a leaf holds itself)."""
    under: dict[str, list[int]] = {}
    for i, leaf in enumerate(leaves):
        for code in (leaf, *ancestors[leaf]):
            under.setdefault(code, []).append(i)
    return under


def _softmax(logits: Matrix) -> Matrix:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    out: Matrix = shifted / shifted.sum(axis=1, keepdims=True)
    return out
