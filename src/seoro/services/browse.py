"""Finding and showing directory records, with the names of what they refer to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from seoro.domain.agreements import Agreement
from seoro.domain.audit import AuditEntry
from seoro.domain.countries import country_code
from seoro.domain.directory import Expert, Organisation, Profile, Publication
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.services.classify import suggested_ids
from seoro.services.database import Database, Unit, require_current
from seoro.services.taxonomy import expand, load_taxonomy
from seoro.storage.agreements import AgreementFilter
from seoro.storage.experts import ExpertFilter, PublicationFilter
from seoro.storage.organisations import OrganisationFilter
from seoro.storage.profiles import ProfileFilter

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    organisations: dict[int, BilingualText]  # names of every organisation referred to
    taxonomy: Taxonomy
    experts: dict[int, BilingualText] = field(default_factory=dict)


@dataclass(frozen=True)
class Query:
    """Filters as staff type them: a field by code or label, a country by name or code."""

    fields: tuple[str, ...] = ()
    country: str | None = None
    text: str | None = None
    limit: int | None = 50
    offset: int = 0


def _field_codes(taxonomy: Taxonomy, query: Query) -> frozenset[str] | None:
    return expand(taxonomy, taxonomy.resolve_many(query.fields)) if query.fields else None


def _suggested(unit: Unit, kind: str, codes: frozenset[str] | None) -> frozenset[int]:
    """Records without field codes that a field filter finds through their suggested fields."""
    return frozenset(suggested_ids(unit, kind, codes)) if codes else frozenset()


def _country(query: Query) -> str | None:
    return country_code(query.country) if query.country else None


def find_organisations(db: Database, query: Query, kind: OrgKind | None = None) -> Page[Organisation]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        codes = _field_codes(taxonomy, query)
        where = OrganisationFilter(kind, _country(query), codes, query.text, _suggested(unit, "organisation", codes))
        items = unit.organisations.find(where, query.limit, query.offset)
        return Page(items, unit.organisations.count(where), unit.organisations.names(), taxonomy)


def find_experts(
    db: Database, query: Query, language: str | None = None, organisation_id: int | None = None
) -> Page[Expert]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        codes = _field_codes(taxonomy, query)
        suggested = _suggested(unit, "expert", codes)
        where = ExpertFilter(_country(query), codes, organisation_id, language, query.text, suggested)
        items = unit.experts.find(where, query.limit, query.offset)
        return Page(items, unit.experts.count(where), unit.organisations.names(), taxonomy)


def find_publications(
    db: Database, query: Query, expert_id: int | None = None, since: int | None = None
) -> Page[tuple[int, Publication]]:
    """Publications with the id of their expert (``Page.experts`` has the names)."""
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        where = PublicationFilter(expert_id, since, query.text)
        items = unit.experts.publications(where, query.limit, query.offset)
        experts = unit.experts.names()
        return Page(items, unit.experts.count_publications(where), {}, taxonomy, experts)


def find_profiles(
    db: Database,
    query: Query,
    kind: ProfileKind | None = None,
    status: ProfileStatus | None = None,
    organisation_id: int | None = None,
) -> Page[Profile]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        codes = _field_codes(taxonomy, query)
        where = ProfileFilter(
            kind, status, codes, organisation_id, None, query.text, _suggested(unit, "profile", codes)
        )
        items = unit.profiles.find(where, query.limit, query.offset)
        experts = unit.experts.names()
        return Page(items, unit.profiles.count(where), unit.organisations.names(), taxonomy, experts)


def find_agreements(db: Database, organisation_id: int | None = None) -> Page[Agreement]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        items = unit.agreements.find(AgreementFilter(organisation_id))
        return Page(items, len(items), unit.organisations.names(), taxonomy)


@dataclass(frozen=True)
class OrganisationDetail:
    organisation: Organisation
    children: list[Organisation]
    people: Page[Expert]
    profiles: list[Profile]
    agreements: list[Agreement]
    history: list[AuditEntry]


def show_organisation(db: Database, id_: int) -> OrganisationDetail:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        org = unit.organisations.get(id_)
        children = [unit.organisations.get(c) for c in unit.organisations.children_ids(id_)]
        people = unit.experts.find(ExpertFilter(organisation_id=id_))
        page = Page(people, len(people), unit.organisations.names(), taxonomy)
        profiles = unit.profiles.find(ProfileFilter(organisation_id=id_))
        return OrganisationDetail(
            org,
            children,
            page,
            profiles,
            unit.agreements.find(AgreementFilter(id_)),
            unit.audit.history("organisation", id_, 20),
        )


def show_expert(db: Database, id_: int) -> tuple[Page[Expert], list[Profile], list[AuditEntry]]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        expert = unit.experts.get(id_)
        page = Page([expert], 1, unit.organisations.names(), taxonomy)
        return page, unit.profiles.find(ProfileFilter(expert_id=id_)), unit.audit.history("expert", id_, 20)


def show_profile(db: Database, id_: int) -> tuple[Page[Profile], list[AuditEntry]]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        profile = unit.profiles.get(id_)
        experts = {profile.expert_id: unit.experts.get(profile.expert_id).name} if profile.expert_id else {}
        page = Page([profile], 1, unit.organisations.names(), taxonomy, experts)
        return page, unit.audit.history("profile", id_, 20)


def show_agreement(db: Database, id_: int) -> Page[Agreement]:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        return Page([unit.agreements.get(id_)], 1, unit.organisations.names(), taxonomy)


def history(db: Database, entity: str | None, entity_id: int | None, limit: int) -> list[AuditEntry]:
    require_current(db)
    with db.reading() as unit:
        return unit.audit.history(entity, entity_id, limit)
