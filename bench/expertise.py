"""The expertise model on the reviewer–paper expertise gold standard (Stelmakh et al., TMLR 2025).

Usage (from the repository root):
    .venv/bin/python bench/expertise.py --data ../shared/data/expertise-goldstandard
        [--samples 1..10] [--out DIR] [--variants] [--bootstrap 1000]

For every profile sample d_20_k it scores every (researcher, submission) pair with a TF-IDF baseline
(TPMS-like: cosine of TF-IDF vectors, best profile paper) and with the engine
(``seoro.matching.engine.Engine``, exactly as ``seoro match`` builds it), writes PRED_d_20_k.json files per method, runs the folder's own
evaluate.py on each set of files and prints the losses (lower is better, 0.5 = constant scores),
the ratio engine / baseline and the time taken. ``--variants`` adds the ablation table.

The data is read in place and never copied: titles and abstracts are third-party text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.engine import Engine, Tools
from seoro.matching.expertise import DEFAULT_PARAMS, ExpertiseParams, Pooling, publication_doc
from seoro.matching.glossary import Glossary
from seoro.matching.model import Candidate, Doc, Query, Weights
from seoro.matching.semantic import UniversalSentenceEncoder, Vectors
from seoro.matching.tokenize import Tokenizer

REPO = Path(__file__).resolve().parent.parent
Predictions = dict[str, dict[str, float]]
Predictor = Callable[["Sample"], Predictions]
console = Console(width=None if sys.stdout.isatty() else 120)  # piped output: wide enough for the table


@dataclass(frozen=True)
class Paper:
    title: str
    abstract: str
    year: int | None


@dataclass(frozen=True)
class Sample:
    name: str
    profiles: dict[str, list[str]]  # researcher → paper ids, in file order
    submissions: list[str]


@dataclass(frozen=True)
class Benchmark:
    root: Path
    papers: dict[str, Paper]
    samples: list[Sample]

    @property
    def today_year(self) -> int:
        """The survey's year: the newest publication year in the folder (recency is measured from it)."""
        return max(p.year for p in self.papers.values() if p.year is not None)


def load(root: Path, numbers: list[int]) -> Benchmark:
    papers: dict[str, Paper] = {}
    samples = []
    for k in numbers:
        folder = root / f"d_20_{k}"
        profiles = {}
        for path in sorted((folder / "archives").glob("~*.jsonl")):
            records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            profiles[path.stem.lstrip("~")] = [_remember(papers, r) for r in records]
        submissions = json.loads((folder / "submissions.json").read_text(encoding="utf-8"))
        samples.append(Sample(folder.name, profiles, [_remember(papers, r) for r in submissions.values()]))
    return Benchmark(root, papers, samples)


def _remember(papers: dict[str, Paper], record: dict[str, Any]) -> str:
    content = record["content"]
    year = content.get("year")
    papers[str(record["id"])] = Paper(
        content.get("title") or "", content.get("abstract") or "", int(year) if year else None
    )
    return str(record["id"])


@dataclass(frozen=True)
class Variant:
    name: str
    params: ExpertiseParams = DEFAULT_PARAMS
    weights: Weights | None = None  # None: the engine's fitted defaults


ENGINE = Variant("engine (default)")
P = DEFAULT_PARAMS
VARIANTS = [
    ENGINE,
    Variant("dense only", weights=Weights(dense=1.0, lexical=0.0, fields=0.0)),
    Variant("lexical only", weights=Weights(dense=0.0, lexical=1.0, fields=0.0)),
    Variant("pooling: max", params=replace(P, pooling=Pooling.MAX)),
    Variant("pooling: top-3 mean", params=replace(P, pooling=Pooling.TOP_K, top_k=3)),
    Variant("pooling: mean", params=replace(P, pooling=Pooling.MEAN)),
    Variant("pooling: softmax T=0.5", params=replace(P, temperature=0.5)),
    Variant("pooling: softmax T=2", params=replace(P, temperature=2.0)),
    Variant("recency: none", params=replace(P, half_life_years=None)),
    Variant("recency: half-life 3 years", params=replace(P, half_life_years=3.0)),
]


class RememberingEmbedder:
    """The packaged encoder, each text encoded once for the whole run (samples share papers)."""

    def __init__(self) -> None:
        self.model = UniversalSentenceEncoder()
        self.name, self.dimension = self.model.name, self.model.dimension
        self.known: dict[str, Vectors] = {}
        self.seconds = 0.0

    def encode(self, texts: Sequence[str]) -> Vectors:
        new = [t for t in dict.fromkeys(texts) if t not in self.known]
        if new:
            start = time.perf_counter()
            self.known.update(zip(new, self.model.encode(new), strict=True))
            self.seconds += time.perf_counter() - start
        return np.vstack([self.known[t] for t in texts]) if texts else self.model.encode([])


class Encodings:
    """The engine's shared tools, and the tokens the baseline uses."""

    def __init__(self, bench: Benchmark) -> None:
        self.bench = bench
        self.ids = sorted(bench.papers)
        self.index = {pid: i for i, pid in enumerate(self.ids)}
        self.embedder = RememberingEmbedder()
        self.tokenizer = Tokenizer()
        taxonomy = Taxonomy.of(national_fields())
        self.tools = Tools(self.embedder, self.tokenizer, Glossary.build(taxonomy), taxonomy)
        self._tokens: list[list[str]] | None = None

    @property
    def seconds(self) -> float:
        return self.embedder.seconds

    def text(self, pid: str) -> str:
        paper = self.bench.papers[pid]
        return publication_doc(paper.title, paper.abstract, paper.year).text

    def tokens(self) -> list[list[str]]:
        if self._tokens is None:
            self._tokens = self.tokenizer.many([self.text(pid) for pid in self.ids])
        return self._tokens

    def warm_up(self) -> None:
        """Encode every paper's passages before timing the methods (the engine asks for them again)."""
        with console.status(f"encoding {len(self.ids)} papers"):
            Engine([self.researcher("all", self.ids)], self.tools, today_year=self.bench.today_year)

    def researcher(self, name: str, papers: Sequence[str]) -> Candidate:
        docs = tuple(Doc(self.text(p), "publication", self.bench.papers[p].year) for p in papers)
        return Candidate(name, "expert", name, docs)


def engine_predictions(enc: Encodings, sample: Sample, variant: Variant) -> Predictions:
    """The product's engine, as ``seoro match`` builds it: researchers are candidates with their papers
    as documents, each submission a query."""
    researchers = sorted(sample.profiles)
    candidates = [enc.researcher(r, sample.profiles[r]) for r in researchers]
    weights = variant.weights or Weights()
    engine = Engine(candidates, enc.tools, weights, params=variant.params, today_year=enc.bench.today_year)
    scores = engine.score_matrix([Query(enc.text(p)) for p in sample.submissions]).T
    return {
        r: dict(zip(sample.submissions, map(float, row), strict=True))
        for r, row in zip(researchers, scores, strict=True)
    }


def tfidf_predictions(enc: Encodings, sample: Sample, pooling: str = "max") -> Predictions:
    """The baseline, written independently of the engine: scikit-learn's default TF-IDF (raw counts,
    smooth idf = ln((1+n)/(1+df)) + 1, L2 rows) fitted on the sample's profiles and submissions,
    cosine with each profile paper, best (or mean) over the researcher's papers."""
    tokens = enc.tokens()
    ids = sorted({p for ps in sample.profiles.values() for p in ps} | set(sample.submissions))
    counts = [Counter(tokens[enc.index[p]]) for p in ids]
    vocab = {t: j for j, t in enumerate(sorted(set().union(*counts)))}
    tf = np.zeros((len(ids), len(vocab)))
    for i, c in enumerate(counts):
        tf[i, [vocab[t] for t in c]] = list(c.values())
    idf = np.log((1 + len(ids)) / (1 + (tf > 0).sum(axis=0))) + 1
    x = tf * idf
    x /= np.where(np.linalg.norm(x, axis=1, keepdims=True) > 0, np.linalg.norm(x, axis=1, keepdims=True), 1)
    row = {p: i for i, p in enumerate(ids)}
    all_sims = x @ x[[row[p] for p in sample.submissions]].T  # every paper × every submission, once
    out: Predictions = {}
    for r, papers in sample.profiles.items():
        sims = all_sims[[row[p] for p in papers]]
        pooled = sims.max(axis=0) if pooling == "max" else sims.mean(axis=0)
        out[r] = dict(zip(sample.submissions, map(float, pooled), strict=True))
    return out


def evaluate(root: Path, files: list[Path], bootstrap: int) -> dict[str, Any]:
    """The folder's own evaluate.py, run as a separate process (never copied into this repository)."""
    command = [
        sys.executable,
        str(root / "evaluate.py"),
        *map(str, files),
        "--data",
        str(root / "evaluations.csv"),
        "--json",
    ]
    if bootstrap:
        command += ["--bootstrap", str(bootstrap)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    mean: dict[str, Any] = json.loads(done.stdout)["mean"]
    return mean


@dataclass
class Result:
    name: str
    metrics: dict[str, Any]
    seconds: float

    @property
    def loss(self) -> float:
        return float(self.metrics["loss"])

    def ci(self) -> str:
        ci = self.metrics.get("ci95")
        return f"[{ci['loss'][0]:.3f}, {ci['loss'][1]:.3f}]" if isinstance(ci, dict) else ""


def run_method(name: str, out: Path, bench: Benchmark, predict: Predictor, bootstrap: int) -> Result:
    """``predict(sample) -> Predictions`` for every sample, one file each, then the evaluator on all."""
    start = time.perf_counter()
    folder = out / name.replace(" ", "_").replace("/", "_").replace(":", "")
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for sample in bench.samples:
        path = folder / f"PRED_{sample.name}.json"
        path.write_text(json.dumps(predict(sample)), encoding="utf-8")
        files.append(path)
    seconds = time.perf_counter() - start
    return Result(name, evaluate(bench.root, files, bootstrap), seconds)


def report(results: list[Result], baseline: Result, enc: Encodings, bench: Benchmark, total: float) -> None:
    table = Table(title=f"Expertise benchmark: {bench.root.name}, {len(bench.samples)} sample(s), lower is better")
    for column in ("method", "loss", "95% CI", "easy acc", "hard acc", "× baseline", "scoring s"):
        table.add_column(column, justify="left" if column == "method" else "right")
    for r in results:
        m = r.metrics
        table.add_row(
            r.name,
            f"{r.loss:.4f}",
            r.ci(),
            f"{m['easy_accuracy']:.3f}",
            f"{m['hard_accuracy']:.3f}",
            f"{r.loss / baseline.loss:.3f}",
            f"{r.seconds:.1f}",
        )
    console.print(table)
    console.print(
        f"Encoding (USE, all {len(enc.ids)} papers' passages, once): {enc.seconds:.1f} s; total {total:.1f} s"
    )
    print("\n| method | loss | × baseline |\n| --- | --- | --- |")
    for r in results:
        print(f"| {r.name} | {r.loss:.4f} | {r.loss / baseline.loss:.3f} |")


def parse_samples(text: str) -> list[int]:
    if ".." in text:
        first, last = text.split("..")
        return list(range(int(first), int(last) + 1))
    return [int(k) for k in text.split(",")]


def resolve(data: str) -> Path:
    """A relative --data is taken from the current directory, else from the repository root."""
    path = Path(data)
    for candidate in (path, REPO / path):
        if (candidate / "evaluate.py").is_file():
            return candidate.resolve()
    raise SystemExit(f"{data}: no evaluate.py there (looked in {path.resolve()} and {(REPO / path).resolve()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="benchmark folder (evaluate.py, evaluations.csv, d_20_k/)")
    parser.add_argument("--samples", default="1..10", help="which d_20_k samples: 1..10 (default), 3, or 1,2,5")
    parser.add_argument("--out", help="where predictions go (default: a new temporary folder)")
    parser.add_argument("--variants", action="store_true", help="also run the ablation variants")
    parser.add_argument("--bootstrap", type=int, default=0, help="bootstrap draws for a 95%% CI (paper: 1000)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    bench = load(resolve(args.data), parse_samples(args.samples))
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="seoro-expertise-"))
    enc = Encodings(bench)

    def engine(variant: Variant) -> Predictor:
        return lambda sample: engine_predictions(enc, sample, variant)

    variants = VARIANTS if args.variants else [ENGINE]
    enc.warm_up()  # encode first, so scoring times are pure
    enc.tokens()
    results = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("methods", total=len(variants) + 1)
        baseline = run_method("TF-IDF baseline (max)", out, bench, lambda s: tfidf_predictions(enc, s), args.bootstrap)
        results.append(baseline)
        progress.advance(task)
        if args.variants:
            results.append(
                run_method("TF-IDF baseline (mean)", out, bench, lambda s: tfidf_predictions(enc, s, "mean"), 0)
            )
        for variant in variants:
            progress.update(task, description=variant.name)
            boot = args.bootstrap if variant is ENGINE else 0
            results.append(run_method(variant.name, out, bench, engine(variant), boot))
            progress.advance(task)
    report(results, baseline, enc, bench, time.perf_counter() - start)
    console.print(f"Predictions: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
