"""Writes match_eval.jsonl, the partner-matching evaluation set of bench/fusion.py, from the hand-written
match_eval_source.txt next to it (format and provenance: MATCH_EVAL.md).

Usage: .venv/bin/python bench/data/make_match_eval.py   (deterministic; the written file is committed)

The source is line-based: ``C`` starts a candidate, ``Q`` a query, and the lines after it add texts
(``s`` statement, ``k`` keywords, ``t`` title, ``d`` description, ``p YEAR title | abstract``) or, for a
query, its description (``d``) and judgements (``r key=grade ...``). Queries are split 60/40 into dev and
test, stratified by language, by whether they carry field codes and by whether they have a description.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "match_eval_source.txt"
OUT = HERE / "match_eval.jsonl"
TEXT_KINDS = {"s": "statement", "k": "keywords", "t": "title", "d": "description", "p": "publication"}
SPLIT_PATTERN = ("dev", "test", "dev", "test", "dev")  # 3 of every 5 queries of a stratum go to dev


def parse(text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    candidates: list[dict[str, Any]] = []
    queries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tag, _, rest = line.partition(" ")
        try:
            if tag == "C":
                head, _, name = rest.partition(" | ")
                key, kind, lang, country, fields, *group = head.split()
                current = {
                    "type": "candidate",
                    "key": key,
                    "kind": kind,
                    "name": name.strip(),
                    "language": lang,
                    "country": country,
                    "fields": [] if fields == "-" else fields.split(","),
                    "group": group[0] if group else "",
                    "texts": [],
                }
                candidates.append(current)
            elif tag == "Q":
                head, _, title = rest.partition(" | ")
                key, lang, fields = head.split()
                current = {
                    "type": "query",
                    "key": key,
                    "language": lang,
                    "title": title.strip(),
                    "description": "",
                    "fields": [] if fields == "-" else fields.split(","),
                    "relevant": {},
                }
                queries.append(current)
            elif current is None:
                raise ValueError("text before any record")
            elif current["type"] == "query" and tag == "d":
                current["description"] = rest.strip()
            elif current["type"] == "query" and tag == "r":
                for item in rest.split():
                    k, _, grade = item.partition("=")
                    current["relevant"][k] = int(grade)
            elif current["type"] == "candidate" and tag == "p":
                year, _, body = rest.partition(" ")
                title, _, abstract = body.partition(" | ")
                current["texts"].append(
                    {"kind": "publication", "title": title.strip(), "abstract": abstract.strip(), "year": int(year)}
                )
            elif current["type"] == "candidate" and tag in TEXT_KINDS:
                current["texts"].append({"kind": TEXT_KINDS[tag], "text": rest.strip()})
            else:
                raise ValueError(f"unknown line tag {tag!r}")
        except ValueError as error:
            raise SystemExit(f"{SOURCE.name}:{number}: {error}: {raw}") from error
    return candidates, queries


def assign_splits(queries: list[dict[str, Any]]) -> None:
    strata: dict[tuple[str, bool, bool], list[dict[str, Any]]] = defaultdict(list)
    for q in queries:
        strata[(q["language"], bool(q["fields"]), bool(q["description"]))].append(q)
    for members in strata.values():
        for i, q in enumerate(members):
            q["split"] = SPLIT_PATTERN[i % len(SPLIT_PATTERN)]


def check(candidates: list[dict[str, Any]], queries: list[dict[str, Any]]) -> None:
    keys = [r["key"] for r in candidates + queries]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise SystemExit(f"repeated keys: {repeated}")
    known = {c["key"] for c in candidates}
    for q in queries:
        missing = sorted(set(q["relevant"]) - known)
        if missing or 2 not in q["relevant"].values():
            raise SystemExit(f"{q['key']}: unknown {missing} or no grade-2 candidate")
    for c in candidates:
        if not c["texts"]:
            raise SystemExit(f"{c['key']}: no texts")


def main() -> None:
    candidates, queries = parse(SOURCE.read_text(encoding="utf-8"))
    check(candidates, queries)
    assign_splits(queries)
    with OUT.open("w", encoding="utf-8") as out:
        for record in candidates + queries:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    langs = defaultdict(int)
    for q in queries:
        langs[(q["language"], q["split"])] += 1
    print(f"{len(candidates)} candidates, {len(queries)} queries {dict(langs)} -> {OUT}")


if __name__ == "__main__":
    main()
