"""Field classification accuracy on a labelled Korean/English set, against a lexical baseline.

Usage:
    .venv/bin/python bench/classify.py [--data bench/data/fields_labelled.jsonl] [--fit] [--markdown]

Every text of the file (``id, lang, text, fields, split``; see bench/data/FIELDS.md) is classified
over the 12 national strategic technologies and their 50 sub-fields, by:

- the **baseline**, computed in the same run: glossary matching of the taxonomy's own Korean and
  English labels and synonyms (a field scores the number of its terms found in the text; a strategic
  technology's term counts for each of its sub-fields; no term found, no answer);
- the **zero-shot** classifier (prototypes and terms only, no labelled records; language centring
  fitted on the file's own texts, without their labels);
- the **service** classifier, exactly as ``seoro classify`` builds it over the demo directory (its
  labelled records are the neighbours, its texts fit the centring); the file's texts are never examples.

It prints top-1 and top-3 accuracy at sub-field level (texts labelled with a sub-field) and at
strategic-technology level (all texts), per language and overall, for the dev and test splits, the
ratio classifier / baseline, calibration on test (expected calibration error of the top suggestion,
and how often suggestions at or above the threshold are right: the field or a field it contains),
and time per text. ``--fit`` searches the weights and temperature on dev only and prints them (the
defaults in ``seoro.matching.classify.Params`` come from it); test is never used for choosing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.classify import Classification, Classifier, Document, Params
from seoro.matching.glossary import Glossary
from seoro.matching.semantic import Centring, UniversalSentenceEncoder
from seoro.services.classify import classifier_for
from seoro.services.database import Database
from seoro.services.demo import load_demo
from seoro.services.setup import init_database

ROOT = Path(__file__).resolve().parent.parent
console = Console(width=None if Console().is_terminal else 200)


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    text: str
    fields: tuple[str, ...]
    split: str

    def tops(self) -> set[str]:
        return {f.split(".")[0] for f in self.fields}

    @property
    def has_leaf(self) -> bool:
        return any("." in f for f in self.fields)


@dataclass(frozen=True)
class Ranked:
    leaves: list[str]
    tops: list[str]
    confidence: float  # of the top suggestion (nan for the baseline)
    suggestion: str = ""  # the top suggestion after lifting to a confident parent


def load(path: Path) -> list[Item]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Item(r["id"], r["lang"], r["text"], tuple(r["fields"]), r["split"]) for r in rows]


def baseline(items: list[Item], glossary: Glossary, classifier: Classifier) -> list[Ranked]:
    out = []
    for item in items:
        counts = dict.fromkeys(classifier.leaves, 0.0)
        for hit in glossary.find(item.text):
            for leaf in classifier.leaves:
                if hit.field and (leaf == hit.field or hit.field in classifier.ancestors[leaf]):
                    counts[leaf] += 1
        leaves = [c for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n > 0]
        tops = list(dict.fromkeys(c.split(".")[0] for c in leaves))
        out.append(Ranked(leaves, tops, float("nan")))
    return out


def ranked(results: list[Classification], threshold: float) -> list[Ranked]:
    out = []
    for r in results:
        tops = [s.code for s in r.parents if "." not in s.code]
        best = r.suggest(1, threshold)[0]
        out.append(Ranked([s.code for s in r.leaves], tops, r.leaves[0].confidence, best.code))
    return out


def accuracy(items: list[Item], preds: list[Ranked], k: int, level: str) -> float:
    hits = []
    for item, p in zip(items, preds, strict=True):
        if level == "leaf":
            if item.has_leaf:
                hits.append(bool(set(p.leaves[:k]) & set(item.fields)))
        else:
            hits.append(bool(set(p.tops[:k]) & item.tops()))
    return float(np.mean(hits)) if hits else float("nan")


def ece(confidences: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        inside = (confidences > lo) & (confidences <= hi)
        if inside.any():
            total += inside.mean() * abs(confidences[inside].mean() - correct[inside].mean())
    return total


def documents(items: list[Item], vectors: np.ndarray) -> list[Document]:
    return [Document((it.text,), vectors[i : i + 1]) for i, it in enumerate(items)]


def fit(classifier: Classifier, items: list[Item], vectors: np.ndarray) -> Params:
    """Weights by dev top-1 (sub-field, then strategic), then the temperature by dev log-likelihood."""
    docs = documents(items, vectors)
    gold = [[classifier.leaves.index(f) for f in it.fields if f in classifier.leaves] for it in items if it.has_leaf]
    leafy = [i for i, it in enumerate(items) if it.has_leaf]
    best: tuple[float, Params] | None = None
    for share in (0.0, 0.15, 0.3, 0.5):
        tuned = classifier.tuned(replace(classifier.params, parent_share=share))
        proto, neigh, terms = (m[leafy] for m in tuned.logits_parts(docs))
        for wn, wt in itertools.product((0.0, 2.0, 5.0, 10.0, 20.0), (0.0, 0.5, 1.0, 1.5, 2.5)):
            logits = proto + wn * neigh + wt * terms
            top1 = np.mean([int(np.argmax(row)) in g for row, g in zip(logits, gold, strict=True)])
            if best is None or top1 > best[0] + 1e-9:
                best = (float(top1), replace(classifier.params, parent_share=share, neighbours=wn, terms=wt))
    assert best is not None
    params = best[1]
    proto, neigh, terms = (m[leafy] for m in classifier.tuned(params).logits_parts(docs))
    logits = proto + params.neighbours * neigh + params.terms * terms
    nll = {}
    for temperature in np.round(np.arange(0.1, 3.01, 0.05), 2):
        z = logits / temperature
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll[float(temperature)] = -np.mean([np.logaddexp.reduce(row[g]) for row, g in zip(log_p, gold, strict=True)])
    params = replace(params, temperature=min(nll, key=lambda t: nll[t]))
    console.print(f"fitted on dev: dev sub-field top-1 {best[0]:.3f} with {params}")
    return params


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "fields_labelled.jsonl")
    parser.add_argument("--fit", action="store_true", help="fit weights and temperature on dev and use them")
    parser.add_argument("--markdown", action="store_true", help="print tables as Markdown (for RESULTS.md)")
    args = parser.parse_args()
    items = load(args.data)
    taxonomy = Taxonomy.of(national_fields())
    glossary = Glossary.build(taxonomy)
    embedder = UniversalSentenceEncoder()
    started = time.perf_counter()
    vectors = embedder.encode([it.text for it in items])
    encode_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{folder}/bench.db")
        init_database(db, actor="bench")
        load_demo(db, actor="bench")
        service = classifier_for(db, actor="bench")
        db.close()
    # The bench's taxonomy is the national one: the demo's custom fields are left out of the ranking.
    service = Classifier(taxonomy, glossary, embedder, examples=service.examples, centring=service.centring)
    zero_shot = Classifier(taxonomy, glossary, embedder, centring=Centring.fit(vectors, [it.lang for it in items]))
    dev = [i for i, it in enumerate(items) if it.split == "dev"]
    if args.fit:
        service = service.tuned(fit(service, [items[i] for i in dev], vectors[dev]))
        zero_shot = zero_shot.tuned(replace(service.params, neighbours=0.0))

    threshold = service.params.threshold
    timed: dict[str, float] = {}
    preds: dict[str, list[Ranked]] = {}
    for name, run in (
        ("baseline", lambda: baseline(items, glossary, service)),
        ("zero-shot", lambda: ranked(zero_shot.classify(documents(items, vectors)), threshold)),
        ("service", lambda: ranked(service.classify(documents(items, vectors)), threshold)),
    ):
        t0 = time.perf_counter()
        preds[name] = run()
        timed[name] = (time.perf_counter() - t0) / len(items)
    console.print(
        f"[bold]{args.data.name}[/]: {len(items)} texts ({sum(it.split == 'dev' for it in items)} dev, "
        f"{sum(it.split == 'test' for it in items)} test; {sum(it.lang == 'ko' for it in items)} ko, "
        f"{sum(it.lang == 'en' for it in items)} en); service neighbours: {len(service.examples)} demo records; "
        f"params {service.params}"
    )
    report(items, preds, args.markdown)
    calibration(items, preds, threshold, args.markdown)
    console.print(
        "time per text: encode (USE) "
        f"{encode_seconds / len(items) * 1000:.1f} ms; then baseline {timed['baseline'] * 1000:.2f} ms, "
        f"zero-shot {timed['zero-shot'] * 1000:.2f} ms, service {timed['service'] * 1000:.2f} ms "
        f"(ratio service/baseline {timed['service'] / timed['baseline']:.1f})"
    )


def _table(title: str, headers: list[str], rows: list[list[str]], markdown: bool) -> None:
    if markdown:
        console.print(f"\n{title}\n\n| " + " | ".join(headers) + " |\n|" + " --- |" * len(headers))
        for row in rows:
            console.print("| " + " | ".join(row) + " |", highlight=False)
        return
    table = Table(title=title, title_justify="left")
    for h in headers:
        table.add_column(h)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def report(items: list[Item], preds: dict[str, list[Ranked]], markdown: bool) -> None:
    for split in ("dev", "test"):
        rows = []
        for level, k in (("leaf", 1), ("leaf", 3), ("strategic", 1), ("strategic", 3)):
            for lang in ("ko", "en", "all"):
                idx = [i for i, it in enumerate(items) if it.split == split and lang in (it.lang, "all")]
                sub = [items[i] for i in idx]
                acc = {n: accuracy(sub, [p[i] for i in idx], k, level) for n, p in preds.items()}
                n = sum(it.has_leaf for it in sub) if level == "leaf" else len(sub)
                rows.append(
                    [
                        f"{'sub-field' if level == 'leaf' else 'strategic'} top-{k}",
                        lang,
                        str(n),
                        f"{acc['baseline']:.3f}",
                        f"{acc['zero-shot']:.3f}",
                        f"{acc['service']:.3f}",
                        f"{acc['service'] / acc['baseline']:.2f}" if acc["baseline"] else "inf",
                    ]
                )
        headers = ["measure", "lang", "texts", "baseline", "zero-shot", "service", "service / baseline"]
        _table(f"{split} split", headers, rows, markdown)


def calibration(items: list[Item], preds: dict[str, list[Ranked]], threshold: float, markdown: bool) -> None:
    rows = []
    test = [i for i, it in enumerate(items) if it.split == "test" and it.has_leaf]
    for name in ("zero-shot", "service"):
        conf = np.array([preds[name][i].confidence for i in test])
        right = np.array([preds[name][i].leaves[0] in items[i].fields for i in test], dtype=float)
        allowed = [{f for g in items[i].fields for f in (g, *(g.split(".")[:1] if "." in g else []))} for i in test]
        chosen = [preds[name][i].suggestion for i in test]
        above = [j for j, i in enumerate(test) if _confidence_of(preds[name][i], conf[j]) >= threshold]
        precision = np.mean([chosen[j] in allowed[j] for j in above]) if above else float("nan")
        rows.append(
            [
                name,
                f"{ece(conf, right):.3f}",
                f"{conf.mean():.3f}",
                f"{right.mean():.3f}",
                f"{len(above) / len(test):.3f}",
                f"{precision:.3f}",
            ]
        )
    headers = [
        "classifier (test, sub-field texts)",
        "ECE of top-1",
        "mean top-1 confidence",
        "top-1 accuracy",
        f"share with a suggestion ≥ {threshold}",
        "right (field or its parent) when ≥ threshold",
    ]
    _table("calibration", headers, rows, markdown)


def _confidence_of(p: Ranked, leaf_confidence: float) -> float:
    """The confidence of the top suggestion: the leaf's, or its parent's when it was lifted (≥ threshold)."""
    return leaf_confidence if p.suggestion == p.leaves[0] else 1.0


if __name__ == "__main__":
    main()
