"""Atomic, idempotent import of organisations, experts, publications and profiles from spreadsheets.

Every row of every sheet is checked; if any problem is found nothing is written and all problems
are reported together (file, sheet, row, column, field). Re-importing a file updates the records it
created instead of adding new ones. A dry run does all of it and then rolls back.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from seoro.domain.directory import Affiliation, Contact, Expert, Organisation, Profile, Publication
from seoro.domain.errors import DomainError, InvalidInput, Problem
from seoro.domain.names import guess_kind
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.files.columns import IMPORT_ORDER, RecordKind
from seoro.files.records import SourceRow, SourceSheet
from seoro.services.database import Database, Unit, require_current
from seoro.services.resolve import (
    Change,
    RowCheck,
    fields_of,
    find_or_create_organisation,
    organisation_id,
    save_with_audit,
)


@dataclass
class ImportReport:
    sheets: list[SourceSheet]
    changes: list[Change] = field(default_factory=list)
    dry_run: bool = False

    def counts(self) -> dict[tuple[str, str], int]:
        """``{(entity, action): n}``, e.g. ``{("organisation", "created"): 12}``."""
        return dict(Counter((c.entity, c.action) for c in self.changes))


Progress = Callable[[int], None]  # told how many rows were just done


def import_sheets(
    db: Database, sheets: list[SourceSheet], *, actor: str, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    require_current(db)
    report = ImportReport(sheets=sorted(sheets, key=lambda s: IMPORT_ORDER.index(s.kind)), dry_run=dry_run)
    source = ", ".join(dict.fromkeys(s.file for s in sheets))
    with db.unit(actor, source, dry_run=dry_run) as unit:
        import_into(unit, report, progress)
    return report


def import_into(unit: Unit, report: ImportReport, progress: Progress | None = None) -> None:
    """Import every sheet inside ``unit``; raises InvalidInput (so the unit rolls back) on any problem."""
    problems = [p for s in report.sheets for p in s.problems]
    taxonomy = unit.fields.load()
    for sheet in report.sheets:
        problems += _import_sheet(unit, taxonomy, sheet, report.changes, progress)
    if problems:
        raise InvalidInput(problems)


def _import_sheet(
    unit: Unit, taxonomy: Taxonomy, sheet: SourceSheet, changes: list[Change], progress: Progress | None
) -> list[Problem]:
    importer = _IMPORTERS[sheet.kind]
    checks = [RowCheck(row) for row in sheet.rows]
    for check in checks:
        importer(unit, taxonomy, check, changes)
        if progress:
            progress(1)
    if sheet.kind is RecordKind.ORGANISATIONS:  # parents last: a chapter may come before its association
        for check in checks:
            _link_parent(unit, check, changes)
    return [p for c in checks for p in c.problems]


def _text(row: SourceRow, prefix: str, old: BilingualText) -> BilingualText:
    v = row.values
    return BilingualText(ko=v.get(f"{prefix}_ko", old.ko), en=v.get(f"{prefix}_en", old.en))


def _contact(row: SourceRow, old: Contact) -> Contact:
    v = row.values
    return Contact(
        v.get("contact_name", old.name), v.get("contact_email", old.email), v.get("contact_phone", old.phone)
    )


def _existing_by_id(check: RowCheck, load: Callable[[int], Any]) -> Any:
    try:
        return load(check.row.values["id"])
    except DomainError as error:
        check.add_error("id", error)
        return None


# -- organisations ------------------------------------------------------------------------------


def _import_organisation(unit: Unit, taxonomy: Taxonomy, check: RowCheck, changes: list[Change]) -> None:
    v = check.row.values
    name = _text(check.row, "name", BilingualText())
    if not name:
        check.add("name_ko", "name_required")
        return
    existing = _find_organisation(unit, check, [name.ko, name.en, *v.get("aliases", [])])
    fields = fields_of(check, taxonomy)
    if not check.ok:
        return
    org = copy.deepcopy(existing) if existing else Organisation(kind=OrgKind.OTHER, name=name)
    _apply_organisation(org, check.row, name, fields, is_new=existing is None)
    changes.append(
        save_with_audit(
            unit, "organisation", existing, org, unit.organisations.save, check.row.location, org.name.both()
        )
    )


def _find_organisation(unit: Unit, check: RowCheck, names: list[str]) -> Organisation | None:
    if "id" in check.row.values:
        found: Organisation | None = _existing_by_id(check, unit.organisations.get)
        return found
    ids = unit.organisations.ids_by_name(names)
    if len(ids) > 1:
        check.add(
            "name_ko",
            "ambiguous_organisation",
            value=" / ".join(n for n in names if n),
            ids=", ".join(map(str, sorted(ids))),
        )
        return None
    return unit.organisations.get(ids.pop()) if ids else None


def _apply_organisation(
    org: Organisation, row: SourceRow, name: BilingualText, fields: list[str] | None, *, is_new: bool
) -> None:
    v = row.values
    org.name = BilingualText(ko=name.ko or org.name.ko, en=name.en or org.name.en)
    names = {org.name.ko, org.name.en}
    org.aliases = [a for a in dict.fromkeys([*org.aliases, *v.get("aliases", [])]) if a not in names]
    if "kind" in v:
        org.kind = v["kind"]
    elif is_new:
        org.kind = OrgKind(guess_kind(org.name.en or org.name.ko))
    org.country = v.get("country", org.country)
    org.region = v.get("region", org.region)
    org.website = v.get("website", org.website)
    org.description = _text(row, "description", org.description)
    org.contact = _contact(row, org.contact)
    if fields is not None:
        org.fields = fields


def _link_parent(unit: Unit, check: RowCheck, changes: list[Change]) -> None:
    parent_name = check.row.values.get("parent")
    own = next((c for c in changes if c.location == check.row.location and c.entity == "organisation"), None)
    if parent_name is None or own is None:
        return
    parent_id = organisation_id(unit, check, "parent", parent_name)
    if parent_id is None:
        return
    if parent_id == own.entity_id:
        check.add("parent", "own_parent", value=parent_name)
        return
    org = unit.organisations.get(own.entity_id)
    if org.parent_id == parent_id:
        return
    before = copy.deepcopy(org)
    org.parent_id = parent_id
    change = save_with_audit(unit, "organisation", before, org, unit.organisations.save, own.location, own.label)
    if own.action == "unchanged":  # a new organisation stays one creation in the report
        changes[changes.index(own)] = change


# -- experts and publications -------------------------------------------------------------------


def _import_expert(unit: Unit, taxonomy: Taxonomy, check: RowCheck, changes: list[Change]) -> None:
    v = check.row.values
    name = _text(check.row, "name", BilingualText())
    existing = _find_expert(unit, check, name)
    if not name and existing is None:
        check.add("name_ko", "name_required")
        return
    fields = fields_of(check, taxonomy)
    country = v.get("country", existing.country if existing else "")
    affiliations = [
        find_or_create_organisation(unit, check, "affiliations", org_name, None, country, changes)
        for org_name in v.get("affiliations", [])
    ]
    memberships = [organisation_id(unit, check, "memberships", org_name) for org_name in v.get("memberships", [])]
    if not check.ok:
        return
    expert = copy.deepcopy(existing) if existing else Expert(name=name)
    expert.name = BilingualText(ko=name.ko or expert.name.ko, en=name.en or expert.name.en)
    for key in ("email", "phone", "country", "languages", "keywords", "website"):
        if key in v:
            setattr(expert, key, v[key])
    expert.expertise = _text(check.row, "expertise", expert.expertise)
    if fields is not None:
        expert.fields = fields
    if "affiliations" in v:
        position = v.get("position", expert.affiliations[0].position if expert.affiliations else "")
        expert.affiliations = [
            Affiliation(org_id, position if i == 0 else "")
            for i, org_id in enumerate(affiliations)
            if org_id is not None
        ]
    elif "position" in v and expert.affiliations:
        expert.affiliations[0].position = v["position"]
    if "memberships" in v:
        expert.memberships = list(dict.fromkeys(m for m in memberships if m is not None))
    changes.append(
        save_with_audit(unit, "expert", existing, expert, unit.experts.save, check.row.location, expert.name.both())
    )


def _find_expert(
    unit: Unit, check: RowCheck, name: BilingualText, email_key: str = "email", name_key: str = "name_ko"
) -> Expert | None:
    v = check.row.values
    if "id" in v:
        found: Expert | None = _existing_by_id(check, unit.experts.get)
        return found
    if v.get(email_key):
        expert_id = unit.experts.id_by_email(v[email_key])
        if expert_id is not None:
            return unit.experts.get(expert_id)
    ids = set().union(*(unit.experts.ids_by_name(n) for n in (name.ko, name.en) if n))
    if len(ids) > 1:
        check.add(name_key, "ambiguous_expert", value=name.both(), ids=", ".join(map(str, sorted(ids))))
        return None
    if not ids:
        return None
    expert = unit.experts.get(ids.pop())
    # Same name but a different e-mail is a different person.
    return expert if not (v.get(email_key) and expert.email) else None


def _import_publication(unit: Unit, taxonomy: Taxonomy, check: RowCheck, changes: list[Change]) -> None:
    v = check.row.values
    expert = _find_expert(unit, check, BilingualText(en=v.get("expert_name", "")), "expert_email", "expert_name")
    if expert is None:
        if check.ok:
            check.add(
                "expert_email" if "expert_email" in v else "expert_name",
                "unknown_expert",
                value=v.get("expert_email") or v.get("expert_name", ""),
            )
        return
    if "title" not in v:
        check.add("title", "title_required")
        return
    old = next((p for p in expert.publications if _same_publication(p, v)), None)
    pub = copy.deepcopy(old) if old else Publication(title=v["title"])
    for key in ("title", "abstract", "year", "venue", "doi", "authors"):
        if key in v:
            setattr(pub, key, v[key])
    if old is None:
        expert.publications.append(pub)
    else:
        expert.publications[expert.publications.index(old)] = pub

    def save(_: Publication) -> int:
        unit.experts.save(expert)
        assert pub.id is not None
        return pub.id

    changes.append(save_with_audit(unit, "publication", old, pub, save, check.row.location, pub.title))


def _same_publication(pub: Publication, values: dict[str, Any]) -> bool:
    if values.get("doi") and pub.doi:
        return bool(pub.doi == values["doi"])
    return bool(pub.title.casefold() == str(values.get("title", "")).casefold())


# -- profiles -----------------------------------------------------------------------------------


def _import_profile(unit: Unit, taxonomy: Taxonomy, check: RowCheck, changes: list[Change]) -> None:
    v = check.row.values
    title = _text(check.row, "title", BilingualText())
    fields = fields_of(check, taxonomy)
    org_id = None
    if "organisation" in v:
        org_id = find_or_create_organisation(
            unit,
            check,
            "organisation",
            v["organisation"],
            v.get("organisation_kind", OrgKind.COMPANY),
            v.get("country", ""),
            changes,
        )
    expert_id = _profile_expert(unit, check)
    existing = _find_profile(unit, check, org_id, expert_id, title)
    if existing is None and not title:
        check.add("title_ko", "title_required")
    if existing is None and org_id is None and expert_id is None and check.ok:
        check.add("organisation", "profile_owner_required")
    if not check.ok:
        return
    try:
        profile = _apply_profile(copy.deepcopy(existing), check.row, title, fields, org_id, expert_id)
    except DomainError as error:
        check.add_error("valid_until" if error.code == "validity_reversed" else "title_ko", error)
        return
    changes.append(
        save_with_audit(
            unit, "profile", existing, profile, unit.profiles.save, check.row.location, profile.title.both()
        )
    )


def _profile_expert(unit: Unit, check: RowCheck) -> int | None:
    ref = check.row.values.get("expert")
    if not ref:
        return None
    expert_id = unit.experts.id_by_email(ref) if "@" in ref else None
    ids = {expert_id} if expert_id is not None else unit.experts.ids_by_name(ref)
    if len(ids) == 1:
        return ids.pop()
    check.add(
        "expert", "ambiguous_expert" if ids else "unknown_expert", value=ref, ids=", ".join(map(str, sorted(ids)))
    )
    return None


def _find_profile(
    unit: Unit, check: RowCheck, org_id: int | None, expert_id: int | None, title: BilingualText
) -> Profile | None:
    if "id" in check.row.values:
        found: Profile | None = _existing_by_id(check, unit.profiles.get)
        return found
    if not title or (org_id is None and expert_id is None):
        return None
    ids = unit.profiles.ids_by_owner_and_title(org_id, expert_id, title)
    if len(ids) > 1:
        check.add("title_ko", "ambiguous_profile", value=title.both(), ids=", ".join(map(str, sorted(ids))))
        return None
    return unit.profiles.get(ids.pop()) if ids else None


def _apply_profile(
    old: Profile | None,
    row: SourceRow,
    title: BilingualText,
    fields: list[str] | None,
    org_id: int | None,
    expert_id: int | None,
) -> Profile:
    v = row.values
    base = old or Profile(kind=ProfileKind.NEED, title=title, organisation_id=org_id, expert_id=expert_id)
    return Profile(
        id=base.id,
        kind=v.get("kind", base.kind),
        title=BilingualText(ko=title.ko or base.title.ko, en=title.en or base.title.en),
        description=_text(row, "description", base.description),
        fields=base.fields if fields is None else fields,
        keywords=v.get("keywords", base.keywords),
        organisation_id=org_id if org_id is not None else base.organisation_id,
        expert_id=expert_id if expert_id is not None else base.expert_id,
        status=v.get("status", base.status if old else ProfileStatus.ACTIVE),
        valid_from=v.get("valid_from", base.valid_from),
        valid_until=v.get("valid_until", base.valid_until),
        contact=_contact(row, base.contact),
    )


_IMPORTERS: dict[RecordKind, Callable[[Unit, Taxonomy, RowCheck, list[Change]], None]] = {
    RecordKind.ORGANISATIONS: _import_organisation,
    RecordKind.EXPERTS: _import_expert,
    RecordKind.PUBLICATIONS: _import_publication,
    RecordKind.PROFILES: _import_profile,
}
