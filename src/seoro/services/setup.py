"""Creating and upgrading a database."""

from __future__ import annotations

from seoro.domain.errors import DomainError
from seoro.services.database import Database
from seoro.services.taxonomy import sync_national_fields
from seoro.storage import migrate


def init_database(db: Database, *, actor: str) -> tuple[str, int]:
    """Bring the schema to the newest revision and load the shipped taxonomy; safe to repeat.

    Returns the revision and how many shipped fields were added or refreshed."""
    migrate.upgrade(db.engine)
    with db.unit(actor, "init") as unit:
        changed = sync_national_fields(unit)
    return migrate.head(), changed


def ensure_database(db: Database, *, actor: str) -> None:
    """An empty database is set up on first use; one at an older revision must be upgraded on purpose."""
    if db.is_empty():
        init_database(db, actor=actor)


def upgrade_database(db: Database, *, revision: str = "head", actor: str) -> str | None:
    migrate.upgrade(db.engine, revision)
    if migrate.current(db.engine) == migrate.head():
        with db.unit(actor, "upgrade") as unit:
            sync_national_fields(unit)
    return migrate.current(db.engine)


def downgrade_database(db: Database, *, revision: str) -> str | None:
    if revision == "head":
        raise DomainError("bad_revision", revision=revision)
    migrate.downgrade(db.engine, revision)
    return migrate.current(db.engine)
