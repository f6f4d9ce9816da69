"""Test helpers that read the database directly, independent of the code under test."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from seoro.storage.tables import ALL


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: two equal dumps mean nothing changed."""
    with engine.connect() as conn:
        return {
            table.name: [tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))]
            for table in ALL
        }
