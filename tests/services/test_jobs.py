"""Background jobs on SQLite and PostgreSQL: queued, taken once, run with progress, finished or failed."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from seoro.domain.errors import DomainError
from seoro.services import jobs
from seoro.services.database import Database
from tests.services.event_rows import ACTOR
from tests.services.test_scheduling_service import Setup
from tests.services.test_scheduling_service import setup as setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration


def test_a_schedule_job_runs_with_progress_and_keeps_its_summary(setup: Setup) -> None:
    db, event_id, _ = setup
    job_id = jobs.submit(db, "schedule", {"event_id": event_id, "time_limit": 5}, actor=ACTOR)
    queued = jobs.job(db, job_id)
    assert (queued.status, queued.progress, queued.kind, queued.actor) == ("queued", 0.0, "schedule", ACTOR)
    assert jobs.run_one(db) == job_id
    done = jobs.job(db, job_id)
    assert (done.status, done.progress, done.error) == ("done", 1.0, None)
    assert done.result is not None and done.result["kind"] == "schedule" and done.result["scheduled"] > 0
    assert done.step == "done"
    with db.reading() as unit:
        assert len(unit.events.meetings(event_id)) == done.result["scheduled"]
    assert jobs.run_one(db) is None  # nothing else waiting


def test_a_failing_job_is_marked_failed_and_the_worker_goes_on(setup: Setup) -> None:
    db, event_id, _ = setup
    bad = jobs.submit(db, "schedule", {"event_id": 9999}, actor=ACTOR)
    good = jobs.submit(db, "schedule", {"event_id": event_id, "time_limit": 5}, actor=ACTOR)
    assert jobs.run_one(db) == bad
    failed = jobs.job(db, bad)
    assert (failed.status, failed.error) == ("failed", "not_found")
    assert failed.result == {"error": {"code": "not_found", "params": {"entity": "event", "id": 9999}}}
    assert jobs.run_one(db) == good and jobs.job(db, good).status == "done"
    assert [j.id for j in jobs.recent(db, 5)] == [good, bad]


def test_an_unknown_kind_is_refused(db: Database) -> None:
    with pytest.raises(DomainError) as caught:
        jobs.submit(db, "no such job", {}, actor=ACTOR)
    assert caught.value.code == "unknown_choice"


def test_two_workers_never_take_the_same_job(db: Database) -> None:
    ran: list[int] = []
    lock = threading.Lock()

    @jobs.register("count")
    def count(_db: Database, params: dict[str, Any], report: jobs.Report, actor: str) -> dict[str, Any]:
        with lock:
            ran.append(int(params["n"]))
        return {}

    ids = [jobs.submit(db, "count", {"n": n}, actor=ACTOR) for n in range(12)]

    def work() -> None:
        while jobs.run_one(db) is not None:
            pass

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(ran) == list(range(12))  # each once
    assert {jobs.job(db, i).status for i in ids} == {"done"}
    del jobs.KINDS["count"]
