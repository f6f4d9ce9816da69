"""After their meetings, participants answer "would you like a follow-up?" on their own page: yes or
no, and how (online, at a next event, or either). Always as the signed-in participant (the id comes
from the account): ``services.follow_up.record_wish`` refuses a meeting they were not in, or one not
held; answering again replaces the earlier answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.http.access import Participant
from seoro.http.security import check_csrf, db_of
from seoro.services.event_access import event_of_participant
from seoro.services.follow_up import record_wish
from seoro.web.me_common import actor_of, me_id, notify

router = APIRouter()
REFUSALS = frozenset({"meeting_not_held", "follow_up_not_yours"})
HOW = {"either": None, "online": True, "event": False}  # how they would meet again


@router.post("/me/follow-ups/{request_id}")
def answer(
    request: Request, account: Participant, request_id: int, csrf: Annotated[str, Form()],
    wants: Annotated[str, Form()] = "", how: Annotated[str, Form()] = "either", note: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    db = db_of(request)
    try:
        if wants not in ("yes", "no") or how not in HOW:
            raise DomainError("unknown_choice", value=f"{wants} {how}".strip(), choices="yes, no; online, event")
        yes = wants == "yes"
        record_wish(db, event_of_participant(db, me_id(account)), request_id, me_id(account), yes,
                    HOW[how] if yes else None, note[:500], actor=actor_of(account))  # fmt: skip
    except DomainError as e:
        if e.code not in REFUSALS | {"unknown_choice"}:
            raise
        notify(request, "error", f"error.{e.code}", e.params)
        return RedirectResponse("/me#follow-ups", status_code=303)
    notify(request, "ok", "web.me.fu.saved" if yes else "web.me.fu.saved_no")
    return RedirectResponse("/me#follow-ups", status_code=303)
