"""Reading the directory, and merging two records that turn out to be the same."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from seoro.domain.audit import Action, diff
from seoro.domain.directory import Affiliation, Expert, Organisation
from seoro.domain.errors import DomainError
from seoro.domain.pipeline import Lead
from seoro.domain.text import BilingualText
from seoro.services.database import Database, Unit, require_current
from seoro.services.taxonomy import load_taxonomy
from seoro.storage.agreements import AgreementFilter


@dataclass(frozen=True)
class Summary:
    organisations: dict[str, int]  # by kind
    experts: int
    publications: int
    profiles: dict[str, int]  # by kind
    agreements: int
    fields: int
    custom_fields: int
    focus_sets: int


def summarise(db: Database) -> Summary:
    require_current(db)
    taxonomy = load_taxonomy(db)
    with db.reading() as unit:
        return Summary(
            organisations=unit.organisations.tally("kind"),
            experts=unit.experts.count(),
            publications=unit.experts.count_publications(),
            profiles=unit.profiles.tally("kind"),
            agreements=unit.agreements.count(),
            fields=len(taxonomy.fields),
            custom_fields=sum(1 for f in taxonomy.fields.values() if f.source.value == "custom"),
            focus_sets=len(taxonomy.focus_sets),
        )


def merge_organisations(db: Database, *, keep: int, drop: int, actor: str) -> Organisation:
    """Fold ``drop`` into ``keep``: names become aliases, empty details are filled, and every
    reference (sub-organisations, affiliations, memberships, profiles, agreements) moves over."""
    if keep == drop:
        raise DomainError("merge_same", id=keep)
    require_current(db)
    with db.unit(actor, f"merge organisation {drop} into {keep}") as unit:
        kept, dropped = unit.organisations.get(keep), unit.organisations.get(drop)
        _check_shared_agreements(unit, keep, drop)
        _check_shared_leads(unit.leads.with_both(organisations=(keep, drop)))
        before = copy.deepcopy(kept)
        _fold_organisation(kept, dropped)
        for child_id in unit.organisations.children_ids(drop):
            child = unit.organisations.get(child_id)
            child.parent_id = keep if child_id != keep else None
            unit.organisations.save(child)
        for expert in unit.experts.find():
            if _repoint_expert(expert, drop, keep):
                unit.experts.save(expert)
        unit.profiles.move_owner(organisation=(drop, keep))
        unit.agreements.move_party(drop, keep)
        unit.leads.move_side(organisation=(drop, keep))
        unit.organisations.delete(drop)
        unit.suggestions.forget("organisation", drop)
        unit.organisations.save(kept)
        unit.record(Action.MERGE, "organisation", keep, {"merged": [None, drop], **diff(before, kept)})
        unit.record(
            Action.DELETE, "organisation", drop, {"merged_into": [None, keep], "name": [dropped.name.both(), None]}
        )
        return kept


def _fold_organisation(kept: Organisation, dropped: Organisation) -> None:
    kept.name = BilingualText(ko=kept.name.ko or dropped.name.ko, en=kept.name.en or dropped.name.en)
    names = {kept.name.ko, kept.name.en}
    kept.aliases = [a for a in dict.fromkeys([*kept.aliases, *dropped.all_names()]) if a not in names]
    for attr in ("country", "region", "website"):
        setattr(kept, attr, getattr(kept, attr) or getattr(dropped, attr))
    if kept.parent_id is None and dropped.parent_id != kept.id:
        kept.parent_id = dropped.parent_id
    kept.fields = list(dict.fromkeys([*kept.fields, *dropped.fields]))
    kept.description = BilingualText(
        kept.description.ko or dropped.description.ko, kept.description.en or dropped.description.en
    )
    if not kept.contact.name and not kept.contact.email:
        kept.contact = dropped.contact


def _repoint_expert(expert: Expert, old: int, new: int) -> bool:
    touched = old in expert.memberships or any(a.organisation_id == old for a in expert.affiliations)
    if touched:
        expert.memberships = list(dict.fromkeys(new if m == old else m for m in expert.memberships))
        seen: set[int] = set()
        affiliations: list[Affiliation] = []
        for a in expert.affiliations:
            org_id = new if a.organisation_id == old else a.organisation_id
            if org_id not in seen:
                seen.add(org_id)
                affiliations.append(Affiliation(org_id, a.position))
        expert.affiliations = affiliations
    return touched


def _check_shared_agreements(unit: Unit, keep: int, drop: int) -> None:
    for agreement in unit.agreements.find(AgreementFilter(drop)):
        if any(p.organisation_id == keep for p in agreement.parties):
            raise DomainError("merge_parties_of_one_agreement", agreement=agreement.title.both())


def _check_shared_leads(leads: list[Lead]) -> None:
    # a lead between the two would be between one party and itself
    if leads:
        raise DomainError("merge_sides_of_one_lead", lead=leads[0].id)


def merge_experts(db: Database, *, keep: int, drop: int, actor: str) -> Expert:
    """Fold expert ``drop`` into ``keep``: details, affiliations, memberships, publications, profiles."""
    if keep == drop:
        raise DomainError("merge_same", id=keep)
    require_current(db)
    with db.unit(actor, f"merge expert {drop} into {keep}") as unit:
        kept, dropped = unit.experts.get(keep), unit.experts.get(drop)
        before = copy.deepcopy(kept)
        _check_shared_leads(unit.leads.with_both(experts=(keep, drop)))
        kept.name = BilingualText(kept.name.ko or dropped.name.ko, kept.name.en or dropped.name.en)
        for attr in ("phone", "country", "website"):
            setattr(kept, attr, getattr(kept, attr) or getattr(dropped, attr))
        kept.expertise = BilingualText(
            kept.expertise.ko or dropped.expertise.ko, kept.expertise.en or dropped.expertise.en
        )
        for attr in ("languages", "keywords", "fields", "memberships"):
            setattr(kept, attr, list(dict.fromkeys([*getattr(kept, attr), *getattr(dropped, attr)])))
        known = {a.organisation_id for a in kept.affiliations}
        kept.affiliations += [a for a in dropped.affiliations if a.organisation_id not in known]
        titles = {(p.doi or p.title.casefold()) for p in kept.publications}
        for pub in dropped.publications:
            if (pub.doi or pub.title.casefold()) not in titles:
                kept.publications.append(type(pub)(pub.title, pub.abstract, pub.year, pub.venue, pub.doi, pub.authors))
        email = kept.email or dropped.email
        unit.profiles.move_owner(expert=(drop, keep))
        unit.leads.move_side(expert=(drop, keep))
        unit.experts.delete(drop)  # first, so that its e-mail is free for the kept record
        unit.suggestions.forget("expert", drop)
        kept.email = email
        unit.experts.save(kept)
        unit.record(Action.MERGE, "expert", keep, {"merged": [None, drop], **diff(before, kept)})
        unit.record(Action.DELETE, "expert", drop, {"merged_into": [None, keep], "name": [dropped.name.both(), None]})
        return kept
