"""Accounts: create staff, invite participants by a one-time link, sign in with rate limiting.

Passwords are hashed with argon2id (``argon2-cffi``'s defaults, RFC 9106's second recommended
profile); an invitation's token is random (``secrets``, 256 bits) and only its SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from seoro.domain.accounts import (
    FAILURE_WINDOW,
    INVITATION_DAYS,
    Account,
    Invitation,
    Role,
    check_password,
    locked_out,
)
from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.services.database import Database, Unit, require_current

_hasher = PasswordHasher()
# checked against when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password
_DUMMY = _hasher.hash("not a password of anyone")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_account(
    db: Database,
    *,
    email: str,
    name: str,
    role: Role,
    password: str | None = None,
    participant_id: int | None = None,
    lang: str = "ko",
    now: datetime,
    actor: str,
) -> Account:
    """A new account (refused if the e-mail is taken); with ``password`` it can sign in at once."""
    require_current(db)
    if password is not None:
        check_password(password)
    account = Account(email, name, role, now, lang=lang, participant_id=participant_id)
    account.password_hash = _hasher.hash(password) if password else ""
    with db.unit(actor) as unit:
        if unit.accounts.by_email(account.email) is not None:
            raise DomainError("account_exists", email=account.email)
        unit.accounts.save(account)
        unit.record(Action.CREATE, "account", account.id or 0, {"email": account.email, "role": role.value})
    return account


def invite(db: Database, account_id: int, *, now: datetime, days: int = INVITATION_DAYS, actor: str) -> str:
    """A one-time sign-in token for ``account_id``, valid ``days`` days; give it as a link."""
    require_current(db)
    token = secrets.token_urlsafe(32)
    with db.unit(actor) as unit:
        unit.accounts.get(account_id)
        unit.accounts.add_invitation(Invitation(account_id, token_hash(token), now + timedelta(days=days)))
        unit.record(Action.CREATE, "invitation", account_id, {"expires_days": days})
    return token


def invite_participant(
    db: Database, participant_id: int, *, now: datetime, lang: str | None = None, actor: str
) -> tuple[Account, str]:
    """The participant's account (made from their registration when they have none) and a new token."""
    require_current(db)
    with db.reading() as unit:
        account = unit.accounts.by_participant(participant_id)
        person = unit.events.participant(participant_id) if account is None else None
    if account is None:
        assert person is not None
        if not person.email:
            raise DomainError("participant_without_email", participant=person.name.both())
        account = create_account(
            db,
            email=person.email,
            name=person.name.both(),
            role=Role.PARTICIPANT,
            participant_id=participant_id,
            lang=lang or ("ko" if "ko" in person.languages[:1] else "en"),
            now=now,
            actor=actor,
        )
    assert account.id is not None
    return account, invite(db, account.id, now=now, actor=actor)


def redeem(db: Database, token: str, password: str, *, now: datetime) -> Account:
    """Use an invitation: set the password, and the account can sign in. A token works once."""
    require_current(db)
    check_password(password)
    with db.unit("invitation") as unit:
        inv = unit.accounts.invitation(token_hash(token))
        if inv is None:
            raise DomainError("invitation_unknown")
        inv.check(now)
        if inv.id is None or not unit.accounts.use_invitation(inv.id, now):
            raise DomainError("invitation_used")
        account = unit.accounts.get(inv.account_id)
        account.password_hash = _hasher.hash(password)
        unit.accounts.save(account)
        unit.record(Action.UPDATE, "account", account.id or 0, {"password": "set by invitation"})
    return account


def sign_in(db: Database, email: str, password: str, *, address: str, now: datetime) -> Account:
    """The account, if the password is right. After too many failures for the e-mail or the client
    address within the window, refused for a while (``too_many_attempts``) even with the right one."""
    require_current(db)
    keys = (f"email:{email.strip().lower()}", f"ip:{address}")
    with db.unit("sign-in") as unit:
        if any(locked_out(unit.accounts.failures(k, now - FAILURE_WINDOW), now) for k in keys):
            raise DomainError("too_many_attempts", minutes=int(FAILURE_WINDOW.total_seconds() // 60))
        account = unit.accounts.by_email(email)
        if account is not None and account.active and _verify(account, password):
            unit.accounts.clear_failures(keys[0])
            _rehash(unit, account, password)
            return account
        for k in keys:
            unit.accounts.add_failure(k, now)
    raise DomainError("sign_in_failed")


def _verify(account: Account, password: str) -> bool:
    try:
        return _hasher.verify(account.password_hash or _DUMMY, password) and bool(account.password_hash)
    except (VerificationError, InvalidHashError):
        return False


def _rehash(unit: Unit, account: Account, password: str) -> None:
    """Upgrade the stored hash when argon2's parameters have been raised since it was made."""
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
        unit.accounts.save(account)


def get_account(db: Database, account_id: int) -> Account | None:
    with db.reading() as unit:
        try:
            account = unit.accounts.get(account_id)
        except DomainError:
            return None
    return account if account.active else None


def set_language(db: Database, account_id: int, lang: str, *, actor: str) -> None:
    if lang not in ("ko", "en"):
        raise DomainError("unknown_choice", value=lang, choices="ko, en")
    with db.unit(actor) as unit:
        account = unit.accounts.get(account_id)
        account.lang = lang
        unit.accounts.save(account)
