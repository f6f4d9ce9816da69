"""Indexing throughput and query latency of the matching engine's vector search.

Usage: .venv/bin/python bench/match_speed.py [--sizes 10000 100000 1000000] [--queries 200]

1. Indexing: the demo directory's passages encoded through the stored-vector path (encode + write to
   a fresh SQLite database) and the engine built over them, as a fraction of the model's raw encode
   throughput in the same run.
2. Search: p50/p95 latency of one query at each size, exact numpy search (the baseline) against the
   index the engine uses at that size (exact up to 50k, faiss IVF above), with recall@10 against exact
   and the memory the vectors take. Vectors are synthetic but clustered like real embeddings (texts
   gather around topics); queries are fresh points from the same clusters, not copies of indexed ones.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import numpy as np

from seoro.matching.engine import Engine, passage_texts
from seoro.matching.semantic import normalise
from seoro.matching.vector_index import VectorIndex
from seoro.services.database import Database
from seoro.services.demo import load_demo
from seoro.services.indexing import vectors_for
from seoro.services.matching import candidates, tools_for
from seoro.services.setup import init_database

DIM = 512


def indexing(folder: Path, rounds: int = 3) -> None:
    """Raw encoding and indexing alternate (A B A B ...), each on the same directory, medians compared:
    this machine's speed drifts, so one run of each would say more about the drift than the code.
    Indexing = encode every passage and store it in a fresh database, then build the engine over the
    stored vectors (tokenising, glossary expansion, term weights, calibration)."""
    source = Database.open(f"sqlite:///{folder / 'demo.db'}")
    init_database(source, actor="bench")
    load_demo(source, actor="bench")
    with source.reading() as unit:
        taxonomy = unit.fields.load()
        found = candidates(unit)
    source.close()
    texts = passage_texts(found)
    unique = list(dict.fromkeys(texts))
    tools = tools_for(taxonomy)
    model = tools.embedder
    model.encode(unique[:64])
    raw, stored, built = [], [], []
    for i in range(rounds):
        started = time.perf_counter()
        model.encode(unique)
        raw.append(time.perf_counter() - started)
        db = Database.open(f"sqlite:///{folder / f'speed{i}.db'}")
        init_database(db, actor="bench")
        started = time.perf_counter()
        vectors, _ = vectors_for(db, model, texts)
        stored.append(time.perf_counter() - started)
        Engine(found, tools, vectors=vectors)
        built.append(time.perf_counter() - started)
        db.close()
    r, s, e = (float(np.median(x)) for x in (raw, stored, built))
    n = len(found)
    print(
        f"indexing the demo directory ({n} profiles, experts and organisations; {len(unique)} distinct passages), "
        f"{rounds} alternating rounds (medians):\n"
        f"  raw encode            {n / r:6.0f} profiles/s ({len(unique) / r:.0f} passages/s; runs {_runs(raw)} s)\n"
        f"  encode + store        {n / s:6.0f} profiles/s = {r / s:.0%} of raw (runs {_runs(stored)} s)\n"
        f"  encode + store + build{n / e:6.0f} profiles/s = {r / e:.0%} of raw (runs {_runs(built)} s; target >= 80 %)"
    )


def _runs(seconds: list[float]) -> str:
    return ", ".join(f"{x:.2f}" for x in seconds)


def clustered(n: int, rng: np.random.Generator, centres: np.ndarray) -> np.ndarray:
    out = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        out[start : start + m] = centres[rng.integers(0, len(centres), m)] + 0.8 * rng.standard_normal(
            (m, DIM), dtype=np.float32
        )
    return normalise(out)


def percentiles(times: list[float]) -> tuple[float, float]:
    return float(np.percentile(times, 50) * 1e3), float(np.percentile(times, 95) * 1e3)


def search(size: int, queries: int, rng: np.random.Generator, centres: np.ndarray) -> None:
    vectors = clustered(size, rng, centres)
    asked = clustered(queries, rng, centres)
    exact = VectorIndex(vectors, exact_up_to=size)
    started = time.perf_counter()
    index = VectorIndex(vectors)
    built = time.perf_counter() - started
    base_times, times, recall = [], [], []
    for q in asked:
        t = time.perf_counter()
        truth = exact.search(q, 10)
        base_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        got = index.search(q, 10)
        times.append(time.perf_counter() - t)
        recall.append(len(set(truth.ids.tolist()) & set(got.ids.tolist())) / 10)
    b50, b95 = percentiles(base_times)
    p50, p95 = percentiles(times)
    kind = "exact" if index.exact else "faiss IVF"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{size:>9,} vectors  {kind:<9}  build {built:6.1f} s  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  "
        f"recall@10 {np.mean(recall):.3f}  | exact baseline p50 {b50:6.2f} p95 {b95:6.2f} ms  "
        f"(p95 ratio {p95 / b95:.2f})  vectors {index.nbytes / 2**20:,.0f} MiB, peak RSS {rss:,.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-indexing", action="store_true")
    args = parser.parse_args()
    if not args.skip_indexing:
        indexing(Path(tempfile.mkdtemp()))
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((2000, DIM)).astype(np.float32)
    for size in args.sizes:
        search(size, args.queries, rng, centres)


if __name__ == "__main__":
    main()
