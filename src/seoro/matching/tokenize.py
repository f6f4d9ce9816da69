"""Words for lexical matching: Korean morphemes (kiwipiepy) for Hangul, light normalisation for Latin text.

Kiwi only ever sees Hangul runs: on Latin text it mis-splits words before a full stop
("durability." → "durab" + "ility.", MODELS.md §7), so Latin words are cut by a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import Any

from seoro.domain.text import clean

_SEGMENTS = re.compile(r"([\uac00-\ud7a3]+(?:[ \t]+[\uac00-\ud7a3]+)*)")
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:[+\-][a-z0-9]+)*", re.IGNORECASE)
# Kiwi tags kept: common and proper nouns, roots, foreign words and numbers inside Korean runs.
_KEEP_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SN", "SH"})
_STOP = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "with", "using", "use", "based", "via", "new", "study", "research", "development", "technology", "technologies", "system", "systems", "method", "methods"]
)  # fmt: skip
_KO_STOP = frozenset({"기술", "개발", "연구", "분야", "관련", "기반", "활용", "및", "등", "위한", "통한"})


def english_stem(word: str) -> str:
    """A deliberately light stemmer: plurals only ("cells" → "cell", "batteries" → "battery").

    Heavier stemming merges technical words that differ ("process"/"processor"); plurals are the
    common case that breaks exact matches between a need and a profile."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Tokenizer:
    """One per process: the Korean model takes about 1.5 s and 530 MB to load."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    @cached_property
    def _kiwi(self) -> Any:
        from kiwipiepy import Kiwi  # noqa: PLC0415 - heavy; only loaded when Korean text appears

        return Kiwi(num_workers=self.workers)

    def tokens(self, text: str) -> list[str]:
        return self.many([text])[0]

    def many(self, texts: Sequence[str]) -> list[list[str]]:
        """Tokens of each text; Korean runs of all texts go to Kiwi in one batch (it is much faster)."""
        pieces = [list(_pieces(clean(t))) for t in texts]
        korean = [p for ps in pieces for is_ko, p in ps if is_ko]
        analysed = iter(self._korean(korean)) if korean else iter(())
        out: list[list[str]] = []
        for ps in pieces:
            tokens: list[str] = []
            for is_ko, piece in ps:
                tokens += next(analysed) if is_ko else _latin(piece)
            out.append(tokens)
        return out

    def _korean(self, runs: list[str]) -> list[list[str]]:
        results = self._kiwi.tokenize(runs)
        return [
            [t.form.lower() for t in result if t.tag in _KEEP_TAGS and t.form not in _KO_STOP] for result in results
        ]


def _pieces(text: str) -> Iterator[tuple[bool, str]]:
    for i, piece in enumerate(_SEGMENTS.split(text)):
        if piece.strip():
            yield i % 2 == 1, piece


def _latin(text: str) -> list[str]:
    words = (w.lower() for w in _LATIN_WORD.findall(text))
    return [english_stem(w) for w in words if w not in _STOP and len(w) > 1]
