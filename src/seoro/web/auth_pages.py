"""Sign in, sign out, the language switch and invitation links."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.http.security import (
    check_csrf,
    client_address,
    db_of,
    lang_of,
    session,
    sign_in_session,
    sign_out_session,
)
from seoro.i18n import t
from seoro.services import accounts as acc
from seoro.web.templates import render

router = APIRouter()
Field = Annotated[str, Form()]


def _safe_next(target: str | None, fallback: str = "/") -> str:
    """Only a path on this site (never ``//other.example`` or a full URL): no open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback


@router.get("/login")
def login_page(request: Request, next: str = "") -> Response:
    return render(request, "login.html", {"next": next})


@router.post("/login")
def login(request: Request, csrf: Field, email: Field, password: Field, next: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf)
    try:
        account = acc.sign_in(db_of(request), email, password, address=client_address(request), now=datetime.now(UTC))
    except DomainError as e:
        if e.code not in ("sign_in_failed", "too_many_attempts"):
            raise
        status = 429 if e.code == "too_many_attempts" else 401
        error = t(f"error.{e.code}", lang_of(request), **e.params)
        return render(request, "login.html", {"error": error, "email": email, "next": next}, status=status)
    sign_in_session(request, account)
    home = "/" if account.role.is_staff else "/me"
    return RedirectResponse(_safe_next(next, home), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: Field) -> Response:
    check_csrf(request, csrf)
    sign_out_session(request)
    return RedirectResponse("/login", status_code=303)


@router.post("/lang")
def switch_language(request: Request, csrf: Field, lang: Field, next: Annotated[str, Form()] = "/") -> Response:
    check_csrf(request, csrf)
    if lang not in ("ko", "en"):
        raise DomainError("unknown_choice", value=lang, choices="ko, en")
    session(request)["lang"] = lang
    account_id = session(request).get("account")
    if account_id is not None:
        acc.set_language(db_of(request), int(account_id), lang, actor=f"account:{account_id}")
    return RedirectResponse(_safe_next(next), status_code=303)


@router.get("/invitation/{token}")
def invitation_page(request: Request, token: str) -> Response:
    return render(request, "invitation.html", {"token": token})


@router.post("/invitation/{token}")
def use_invitation(request: Request, token: str, csrf: Field, password: Field) -> Response:
    check_csrf(request, csrf)
    try:
        account = acc.redeem(db_of(request), token, password, now=datetime.now(UTC))
    except DomainError as e:
        if e.code == "not_found":
            raise
        error = t(f"error.{e.code}", lang_of(request), **e.params)
        return render(request, "invitation.html", {"token": token, "error": error}, status=400)
    sign_in_session(request, account)
    return RedirectResponse("/" if account.role.is_staff else "/me", status_code=303)
