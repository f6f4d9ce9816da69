"""Background jobs (staff): ``POST /api/events/{id}/schedule`` queues a scheduling run (and
``POST /api/index/rebuild`` a search index rebuild) and answers 202 with the job at once; ``GET /api/jobs/{id}`` shows its progress and, when done, its result.

The run takes seconds to minutes (``services.jobs`` runs it in a worker), so no request waits for it.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from seoro.api.events import EventId, actor_of
from seoro.api.schemas import ERRORS, MAX_ID, JobOut, ScheduleIn
from seoro.domain.accounts import Account
from seoro.domain.errors import DomainError
from seoro.http.access import Staff, writer
from seoro.http.security import db_of
from seoro.services import jobs
from seoro.services.events import get_event
from seoro.storage.jobs import FAILED, Job

router = APIRouter(tags=["jobs"], responses=ERRORS)
JobId = Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="The job's id.")]


def staff_writer(account: Annotated[Account, Depends(writer)]) -> Account:
    """Staff making an unsafe call: signed in, the CSRF header, then the role."""
    if not account.role.is_staff:
        raise DomainError("forbidden")
    return account


StaffWriter = Annotated[Account, Depends(staff_writer)]


def finite(value: Any) -> Any:
    """JSON has no infinity: a gap with no bound yet (``inf``) is sent as ``null``."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def _error(job: Job) -> str | None:
    """A rule's refusal keeps its code (the result has its parameters); a crash shows only
    ``internal_error``: its trace is for the server log, not for the API."""
    if job.error is None:
        return None
    return job.error if job.error.isidentifier() else "internal_error"


def job_out(job: Job) -> JobOut:
    assert job.id is not None
    return JobOut(
        id=job.id, kind=job.kind, status=job.status, progress=job.progress, step=job.step,
        result=finite(job.result) if job.result is not None else None,
        error=_error(job) if job.status == FAILED or job.error else None,
        created_at=job.created_at, started_at=job.started_at, finished_at=job.finished_at,
    )  # fmt: skip


@router.post("/events/{event_id}/schedule", response_model=JobOut, status_code=202,
             summary="Run the scheduler in the background (staff); poll the job")  # fmt: skip
def schedule(request: Request, account: StaffWriter, event_id: EventId, body: ScheduleIn | None = None) -> JobOut:
    db, wanted = db_of(request), body or ScheduleIn()
    get_event(db, event_id)
    params = {"event_id": event_id, "time_limit": wanted.time_limit, "reschedule": wanted.reschedule,
              "since_published": wanted.since_published}  # fmt: skip
    job_id = jobs.submit(db, "schedule", params, actor=actor_of(account))
    return job_out(jobs.job(db, job_id))


@router.post("/index/rebuild", response_model=JobOut, status_code=202,
             summary="Encode the directory's texts for search in the background (staff); poll the job")  # fmt: skip
def rebuild_index(request: Request, account: StaffWriter) -> JobOut:
    db = db_of(request)
    job_id = jobs.submit(db, "rebuild_index", {"full": False}, actor=actor_of(account))
    return job_out(jobs.job(db, job_id))


@router.get("/jobs", response_model=list[JobOut], summary="The newest background jobs (staff)")
def recent_jobs(
    request: Request, _: Staff, limit: Annotated[int, Query(ge=1, le=100, description="How many.")] = 20
) -> list[JobOut]:
    return [job_out(j) for j in jobs.recent(db_of(request), limit)]


@router.get("/jobs/{job_id}", response_model=JobOut, summary="A background job's status, progress and result (staff)")
def job(request: Request, _: Staff, job_id: JobId) -> JobOut:
    return job_out(jobs.job(db_of(request), job_id))
