"""The data version: one counter that every writing unit of work raises before it commits."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from seoro.storage import tables as t


class Changes:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def version(self) -> int:
        return int(self.conn.execute(select(t.data_version.c.version).where(t.data_version.c.id == 1)).scalar_one())

    def bump(self) -> None:
        # Writers already take turns (storage.db.transaction), so the one row is no new bottleneck.
        self.conn.execute(
            update(t.data_version).where(t.data_version.c.id == 1).values(version=t.data_version.c.version + 1)
        )
