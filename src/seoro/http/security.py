"""Sessions, CSRF tokens and who is signed in, for the web pages and the REST API alike.

The session is a cookie signed with the secret key (Starlette's ``SessionMiddleware``): it holds
the account id, the CSRF token and the chosen language, nothing else. Every form carries the CSRF
token in a hidden ``csrf`` field and every unsafe API call in an ``X-CSRF-Token`` header; they are
compared in constant time with the session's.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import Request

from seoro.config import Settings
from seoro.domain.accounts import Account
from seoro.domain.errors import DomainError
from seoro.services.accounts import get_account
from seoro.services.database import Database

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def db_of(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def client_address(request: Request) -> str:
    """The client's address as the server sees it (behind a proxy, run uvicorn with --proxy-headers)."""
    return request.client.host if request.client else "unknown"


def session(request: Request) -> dict[str, Any]:
    data: dict[str, Any] = request.session
    return data


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    s = session(request)
    if "csrf" not in s:
        s["csrf"] = secrets.token_urlsafe(32)
    token: str = s["csrf"]
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = session(request).get("csrf")
    if not expected or not submitted or not secrets.compare_digest(str(expected), submitted):
        raise DomainError("csrf_failed")


def sign_in_session(request: Request, account: Account) -> None:
    """A fresh session for the account (a new CSRF token too: no fixation of an earlier session)."""
    s = session(request)
    s.clear()
    s["account"] = account.id
    s["lang"] = account.lang
    s["csrf"] = secrets.token_urlsafe(32)


def sign_out_session(request: Request) -> None:
    session(request).clear()


def account_of(request: Request) -> Account | None:
    """The signed-in account, if the session names an active one (looked up once per request)."""
    if hasattr(request.state, "account"):  # Starlette's State keeps its values out of __dict__
        found: Account | None = request.state.account
        return found
    account_id = session(request).get("account")
    found = get_account(db_of(request), int(account_id)) if account_id is not None else None
    request.state.account = found
    return found


def lang_of(request: Request) -> str:
    """The reader's language: chosen in this session, else the account's, else the browser's."""
    chosen = session(request).get("lang")
    if chosen in ("ko", "en"):
        return str(chosen)
    account = account_of(request)
    if account is not None:
        return account.lang
    header = request.headers.get("accept-language", "").lower()
    return "ko" if header.startswith("ko") or (header and "ko" in header.split(",")[0]) else settings_of(request).lang
