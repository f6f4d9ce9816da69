"""The committed partner-matching evaluation set of bench/fusion.py: well formed, judged and split."""

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from seoro.domain.national_fields import national_fields
from seoro.domain.text import has_hangul

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "match_eval.jsonl"
CANDIDATE_FIELDS = {"type", "key", "kind", "name", "language", "country", "fields", "group", "texts"}
QUERY_FIELDS = {"type", "key", "language", "title", "description", "fields", "relevant", "split"}


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def candidates(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["type"] == "candidate"]


def queries(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["type"] == "query"]


def test_records_have_their_fields(records: list[dict[str, Any]]) -> None:
    assert {r["type"] for r in records} == {"candidate", "query"}
    for c in candidates(records):
        assert set(c) == CANDIDATE_FIELDS, c["key"]
        assert c["name"] and c["texts"] and len(c["country"]) == 2, c["key"]
        for text in c["texts"]:
            if text["kind"] == "publication":
                assert text["title"] and isinstance(text["year"], int) and 1990 <= text["year"] <= 2026, c["key"]
            else:
                assert text["kind"] in {"statement", "keywords", "title", "description"} and text["text"], c["key"]
    for q in queries(records):
        assert set(q) == QUERY_FIELDS, q["key"]
        assert q["title"], q["key"]


def test_keys_unique_and_judgements_valid(records: list[dict[str, Any]]) -> None:
    repeated = [k for k, n in Counter(r["key"] for r in records).items() if n > 1]
    assert not repeated
    known = {c["key"] for c in candidates(records)}
    for q in queries(records):
        assert q["relevant"] and set(q["relevant"]) <= known, q["key"]
        assert set(q["relevant"].values()) <= {1, 2}, q["key"]
        assert 2 in q["relevant"].values(), q["key"]


@pytest.mark.parametrize("kind", ["candidate", "query"])
def test_codes_are_national_fields(records: list[dict[str, Any]], kind: str) -> None:
    codes = {f.code for f in national_fields()}
    for r in records:
        if r["type"] == kind:
            assert set(r["fields"]) <= codes, (r["key"], r["fields"])


def test_splits_and_languages(records: list[dict[str, Any]]) -> None:
    qs = queries(records)
    splits = Counter(q["split"] for q in qs)
    assert set(splits) == {"dev", "test"}
    assert 0.5 <= splits["dev"] / len(qs) <= 0.7
    for split in ("dev", "test"):
        part = [q for q in qs if q["split"] == split]
        assert {q["language"] for q in part} == {"ko", "en"}, split
        assert any(q["fields"] for q in part) and any(not q["fields"] for q in part), split
    assert {c["language"] for c in candidates(records)} == {"ko", "en"}


def test_language_tags_match_the_text(records: list[dict[str, Any]]) -> None:
    for q in queries(records):
        assert has_hangul(q["title"]) == (q["language"] == "ko"), q["key"]
    for c in candidates(records):
        first = c["texts"][0]
        text = first.get("text") or first["title"]
        assert has_hangul(text) == (c["language"] == "ko"), c["key"]


def test_same_language_pairs_can_set_the_same_language_weight(records: list[dict[str, Any]]) -> None:
    """Enough exact same-language answers in both languages (the first version had 14, all Korean), and
    in both splits queries whose exact answers are all in the query's language."""
    language = {c["key"]: c["language"] for c in candidates(records)}
    exact = Counter((q["language"], language[k]) for q in queries(records) for k, g in q["relevant"].items() if g == 2)
    assert exact[("ko", "ko")] >= 60 and exact[("en", "en")] >= 40, exact
    assert exact[("ko", "en")] >= 100 and exact[("en", "ko")] >= 25, exact  # still mostly cross-lingual
    for split in ("dev", "test"):
        for lang in ("ko", "en"):
            same_only = [
                q
                for q in queries(records)
                if q["split"] == split
                and q["language"] == lang
                and {language[k] for k, g in q["relevant"].items() if g == 2} == {lang}
            ]
            assert len(same_only) >= 5, (split, lang, len(same_only))
