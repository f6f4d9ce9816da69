"""Bilingual text and the clean-up rules every piece of text passes through."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class BilingualText:
    """The same thing said in Korean and/or English; either may be empty."""

    ko: str = ""
    en: str = ""

    def pick(self, lang: str) -> str:
        """The text in ``lang`` if there is one, otherwise the other language."""
        first, second = (self.ko, self.en) if lang == "ko" else (self.en, self.ko)
        return first or second

    def both(self) -> str:
        """``한국어 (English)``, or whichever exists."""
        if self.ko and self.en and self.ko != self.en:
            return f"{self.ko} ({self.en})"
        return self.ko or self.en

    def __bool__(self) -> bool:
        return bool(self.ko or self.en)

    @classmethod
    def joined(cls, texts: Iterable[BilingualText], sep: str = " · ") -> BilingualText:
        """Several names as one (a delegation's members), each language falling back to the other."""
        listed = list(texts)
        return cls(sep.join(t.ko or t.en for t in listed), sep.join(t.en or t.ko for t in listed))


def clean(value: str) -> str:
    """Full-width letters and digits to half-width (NFKC), every run of spaces to one, ends trimmed.

    NFKC also turns ㈜ into (주) and the ideographic space into a plain one, which is what staff mean.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def clean_multiline(value: str) -> str:
    """Like :func:`clean`, but keeps line breaks (for descriptions)."""
    lines = (clean(line) for line in unicodedata.normalize("NFKC", value).splitlines())
    return "\n".join(line for line in lines if line)


def has_hangul(value: str) -> bool:
    return bool(_HANGUL.search(value))


def language_of(value: str) -> str:
    """``ko`` when the text has more Hangul than Latin letters, else ``en``."""
    hangul = len(_HANGUL.findall(value))
    latin = len(_LATIN.findall(value))
    return "ko" if hangul and hangul * 2 >= latin / 3 else "en"


def split_by_language(values: list[str]) -> BilingualText:
    """Route free texts into the Korean or English slot by their script (first one wins)."""
    ko = next((v for v in values if v and language_of(v) == "ko"), "")
    en = next((v for v in values if v and language_of(v) == "en"), "")
    return BilingualText(ko=ko, en=en)
