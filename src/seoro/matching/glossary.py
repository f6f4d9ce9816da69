"""A bilingual technology glossary: finds known terms in a text and gives their other-language forms.

Built from the taxonomy (field labels and synonyms, so an agency's own fields count too) and from the
curated vocabulary in ``terms.py``. Korean terms are found inside compounds ("수소연료전지" holds 수소
and 연료전지), English terms on word boundaries; the longest term wins where two overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import clean, language_of
from seoro.matching.terms import TERMS


@dataclass(frozen=True)
class Entry:
    ko: tuple[str, ...]
    en: tuple[str, ...]
    field: str | None = None  # the taxonomy field this entry names, if any


@dataclass(frozen=True)
class Hit:
    """A glossary term found in a text: as written, its language, and its other-language forms."""

    term: str
    lang: str
    translations: tuple[str, ...]
    field: str | None
    start: int
    end: int


def _ko_key(text: str) -> str:
    return re.sub(r"[\s·・‧]+", "", clean(text)).casefold()


class Glossary:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = [e for e in entries if e.ko and e.en]
        self._ko: dict[str, list[Entry]] = {}
        self._en: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for form in entry.ko:
                self._ko.setdefault(_ko_key(form), []).append(entry)
            for form in entry.en:
                self._en.setdefault(clean(form).casefold(), []).append(entry)
        self._ko_keys = sorted(self._ko, key=len, reverse=True)
        self._en_pattern = _alternation(self._en)

    @classmethod
    def build(
        cls, taxonomy: Taxonomy | None = None, terms: Sequence[tuple[str, str, tuple[str, ...]]] = TERMS
    ) -> Glossary:
        entries = [Entry((ko,), (en, *more)) for ko, en, more in terms]
        if taxonomy is not None:
            entries += [_field_entry(f.code, [f.label.ko, f.label.en, *f.synonyms]) for f in taxonomy.fields.values()]
        return cls(entries)

    def find(self, text: str) -> list[Hit]:
        """Every known term in ``text`` (non-overlapping, longest first), in order of appearance."""
        return sorted(self._find_ko(text) + self._find_en(text), key=lambda h: h.start)

    def expand(self, text: str, limit: int = 3) -> str:
        """``text`` followed by the other-language forms of the terms in it (for cross-lingual lexical search)."""
        extra = [t for hit in self.find(text) for t in hit.translations[:limit]]
        return " ".join([text, *dict.fromkeys(extra)])

    def _find_ko(self, text: str) -> list[Hit]:
        # Compare without spaces (Korean compounds are written both ways); keep offsets in that key.
        key = _ko_key(text)
        taken = [False] * len(key)
        hits = []
        for form in self._ko_keys:
            start = key.find(form)
            while start >= 0:
                end = start + len(form)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    entries = self._ko[form]
                    hits.append(Hit(form, "ko", _forms(entries, "en"), _field(entries), start, end))
                start = key.find(form, end)
        return hits

    def _find_en(self, text: str) -> list[Hit]:
        if self._en_pattern is None:
            return []
        hits = []
        for match in self._en_pattern.finditer(clean(text)):
            entries = self._en[match.group(0).casefold()]
            # English offsets are shifted past the Korean ones so that sorting keeps each language's order.
            hits.append(
                Hit(
                    match.group(0),
                    "en",
                    _forms(entries, "ko"),
                    _field(entries),
                    10**6 + match.start(),
                    10**6 + match.end(),
                )
            )
        return hits


def _field_entry(code: str, names: list[str]) -> Entry:
    ko = tuple(n for n in names if language_of(n) == "ko")
    en = tuple(n for n in names if language_of(n) == "en")
    return Entry(ko, en, code)


def _field(entries: list[Entry]) -> str | None:
    return next((e.field for e in entries if e.field), None)


def _forms(entries: list[Entry], lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(form for e in entries for form in (e.en if lang == "en" else e.ko)))


def _alternation(forms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(forms, key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(re.escape(f) for f in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
