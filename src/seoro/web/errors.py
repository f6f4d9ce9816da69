"""Errors as the client expects them: JSON under ``/api`` (``seoro.http.errors``), an HTML page for
the web pages, and a redirect to the sign-in page when a page needs a signed-in user."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.http.errors import STATUS
from seoro.web.templates import render


def error_page(request: Request, e: Exception) -> Response:
    if isinstance(e, DomainError):
        if e.code == "sign_in_required":
            target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
            return RedirectResponse(f"/login?next={target}", status_code=303)
        code, params, status = e.code, e.params, STATUS.get(e.code, 400)
    elif isinstance(e, StarletteHTTPException):
        code, params, status = ("not_found_route" if e.status_code == 404 else "http_error"), {}, e.status_code
    elif isinstance(e, RequestValidationError):
        code, params, status = "invalid_request", {"count": len(e.errors())}, 422
    else:
        code, params, status = "internal_error", {}, 500
    return render(request, "error.html", {"code": code, "params": params}, status=status)
