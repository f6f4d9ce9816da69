"""``/api/organisations``, ``/api/experts``, ``/api/profiles``: the directory, searched and paged (staff only).

Filters are the ones ``seoro list`` and the directory page take: a technology field by code or label
(sub-fields included, repeatable), a country by ISO code or name, a kind, and part of a name or title.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from seoro.api.pagination import PageQuery, Paging
from seoro.api.schemas import (
    ERRORS,
    MAX_ID,
    AffiliationOut,
    Bilingual,
    ContactOut,
    ExpertOut,
    ExpertPage,
    FieldLabel,
    LanguageCode,
    OrganisationOut,
    OrganisationPage,
    ProfileOut,
    ProfilePage,
    Word,
)
from seoro.domain.directory import Contact, Expert, Organisation, Profile
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.http.access import Staff
from seoro.http.security import db_of
from seoro.services import browse
from seoro.services.browse import Page

router = APIRouter(tags=["directory"], responses=ERRORS)

RecordId = Annotated[int, Path(ge=1, le=MAX_ID, examples=[1], description="The record's id.")]
FieldFilter = Annotated[
    list[Word] | None, Query(description="Technology field, code or label (sub-fields included). Repeatable.")
]
CountryFilter = Annotated[Word | None, Query(description="Country: ISO code, or its Korean or English name.")]
TextFilter = Annotated[Word | None, Query(description="Part of a name or title.")]


def _query(paging: Paging, field: list[str] | None, country: str | None, text: str | None) -> browse.Query:
    return browse.Query(tuple(field or ()), country, text or None, paging.limit, paging.offset)


def field_labels(page: Page[Any], codes: list[str] | tuple[str, ...]) -> list[FieldLabel]:
    """Each code with its Korean and English name (a code the taxonomy no longer has keeps empty names)."""
    fields = page.taxonomy.fields
    return [
        FieldLabel(code=c, ko=fields[c].label.ko if c in fields else "", en=fields[c].label.en if c in fields else "")
        for c in codes
    ]


def _contact(c: Contact) -> ContactOut:
    return ContactOut(name=c.name, email=c.email, phone=c.phone)


def _id(value: int | None) -> int:
    assert value is not None, "a stored record has an id"
    return value


def organisation_out(o: Organisation, page: Page[Any]) -> OrganisationOut:
    return OrganisationOut(
        id=_id(o.id), kind=o.kind.value, name=Bilingual.of(o.name), aliases=o.aliases, country=o.country,
        region=o.region, website=o.website, parent_id=o.parent_id, fields=field_labels(page, o.fields),
        description=Bilingual.of(o.description), contact=_contact(o.contact),
    )  # fmt: skip


def expert_out(e: Expert, page: Page[Any]) -> ExpertOut:
    names = page.organisations
    affiliations = [
        AffiliationOut(organisation_id=a.organisation_id, organisation=Bilingual.of(names.get(a.organisation_id,
                       BilingualText())), position=a.position)
        for a in e.affiliations
    ]  # fmt: skip
    return ExpertOut(
        id=_id(e.id), name=Bilingual.of(e.name), email=e.email, phone=e.phone, country=e.country,
        languages=e.languages, expertise=Bilingual.of(e.expertise), keywords=e.keywords,
        fields=field_labels(page, e.fields), website=e.website, affiliations=affiliations,
        publications=len(e.publications),
    )  # fmt: skip


def _name(names: dict[int, BilingualText], id_: int | None) -> Bilingual | None:
    return Bilingual.of(names.get(id_, BilingualText())) if id_ is not None else None


def profile_out(p: Profile, page: Page[Any]) -> ProfileOut:
    return ProfileOut(
        id=_id(p.id), kind=p.kind.value, status=p.status.value, title=Bilingual.of(p.title),
        description=Bilingual.of(p.description), fields=field_labels(page, p.fields), keywords=p.keywords,
        organisation_id=p.organisation_id, organisation=_name(page.organisations, p.organisation_id),
        expert_id=p.expert_id, expert=_name(page.experts, p.expert_id), valid_from=p.valid_from,
        valid_until=p.valid_until, contact=_contact(p.contact),
    )  # fmt: skip


@router.get("/organisations", response_model=OrganisationPage, summary="Search organisations (staff)")
def list_organisations(
    request: Request,
    _: Staff,
    paging: PageQuery,
    field: FieldFilter = None,
    country: CountryFilter = None,
    kind: Annotated[OrgKind | None, Query(description="Kind of organisation.")] = None,
    text: TextFilter = None,
) -> OrganisationPage:
    page = browse.find_organisations(db_of(request), _query(paging, field, country, text), kind)
    return OrganisationPage.of([organisation_out(o, page) for o in page.items], page.total, paging)


@router.get("/organisations/{organisation_id}", response_model=OrganisationOut, summary="One organisation (staff)")
def get_organisation(request: Request, _: Staff, organisation_id: RecordId) -> OrganisationOut:
    detail = browse.show_organisation(db_of(request), organisation_id)
    return organisation_out(detail.organisation, detail.people)


@router.get("/experts", response_model=ExpertPage, summary="Search experts (staff)")
def list_experts(
    request: Request,
    _: Staff,
    paging: PageQuery,
    field: FieldFilter = None,
    country: CountryFilter = None,
    language: Annotated[LanguageCode | None, Query(description="A language they work in (ISO 639 code).")] = None,
    organisation_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Their organisation.")] = None,
    text: TextFilter = None,
) -> ExpertPage:
    query = _query(paging, field, country, text)
    page = browse.find_experts(db_of(request), query, language, organisation_id)
    return ExpertPage.of([expert_out(e, page) for e in page.items], page.total, paging)


@router.get("/experts/{expert_id}", response_model=ExpertOut, summary="One expert (staff)")
def get_expert(request: Request, _: Staff, expert_id: RecordId) -> ExpertOut:
    page, _profiles, _history = browse.show_expert(db_of(request), expert_id)
    return expert_out(page.items[0], page)


@router.get("/profiles", response_model=ProfilePage, summary="Search profiles: needs, offers, partner searches (staff)")
def list_profiles(
    request: Request,
    _: Staff,
    paging: PageQuery,
    field: FieldFilter = None,
    kind: Annotated[ProfileKind | None, Query(description="Kind of profile.")] = None,
    status: Annotated[ProfileStatus | None, Query(description="Status of the profile.")] = None,
    organisation_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="The owning organisation.")] = None,
    text: TextFilter = None,
) -> ProfilePage:
    query = _query(paging, field, None, text)
    page = browse.find_profiles(db_of(request), query, kind, status, organisation_id)
    return ProfilePage.of([profile_out(p, page) for p in page.items], page.total, paging)


@router.get("/profiles/{profile_id}", response_model=ProfileOut, summary="One profile (staff)")
def get_profile(request: Request, _: Staff, profile_id: RecordId) -> ProfileOut:
    page, _history = browse.show_profile(db_of(request), profile_id)
    return profile_out(page.items[0], page)
