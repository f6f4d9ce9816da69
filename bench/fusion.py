"""Fusion weights chosen by evaluation: fit the engine's channel weights on the dev queries of the
partner-matching set, check them by cross-validation, and compare them with baselines on the test queries.

Usage:
    .venv/bin/python bench/fusion.py [--data bench/data/match_eval.jsonl] [--folds 5] [--step 0.05]
                                     [--bootstrap 1000] [--markdown] [--profile all|none|CHANNEL,...]

One run builds the engine (``seoro.matching.engine.Engine``) over the set's candidates and asks it once
for every channel's unweighted query × candidate scores (``Engine.channel_scores``); everything after
that is cheap arithmetic, ``total = Σ w_c · channel_c``. The channels are whatever fields
``seoro.matching.model.Weights`` has at run time, so a channel added to the engine is fitted without
changing this file.

Fitting: every point of a simplex grid (``--step``, weights ≥ 0 summing to 1; the scale of a weight set
does not change a ranking, so the simplex loses nothing) is scored by mean nDCG@10 on the dev queries;
the best point (ties broken by the mean over its grid neighbours, which prefers the middle of a plateau)
is then refined by moving weight between pairs of channels in steps of 0.02, 0.01 and 0.005 while the
dev nDCG@10 rises. k-fold cross-validation on dev repeats the fit on each k-1 folds and scores the
held-out fold. The test split is touched once, for the final table.

Breakdowns: by query group and by *language pair* — a query is "same" when all its grade-2 candidates
are written in its language, "cross" when none is, "mixed" otherwise (also shown per pair, e.g.
"ko → en+ko"), for the cross-validated dev scores and for every method on test. Profiles (``--profile``,
default every channel): one channel held at a series of weights (weights sum to 1) while the others are
refitted on dev, with dev and test nDCG@10 and test by language class, to show how well the data pin
each weight down.

Metrics (per query, then averaged): nDCG@10 with gains 2^grade - 1 (grade 2 "exactly what is needed",
grade 1 "useful") and the ideal ranking of all judged candidates; MRR, top-1 and top-3 of the first
grade-2 candidate; recall@10 of all judged candidates. Candidates with equal scores are ordered by a
fixed random permutation (the fields channel alone ties a lot).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import itertools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rich import box
from rich.console import Console
from rich.table import Table

from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "bench" / "data" / "match_eval.jsonl"
TODAY_YEAR = 2026  # recency is computed against a fixed year so that reruns agree
console = Console(width=None if Console().is_terminal else 200)
Array = npt.NDArray[np.float64]
METRICS = ("nDCG@10", "MRR", "top-1", "top-3", "recall@10")


@dataclass(frozen=True)
class EvalQuery:
    key: str
    language: str
    title: str
    description: str
    fields: tuple[str, ...]
    relevant: dict[str, int]
    split: str

    @property
    def text(self) -> str:
        return f"{self.title} {self.description}".strip()

    @property
    def short(self) -> bool:
        return not self.description


def read(path: Path) -> tuple[list[dict[str, Any]], list[EvalQuery]]:
    candidates, queries = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["type"] == "candidate":
            candidates.append(record)
        else:
            queries.append(
                EvalQuery(
                    record["key"],
                    record["language"],
                    record["title"],
                    record["description"],
                    tuple(record["fields"]),
                    record["relevant"],
                    record["split"],
                )
            )
    return candidates, queries


def language_pair(q: EvalQuery, language_of: dict[str, str]) -> tuple[str, str]:
    """(class, pair) of a query by the languages of its grade-2 candidates: class "same" when all are
    written in the query's language, "cross" when none is, else "mixed"; pair e.g. "ko → en+ko"."""
    answers = sorted({language_of[k] for k, g in q.relevant.items() if g == 2})
    kind = "same" if answers == [q.language] else "cross" if q.language not in answers else "mixed"
    return kind, f"{q.language} → {'+'.join(answers)}"


PAIR_CLASSES = {
    "same": "grade-2 answers all in the query's language",
    "cross": "grade-2 answers all in the other language",
    "mixed": "grade-2 answers in both languages",
}


def import_with_retry(name: str, attempts: int = 6, wait: float = 60.0) -> Any:
    """The engine is being edited while this bench is used: a broken import is retried a minute later."""
    for attempt in range(1, attempts + 1):
        try:
            return importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - any error of a half-edited module
            if attempt == attempts:
                raise
            console.print(f"[yellow]import {name} failed ({error!r}); retrying in {wait:.0f} s[/]")
            time.sleep(wait)
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------- engine


def channel_matrices(candidates: list[dict[str, Any]], queries: Sequence[EvalQuery]) -> tuple[list[str], Array, Any]:
    """(channel names, scores[channel, query, candidate], the Weights class) from one engine build."""
    engine_module = import_with_retry("seoro.matching.engine")
    model = import_with_retry("seoro.matching.model")
    glossary = import_with_retry("seoro.matching.glossary")
    semantic = import_with_retry("seoro.matching.semantic")
    tokenize = import_with_retry("seoro.matching.tokenize")
    taxonomy = Taxonomy.of(national_fields())
    tools = engine_module.Tools(
        semantic.UniversalSentenceEncoder(), tokenize.Tokenizer(), glossary.Glossary.build(taxonomy), taxonomy
    )

    def doc(text: dict[str, Any]) -> Any:
        if text["kind"] == "publication":
            return model.Doc(f"{text['title']}. {text['abstract']}".strip(), "publication", text["year"])
        return model.Doc(text["text"], text["kind"])

    engine_candidates = [
        model.Candidate(
            key=c["key"],
            kind=c["kind"],
            name=c["name"],
            docs=tuple(doc(t) for t in c["texts"]),
            fields=tuple(c["fields"]),
            country=c["country"],
            languages=(c["language"],),
            group=c["group"],
        )
        for c in candidates
    ]
    engine = engine_module.Engine(engine_candidates, tools, today_year=TODAY_YEAR)
    scores = engine.channel_scores([model.Query(q.text, q.fields) for q in queries])
    names = [f.name for f in dataclasses.fields(model.Weights)]
    missing = [n for n in names if n not in scores]
    if missing:
        raise SystemExit(f"Engine.channel_scores has no {missing} (it returned {sorted(scores)})")
    return names, np.stack([np.asarray(scores[n], dtype=np.float64) for n in names]), model.Weights


# --------------------------------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class Judged:
    """Judgements as matrices aligned with the channel scores: grades[query, candidate] in {0, 1, 2}."""

    grades: npt.NDArray[np.int64]
    ideal_dcg: Array  # per query, at 10
    tie_break: Array  # a fixed tiny jitter per candidate

    @classmethod
    def of(cls, queries: Sequence[EvalQuery], keys: Sequence[str]) -> Judged:
        index = {k: i for i, k in enumerate(keys)}
        grades = np.zeros((len(queries), len(keys)), dtype=np.int64)
        for qi, q in enumerate(queries):
            for key, grade in q.relevant.items():
                grades[qi, index[key]] = grade
        gains = np.sort(2.0**grades - 1, axis=1)[:, ::-1][:, :10]
        ideal = (gains / np.log2(np.arange(2, 12))).sum(axis=1)
        jitter = np.random.default_rng(0).permutation(len(keys)) / (len(keys) * 1e9)
        return cls(grades, ideal, jitter)


def per_query(total: Array, judged: Judged, rows: npt.NDArray[np.int64]) -> dict[str, Array]:
    """Every metric for each of ``rows`` (query indices) given fused scores total[rows.size, candidates]."""
    order = np.argsort(-(total + judged.tie_break), axis=1, kind="stable")
    grades = np.take_along_axis(judged.grades[rows], order, axis=1)
    top10 = grades[:, :10]
    dcg = ((2.0**top10 - 1) / np.log2(np.arange(2, 12))).sum(axis=1)
    exact = grades == 2
    first = np.argmax(exact, axis=1)  # every query has a grade-2 candidate
    relevant = (judged.grades[rows] > 0).sum(axis=1)
    return {
        "nDCG@10": dcg / judged.ideal_dcg[rows],
        "MRR": 1.0 / (first + 1),
        "top-1": (first == 0).astype(float),
        "top-3": (first < 3).astype(float),
        "recall@10": (top10 > 0).sum(axis=1) / relevant,
    }


class Evaluator:
    def __init__(self, channels: Array, judged: Judged) -> None:
        self.channels = channels
        self.judged = judged

    def metrics(self, weights: Array, rows: npt.NDArray[np.int64]) -> dict[str, Array]:
        total = np.tensordot(weights, self.channels[:, rows, :], axes=1)
        return per_query(total, self.judged, rows)

    def ndcg(self, weights: Array, rows: npt.NDArray[np.int64]) -> float:
        return float(self.metrics(weights, rows)["nDCG@10"].mean())


# --------------------------------------------------------------------------------------------- fitting


def simplex_grid(channels: int, step: float) -> Array:
    units = round(1 / step)
    points = [
        c + (units - sum(c),) for c in itertools.product(range(units + 1), repeat=channels - 1) if sum(c) <= units
    ]
    return np.array(points, dtype=np.float64) / units


@dataclass(frozen=True)
class Fit:
    weights: Array
    grid_weights: Array
    grid_ndcg: float
    ndcg: float


def fit(
    evaluator: Evaluator,
    rows: npt.NDArray[np.int64],
    step: float,
    active: Sequence[bool] | None = None,
    fixed: tuple[int, float] | None = None,
) -> Fit:
    """Best simplex-grid point by dev nDCG@10, then pairwise local refinement. ``active`` limits the
    channels that may carry weight (the others stay 0); ``fixed`` = (channel index, weight) holds one
    channel at that weight and fits the others on the rest of the simplex."""
    n = evaluator.channels.shape[0]
    mask = np.ones(n, dtype=bool) if active is None else np.asarray(active, dtype=bool)
    if fixed is not None:
        mask[fixed[0]] = False
    sub = simplex_grid(int(mask.sum()), step)
    grid = np.zeros((len(sub), n))
    grid[:, mask] = sub * (1.0 - (fixed[1] if fixed else 0.0))
    if fixed is not None:
        grid[:, fixed[0]] = fixed[1]
    values = np.array([evaluator.ndcg(w, rows) for w in grid])
    # Ties (plateaus are common: many weight sets give the same top 10) go to the point whose grid
    # neighbours (one step moved between two channels) score best on average.
    best_value = values.max()
    tied = np.flatnonzero(values >= best_value - 1e-12)
    if len(tied) > 1:
        distance = np.abs(grid[tied][:, None, :] - grid[None, :, :]).sum(axis=2)
        smooth = [values[(d <= 2 * step + 1e-9)].mean() for d in distance]
        start = int(tied[int(np.argmax(smooth))])
    else:
        start = int(tied[0])
    weights, value = grid[start].copy(), float(values[start])
    active_idx = np.flatnonzero(mask)
    for delta in (0.02, 0.01, 0.005):
        improved = True
        while improved:
            improved = False
            for i, j in itertools.permutations(active_idx, 2):
                if weights[i] < delta - 1e-12:
                    continue
                trial = weights.copy()
                trial[i] -= delta
                trial[j] += delta
                trial_value = evaluator.ndcg(trial, rows)
                if trial_value > value + 1e-9:
                    weights, value, improved = trial, trial_value, True
    return Fit(np.round(weights, 4), grid[start], float(values[start]), value)


def folds(rows: npt.NDArray[np.int64], strata: Sequence[tuple[object, ...]], k: int, seed: int = 0) -> list[Array]:
    """k folds of ``rows``, each stratum dealt round-robin after a seeded shuffle."""
    rng = np.random.default_rng(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    by_stratum: dict[tuple[object, ...], list[int]] = {}
    for r in rows:
        by_stratum.setdefault(strata[int(r)], []).append(int(r))
    position = 0
    for key in sorted(by_stratum, key=str):
        members = by_stratum[key]
        rng.shuffle(members)
        for m in members:
            out[position % k].append(m)
            position += 1
    return [np.array(sorted(f), dtype=np.int64) for f in out]


# ---------------------------------------------------------------------------------------------- output


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]], markdown: bool) -> None:
    t = Table(title=title, box=box.MARKDOWN if markdown else box.SIMPLE_HEAVY, title_justify="left")
    for i, c in enumerate(columns):
        t.add_column(c, justify="left" if i == 0 else "right")
    for r in rows:
        t.add_row(*r)
    console.print(t)


def fmt_weights(names: Sequence[str], w: Array) -> str:
    return ", ".join(f"{n} {v:.3f}".rstrip("0").rstrip(".") for n, v in zip(names, w, strict=True))


def literal(names: Sequence[str], w: Array) -> str:
    return "Weights(" + ", ".join(f"{n}={round(float(v), 3)}" for n, v in zip(names, w, strict=True)) + ")"


def paired_bootstrap(a: Array, b: Array, resamples: int, seed: int = 0) -> tuple[float, float, float]:
    """Mean of a - b and its 95 % interval over query resamples."""
    diff = a - b
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), size=(resamples, len(diff)))].mean(axis=1)
    return float(diff.mean()), float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


# ------------------------------------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--step", type=float, default=0.05)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--markdown", action="store_true", help="print tables as Markdown (for RESULTS.md)")
    parser.add_argument(
        "--profile",
        default="all",
        help="channels to profile (comma-separated Weights fields, 'all' or 'none'): each held at a series "
        "of weights while the others are refitted on dev",
    )
    args = parser.parse_args()
    md = args.markdown
    started = time.perf_counter()

    candidates, queries = read(args.data)
    keys = [c["key"] for c in candidates]
    names, channels, weights_class = channel_matrices(candidates, queries)
    encoded = time.perf_counter()
    judged = Judged.of(queries, keys)
    ev = Evaluator(channels, judged)
    n = len(names)

    dev = np.array([i for i, q in enumerate(queries) if q.split == "dev"], dtype=np.int64)
    test = np.array([i for i, q in enumerate(queries) if q.split == "test"], dtype=np.int64)
    language_of = {c["key"]: c["language"] for c in candidates}
    pairs = [language_pair(q, language_of) for q in queries]
    strata = [(q.language, bool(q.fields), q.short, pair[0]) for q, pair in zip(queries, pairs, strict=True)]
    languages = sorted({c["language"] for c in candidates})
    counts = {lang: sum(c["language"] == lang for c in candidates) for lang in languages}
    console.print(
        f"[bold]{args.data.name}[/]: {len(candidates)} candidates "
        f"({', '.join(f'{counts[lang]} {lang}' for lang in languages)}), "
        f"{len(queries)} queries (dev {len(dev)}, test {len(test)}); channels: {', '.join(names)}"
    )
    pair_counts: dict[str, list[int]] = {}
    for q, (_, pair) in zip(queries, pairs, strict=True):
        pair_counts.setdefault(pair, [0, 0])[q.split == "test"] += 1
    console.print(
        "queries by language pair (query → languages of its grade-2 answers; dev / test): "
        + "; ".join(f"{p} {d} / {t}" for p, (d, t) in sorted(pair_counts.items()))
    )
    console.print(
        "channel scales over all query × candidate pairs (mean / sd / max): "
        + "; ".join(
            f"{nm} {c.mean():.2f} / {c.std():.2f} / {c.max():.2f}" for nm, c in zip(names, channels, strict=True)
        )
    )

    # -- fit on dev
    chosen = fit(ev, dev, args.step)
    fitted_at = time.perf_counter()

    # -- cross-validation on dev
    cv_rows = []
    cv_weights = []
    cv_scores = []
    held_out = np.full((2, len(queries)), np.nan)  # per query: [fitted on the other folds, engine defaults]
    for i, held in enumerate(folds(dev, strata, args.folds)):
        train = np.setdiff1d(dev, held)
        f = fit(ev, train, args.step)
        held_out[0, held] = ev.metrics(f.weights, held)["nDCG@10"]
        held_out[1, held] = ev.metrics(np.array([getattr(weights_class(), nm) for nm in names]), held)["nDCG@10"]
        held_value = float(held_out[0, held].mean())
        hand_value = float(held_out[1, held].mean())
        cv_weights.append(f.weights)
        cv_scores.append((held_value, hand_value))
        cv_rows.append(
            (str(i + 1), str(len(train)), str(len(held)), fmt_weights(names, f.weights), f"{f.ndcg:.3f}",
             f"{held_value:.3f}", f"{hand_value:.3f}")
        )  # fmt: skip
    cv = np.array(cv_scores)
    cw = np.array(cv_weights)
    cv_rows.append(
        ("mean ± sd", "", "", ", ".join(f"{nm} {m:.2f}±{s:.2f}" for nm, m, s in zip(names, cw.mean(0), cw.std(0), strict=True)),
         "", f"{cv[:, 0].mean():.3f} ± {cv[:, 0].std():.3f}", f"{cv[:, 1].mean():.3f} ± {cv[:, 1].std():.3f}")
    )  # fmt: skip
    table(
        f"{args.folds}-fold cross-validation on dev (fit on the other folds, nDCG@10 on the held-out fold)",
        ["fold", "fit on", "held out", "fitted weights", "fit nDCG", "held-out nDCG", "engine defaults, held out"],
        cv_rows,
        md,
    )
    console.print(
        "weight range over folds: "
        + "; ".join(f"{nm} {lo:.3f}–{hi:.3f}" for nm, lo, hi in zip(names, cw.min(0), cw.max(0), strict=True))
    )

    def pair_groups(rows_idx: npt.NDArray[np.int64]) -> list[tuple[str, npt.NDArray[np.int64]]]:
        """Query groups by language pair: the three classes, then each (query language → answers) pair."""
        out = []
        for kind, label in PAIR_CLASSES.items():
            out.append((f"{kind}: {label}", np.array([i for i in rows_idx if pairs[i][0] == kind], dtype=np.int64)))
        for pair in sorted({pairs[i][1] for i in rows_idx}):
            kinds = {pairs[i][0] for i in rows_idx if pairs[i][1] == pair}
            idx = np.array([i for i in rows_idx if pairs[i][1] == pair], dtype=np.int64)
            out.append((f"{pair} ({'/'.join(sorted(kinds))})", idx))
        return [(label, idx) for label, idx in out if len(idx)]

    table(
        "Cross-validation on dev by language pair (held-out nDCG@10; each dev query scored by the fold that "
        "held it out)",
        ["queries", "n", "fitted on the other folds", "engine defaults"],
        [
            (label, str(len(idx)), f"{held_out[0, idx].mean():.3f}", f"{held_out[1, idx].mean():.3f}")
            for label, idx in [("all dev", dev), *pair_groups(dev)]
        ],
        md,
    )

    # -- methods compared on test
    hand = np.array([getattr(weights_class(), nm) for nm in names], dtype=np.float64)
    methods: dict[str, Array] = {f"fitted on dev ({fmt_weights(names, chosen.weights)})": chosen.weights}
    methods[f"engine defaults, Weights() ({fmt_weights(names, hand)})"] = hand
    for nm in names:
        one = np.zeros(n)
        one[names.index(nm)] = 1
        methods[f"{nm} only"] = one
    methods["equal weights"] = np.full(n, 1 / n)
    baseline_name = "dense only" if "dense" in names else next(iter(methods))

    def summary_rows(rows_idx: npt.NDArray[np.int64]) -> list[tuple[str, ...]]:
        base = ev.metrics(methods[baseline_name], rows_idx)
        out = []
        for label, w in methods.items():
            m = ev.metrics(w, rows_idx)
            ratio = m["nDCG@10"].mean() / max(base["nDCG@10"].mean(), 1e-12)
            out.append((label, *(f"{m[k].mean():.3f}" for k in METRICS), f"{ratio:.2f}"))
        return out

    table(
        f"Dev split ({len(dev)} queries; what the weights were fitted on: optimistic for the fitted row)",
        ["method", *METRICS, f"nDCG × {baseline_name}"],
        summary_rows(dev),
        md,
    )
    table(
        f"Test split ({len(test)} queries, not used for fitting)",
        ["method", *METRICS, f"nDCG × {baseline_name}"],
        summary_rows(test),
        md,
    )

    # -- breakdowns on test
    groups: list[tuple[str, Callable[[EvalQuery], bool]]] = [
        ("Korean queries", lambda q: q.language == "ko"),
        ("English queries", lambda q: q.language == "en"),
        ("with field codes", lambda q: bool(q.fields)),
        ("without field codes", lambda q: not q.fields),
        ("short (title only)", lambda q: q.short),
        ("long (title + description)", lambda q: not q.short),
    ]
    short_labels = {label: label.split(" (")[0] for label in methods}
    rows_out = []
    for label, pick in groups:
        idx = np.array([i for i in test if pick(queries[i])], dtype=np.int64)
        if not len(idx):
            continue
        rows_out.append(
            (f"{label} ({len(idx)})", *(f"{ev.metrics(w, idx)['nDCG@10'].mean():.3f}" for w in methods.values()))
        )
    table("Test nDCG@10 by query group", ["group", *short_labels.values()], rows_out, md)
    table(
        "Test nDCG@10 by language pair (query language → languages of its grade-2 candidates)",
        ["queries", *short_labels.values()],
        [
            (f"{label} ({len(idx)})", *(f"{ev.metrics(w, idx)['nDCG@10'].mean():.3f}" for w in methods.values()))
            for label, idx in pair_groups(test)
        ],
        md,
    )

    # -- one weight set or separate sets for queries with and without field codes
    with_f = np.array([i for i in dev if queries[i].fields], dtype=np.int64)
    without_f = np.array([i for i in dev if not queries[i].fields], dtype=np.int64)
    fields_idx = names.index("fields") if "fields" in names else None
    active_without = [nm != "fields" for nm in names]
    fit_with = fit(ev, with_f, args.step)
    fit_without = fit(ev, without_f, args.step, active_without)
    test_with = np.array([i for i in test if queries[i].fields], dtype=np.int64)
    test_without = np.array([i for i in test if not queries[i].fields], dtype=np.int64)

    def split_scores(w_with: Array, w_without: Array) -> tuple[Array, Array, Array]:
        a = ev.metrics(w_with, test_with)["nDCG@10"]
        b = ev.metrics(w_without, test_without)["nDCG@10"]
        return a, b, np.concatenate([a, b])

    one_set = split_scores(chosen.weights, chosen.weights)
    two_sets = split_scores(fit_with.weights, fit_without.weights)
    hand_sets = split_scores(hand, hand)
    table(
        "One weight set or two (test nDCG@10)",
        ["weights", "with fields", "without fields", "all test"],
        [
            (f"one set, fitted on all dev: {fmt_weights(names, chosen.weights)}", *(f"{x.mean():.3f}" for x in one_set)),
            (f"two sets: with fields {fmt_weights(names, fit_with.weights)} / without {fmt_weights(names, fit_without.weights)}",
             *(f"{x.mean():.3f}" for x in two_sets)),
            (f"engine defaults: {fmt_weights(names, hand)}", *(f"{x.mean():.3f}" for x in hand_sets)),
        ],
        md,
    )  # fmt: skip
    if fields_idx is not None:
        text_only = np.delete(chosen.weights, fields_idx)
        ratio = text_only / max(text_only.sum(), 1e-12)
        console.print(
            "For queries without field codes only the ratio of the text channels matters: one set gives "
            + fmt_weights([nm for nm in names if nm != "fields"], ratio)
            + "; the set fitted on those queries alone gives "
            + fmt_weights([nm for nm in names if nm != "fields"], np.delete(fit_without.weights, fields_idx))
        )

    # -- profiles: one channel held at a weight, the others refitted on dev
    profiled = names if args.profile == "all" else [] if args.profile == "none" else args.profile.split(",")
    unknown = sorted(set(profiled) - set(names))
    if unknown:
        raise SystemExit(f"--profile: no channel {unknown} (channels: {names})")
    test_classes = [(kind, np.array([i for i in test if pairs[i][0] == kind], dtype=np.int64)) for kind in PAIR_CLASSES]
    test_classes = [(kind, idx) for kind, idx in test_classes if len(idx)]
    for nm in profiled:
        k = names.index(nm)
        values = sorted({0.0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 0.75, round(float(chosen.weights[k]), 3)})
        profile_rows = []
        for v in values:
            f = chosen if abs(v - chosen.weights[k]) < 1e-9 else fit(ev, dev, args.step, fixed=(k, v))
            t = ev.metrics(f.weights, test)["nDCG@10"]
            profile_rows.append(
                (f"{nm} = {v:g}" + (" (fit)" if f is chosen else ""), fmt_weights(names, f.weights), f"{f.ndcg:.3f}",
                 f"{t.mean():.3f}", *(f"{ev.metrics(f.weights, idx)['nDCG@10'].mean():.3f}" for _, idx in test_classes))
            )  # fmt: skip
        table(
            f"Profile of {nm}: held at each weight, the other channels refitted on dev",
            ["weight", "refitted weights", "dev nDCG", "test nDCG",
             *(f"test {kind} ({len(idx)})" for kind, idx in test_classes)],
            profile_rows,
            md,
        )  # fmt: skip

    # -- channel ablation: refit without each channel
    ablation = []
    full_test = ev.metrics(chosen.weights, test)["nDCG@10"]
    for k, nm in enumerate(names):
        active = [j != k for j in range(n)]
        f = fit(ev, dev, args.step, active)
        t = ev.metrics(f.weights, test)["nDCG@10"]
        d, lo, hi = paired_bootstrap(t, full_test, args.bootstrap)
        ablation.append((f"without {nm}", fmt_weights(names, f.weights), f"{f.ndcg:.3f}", f"{t.mean():.3f}",
                         f"{d:+.3f} [{lo:+.3f}, {hi:+.3f}]"))  # fmt: skip
    table(
        "Channel ablation: refit on dev without one channel",
        ["channels", "fitted weights", "dev nDCG", "test nDCG", "Δ vs all channels, test [95 % CI]"],
        ablation,
        md,
    )

    hand_test = ev.metrics(hand, test)["nDCG@10"]
    dense_test = ev.metrics(methods[baseline_name], test)["nDCG@10"]
    d1 = paired_bootstrap(full_test, hand_test, args.bootstrap)
    d2 = paired_bootstrap(full_test, dense_test, args.bootstrap)
    console.print(
        f"test nDCG@10 fitted − hand {d1[0]:+.3f} [95 % CI {d1[1]:+.3f}, {d1[2]:+.3f}]; "
        f"fitted − {baseline_name} {d2[0]:+.3f} [{d2[1]:+.3f}, {d2[2]:+.3f}] "
        f"(paired bootstrap over test queries, {args.bootstrap} resamples)"
    )
    console.print(
        f"grid best {fmt_weights(names, chosen.grid_weights)} (dev nDCG {chosen.grid_ndcg:.4f}) → "
        f"refined dev nDCG {chosen.ndcg:.4f}"
    )
    console.print(f"[bold]fitted weights:[/] {literal(names, chosen.weights)}")
    console.print(
        f"time: engine build + channel scores {encoded - started:.1f} s, fit {fitted_at - encoded:.1f} s, "
        f"total {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
