"""What the event service tests share: the clock they run at, the actor, and the row counts of every
event table (to show that a refused call changed nothing)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from seoro.services.database import Database
from seoro.storage import tables as t

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
ACTOR = "staff"
EVENT_TABLES = (
    t.events,
    t.event_sessions,
    t.event_tables,
    t.event_types,
    t.event_participants,
    t.event_interpreters,
    t.meeting_requests,
    t.meetings,
    t.schedule_runs,
    t.agenda_entries,
    t.agenda_publications,
)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {x.name: int(conn.execute(select(func.count()).select_from(x)).scalar_one()) for x in EVENT_TABLES}
