"""The cooperation pipeline for staff: the leads with filters and a count per stage, and a lead's page
with its parties, origin, every step and a form per move the core allows from where it stands
(``domain.pipeline.MOVES``). A move the rules refuse comes back on the page (422) with the message,
and nothing is written; the rules are the services' (``services.pipeline``), not this module's."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.agreements import FollowUp, Party
from seoro.domain.errors import DomainError
from seoro.domain.pipeline import MOVES, Step
from seoro.domain.text import BilingualText, has_hangul
from seoro.domain.vocab import CloseReason, LeadStage, ResultKind, label
from seoro.http.access import Staff
from seoro.http.security import check_csrf, db_of, lang_of
from seoro.services import browse
from seoro.services import pipeline as pl
from seoro.services.database import Database
from seoro.services.events import list_events
from seoro.services.pipeline_views import lead_view, lead_views
from seoro.services.taxonomy import load_taxonomy
from seoro.storage.leads import LeadFilter
from seoro.web.pipeline_common import amount, day, notice_of, notify, refusal, today
from seoro.web.staff_directory import field_labels
from seoro.web.templates import render

router = APIRouter()
PAGE_SIZE = 100
STAGES = tuple(LeadStage)
Text = Annotated[str, Form()]
E = TypeVar("E", LeadStage, ResultKind, CloseReason)


@dataclass(frozen=True)
class StepForm:
    """A step as the lead page's form sends it; the fields of other stages are not on its form."""

    csrf: str
    values: dict[str, str]

    def step(self) -> Step:
        v = self.values
        stage = _choice(LeadStage, v["stage"])
        return Step(
            stage, day(v["on"]) or today(), "", v["note"].strip(), v["next_action"].strip(), day(v["due"]),
            _choice(ResultKind, v["result_kind"]) if v["result_kind"] else None,
            _choice(CloseReason, v["reason"]) if v["reason"] else None,
            amount_krw=amount(v["amount"]),
        )  # fmt: skip

    def agreement(self, organisations: tuple[int | None, int | None]) -> pl.AgreementDetails | None:
        """The MOU to record in the agreements registry, when the form asks for it: with each side's
        signatory and contact person (``organisations``: the lead's sides' organisations) and the
        follow-up it promises, a line each (``2026-09-30 교수 방문`` or the text alone)."""
        v = self.values
        if not v["mou"]:
            return None
        title = BilingualText(v["agreement_ko"].strip(), v["agreement_en"].strip())
        scope = tuple(_text(line.strip()) for line in v["scope"].splitlines() if line.strip())
        contacts = tuple(
            Party(org, v[f"signatory_{i}"].strip(), v[f"contact_{i}"].strip(), v[f"email_{i}"].strip())
            for i, org in enumerate(organisations)
            if org is not None and any(v[f"{k}_{i}"].strip() for k in ("signatory", "contact", "email"))
        )
        follow_ups = tuple(_promise(line.strip()) for line in v["follow_ups"].splitlines() if line.strip())
        return pl.AgreementDetails(title or None, scope, contacts, follow_ups, signed_on=day(v["signed_on"]),
                                   place=v["place"].strip())  # fmt: skip


def _promise(line: str) -> FollowUp:
    """A follow-up plan as typed: an optional date (YYYY-MM-DD) first, then what is promised."""
    first, _, rest = line.partition(" ")
    due = day(first) if len(first) == 10 and first[4] == "-" else None
    return FollowUp(_text(rest.strip() if due else line), due)


def read_step(
    csrf: Text, stage: Text = "", on: Text = "", note: Text = "", next_action: Text = "", due: Text = "",
    result_kind: Text = "", amount: Text = "", reason: Text = "", mou: Text = "", agreement_ko: Text = "",
    agreement_en: Text = "", scope: Text = "", place: Text = "", signed_on: Text = "", follow_ups: Text = "",
    signatory_0: Text = "", contact_0: Text = "", email_0: Text = "", signatory_1: Text = "", contact_1: Text = "",
    email_1: Text = "",
) -> StepForm:  # fmt: skip
    return StepForm(csrf, {"stage": stage, "on": on, "note": note, "next_action": next_action, "due": due,
                           "result_kind": result_kind, "amount": amount, "reason": reason, "mou": mou,
                           "agreement_ko": agreement_ko, "agreement_en": agreement_en, "scope": scope,
                           "place": place, "signed_on": signed_on, "follow_ups": follow_ups,
                           "signatory_0": signatory_0, "contact_0": contact_0, "email_0": email_0,
                           "signatory_1": signatory_1, "contact_1": contact_1, "email_1": email_1})  # fmt: skip


StepPosted = Annotated[StepForm, Depends(read_step)]


def _text(text: str) -> BilingualText:
    """One line as typed: Korean when it is written in Hangul, else English."""
    return BilingualText(text, "") if has_hangul(text) else BilingualText("", text)


def _choice(enum: type[E], value: str) -> E:
    try:
        return enum(value)
    except ValueError:
        raise DomainError("unknown_choice", value=value, choices=", ".join(m.value for m in enum)) from None


def _options(db: Database) -> dict[str, Any]:
    """What the filters offer: the events, and the programmes and owners leads have."""
    leads = pl.list_leads(db)
    return {
        "events": [e for e in list_events(db) if e.id is not None],
        "programmes": sorted({x.programme for x in leads if x.programme}),
        "owners": sorted({x.owner for x in leads if x.owner}),
    }


@router.get("/leads")
def leads_page(
    request: Request, _staff: Staff, stage: str = "", event: str = "", programme: str = "", owner: str = "",
    overdue: str = "", page: int = 1,
) -> Response:  # fmt: skip
    db = db_of(request)
    stage = stage if stage in {s.value for s in STAGES} else ""
    where = LeadFilter(event_id=int(event) if event.isdigit() else None, programme=programme or None,
                       owner=owner.strip().lower() or None)  # fmt: skip
    views = lead_views(db, where, overdue_on=today() if overdue else None)
    counts = Counter(v.lead.stage.value for v in views)
    rows = [v for v in views if not stage or v.lead.stage.value == stage]
    last = -(-len(rows) // PAGE_SIZE) or 1
    page = max(1, min(page, last))
    filters = {"stage": stage, "event": event, "programme": programme, "owner": owner, "overdue": overdue}

    def link(**changed: Any) -> str:
        query = {k: v for k, v in (filters | changed).items() if v}
        return "/leads" + (f"?{urlencode(query)}" if query else "")

    context = {"rows": rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], "total": len(rows), "all": len(views),
               "stages": [(s, counts.get(s.value, 0)) for s in STAGES], "f": filters, "link": link, "page": page,
               "last": last, "today": today(), "label": label, "notice": notice_of(request), **_options(db)}  # fmt: skip
    return render(request, "staff/leads.html", context)


def _lead_page(request: Request, id_: int, *, error: str = "", posted: dict[str, str] | None = None,
               status: int = 200) -> Response:  # fmt: skip
    db = db_of(request)
    view = lead_view(db, id_)
    lead = view.lead
    agreements = {s.agreement_id: browse.show_agreement(db, s.agreement_id).items[0]
                  for s in lead.steps if s.agreement_id is not None}  # fmt: skip
    profile = browse.show_profile(db, lead.profile_id)[0].items[0] if lead.profile_id is not None else None
    taxonomy = load_taxonomy(db)
    context = {
        "v": view, "lead": lead, "agreements": agreements, "profile": profile, "error": error,
        "posted": posted or {}, "moves": [s for s in STAGES if s in MOVES[lead.stage]], "today": today(),
        "fields": field_labels(taxonomy, list(lead.fields), lang_of(request)),
        "kinds": list(ResultKind), "reasons": list(CloseReason), "label": label, "notice": notice_of(request),
        "history": browse.history(db, "lead", id_, 50),
    }  # fmt: skip
    return render(request, "staff/lead.html", context, status=status)


@router.get("/leads/{id_}")
def lead_page(request: Request, _staff: Staff, id_: int) -> Response:
    return _lead_page(request, id_)


@router.post("/leads/{id_}/steps")
def add_step(request: Request, account: Staff, id_: int, posted: StepPosted) -> Response:
    """The next step, when the core allows the move; refused (422, nothing written) otherwise."""
    check_csrf(request, posted.csrf)
    try:
        sides = pl.get_lead(db_of(request), id_).sides
        agreement = posted.agreement((sides[0].organisation_id, sides[1].organisation_id))
        pl.advance(db_of(request), id_, posted.step(), agreement=agreement, actor=f"account:{account.id}")
    except DomainError as e:
        return _lead_page(request, id_, error=refusal(request, e), posted=posted.values, status=422)
    notify(request, "ok", "web.staff.lead.stepped", {"id": id_})
    return RedirectResponse(f"/leads/{id_}", status_code=303)


@router.post("/leads/{id_}/edit")
def edit_lead(
    request: Request, account: Staff, id_: int, csrf: Text, title_ko: Text = "", title_en: Text = "",
    programme: Text = "", owner: Text = "", fields: Annotated[str | None, Form()] = None,
) -> Response:  # fmt: skip
    """Title, fields (codes or names, comma-separated; left out of the form: unchanged), programme, owner."""
    check_csrf(request, csrf)
    codes = [x.strip() for x in fields.replace("\n", ",").split(",") if x.strip()] if fields is not None else None
    try:
        pl.update_lead(db_of(request), id_, title=BilingualText(title_ko.strip(), title_en.strip()), fields=codes,
                       programme=programme, owner=owner, actor=f"account:{account.id}")  # fmt: skip
    except DomainError as e:
        posted = {"title_ko": title_ko, "title_en": title_en, "programme": programme, "owner": owner, "edit": "1",
                  "fields": fields or ""}  # fmt: skip
        return _lead_page(request, id_, error=refusal(request, e), posted=posted, status=422)
    notify(request, "ok", "web.staff.lead.saved")
    return RedirectResponse(f"/leads/{id_}", status_code=303)
