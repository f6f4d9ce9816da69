"""Alembic environment: runs on the connection Seoro hands it (see seoro.storage.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from seoro.storage.tables import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True, compare_type=True)  # type: ignore[arg-type]
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # `alembic` run by hand from the repository root (e.g. `alembic revision --autogenerate`)
    with create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.db").connect() as conn:
        _run(conn)
