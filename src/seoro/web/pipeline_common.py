"""What the pipeline pages share: dates and amounts as forms send them, the refusals shown on the page
(a rule said no: nothing was written) rather than as an error page, and the one-time notice a form
leaves for the page it redirects to."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request

from seoro.domain.errors import DomainError
from seoro.http.security import lang_of, session
from seoro.i18n import t

LEAD_CANDIDATES = ("expert", "organisation")  # the match candidates a lead opens with (a profile is not a party)
NOTICE = "pipeline_notice"  # {"kind": "ok" | "error", "key", "params"} (plain strings: it lives in the cookie)
# what staff can meet by opening, moving, editing or following up a lead: shown with the form, not as an error page
REFUSALS = frozenset({
    "lead_move", "lead_step_before", "lead_result_kind", "lead_close_reason", "lead_field_not_for_stage",
    "lead_due_before_step", "lead_agreement_organisations", "lead_agreement_party", "lead_exists",
    "lead_party_unlinked", "lead_profile_unowned", "lead_side_required", "lead_same_sides", "lead_first_step",
    "meeting_not_held", "follow_up_where", "follow_up_same_event", "follow_up_not_yours", "title_required",
    "bad_email", "not_a_date", "invalid_date", "unknown_choice", "unknown_field", "amount_not_a_number",
    "report_period_reversed",
})  # fmt: skip


def today() -> date:
    return datetime.now(UTC).date()


def day(text: str) -> date | None:
    """A date as an ``<input type="date">`` sends it (YYYY-MM-DD); empty: none."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError("invalid_date" if len(text) == 10 and text[4] == "-" else "not_a_date", value=text) from None


def amount(text: str) -> int | None:
    """Won as typed: digits, with or without thousands separators; empty: unknown."""
    digits = text.strip().replace(",", "").replace(" ", "").removesuffix("원")
    if not digits:
        return None
    if not digits.isdigit():
        raise DomainError("amount_not_a_number", value=text.strip())
    return int(digits)


def refusal(request: Request, e: DomainError) -> str:
    """The refusal's message in the reader's language; any other error goes on to the error page."""
    if e.code not in REFUSALS:
        raise e
    return t(f"error.{e.code}", lang_of(request), **e.params)


def notify(request: Request, kind: str, key: str, params: dict[str, Any] | None = None) -> None:
    session(request)[NOTICE] = {"kind": kind, "key": key, "params": {k: str(v) for k, v in (params or {}).items()}}


def refused(request: Request, e: DomainError) -> None:
    """Keep a refusal for the page the form goes back to (other errors go on to the error page)."""
    if e.code not in REFUSALS:
        raise e
    notify(request, "error", f"error.{e.code}", e.params)


def notice_of(request: Request) -> dict[str, Any] | None:
    found: dict[str, Any] | None = session(request).pop(NOTICE, None)
    return found
