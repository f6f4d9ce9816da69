"""Spreadsheet import for staff, in two steps: upload → preview (a dry run: counts, or every problem
with its file, sheet, row and column, and nothing written) → confirm → the real import.

The uploaded files wait in a folder under the data folder named by a random token kept in the
uploader's session, so the confirmed import reads exactly the files that were previewed.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import Response

from seoro.domain.errors import DomainError, InvalidInput, Problem
from seoro.files.columns import IMPORT_ORDER, RecordKind
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of, session, settings_of
from seoro.i18n import t
from seoro.services import uploads
from seoro.services.importing import ImportReport
from seoro.web.templates import render

router = APIRouter()
SESSION_KEY = "import_upload"  # {"token": folder token, "kind": what the files hold, "" to guess}
ENTITIES = ("organisation", "expert", "publication", "profile")
ACTIONS = ("created", "updated", "unchanged")
SHOWN_CHANGES = 100


def _root(request: Request) -> Path:
    return settings_of(request).data_dir / "uploads"


def _kind(value: str) -> RecordKind | None:
    return RecordKind(value) if value in {k.value for k in IMPORT_ORDER} else None


def _form(request: Request) -> Response:
    return render(request, "staff/import.html", {"step": "upload", "kinds": [k.value for k in IMPORT_ORDER]})


@router.get("/import")
def import_page(request: Request, _staff: Staff) -> Response:
    return _form(request)


@router.post("/import")
async def preview(
    request: Request, account: Staff, csrf: Annotated[str, Form()], files: Annotated[list[UploadFile], File()],
    kind: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    received = [(f.filename or "", await f.read()) for f in files if f.filename]
    upload = uploads.save_upload(_root(request), received)
    names = [p.name for p in upload.files]
    try:
        report = uploads.import_upload(db_of(request), upload, kind=_kind(kind), actor=f"account:{account.id}",
                                       dry_run=True)  # fmt: skip
    except InvalidInput as e:
        uploads.discard_upload(_root(request), upload)
        problems = problem_rows(e.problems, lang_of(request))
        return render(request, "staff/import.html", {"step": "invalid", "names": names, "problems": problems},
                      status=422)  # fmt: skip
    except BaseException:
        uploads.discard_upload(_root(request), upload)
        raise
    session(request)[SESSION_KEY] = {"token": upload.token, "kind": kind}
    return render(request, "staff/import.html", {"step": "preview", "names": names, **_summary(report)})


@router.post("/import/confirm")
def confirm(request: Request, account: Staff, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    pending = session(request).pop(SESSION_KEY, None) or {}
    upload = uploads.find_upload(_root(request), pending.get("token"))
    try:
        report = uploads.import_upload(db_of(request), upload, kind=_kind(pending.get("kind", "")),
                                       actor=f"account:{account.id}", dry_run=False)  # fmt: skip
    finally:
        uploads.discard_upload(_root(request), upload)
    names = [p.name for p in upload.files]
    return render(request, "staff/import.html", {"step": "done", "names": names, **_summary(report)})


@router.post("/import/cancel")
def cancel(request: Request, _staff: Staff, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    pending = session(request).pop(SESSION_KEY, None) or {}
    with suppress(DomainError):  # already gone (or never there): nothing left to discard
        uploads.discard_upload(_root(request), uploads.find_upload(_root(request), pending.get("token")))
    return _form(request)


def _summary(report: ImportReport) -> dict[str, Any]:
    """Counts by record kind and action, the rows that would change, and columns nobody reads."""
    counts = report.counts()
    totals = [(e, [counts.get((e, a), 0) for a in ACTIONS]) for e in ENTITIES if any(k[0] == e for k in counts)]
    changes = [c for c in report.changes if c.action != "unchanged"]
    ignored = [(s.sheet or Path(s.file).name, ", ".join(f"{col} {h}" for col, h in s.ignored))
               for s in report.sheets if s.ignored]  # fmt: skip
    return {"totals": totals, "actions": ACTIONS, "changes": changes[:SHOWN_CHANGES],
            "more": max(0, len(changes) - SHOWN_CHANGES), "ignored": ignored}  # fmt: skip


def problem_rows(problems: list[Problem], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "file": Path(p.location.file).name,
            "sheet": p.location.sheet,
            "row": p.location.row or "",
            "column": f"{p.location.column} {p.location.header}".strip(),
            "field": p.field,
            "message": t("error." + p.code, lang, **p.params),
        }
        for p in problems
    ]
