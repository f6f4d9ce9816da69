"""Engines: SQLite by default (a file in the user's data folder), PostgreSQL for shared deployments."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

# Any number; it names the one lock that directory writers take on a PostgreSQL server.
_WRITER_LOCK = 53_702_008


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # A second writer waits for the first (up to 60 s) instead of failing at once.
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Foreign keys are off in SQLite unless asked, per connection. And pysqlite's own transaction
    # handling is turned off so that _sqlite_begin decides how each transaction begins.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead logging: readers (page views) neither wait for a writer nor hold one up. The mode
    # stays with the file; an in-memory database keeps its own. NORMAL is durable in WAL mode except
    # for the last commits before a power cut, never corrupting.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock up front, so two imports run one after the other instead of both
    # reading "no such organisation" and both creating it.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("seoro_writer") else "BEGIN")


@contextmanager
def transaction(engine: Engine, *, writer: bool) -> Iterator[Connection]:
    """One transaction; writers are serialised (SQLite: BEGIN IMMEDIATE, PostgreSQL: an advisory lock)."""
    with engine.connect() as conn:
        conn.execution_options(seoro_writer=writer)
        with conn.begin():
            if writer and engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITER_LOCK})
            yield conn


def describe(engine: Engine) -> str:
    """The URL without a password, for messages."""
    return engine.url.render_as_string(hide_password=True)
