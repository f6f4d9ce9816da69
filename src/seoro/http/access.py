"""Who may open a page or call a route: FastAPI dependencies shared by the pages and the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from seoro.domain.accounts import Account, Role
from seoro.domain.errors import DomainError
from seoro.http.security import SAFE_METHODS, account_of, check_csrf


def signed_in(request: Request) -> Account:
    account = account_of(request)
    if account is None:
        raise DomainError("sign_in_required")
    return account


def staff(account: Annotated[Account, Depends(signed_in)]) -> Account:
    if not account.role.is_staff:
        raise DomainError("forbidden")
    return account


def admin(account: Annotated[Account, Depends(signed_in)]) -> Account:
    if account.role is not Role.ADMIN:
        raise DomainError("forbidden")
    return account


def participant(account: Annotated[Account, Depends(signed_in)]) -> Account:
    if account.role is not Role.PARTICIPANT or account.participant_id is None:
        raise DomainError("forbidden")
    return account


async def api_csrf(request: Request) -> None:
    """Unsafe API calls carry the session's CSRF token in ``X-CSRF-Token`` (a cookie alone is not enough)."""
    if request.method not in SAFE_METHODS:
        check_csrf(request, request.headers.get("x-csrf-token"))


async def writer(request: Request, account: Annotated[Account, Depends(signed_in)]) -> Account:
    """Who makes an unsafe call: signed in first (an anonymous caller is told 401), then the CSRF
    header checked, so a forged cross-site call is refused."""
    await api_csrf(request)
    return account


SignedIn = Annotated[Account, Depends(signed_in)]
Writer = Annotated[Account, Depends(writer)]
Staff = Annotated[Account, Depends(staff)]
Admin = Annotated[Account, Depends(admin)]
Participant = Annotated[Account, Depends(participant)]
