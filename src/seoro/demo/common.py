"""Small helpers shared by the demo data modules."""

from __future__ import annotations

import random
from datetime import date, timedelta

Record = dict[str, object]
"""One row as the spreadsheet reader yields it: column key -> typed value (blank cells absent)."""

SEED = "seoro-demo-2025"
"""Every random choice in the demo data comes from ``random.Random`` seeded from this string."""


def rng_for(section: str) -> random.Random:
    """A generator of its own for each section, so that changing one section leaves the others alone."""
    return random.Random(f"{SEED}/{section}")


def compact(values: dict[str, object]) -> Record:
    """Drop keys without a value (None, empty text or empty list), as the reader does for blank cells."""
    return {key: value for key, value in values.items() if value not in (None, "", [], ())}


def validity(rng: random.Random) -> tuple[date, date]:
    """A (valid_from, valid_until) window starting in 2025 and ending no later than 2026."""
    start = date(2025, 1, 6) + timedelta(days=rng.randrange(0, 300))
    return start, start + timedelta(days=rng.choice((120, 180, 270, 365)))


def text_of(record: Record, key: str) -> str:
    value = record[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text: {value!r}")
    return value


def texts_of(record: Record, key: str) -> list[str]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key} is not a list of text: {value!r}")
    return [str(v) for v in value]


def capitalised(phrase: str) -> str:
    """First letter upper-cased, unless the first word is written like ``mRNA`` or ``eVTOL``."""
    if len(phrase) > 1 and phrase[1].isupper():
        return phrase
    return phrase[:1].upper() + phrase[1:]
