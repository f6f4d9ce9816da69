"""The two steps every spreadsheet import page shares, each a background job (``services.uploads``):
upload → a dry-run job (``/jobs/{id}`` shows its progress, then the counts or every problem) →
confirm (the real import, another job) or cancel.

The upload waiting to be confirmed is remembered in the uploader's session with the job that
previewed it and the event it is for (``None`` for the directory): only that session can confirm it,
only for that target, and only once the preview found nothing wrong.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from fastapi import Request, UploadFile
from starlette.responses import RedirectResponse, Response

from seoro.domain.accounts import Account
from seoro.domain.errors import DomainError
from seoro.http.security import db_of, lang_of, session, settings_of
from seoro.i18n import t
from seoro.services import jobs, uploads
from seoro.storage.jobs import Job

SESSION_KEY = "pending_upload"  # {"job": preview job id, "token": folder token, "event": id or None, "params": …}
KIND = "import"


def _root(request: Request) -> Path:
    return settings_of(request).data_dir / "uploads"


def _actor(account: Account) -> str:
    return f"account:{account.id}"


async def start(request: Request, account: Account, files: list[UploadFile], event_id: int | None,
                choice: dict[str, str]) -> Response:  # fmt: skip
    """Keep the files and queue their dry run; ``choice`` is what they hold (``kind`` or ``what``)."""
    received = [(f.filename or "", await f.read()) for f in files if f.filename]
    upload = uploads.save_upload(_root(request), received)
    params = {"root": str(_root(request)), "token": upload.token, "event_id": event_id, **choice}
    try:
        job_id = jobs.submit(db_of(request), KIND, {**params, "dry_run": True}, actor=_actor(account))
    except BaseException:
        uploads.discard_upload(_root(request), upload)
        raise
    _forget(request, session(request).get(SESSION_KEY) or {})  # an earlier preview nobody confirmed
    session(request)[SESSION_KEY] = {"job": job_id, "token": upload.token, "event": event_id, "params": params}
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


def _take(request: Request, event_id: int | None) -> dict[str, Any]:
    """The upload waiting for this target, no longer waiting; another target's upload is left alone."""
    pending = session(request).get(SESSION_KEY) or {}
    return session(request).pop(SESSION_KEY) if pending and pending.get("event") == event_id else {}


def _forget(request: Request, pending: dict[str, Any]) -> None:
    with suppress(DomainError):  # already gone (or never there): nothing left to discard
        uploads.discard_upload(_root(request), uploads.find_upload(_root(request), pending.get("token")))


def confirm(request: Request, account: Account, event_id: int | None) -> Response:
    """Queue the real import of the previewed files (``upload_expired`` when none waits, or when the
    preview has not finished cleanly: what is written must be what staff saw)."""
    pending = _take(request, event_id)
    db = db_of(request)
    preview = jobs.job(db, int(pending["job"])) if pending else None
    if preview is None or not _previewed(preview):
        if pending:
            _forget(request, pending)
        raise DomainError("upload_expired")
    job_id = jobs.submit(db, KIND, {**pending["params"], "dry_run": False}, actor=_actor(account))
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


def cancel(request: Request, event_id: int | None) -> None:
    _forget(request, _take(request, event_id))


def _previewed(job: Job) -> bool:
    result = job.result or {}
    return job.kind == KIND and job.status == "done" and "problems" not in result and bool(result.get("dry_run"))


def job_view(request: Request, job: Job) -> dict[str, Any]:
    """What ``/jobs/{id}`` shows of a finished import: the step it stands at, its counts and changed
    rows, or its problems (in the reader's language); and whether this session may confirm it."""
    result, lang = job.result or {}, lang_of(request)
    event_id = job.params.get("event_id")
    pending = session(request).get(SESSION_KEY) or {}
    step = "invalid" if "problems" in result else "preview" if result.get("dry_run") else "done"
    return {
        "step": step if job.status == "done" else "",
        "base": f"/events/{event_id}/import" if event_id is not None else "/import",
        "entity_keys": "cli.event.entity." if event_id is not None else "cli.entity.",
        "names": result.get("names", []),
        "what": job.params.get("what", ""),
        "problems": [problem_row(p, lang) for p in result.get("problems", [])],
        "decide": pending.get("job") == job.id and _previewed(job),
        "actions": uploads.ACTIONS,
        **{k: result.get(k) for k in ("totals", "changes", "more", "ignored", "linked", "without_language")},
    }


def problem_row(p: dict[str, Any], lang: str) -> dict[str, Any]:
    return {"file": p["file"], "sheet": p["sheet"], "row": p["row"], "field": p["field"],
            "column": f"{p['column']} {p['header']}".strip(), "message": t("error." + p["code"], lang, **p["params"])}  # fmt: skip
