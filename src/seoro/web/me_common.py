"""What every participant page shares: who the participant is, the notice a form leaves for the
next page, and their published agenda."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from starlette.responses import Response

from seoro.domain.accounts import Account
from seoro.domain.agenda import AgendaView
from seoro.http.security import db_of, lang_of, session
from seoro.services.event_access import published_agenda
from seoro.web.templates import render


def me_id(account: Account) -> int:
    """The participant the account acts as (the ``Participant`` dependency guarantees one): taken
    from the account, never from the address, so nobody can open another person's page."""
    assert account.participant_id is not None
    return account.participant_id


def actor_of(account: Account) -> str:
    return f"account:{account.id}"


def page(request: Request, name: str, tab: str, context: dict[str, Any]) -> Response:
    """A ``/me`` page with its tab marked and the one-time notice of the last action shown."""
    notice = session(request).pop("me_notice", None)
    return render(request, f"me/{name}", {"tab": tab, "notice": notice, **context})


def notify(request: Request, kind: str, key: str, params: dict[str, Any] | None = None) -> None:
    """A notice for the page after a form's redirect: ``ok`` or ``error`` and a message key (the
    session cookie holds only plain strings)."""
    session(request)["me_notice"] = {"kind": kind, "key": key, "params": {k: str(v) for k, v in (params or {}).items()}}


def published_view(request: Request, participant_id: int, event_id: int) -> AgendaView | None:
    """Their agenda as last published, in the reader's language; ``None`` until staff publish one."""
    return published_agenda(db_of(request), event_id, participant_id, lang=lang_of(request), at=datetime.now(UTC))
