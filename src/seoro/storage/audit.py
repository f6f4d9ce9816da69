"""The audit log: every change, with who made it and when."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from seoro.domain.audit import Action, AuditEntry
from seoro.storage import tables as t


def _jsonable(changes: dict[str, Any]) -> Any:
    # Dates, enums and nested dataclass dicts become plain JSON the same way on SQLite and PostgreSQL.
    return json.loads(json.dumps(changes, default=str, ensure_ascii=False))


class AuditLog:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def record(self, entry: AuditEntry) -> None:
        self.conn.execute(
            insert(t.audit_log).values(
                at=entry.at,
                actor=entry.actor,
                action=entry.action.value,
                entity=entry.entity,
                entity_id=entry.entity_id,
                changes=_jsonable(entry.changes),
                source=entry.source,
            )
        )

    def latest_id(self, skip: tuple[str, ...] = ()) -> int:
        """The id of the newest entry (leaving out entries about ``skip`` entities): every change adds
        one, so it versions what it covers."""
        query = select(func.max(t.audit_log.c.id))
        if skip:
            query = query.where(t.audit_log.c.entity.not_in(skip))
        return int(self.conn.execute(query).scalar() or 0)

    def history(self, entity: str | None = None, entity_id: int | None = None, limit: int = 100) -> list[AuditEntry]:
        a = t.audit_log.c
        query = select(t.audit_log).order_by(a.id.desc()).limit(limit)
        if entity:
            query = query.where(a.entity == entity)
        if entity_id is not None:
            query = query.where(a.entity_id == entity_id)
        return [
            AuditEntry(_aware(r.at), r.actor, Action(r.action), r.entity, r.entity_id, r.changes, r.source)
            for r in self.conn.execute(query)
        ]


def _aware(at: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return at if at.tzinfo else at.replace(tzinfo=UTC)
