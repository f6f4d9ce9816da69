"""Opening a lead: by hand between two parties of the directory (each an organisation, an expert, or
an expert at an organisation, chosen from lists a name search narrows), or from a match on the match
page (the profile's owner and the partner found). The services decide the title, fields and rules."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.errors import DomainError
from seoro.domain.pipeline import FIRST, Side
from seoro.domain.text import BilingualText
from seoro.domain.vocab import LeadStage, label
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of
from seoro.services import browse
from seoro.services import pipeline as pl
from seoro.web.pipeline_common import LEAD_CANDIDATES, day, notify, refusal, refused, today
from seoro.web.templates import render

router = APIRouter()
Text = Annotated[str, Form()]
FORM = ("q", "a_org", "a_expert", "b_org", "b_expert", "title_ko", "title_en", "programme", "owner", "stage", "on",
        "note", "next_action", "due")  # fmt: skip


def _id(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _side(organisation: str, expert: str) -> Side:
    return Side(_id(organisation), _id(expert))


def _page(request: Request, form: dict[str, str], *, error: str = "", status: int = 200) -> Response:
    db = db_of(request)
    query = browse.Query(text=form["q"].strip() or None, limit=None)
    organisations = browse.find_organisations(db, query).items
    experts = browse.find_experts(db, query)
    context: dict[str, Any] = {
        "form": form, "error": error, "organisations": organisations, "experts": experts.items,
        "affiliation": experts.organisations, "stages": [s for s in LeadStage if s in FIRST], "label": label,
        "today": today(),
    }  # fmt: skip
    return render(request, "staff/lead_new.html", context, status=status)


@router.get("/leads/new")
def new_lead_page(request: Request, _staff: Staff, q: str = "") -> Response:
    return _page(request, dict.fromkeys(FORM, "") | {"q": q, "stage": LeadStage.CONTACTED.value})


@router.post("/leads/new")
def create_lead(
    request: Request, account: Staff, csrf: Text, q: Text = "", a_org: Text = "", a_expert: Text = "",
    b_org: Text = "", b_expert: Text = "", title_ko: Text = "", title_en: Text = "", programme: Text = "",
    owner: Text = "", stage: Text = "contacted", on: Text = "", note: Text = "", next_action: Text = "",
    due: Text = "",
) -> Response:  # fmt: skip
    check_csrf(request, csrf)
    form = {"q": q, "a_org": a_org, "a_expert": a_expert, "b_org": b_org, "b_expert": b_expert, "title_ko": title_ko,
            "title_en": title_en, "programme": programme, "owner": owner, "stage": stage, "on": on, "note": note,
            "next_action": next_action, "due": due}  # fmt: skip
    try:
        first = LeadStage(stage) if stage in {s.value for s in FIRST} else LeadStage.CONTACTED
        title = BilingualText(title_ko.strip(), title_en.strip())
        details = pl.LeadDetails(title or None, None, programme.strip(), owner, day(on), note.strip(),
                                 next_action.strip(), day(due))  # fmt: skip
        lead = pl.open_lead(db_of(request), _side(a_org, a_expert), _side(b_org, b_expert), details, stage=first,
                            actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        return _page(request, form, error=refusal(request, e), status=422)
    notify(request, "ok", "web.staff.lead.opened", {"id": lead.id})
    return RedirectResponse(f"/leads/{lead.id}", status_code=303)


@router.post("/directory/profiles/{id_}/leads")
def open_from_match(request: Request, account: Staff, id_: int, csrf: Text, candidate: Text) -> Response:
    """A lead between the profile's owner and the partner the match page showed (``expert:12``,
    ``organisation:3``); a refusal goes back to the match page with its message."""
    check_csrf(request, csrf)
    entity, _, number = candidate.partition(":")
    try:
        if entity not in LEAD_CANDIDATES or not number.isdigit():
            raise DomainError("unknown_choice", value=candidate, choices="expert:ID, organisation:ID")
        found = int(number)
        lead = pl.open_from_match(db_of(request), id_, organisation_id=found if entity == "organisation" else None,
                                  expert_id=found if entity == "expert" else None, actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        refused(request, e)
        return RedirectResponse(f"/directory/profiles/{id_}/matches", status_code=303)
    notify(request, "ok", "web.staff.lead.opened", {"id": lead.id})
    return RedirectResponse(f"/leads/{lead.id}", status_code=303)
