"""Who may sign in, and what each role may see and do.

*Staff* run the agency's directory and events; *admins* are staff who also manage accounts;
*participants* are the researchers and company people of an event, invited by a link, who see their
own requests and agenda and the public parts of other profiles. Passwords are never held here: only
their hash, made and checked by the services (argon2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from seoro.domain.errors import DomainError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 10
INVITATION_DAYS = 14
MAX_FAILURES = 5  # failed sign-ins per e-mail (or per address) within FAILURE_WINDOW before a pause
FAILURE_WINDOW = timedelta(minutes=15)


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    PARTICIPANT = "participant"

    @property
    def is_staff(self) -> bool:
        return self is not Role.PARTICIPANT


@dataclass
class Account:
    """A person who signs in. A participant's account names the event participant it acts as."""

    email: str
    name: str
    role: Role
    created_at: datetime
    lang: str = "ko"
    password_hash: str = ""
    participant_id: int | None = None
    active: bool = True
    id: int | None = None

    def __post_init__(self) -> None:
        self.email = self.email.strip().lower()
        if not _EMAIL.match(self.email):
            raise DomainError("bad_email", value=self.email)
        if not self.name.strip():
            raise DomainError("name_required")
        self.role = Role(self.role)
        if self.lang not in ("ko", "en"):
            raise DomainError("unknown_choice", value=self.lang, choices="ko, en")
        if self.role is Role.PARTICIPANT and self.participant_id is None:
            raise DomainError("participant_account_unlinked", email=self.email)


@dataclass(frozen=True)
class Invitation:
    """A one-time link that lets ``account_id`` set a password and sign in; only a hash of its token
    is stored, so a database copy cannot be used to sign in."""

    account_id: int
    token_hash: str
    expires_at: datetime
    used_at: datetime | None = None
    id: int | None = None

    def check(self, now: datetime) -> None:
        if self.used_at is not None:
            raise DomainError("invitation_used")
        if now >= self.expires_at:
            raise DomainError("invitation_expired", at=f"{self.expires_at:%Y-%m-%d %H:%M} UTC")


def check_password(password: str) -> None:
    """A password long enough to resist guessing; length matters more than symbols (NIST 800-63B)."""
    if len(password) < MIN_PASSWORD:
        raise DomainError("password_too_short", min=MIN_PASSWORD)


def locked_out(failures: list[datetime], now: datetime) -> bool:
    """Too many failed sign-ins within the window (the attempts of one e-mail or one address)."""
    return sum(1 for at in failures if now - at < FAILURE_WINDOW) >= MAX_FAILURES
