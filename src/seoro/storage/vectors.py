"""Stored text vectors, by model and text hash: the source of truth every worker's search index is built from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, func, insert, select

from seoro.storage import tables as t

_V = t.text_vectors.c


class TextVectors:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def fetch(self, model: str, hashes: Sequence[str], chunk: int = 5000) -> dict[str, bytes]:
        """The stored vectors (raw float32 bytes) among ``hashes``."""
        found: dict[str, bytes] = {}
        for i in range(0, len(hashes), chunk):
            query = select(_V.text_hash, _V.vector).where(_V.model == model, _V.text_hash.in_(hashes[i : i + chunk]))
            found.update({row.text_hash: bytes(row.vector) for row in self.conn.execute(query)})
        return found

    def store(self, model: str, dimension: int, items: Iterable[tuple[str, bytes]]) -> int:
        rows = [{"model": model, "text_hash": h, "dimension": dimension, "vector": v} for h, v in items]
        if rows:
            self.conn.execute(insert(t.text_vectors), rows)
        return len(rows)

    def count(self, model: str) -> int:
        return int(self.conn.execute(select(func.count()).where(_V.model == model)).scalar_one())

    def forget(self, model: str, keep: set[str] | None = None) -> int:
        """Delete the model's vectors (all, or those of texts no longer in the directory)."""
        stored = set(self.conn.execute(select(_V.text_hash).where(_V.model == model)).scalars())
        gone = sorted(stored - keep) if keep is not None else sorted(stored)
        for i in range(0, len(gone), 5000):
            self.conn.execute(delete(t.text_vectors).where(_V.model == model, _V.text_hash.in_(gone[i : i + 5000])))
        return len(gone)
