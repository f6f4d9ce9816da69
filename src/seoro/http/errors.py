"""One error body for every failure, with the message in both languages:

``{"error": {"code": "not_found", "message": {"ko": "…", "en": "…"}, "params": {…}, "problems": […]}}``

Rule errors (``DomainError``) map to a status by code; request validation is 422, unknown routes 404,
and anything unexpected 500 with no internals shown. ``seoro.web.errors`` sends web pages the same
messages as HTML.
"""

from __future__ import annotations

from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from seoro.domain.errors import DomainError, InvalidInput
from seoro.i18n import t

STATUS = {
    "not_found": 404,
    "sign_in_required": 401,
    "sign_in_failed": 401,
    "forbidden": 403,
    "csrf_failed": 403,
    "too_many_attempts": 429,
    "account_exists": 409,
    "schedule_stale": 409,
    "schedule_announced": 409,
    "invitation_used": 410,
    "invitation_expired": 410,
    "invitation_unknown": 404,
    "agenda_not_published": 404,
}


def message(code: str, params: dict[str, Any]) -> dict[str, str]:
    return {lang: t(f"error.{code}", lang, **params) for lang in ("ko", "en")}


def body(
    code: str, params: dict[str, Any] | None = None, problems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    p = {k: v if isinstance(v, (int, float, str, bool)) or v is None else str(v) for k, v in (params or {}).items()}
    error: dict[str, Any] = {"code": code, "message": message(code, p), "params": p}
    if problems is not None:
        error["problems"] = problems
    return {"error": error}


def problem_rows(e: InvalidInput) -> list[dict[str, Any]]:
    return [
        {
            "file": p.location.file,
            "sheet": p.location.sheet,
            "row": p.location.row,
            "column": p.location.column,
            "header": p.location.header,
            "field": p.field,
            "code": p.code,
            "message": message(p.code, p.params),
        }
        for p in e.problems
    ]


def json_error(e: Exception) -> JSONResponse:
    """The JSON response for any exception a route let through."""
    if isinstance(e, InvalidInput):
        return JSONResponse(body(e.code, e.params, problem_rows(e)), status_code=422)
    if isinstance(e, DomainError):
        return JSONResponse(body(e.code, e.params), status_code=STATUS.get(e.code, 400))
    if isinstance(e, RequestValidationError):
        problems = [
            {"field": ".".join(str(x) for x in err.get("loc", ())), "code": str(err.get("type", "invalid")),
             "message": {"ko": str(err.get("msg", "")), "en": str(err.get("msg", ""))}}
            for err in e.errors()
        ]  # fmt: skip
        return JSONResponse(body("invalid_request", {"count": len(problems)}, problems), status_code=422)
    if isinstance(e, StarletteHTTPException):
        code = {404: "not_found_route", 405: "method_not_allowed"}.get(e.status_code, "http_error")
        return JSONResponse(body(code, {"status": e.status_code}), status_code=e.status_code, headers=e.headers)
    return JSONResponse(body("internal_error", {}), status_code=500)
