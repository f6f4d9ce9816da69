"""A background job's page for staff (``/jobs/{id}``): its progress, refreshing itself (a meta
refresh; no script) until it is done, then what it did: the scheduler's summary, the index rebuild's
figures, or an import's preview, problems or counts (``seoro.web.upload_flow``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of
from seoro.i18n import t
from seoro.services import jobs
from seoro.storage.jobs import Job
from seoro.web import upload_flow
from seoro.web.templates import render

router = APIRouter()
FIGURES = {
    "schedule": ("requests", "scheduled", "value", "bound", "gap", "idle_gaps", "seconds"),
    "rebuild_index": ("texts", "encoded", "reused", "removed"),
}


def step_text(step: str, lang: str) -> str:
    """A job's phase in the reader's language (``read``, ``bound``, ``place`` …), or as reported."""
    for key in (f"web.staff.job.step.{step}", f"cli.event.step.{step}"):
        text = t(key, lang)
        if text != key:
            return text
    return step


def _failure(result: dict[str, Any], lang: str) -> str:
    """Why a job failed: a rule's message in the reader's language, else a plain note (no trace shown)."""
    error = result.get("error")
    if isinstance(error, dict) and "code" in error:
        return t(f"error.{error['code']}", lang, **error.get("params", {}))
    return t("web.staff.job.crashed", lang)


def _done(job: Job) -> dict[str, Any]:
    result = job.result or {}
    return {
        "figures": [(k, result[k]) for k in FIGURES.get(job.kind, ()) if k in result],
        "reasons": sorted(result.get("reasons", {}).items(), key=lambda kv: -kv[1]),
    }


@router.get("/jobs/{job_id}")
def job_page(request: Request, _staff: Staff, job_id: int) -> Response:
    job = jobs.job(db_of(request), job_id)
    lang = lang_of(request)
    context: dict[str, Any] = {
        "job": job, "step": step_text(job.step, lang), "event_id": job.params.get("event_id"),
        "failure": _failure(job.result or {}, lang) if job.status == "failed" else "",
        "figures": [], "reasons": [], "imp": None,
    }  # fmt: skip
    if job.status == "done":
        context |= _done(job)
    if job.kind == upload_flow.KIND:
        context["imp"] = upload_flow.job_view(request, job)
    return render(request, "staff/job.html", context)


@router.post("/index/rebuild")
def rebuild_index(request: Request, account: Staff, csrf: Annotated[str, Form()]) -> Response:
    """Encode the directory's texts ahead of the first search, as a job (it takes minutes when large)."""
    check_csrf(request, csrf)
    job_id = jobs.submit(db_of(request), "rebuild_index", {"full": False}, actor=f"account:{account.id}")
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)
