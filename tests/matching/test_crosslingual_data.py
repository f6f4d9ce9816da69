"""The committed KO–EN files of bench/crosslingual.py (dev and held-out): well formed and one-to-one."""

import json
from collections import Counter
from pathlib import Path

import pytest

from seoro.domain.text import has_hangul

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
FIELDS = {"id", "ko", "en", "kind", "source"}


def read(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module", params=["ko_en_terms.jsonl", "ko_en_heldout.jsonl"])
def rows(request: pytest.FixtureRequest) -> list[dict[str, str]]:
    return read(request.param)


def test_fields_and_values(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 150
    for row in rows:
        assert set(row) == FIELDS, row
        assert all(isinstance(v, str) and v.strip() == v and v for v in row.values()), row
        assert row["kind"] in {"term", "org", "person"}, row
        assert row["source"] in {"taxonomy", "public", "synthetic"}, row
        assert has_hangul(row["ko"]), row
        assert row["en"].isascii() or any(c.isalpha() for c in row["en"]), row


def test_one_to_one(rows: list[dict[str, str]]) -> None:
    for field in ("id", "ko"):
        repeated = [v for v, n in Counter(r[field] for r in rows).items() if n > 1]
        assert not repeated, (field, repeated)
    repeated_en = [v for v, n in Counter(r["en"].casefold() for r in rows).items() if n > 1]
    assert not repeated_en


def test_every_kind_is_there(rows: list[dict[str, str]]) -> None:
    kinds = Counter(r["kind"] for r in rows)
    assert kinds["term"] >= 40 and kinds["org"] >= 50 and kinds["person"] >= 50
    assert all(r["source"] == "synthetic" for r in rows if r["kind"] == "person")  # no real people


def test_dev_file_is_a_few_hundred_pairs() -> None:
    assert len(read("ko_en_terms.jsonl")) >= 400


def test_held_out_pairs_are_new() -> None:
    dev, held_out = read("ko_en_terms.jsonl"), read("ko_en_heldout.jsonl")
    assert not {r["ko"] for r in dev} & {r["ko"] for r in held_out}
    assert not {r["en"].casefold() for r in dev} & {r["en"].casefold() for r in held_out}


def test_no_latin_in_person_names_ko_side(rows: list[dict[str, str]]) -> None:
    assert all(not any("a" <= c.lower() <= "z" for c in r["ko"]) for r in rows if r["kind"] == "person")
