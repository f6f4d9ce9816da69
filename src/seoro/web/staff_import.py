"""Spreadsheet import into the directory, for staff: upload → preview (a dry run as a background job:
counts, or every problem with its file, sheet, row and column, and nothing written) → confirm → the
real import, another job. The steps are ``seoro.web.upload_flow``'s; this module is the form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import Response

from seoro.files.columns import IMPORT_ORDER
from seoro.http.access import Staff
from seoro.http.security import check_csrf
from seoro.services.uploads import record_kind
from seoro.web import upload_flow
from seoro.web.templates import render

router = APIRouter()


def _form(request: Request) -> Response:
    return render(request, "staff/import.html", {"kinds": [k.value for k in IMPORT_ORDER]})


@router.get("/import")
def import_page(request: Request, _staff: Staff) -> Response:
    return _form(request)


@router.post("/import")
async def preview(
    request: Request, account: Staff, csrf: Annotated[str, Form()], files: Annotated[list[UploadFile], File()],
    kind: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    kind = kind if record_kind(kind) else ""
    return await upload_flow.start(request, account, files, None, {"kind": kind})


@router.post("/import/confirm")
def confirm(request: Request, account: Staff, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    return upload_flow.confirm(request, account, None)


@router.post("/import/cancel")
def cancel(request: Request, _staff: Staff, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    upload_flow.cancel(request, None)
    return _form(request)
