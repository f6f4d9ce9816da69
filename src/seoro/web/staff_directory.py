"""The directory for staff: one search page over organisations, experts and profiles (text, field,
country, kind; paginated), and a page per record with its fields, contacts, profiles and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from seoro.domain.countries import country_name
from seoro.domain.directory import Expert, Organisation, Profile
from seoro.domain.errors import DomainError
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, label
from seoro.http.access import Staff
from seoro.http.security import db_of, lang_of
from seoro.i18n import t
from seoro.services import browse
from seoro.services.taxonomy import load_taxonomy
from seoro.web.templates import render

router = APIRouter()
PAGE_SIZE = 20
KINDS = (
    ["organisation", *(f"organisation:{k.value}" for k in OrgKind)]
    + ["expert", "profile"]
    + [f"profile:{k.value}" for k in ProfileKind]
)


@dataclass(frozen=True)
class Row:
    """One search result, whatever its kind: what the results table shows."""

    url: str
    name: BilingualText
    kind: BilingualText
    country: str
    fields: list[str]
    owner: BilingualText


def country_label(code: str, lang: str) -> str:
    try:
        return country_name(code).pick(lang) if code else ""
    except KeyError:
        return code


def field_labels(taxonomy: Taxonomy, codes: list[str], lang: str) -> list[str]:
    return [taxonomy.fields[c].label.pick(lang) if c in taxonomy.fields else c for c in codes]


def kind_choices(lang: str) -> list[tuple[str, str]]:
    """The kind filter's options: all organisations, each organisation kind, experts, profiles."""
    out = []
    for value in KINDS:
        entity, _, sub = value.partition(":")
        if not sub:
            out.append((value, t(f"web.staff.dir.all_{entity}", lang)))
        else:
            enum = OrgKind(sub) if entity == "organisation" else ProfileKind(sub)
            out.append((value, "· " + label(enum).pick(lang)))
    return out


def _search(request: Request, kind: str, query: browse.Query) -> tuple[list[Row], int]:
    db, lang = db_of(request), lang_of(request)
    entity, _, sub = kind.partition(":")
    if entity == "expert":
        experts = browse.find_experts(db, query)
        return [_expert_row(e, experts, lang) for e in experts.items], experts.total
    if entity == "profile":
        profiles = browse.find_profiles(db, query, ProfileKind(sub) if sub else None)
        return [_profile_row(p, profiles, lang) for p in profiles.items], profiles.total
    orgs = browse.find_organisations(db, query, OrgKind(sub) if sub else None)
    return [_organisation_row(o, orgs, lang) for o in orgs.items], orgs.total


def _organisation_row(o: Organisation, page: browse.Page[Organisation], lang: str) -> Row:
    parent = page.organisations.get(o.parent_id) if o.parent_id else None
    return Row(f"/directory/organisations/{o.id}", o.name, label(o.kind), country_label(o.country, lang),
               field_labels(page.taxonomy, o.fields, lang), parent or BilingualText())  # fmt: skip


def _expert_row(e: Expert, page: browse.Page[Expert], lang: str) -> Row:
    employer = page.organisations.get(e.affiliations[0].organisation_id) if e.affiliations else None
    return Row(f"/directory/experts/{e.id}", e.name, BilingualText(t("web.staff.dir.expert", "ko"), t("web.staff.dir.expert", "en")), country_label(e.country, lang),
               field_labels(page.taxonomy, e.fields, lang), employer or BilingualText())  # fmt: skip


def _profile_row(p: Profile, page: browse.Page[Profile], lang: str) -> Row:
    owner = page.organisations.get(p.organisation_id) if p.organisation_id else page.experts.get(p.expert_id or 0)
    return Row(f"/directory/profiles/{p.id}", p.title, label(p.kind), "",
               field_labels(page.taxonomy, p.fields, lang), owner or BilingualText())  # fmt: skip


def _pages(params: dict[str, str], page: int, total: int) -> dict[str, Any]:
    """Previous/next links that keep the filters."""
    last = max(1, -(-total // PAGE_SIZE))

    def link(n: int) -> str:
        return "/directory?" + urlencode({**{k: v for k, v in params.items() if v}, "page": n})

    return {"page": page, "last": last, "prev": link(page - 1) if page > 1 else "",
            "next": link(page + 1) if page < last else ""}  # fmt: skip


@router.get("/directory")
def directory_page(
    request: Request, _staff: Staff, q: str = "", field: str = "", country: str = "", kind: str = "organisation",
    page: int = 1,
) -> Response:  # fmt: skip
    kind = kind if kind in KINDS else "organisation"
    page = max(1, page)
    query = browse.Query(fields=(field,) if field else (), country=country.strip() or None,
                         text=q.strip() or None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)  # fmt: skip
    error, total = "", 0
    rows: list[Row] = []
    try:
        rows, total = _search(request, kind, query)
    except DomainError as e:
        if e.code not in ("unknown_country", "unknown_field"):
            raise
        error = t(f"error.{e.code}", lang_of(request), **e.params)
    params = {"q": q, "field": field, "country": country, "kind": kind}
    taxonomy = load_taxonomy(db_of(request))
    return render(request, "staff/directory.html", {
        "rows": rows, "total": total, "error": error, "params": params, "pages": _pages(params, page, total),
        "kinds": kind_choices(lang_of(request)), "fields": list(taxonomy.walk()),
    })  # fmt: skip


@router.get("/directory/organisations/{id_}")
def organisation_page(request: Request, _staff: Staff, id_: int) -> Response:
    d = browse.show_organisation(db_of(request), id_)
    return render(request, "staff/organisation.html", {"d": d, "o": d.organisation, **_helpers(request, d.people)})


@router.get("/directory/experts/{id_}")
def expert_page(request: Request, _staff: Staff, id_: int) -> Response:
    page, profiles, history = browse.show_expert(db_of(request), id_)
    return render(request, "staff/expert.html", {"e": page.items[0], "profiles": profiles, "history": history,
                                                 **_helpers(request, page)})  # fmt: skip


@router.get("/directory/profiles/{id_}")
def profile_page(request: Request, _staff: Staff, id_: int) -> Response:
    page, history = browse.show_profile(db_of(request), id_)
    return render(request, "staff/profile.html", {"p": page.items[0], "history": history,
                                                  "expert_names": page.experts, **_helpers(request, page)})  # fmt: skip


def _helpers(request: Request, page: browse.Page[Any]) -> dict[str, Any]:
    """What every detail page uses to show references: organisation names, field and country labels."""
    lang = lang_of(request)
    return {
        "org_names": page.organisations,
        "field_labels": lambda codes: field_labels(page.taxonomy, list(codes), lang),
        "country_label": lambda code: country_label(code, lang),
        "kind_label": lambda value: label(value),
    }
