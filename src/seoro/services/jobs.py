"""Background jobs: long work (scheduling, an index rebuild, an import) runs outside the web request
that asked for it, with its progress stored so that any page can show it.

A job is queued in the database; a worker takes it (``Jobs.claim``: SKIP LOCKED on PostgreSQL, so
several worker processes share one queue) and runs the registered function, which reports
``progress(step, share)``. The web app runs one worker thread in-process (enough for the SQLite
default); ``seoro worker`` runs more next to a PostgreSQL deployment.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime
from typing import Any

from seoro.domain.errors import DomainError
from seoro.services import uploads
from seoro.services.database import Database, require_current
from seoro.services.matching import rebuild_index
from seoro.services.scheduling import schedule_event
from seoro.storage.jobs import Job

Report = Callable[[str, float], None]
Work = Callable[[Database, dict[str, Any], Report, str], dict[str, Any]]
KINDS: dict[str, Work] = {}


def register(kind: str) -> Callable[[Work], Work]:
    def add(work: Work) -> Work:
        KINDS[kind] = work
        return work

    return add


def submit(db: Database, kind: str, params: dict[str, Any], *, actor: str, now: datetime | None = None) -> int:
    if kind not in KINDS:
        raise DomainError("unknown_choice", value=kind, choices=", ".join(sorted(KINDS)))
    require_current(db)
    with db.unit(actor) as unit:
        return unit.jobs.add(Job(kind, params, actor, now or datetime.now(UTC)))


def job(db: Database, job_id: int) -> Job:
    with db.reading() as unit:
        return unit.jobs.get(job_id)


def recent(db: Database, limit: int = 20) -> list[Job]:
    """The newest jobs first (what staff see running and what just finished)."""
    with db.reading() as unit:
        return unit.jobs.recent(limit)


def run_one(db: Database) -> int | None:
    """Take the oldest queued job and run it to the end; its id, or ``None`` when none was waiting."""
    with db.reading() as unit:
        if not unit.jobs.waiting():
            return None
    with db.unit("worker") as unit:
        taken = unit.jobs.claim(datetime.now(UTC))
    if taken is None or taken.id is None:
        return None
    job_id = taken.id

    def report(step: str, share: float) -> None:
        with db.unit("worker") as unit:
            unit.jobs.report(job_id, max(0.0, min(1.0, share)), step)

    result: dict[str, Any] | None = None
    error: str | None = None
    try:
        result = KINDS[taken.kind](db, taken.params, report, taken.actor)
    except DomainError as e:  # a rule said no: kept as its code and parameters, to show in the reader's language
        error, result = e.code, {"error": {"code": e.code, "params": plain(e.params)}}
    except Exception:  # a job must never take its worker down; the trace is kept for staff
        error = traceback.format_exc(limit=5)
    with db.unit("worker") as unit:
        unit.jobs.finish(job_id, datetime.now(UTC), result, error)
    return job_id


class Worker:
    """A thread that runs queued jobs one at a time until stopped."""

    def __init__(self, db: Database, poll: float = 0.3) -> None:
        self.db, self.poll = db, poll
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="seoro-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            if run_one(self.db) is None:
                self._stop.wait(self.poll)


def plain(value: Any) -> Any:
    """A service result as JSON-ready values (dataclasses, dicts, lists, datetimes)."""
    if is_dataclass(value) and not isinstance(value, type):
        return plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


@register("schedule")
def _schedule(db: Database, params: dict[str, Any], report: Report, actor: str) -> dict[str, Any]:
    summary = schedule_event(
        db,
        int(params["event_id"]),
        time_limit=float(params.get("time_limit", 30)),
        reschedule=bool(params.get("reschedule", False)),
        since_published=bool(params.get("since_published", False)),
        progress=report,
        actor=actor,
    )
    out: dict[str, Any] = plain(summary)
    return out


@register("rebuild_index")
def _rebuild(db: Database, params: dict[str, Any], report: Report, actor: str) -> dict[str, Any]:
    def progress(_n: int) -> None:  # told how many texts were just encoded; the total is not known here
        report("encode", 0.5)

    out: dict[str, Any] = plain(rebuild_index(db, full=bool(params.get("full")), actor=actor, progress=progress))
    return out


@register("import")
def _import(db: Database, params: dict[str, Any], report: Report, actor: str) -> dict[str, Any]:
    return uploads.run_import(db, params, actor=actor, progress=report)
