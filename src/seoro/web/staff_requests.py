"""An event's meeting requests for staff: who asked whom, why, and where each stands; filter by
status or name, and answer a pending request on someone's behalf (the rules are the participants':
caps, expiry, a slot in a self-service event)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.domain.meetings import MeetingRequest, RequestStatus
from seoro.domain.text import BilingualText
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, session
from seoro.services.agendas import Snapshot, snapshot
from seoro.services.event_access import answer_as
from seoro.web.templates import render

router = APIRouter()
PAGE_SIZE = 100
NOTICE = "requests_refused"  # the refusal the next list shows: {"code", "params"} (plain strings)
# refusals staff can meet when answering: shown on the list, everything else is a real error
REFUSALS = ("meeting_cap_reached", "request_expired", "request_not_pending", "request_closed", "slot_required",
            "slot_taken", "unknown_slot", "participant_absent", "participant_cancelled")  # fmt: skip


@dataclass(frozen=True)
class RequestRow:
    request: MeetingRequest
    requester: BilingualText
    requester_org: BilingualText
    requested: BilingualText
    requested_org: BilingualText


def _rows(shared: Snapshot, status: str, q: str) -> list[RequestRow]:
    people, cards = shared.day.people, shared.cards
    wanted = q.casefold().strip()
    rows = []
    for r in sorted(shared.day.requests.values(), key=lambda r: (r.created_at, r.id or 0), reverse=True):
        if status and r.status.value != status:
            continue
        a, b = people[r.requester_id], people[r.requested_id]
        row = RequestRow(r, a.name, cards.organisation_of(a), b.name, cards.organisation_of(b))
        texts = (row.requester, row.requester_org, row.requested, row.requested_org)
        if wanted and not any(wanted in x.casefold() for text in texts for x in (text.ko, text.en)):
            continue
        rows.append(row)
    return rows


@router.get("/events/{id_}/requests")
def requests_page(request: Request, _staff: Staff, id_: int, status: str = "", q: str = "", page: int = 1) -> Response:
    shared = snapshot(db_of(request), id_)
    status = status if status in {s.value for s in RequestStatus} else ""
    rows = _rows(shared, status, q)
    page = max(1, min(page, -(-len(rows) // PAGE_SIZE) or 1))
    counts = {s.value: sum(r.status is s for r in shared.day.requests.values()) for s in RequestStatus}
    refused = session(request).pop(NOTICE, None)
    context = {
        "e": shared.day.event, "rows": rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], "total": len(rows),
        "statuses": [s.value for s in RequestStatus], "counts": counts, "status": status, "q": q,
        "refused": refused, "page": page, "last": -(-len(rows) // PAGE_SIZE) or 1,
        "link": lambda n: f"/events/{id_}/requests?" + urlencode({"status": status, "q": q, "page": n}),
    }  # fmt: skip
    return render(request, "staff/requests.html", context)


@router.post("/events/{id_}/requests/{request_id}/answer")
def answer(
    request: Request, account: Staff, id_: int, request_id: int, csrf: Annotated[str, Form()],
    yes: Annotated[str, Form()] = "", status: Annotated[str, Form()] = "", q: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    """Staff answer for the asked side (``yes`` non-empty: accept); refusals by the rules come back as
    a message on the list, not an error page."""
    check_csrf(request, csrf)
    back = {"status": status, "q": q}
    try:
        answer_as(db_of(request), id_, request_id, None, yes=bool(yes), now=datetime.now(UTC),
                  actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        if e.code not in REFUSALS:
            raise
        session(request)[NOTICE] = {"code": e.code, "params": {k: str(v) for k, v in e.params.items()}}
    query = urlencode({k: v for k, v in back.items() if v})
    return RedirectResponse(f"/events/{id_}/requests" + (f"?{query}" if query else ""), status_code=303)
