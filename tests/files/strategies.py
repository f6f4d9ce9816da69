"""Hypothesis strategies for spreadsheet cells: Korean, English and mixed text, and typed values."""

from __future__ import annotations

import re
import string
from datetime import date

from hypothesis import strategies as st

from seoro.domain.countries import known_countries
from seoro.domain.vocab import LANGUAGES
from seoro.files.cleaning import YEAR_MAX, YEAR_MIN, parse_value
from seoro.files.columns import Column, ValueType

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
# Letters, marks, digits, punctuation, symbols and spaces of any script; no control or format characters.
ANY = st.characters(categories=("L", "M", "N", "P", "S", "Zs"))


def encodable(encoding: str) -> st.SearchStrategy[str]:
    """Hangul syllables and ASCII that ``encoding`` can write (for CP949 and EUC-KR files)."""
    syllables = [chr(code) for code in range(0xAC00, 0xD7A4) if _fits(chr(code), encoding)]
    return st.one_of(st.sampled_from(syllables), ASCII)


def _fits(char: str, encoding: str) -> bool:
    try:
        # Python's euc_kr writes syllables outside KS X 1001 as 8-byte jamo sequences, which no
        # spreadsheet program writes or reads; real EUC-KR files hold two-byte characters only.
        return len(char.encode(encoding)) <= 2
    except UnicodeEncodeError:
        return False


MIXED = st.one_of(HANGUL, ASCII, ANY)


def raw_cells(chars: st.SearchStrategy[str] = MIXED) -> st.SearchStrategy[str]:
    """What staff type into a cell: short text, sometimes with stray spaces or line breaks."""
    return st.text(st.one_of(chars, st.sampled_from(" \n\u3000")), max_size=12)


_SEPARATORS = re.compile(r"[,;、\n]")


def _clean_text(column: Column) -> st.SearchStrategy[str]:
    parsed = raw_cells().map(lambda raw: parse_value(column, raw))
    return parsed.filter(lambda value: isinstance(value, str)).map(str)


def _items(column: Column) -> st.SearchStrategy[list[str]]:
    text_column = Column("item", ValueType.TEXT, ("item", "item"), column.help)
    item = _clean_text(text_column).filter(lambda text: not _SEPARATORS.search(text))
    return st.lists(item, min_size=1, max_size=4, unique=True)


_LOWER = string.ascii_lowercase + string.digits
_LABEL = st.text(_LOWER + "-", min_size=1, max_size=8)
_DOMAIN = st.lists(_LABEL, min_size=2, max_size=3).map(".".join)
EMAILS = st.builds(
    lambda local, domain: f"{local}@{domain}", st.text(_LOWER + "._%+-", min_size=1, max_size=10), _DOMAIN
)
URLS = st.builds(
    lambda host, path: f"https://{host}{path}", _DOMAIN, st.sampled_from(["", "/", "/ko/index.do", "/a?b=c"])
)
DOIS = st.builds(
    lambda registrant, suffix: f"10.{registrant}/{suffix}",
    st.integers(1000, 999_999_999),
    st.text(_LOWER + "._;()/:-", min_size=1, max_size=20),
)


def values(column: Column) -> st.SearchStrategy[object]:
    """Values ``parse_value(column, ...)`` can return: what a record holds after reading."""
    match column.type:
        case ValueType.TEXT | ValueType.LONGTEXT:
            return _clean_text(column)
        case ValueType.LIST | ValueType.NAMES:
            return _items(column)
        case ValueType.LANGUAGES:
            return st.lists(st.sampled_from(sorted(LANGUAGES)), min_size=1, max_size=4, unique=True)
        case ValueType.INT:
            return st.integers(-(10**15), 10**15)
        case ValueType.YEAR:
            return st.integers(YEAR_MIN, YEAR_MAX)
        case ValueType.DATE:
            return st.dates(date(YEAR_MIN, 1, 1), date(YEAR_MAX, 12, 31))
        case ValueType.EMAIL:
            return EMAILS
        case ValueType.URL:
            return URLS
        case ValueType.DOI:
            return DOIS
        case ValueType.COUNTRY:
            return st.sampled_from(known_countries())
        case ValueType.CHOICE:
            assert column.choices is not None
            return st.sampled_from(list(column.choices))
    raise AssertionError(column.type)
