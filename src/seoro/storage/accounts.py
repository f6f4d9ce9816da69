"""Accounts, their invitations, and failed sign-ins (kept in the database so that every worker
process sees the same count)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update

from seoro.domain.accounts import Account, Invitation, Role
from seoro.storage import tables as t
from seoro.storage.common import insert_returning_id, not_found, utc

_A = t.accounts.c
_I = t.invitations.c
_F = t.sign_in_failures.c


class Accounts:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def save(self, a: Account) -> int:
        values = {
            "email": a.email,
            "name": a.name,
            "role": a.role.value,
            "lang": a.lang,
            "password_hash": a.password_hash,
            "participant_id": a.participant_id,
            "active": a.active,
            "created_at": a.created_at,
        }
        if a.id is None:
            a.id = insert_returning_id(self.conn, insert(t.accounts).values(values))
        elif self.conn.execute(update(t.accounts).where(_A.id == a.id).values(values)).rowcount != 1:
            raise not_found("account", a.id)
        return a.id

    def get(self, account_id: int) -> Account:
        row = self.conn.execute(select(t.accounts).where(_A.id == account_id)).first()
        if row is None:
            raise not_found("account", account_id)
        return _account(row)

    def by_email(self, email: str) -> Account | None:
        row = self.conn.execute(select(t.accounts).where(_A.email == email.strip().lower())).first()
        return _account(row) if row else None

    def by_participant(self, participant_id: int) -> Account | None:
        row = self.conn.execute(select(t.accounts).where(_A.participant_id == participant_id)).first()
        return _account(row) if row else None

    def all(self) -> list[Account]:
        return [_account(r) for r in self.conn.execute(select(t.accounts).order_by(_A.id))]

    # ---- invitations

    def add_invitation(self, inv: Invitation) -> int:
        values = {"account_id": inv.account_id, "token_hash": inv.token_hash, "expires_at": inv.expires_at}
        return insert_returning_id(self.conn, insert(t.invitations).values(values))

    def invitation(self, token_hash: str) -> Invitation | None:
        row = self.conn.execute(select(t.invitations).where(_I.token_hash == token_hash)).first()
        if row is None:
            return None
        return Invitation(row.account_id, row.token_hash, utc(row.expires_at), utc(row.used_at), row.id)

    def use_invitation(self, invitation_id: int, at: datetime) -> bool:
        """Mark it used, only if nobody used it first (two clicks at once: one wins)."""
        done = self.conn.execute(
            update(t.invitations).where(_I.id == invitation_id, _I.used_at.is_(None)).values(used_at=at)
        )
        return done.rowcount == 1

    # ---- failed sign-ins

    def add_failure(self, key: str, at: datetime) -> None:
        self.conn.execute(insert(t.sign_in_failures).values(key=key, at=at))

    def failures(self, key: str, since: datetime) -> list[datetime]:
        query = select(_F.at).where(_F.key == key, _F.at >= since)
        return [utc(r.at) for r in self.conn.execute(query)]

    def clear_failures(self, key: str) -> None:
        self.conn.execute(delete(t.sign_in_failures).where(_F.key == key))


def _account(r: Row[Any]) -> Account:
    return Account(
        email=r.email,
        name=r.name,
        role=Role(r.role),
        created_at=utc(r.created_at),
        lang=r.lang,
        password_hash=r.password_hash,
        participant_id=r.participant_id,
        active=r.active,
        id=r.id,
    )
