"""Vectors for every text in the directory: encoded once, stored in the database, reused by every search."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from seoro.matching.semantic import Embedder, Vectors
from seoro.services.database import Database

Progress = Callable[[int], None]


@dataclass(frozen=True)
class IndexReport:
    texts: int
    encoded: int
    reused: int
    removed: int = 0


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vectors_for(
    db: Database,
    embedder: Embedder,
    texts: Sequence[str],
    *,
    actor: str = "indexer",
    progress: Progress | None = None,
    batch: int = 256,
) -> tuple[Vectors, IndexReport]:
    """Vectors of ``texts`` in order: stored ones are read, missing ones encoded (in batches) and stored."""
    hashes = [text_hash(t) for t in texts]
    unique = list(dict.fromkeys(hashes))
    with db.reading() as unit:
        stored = unit.vectors.fetch(embedder.name, unique)
    missing = [h for h in unique if h not in stored]
    text_of = dict(zip(hashes, texts, strict=True))
    if progress:
        progress(len(unique) - len(missing))
    for start in range(0, len(missing), batch):
        chunk = missing[start : start + batch]
        encoded = embedder.encode([text_of[h] for h in chunk])
        items = [(h, np.ascontiguousarray(v, dtype="<f4").tobytes()) for h, v in zip(chunk, encoded, strict=True)]
        with db.unit(actor, "index") as unit:
            # Another worker may have stored some of these meanwhile; keep theirs.
            already = unit.vectors.fetch(embedder.name, chunk)
            unit.vectors.store(embedder.name, embedder.dimension, [(h, v) for h, v in items if h not in already])
        stored.update(items)
        if progress:
            progress(len(chunk))
    matrix = (
        np.vstack([np.frombuffer(stored[h], dtype="<f4") for h in hashes])
        if hashes
        else np.zeros((0, embedder.dimension), np.float32)
    )
    return matrix.astype(np.float32), IndexReport(len(unique), len(missing), len(unique) - len(missing))


def forget_vectors(db: Database, model: str, keep: set[str] | None = None, *, actor: str) -> int:
    with db.unit(actor, "index") as unit:
        return unit.vectors.forget(model, keep)
