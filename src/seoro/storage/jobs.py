"""Background jobs (an import, an index rebuild, a scheduling run) queued in the database, so that
any worker process can take one and every process can show its progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from seoro.storage import tables as t
from seoro.storage.common import insert_returning_id, not_found, utc

_J = t.jobs.c
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass(frozen=True)
class Job:
    kind: str
    params: dict[str, Any]
    actor: str
    created_at: datetime
    status: str = QUEUED
    progress: float = 0.0
    step: str = ""
    result: dict[str, Any] | None = None
    error: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    id: int | None = field(default=None, compare=False)

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)


class Jobs:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, job: Job) -> int:
        values = {k: v for k, v in job.__dict__.items() if k != "id"}
        return insert_returning_id(self.conn, insert(t.jobs).values(values))

    def get(self, job_id: int) -> Job:
        row = self.conn.execute(select(t.jobs).where(_J.id == job_id)).first()
        if row is None:
            raise not_found("job", job_id)
        return _job(row)

    def recent(self, limit: int = 20) -> list[Job]:
        return [_job(r) for r in self.conn.execute(select(t.jobs).order_by(_J.id.desc()).limit(limit))]

    def waiting(self) -> bool:
        """Whether any job is queued (a cheap read, so idle workers do not take the write lock)."""
        return self.conn.execute(select(_J.id).where(_J.status == QUEUED).limit(1)).first() is not None

    def claim(self, at: datetime) -> Job | None:
        """The oldest queued job, now marked running by this worker. On PostgreSQL the row is locked
        with SKIP LOCKED, so two workers never take the same job; SQLite has one writer at a time."""
        query = select(t.jobs).where(_J.status == QUEUED).order_by(_J.id).limit(1)
        if self.conn.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        row = self.conn.execute(query).first()
        if row is None:
            return None
        taken = self.conn.execute(
            update(t.jobs).where(_J.id == row.id, _J.status == QUEUED).values(status=RUNNING, started_at=at)
        )
        return self.get(row.id) if taken.rowcount == 1 else None

    def report(self, job_id: int, progress: float, step: str) -> None:
        self.conn.execute(update(t.jobs).where(_J.id == job_id).values(progress=progress, step=step))

    def finish(self, job_id: int, at: datetime, result: dict[str, Any] | None, error: str | None) -> None:
        values = {"status": FAILED if error else DONE, "finished_at": at, "result": result, "error": error}
        if not error:
            values["progress"] = 1.0
        self.conn.execute(update(t.jobs).where(_J.id == job_id).values(values))


def _job(r: Row[Any]) -> Job:
    return Job(
        kind=r.kind,
        params=r.params,
        actor=r.actor,
        created_at=utc(r.created_at),
        status=r.status,
        progress=r.progress,
        step=r.step,
        result=r.result,
        error=r.error,
        started_at=utc(r.started_at),
        finished_at=utc(r.finished_at),
        id=r.id,
    )
