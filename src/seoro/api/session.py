"""Signing in through the API: a session cookie, and the CSRF token unsafe calls must send back."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from seoro.domain.accounts import Account
from seoro.http.access import SignedIn, Writer
from seoro.http.security import client_address, csrf_token, db_of, sign_in_session, sign_out_session
from seoro.services import accounts as acc

router = APIRouter(tags=["session"])


class SignIn(BaseModel):
    email: str = Field(max_length=300)
    password: str = Field(max_length=500)


class Me(BaseModel):
    id: int
    email: str
    name: str
    role: str
    lang: str
    participant_id: int | None
    csrf_token: str


def me_of(request: Request, a: Account) -> Me:
    assert a.id is not None
    return Me(id=a.id, email=a.email, name=a.name, role=a.role.value, lang=a.lang,
              participant_id=a.participant_id, csrf_token=csrf_token(request))  # fmt: skip


@router.post("/session", response_model=Me, summary="Sign in (sets the session cookie)")
def sign_in(request: Request, body: SignIn) -> Me:
    account = acc.sign_in(db_of(request), body.email, body.password, address=client_address(request),
                          now=datetime.now(UTC))  # fmt: skip
    sign_in_session(request, account)
    return me_of(request, account)


@router.get("/session", response_model=Me, summary="Who is signed in")
def who(request: Request, account: SignedIn) -> Me:
    return me_of(request, account)


@router.delete("/session", status_code=204, summary="Sign out")
def sign_out(request: Request, account: Writer) -> None:
    sign_out_session(request)
