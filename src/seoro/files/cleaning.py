"""One raw spreadsheet cell to one typed value, read the way agency staff meant it.

Cells arrive as ``str`` (CSV, or text in Excel), ``int``/``float`` (Excel numbers, ``bool`` for
TRUE/FALSE) or ``date``/``datetime`` (Excel dates). A value that cannot be read raises
``DomainError(code, value=..., ...)``; a blank cell is ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from seoro.domain.countries import country_code
from seoro.domain.errors import DomainError
from seoro.domain.text import clean, clean_multiline
from seoro.domain.vocab import parse_choice, parse_language
from seoro.files.columns import Column, ValueType

YEAR_MIN, YEAR_MAX = 1900, 2100

# Control characters and zero-width marks come from copy-pasting out of web pages and PDFs; they are
# never meant, are invisible in Excel, and cannot even be stored in an .xlsx file.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\u200b\u2060\ufeff]")
# Staff write a dash for "none"; it means the same as an empty cell.
_DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")
_LIST_SEPARATORS = re.compile(r"[,;、\n]")
_NAME_SEPARATORS = re.compile(r"[;\n]")
# "한국어/영어" and "한국어·영어" are how people list languages; no language name holds / or ·.
_LANGUAGE_SEPARATORS = re.compile(r"[,;、\n/·]")

_INTEGER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.0*)?")
_YEAR_SUFFIX = re.compile(r"\s*(?:년도|년|年)$")

_WEEKDAY = r"(?:\(\s*(?:[월화수목금토일](?:요일)?|[A-Za-z]{2,9}\.?)\s*\)|[월화수목금토일]요일)"
_DATE_TAIL = rf"\.?(?:\s*{_WEEKDAY})?(?:(?:T|\s+)\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?"
_DATE_FORMS = tuple(
    re.compile(form + _DATE_TAIL)
    for form in (
        r"(?P<y>\d{4}|\d{2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<d>\d{1,2})",
        r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
        r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})",
        r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<mon>[A-Za-z]{3,9})\.?,?[\s-]+(?P<y>\d{4})",
    )
)
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Excel counts days from 1899-12-30 (one day early, to copy Lotus 1-2-3's non-existent 1900-02-29).
_EXCEL_EPOCH = date(1899, 12, 30)
_LAST_SERIAL = (date(YEAR_MAX, 12, 31) - _EXCEL_EPOCH).days

_NOT_SPECIAL = r"[^@\s,;<>()\[\]\":]"
_EMAIL = re.compile(rf"{_NOT_SPECIAL}+@(?:[^@\s,;<>()\[\]\":.]+\.)+[^@\s,;<>()\[\]\":.]+")
_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")
_URL_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_URL_REST = re.compile(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#]\S*)?")
_DOI_PREFIX = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:\s*|doi\s+", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")


def cell_text(raw: object) -> str:
    """A raw cell as Excel would show it: 42.0 → ``42``, a midnight datetime → ``2025-07-28``."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else f"{raw:.15g}"
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == time() else raw.isoformat(sep=" ")
    if isinstance(raw, date | time):
        return raw.isoformat()
    return str(raw)


def is_blank(raw: object) -> bool:
    text = clean(_raw_text(raw))
    return not text or _DASHES.fullmatch(text) is not None


def parse_value(column: Column, raw: object) -> object:
    """The typed value of one cell for ``column``; ``None`` when the cell is blank."""
    if is_blank(raw):
        return None
    return _PARSERS[column.type](column, raw)


def _raw_text(raw: object) -> str:
    return _INVISIBLE.sub("", cell_text(raw))


def _text(column: Column, raw: object) -> str:
    return clean(_raw_text(raw))


def _longtext(column: Column, raw: object) -> str:
    return clean_multiline(_raw_text(raw))


def _split(raw: object, separators: re.Pattern[str]) -> list[str]:
    text = "\n".join(unicodedata.normalize("NFKC", _raw_text(raw)).splitlines())
    items = (clean(part) for part in separators.split(text))
    return list(dict.fromkeys(item for item in items if item and not _DASHES.fullmatch(item)))


def _list(column: Column, raw: object) -> list[str] | None:
    return _split(raw, _LIST_SEPARATORS) or None


def _names(column: Column, raw: object) -> list[str] | None:
    return _split(raw, _NAME_SEPARATORS) or None


def _languages(column: Column, raw: object) -> list[str] | None:
    codes: list[str] = []
    for item in _split(raw, _LANGUAGE_SEPARATORS):
        try:
            code = parse_language(item)
        except DomainError as err:
            # The reader replaces ``value`` with the whole cell, so say which item was wrong.
            raise DomainError(err.code, **err.params, item=item) from None
        if code not in codes:
            codes.append(code)
    return codes or None


def _integer(raw: object) -> int | None:
    """The whole number a cell holds, or ``None`` if it holds something else."""
    if isinstance(raw, bool | date | time):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = clean(_raw_text(raw)).replace(" ", "")
    if not _INTEGER.fullmatch(text):
        return None
    return int(text.split(".")[0].replace(",", ""))


def _int(column: Column, raw: object) -> int:
    number = _integer(raw)
    if number is None:
        raise DomainError("not_an_integer", value=cell_text(raw))
    return number


def _year(column: Column, raw: object) -> int:
    if isinstance(raw, date):  # a date typed into a year column: its year is what was meant
        number: int | None = raw.year
    else:
        number = _integer(_YEAR_SUFFIX.sub("", clean(raw)) if isinstance(raw, str) else raw)
    if number is None:
        raise DomainError("not_a_year", value=cell_text(raw))
    if not YEAR_MIN <= number <= YEAR_MAX:
        raise DomainError("year_out_of_range", value=cell_text(raw), min=YEAR_MIN, max=YEAR_MAX)
    return number


def _date(column: Column, raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _date_from_number(raw)
    if isinstance(raw, str):
        return _date_from_text(clean(_raw_text(raw)))
    raise DomainError("not_a_date", value=cell_text(raw))


def _date_from_number(number: float) -> date:
    if float(number).is_integer() and 19000101 <= number <= 21001231:
        return _date_from_text(str(int(number)))  # 20250728 typed into a cell Excel took for a number
    if 1 <= number <= _LAST_SERIAL:
        return _EXCEL_EPOCH + timedelta(days=int(number))
    raise DomainError("not_a_date", value=cell_text(number))


def _date_from_text(text: str) -> date:
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            return _make_date(text, match)
    raise DomainError("not_a_date", value=text)


def _make_date(text: str, match: re.Match[str]) -> date:
    parts = match.groupdict()
    year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
    month = _month_number(parts["mon"]) if parts.get("mon") else int(parts["m"])
    if month is None:
        raise DomainError("not_a_date", value=text)
    try:
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(year)
        return date(year, month, int(parts["d"]))
    except ValueError:
        raise DomainError("invalid_date", value=text) from None


def _month_number(name: str) -> int | None:
    """1 for "Jan", "jan." or "January"; ``None`` for a word that is no month."""
    name = name.casefold()
    return next((n for n, month in enumerate(_MONTHS, start=1) if len(name) >= 3 and month.startswith(name)), None)


def _email(column: Column, raw: object) -> str:
    text = clean(_raw_text(raw))
    angle = _ANGLE_ADDRESS.search(text)
    if angle:
        text = angle.group(1).strip()
    if text.casefold().startswith("mailto:"):
        text = text[len("mailto:") :].strip()
    text = text.lower()
    if not _EMAIL.fullmatch(text):
        raise DomainError("invalid_email", value=cell_text(raw))
    return text


def _url(column: Column, raw: object) -> str:
    text = clean(_raw_text(raw))
    scheme = _URL_SCHEME.match(text)
    rest = text[scheme.end() :] if scheme else text
    if not _URL_REST.fullmatch(rest):
        raise DomainError("invalid_url", value=cell_text(raw))
    return (scheme.group(0).lower() if scheme else "https://") + rest


def _doi(column: Column, raw: object) -> str:
    text = clean(_raw_text(raw))
    prefix = _DOI_PREFIX.match(text)
    text = (text[prefix.end() :] if prefix else text).lower()
    if not _DOI.fullmatch(text):
        raise DomainError("invalid_doi", value=cell_text(raw))
    return text


def _country(column: Column, raw: object) -> str:
    return country_code(clean(_raw_text(raw)))


def _choice(column: Column, raw: object) -> object:
    if column.choices is None:
        raise TypeError(f"column {column.key!r} is a choice column without choices")
    return parse_choice(column.choices, clean(_raw_text(raw)))


_PARSERS: dict[ValueType, Callable[[Column, object], object]] = {
    ValueType.TEXT: _text,
    ValueType.LONGTEXT: _longtext,
    ValueType.LIST: _list,
    ValueType.NAMES: _names,
    ValueType.INT: _int,
    ValueType.YEAR: _year,
    ValueType.DATE: _date,
    ValueType.EMAIL: _email,
    ValueType.URL: _url,
    ValueType.DOI: _doi,
    ValueType.COUNTRY: _country,
    ValueType.LANGUAGES: _languages,
    ValueType.CHOICE: _choice,
}
