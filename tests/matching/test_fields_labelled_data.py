"""The labelled field-classification set (bench/data/fields_labelled.jsonl) is well formed and balanced."""

import json
from collections import Counter
from pathlib import Path

import pytest

from seoro.domain.national_fields import national_fields
from seoro.domain.text import language_of

pytestmark = pytest.mark.unit
DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "fields_labelled.jsonl"
CODES = {f.code for f in national_fields()}


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_row_has_the_fields_and_known_codes() -> None:
    rows = _rows()
    assert len(rows) >= 300
    assert [sorted(r) for r in rows] == [["fields", "id", "lang", "split", "text"]] * len(rows)
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows)
    assert [r["id"] for r in rows if not r["fields"] or not set(r["fields"]) <= CODES] == []  # type: ignore[arg-type]
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert [r["id"] for r in rows if language_of(str(r["text"])) != r["lang"]] == []


def test_languages_and_splits_are_balanced_and_every_sub_field_is_in_both() -> None:
    rows = _rows()
    assert Counter(r["lang"] for r in rows) == {"ko": len(rows) // 2, "en": len(rows) // 2}
    leaves = {c for c in CODES if "." in c}
    for split in ("dev", "test"):
        for lang in ("ko", "en"):
            covered = {f for r in rows if r["split"] == split and r["lang"] == lang for f in r["fields"]}  # type: ignore[attr-defined]
            assert leaves <= covered, (split, lang)
