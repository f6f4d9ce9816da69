"""Opening the database and units of work (one transaction each, with the audit trail attached)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect
from sqlalchemy.sql import Executable
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.expression import SelectBase

from seoro.domain.audit import Action, AuditEntry
from seoro.domain.errors import DomainError
from seoro.storage import migrate
from seoro.storage.accounts import Accounts
from seoro.storage.agendas import Agendas
from seoro.storage.agreements import Agreements
from seoro.storage.audit import AuditLog
from seoro.storage.changes import Changes
from seoro.storage.db import describe, make_engine, transaction
from seoro.storage.events import Events
from seoro.storage.experts import Experts
from seoro.storage.jobs import Jobs
from seoro.storage.leads import FollowUpWishes, Leads, RemindersSent
from seoro.storage.organisations import Organisations
from seoro.storage.profiles import Profiles
from seoro.storage.suggestions import Suggestions
from seoro.storage.taxonomy import Fields
from seoro.storage.vectors import TextVectors


@dataclass
class Unit:
    """One transaction: the repositories over it, and who is acting (for the audit trail)."""

    conn: Connection
    actor: str
    source: str = ""
    organisations: Organisations = field(init=False)
    experts: Experts = field(init=False)
    profiles: Profiles = field(init=False)
    agreements: Agreements = field(init=False)
    fields: Fields = field(init=False)
    audit: AuditLog = field(init=False)
    vectors: TextVectors = field(init=False)
    suggestions: Suggestions = field(init=False)
    events: Events = field(init=False)
    agendas: Agendas = field(init=False)
    accounts: Accounts = field(init=False)
    jobs: Jobs = field(init=False)
    changes: Changes = field(init=False)
    leads: Leads = field(init=False)
    follow_up_wishes: FollowUpWishes = field(init=False)
    reminders_sent: RemindersSent = field(init=False)

    def __post_init__(self) -> None:
        self.organisations = Organisations(self.conn)
        self.experts = Experts(self.conn)
        self.profiles = Profiles(self.conn)
        self.agreements = Agreements(self.conn)
        self.fields = Fields(self.conn)
        self.audit = AuditLog(self.conn)
        self.vectors = TextVectors(self.conn)
        self.suggestions = Suggestions(self.conn)
        self.events = Events(self.conn)
        self.agendas = Agendas(self.conn)
        self.accounts = Accounts(self.conn)
        self.jobs = Jobs(self.conn)
        self.changes = Changes(self.conn)
        self.leads = Leads(self.conn)
        self.follow_up_wishes = FollowUpWishes(self.conn)
        self.reminders_sent = RemindersSent(self.conn)

    def record(self, action: Action, entity: str, entity_id: int, changes: dict[str, Any]) -> None:
        self.audit.record(AuditEntry(datetime.now(UTC), self.actor, action, entity, entity_id, changes, self.source))


class _Rollback(Exception):
    pass


# Tables no read model is built from (services.snapshots): writing only these leaves the data version
# as it is, so a job reporting its progress, a failed sign-in or the counter itself does not throw
# every cached model away. The audit log only ever accompanies a change to data (which raises the
# version); the match scores that depend on it are versioned by its newest entry, not by this counter.
NOT_DATA = frozenset({"jobs", "sign_in_failures", "audit_log", "data_version"})


@dataclass
class _Writes:
    """Whether a connection changed any data, from what it executed."""

    data: bool = False

    def executed(self, _conn: Connection, statement: Executable | str, *_args: Any) -> None:
        if self.data or isinstance(statement, SelectBase):
            return
        if isinstance(statement, UpdateBase):
            self.data = getattr(statement.table, "name", None) not in NOT_DATA
        else:  # SQL text, DDL: anything else might write, and counts as a change
            self.data = True


@dataclass
class Database:
    engine: Engine
    # Set once the schema was found current: a running server's schema is not migrated under it
    # (upgrades are run with the servers stopped: docs/deployment.md), so it is not asked again.
    known_current: bool = field(default=False, init=False, repr=False, compare=False)

    @classmethod
    def open(cls, url: str) -> Database:
        return cls(make_engine(url))

    @property
    def url(self) -> str:
        return describe(self.engine)

    def schema_state(self) -> tuple[str | None, str]:
        """(current revision, newest revision) of the schema."""
        return migrate.current(self.engine), migrate.head()

    def is_empty(self) -> bool:
        return not inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def unit(self, actor: str, source: str = "", *, dry_run: bool = False) -> Iterator[Unit]:
        """A writing transaction: commits when the block ends, or rolls back on error (always, on a dry
        run). Writers take turns, so two imports never both create the same new organisation. A commit
        that inserted, updated or deleted data (any table but :data:`NOT_DATA`) raises the data version,
        which tells cached read models they are out of date."""
        try:
            with transaction(self.engine, writer=True) as conn:
                writes = _Writes()
                event.listen(conn, "after_execute", writes.executed)  # this connection only, closed after
                unit = Unit(conn, actor, source)
                yield unit
                if dry_run:
                    raise _Rollback
                if writes.data:
                    unit.changes.bump()
        except _Rollback:
            pass

    @contextmanager
    def reading(self) -> Iterator[Unit]:
        """A read-only transaction; it does not wait for writers."""
        with transaction(self.engine, writer=False) as conn:
            yield Unit(conn, "reader")


def require_current(db: Database) -> None:
    if db.known_current:
        return
    current, newest = db.schema_state()
    if current != newest:
        raise DomainError("db_outdated", current=current or "-", head=newest, url=db.url)
    db.known_current = True
