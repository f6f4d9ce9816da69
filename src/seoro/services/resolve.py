"""Turning names written in a file into the records they mean, collecting problems instead of stopping."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from seoro.domain.audit import Action, diff
from seoro.domain.directory import Organisation
from seoro.domain.errors import DomainError, Location, Problem
from seoro.domain.names import guess_kind
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText, language_of
from seoro.domain.vocab import OrgKind
from seoro.files.records import SourceRow
from seoro.services.database import Unit


@dataclass
class RowCheck:
    """Problems found in one row; each names the cell it came from."""

    row: SourceRow
    problems: list[Problem] = field(default_factory=list)

    def add(self, key: str, code: str, **params: Any) -> None:
        self.problems.append(Problem(self.row.where(key), key, code, params))

    def add_error(self, key: str, error: DomainError) -> None:
        self.add(key, error.code, **error.params)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Change:
    """What importing one row did (or, on a dry run, would do)."""

    location: Location
    entity: str
    action: str  # created | updated | unchanged
    entity_id: int
    label: str
    changed: tuple[str, ...] = ()


def fields_of(check: RowCheck, taxonomy: Taxonomy, key: str = "fields") -> list[str] | None:
    texts = check.row.values.get(key)
    if texts is None:
        return None
    codes: list[str] = []
    for text in texts:
        try:
            codes.append(taxonomy.resolve(text))
        except DomainError as error:
            check.add_error(key, error)
    return list(dict.fromkeys(codes))


def organisation_id(unit: Unit, check: RowCheck, key: str, name: str) -> int | None:
    """The one organisation called ``name``; a problem when there is none or more than one."""
    ids = unit.organisations.ids_by_name([name])
    if len(ids) == 1:
        return ids.pop()
    check.add(
        key,
        "ambiguous_organisation" if ids else "unknown_organisation",
        value=name,
        ids=", ".join(map(str, sorted(ids))),
    )
    return None


def find_or_create_organisation(
    unit: Unit, check: RowCheck, key: str, name: str, kind: OrgKind | None, country: str, changes: list[Change]
) -> int | None:
    """As :func:`organisation_id`, but an unknown name becomes a new organisation (reported as created)."""
    ids = unit.organisations.ids_by_name([name])
    if len(ids) > 1:
        check.add(key, "ambiguous_organisation", value=name, ids=", ".join(map(str, sorted(ids))))
        return None
    if ids:
        return ids.pop()
    slot = {"ko": BilingualText(ko=name), "en": BilingualText(en=name)}[language_of(name)]
    org = Organisation(kind=kind or OrgKind(guess_kind(name)), name=slot, country=country)
    new_id = unit.organisations.save(org)
    unit.record(Action.CREATE, "organisation", new_id, diff(None, org))
    changes.append(Change(check.row.where(key), "organisation", "created", new_id, name))
    return new_id


def save_with_audit(
    unit: Unit, entity: str, before: Any, after: Any, save: Any, location: Location, label: str
) -> Change:
    """Save ``after`` if it differs from ``before`` and log it; the outcome says which happened."""
    changed = diff(before, after)
    if before is not None and not changed:
        return Change(location, entity, "unchanged", before.id, label)
    new_id = int(save(after))
    unit.record(Action.UPDATE if before is not None else Action.CREATE, entity, new_id, changed)
    return Change(location, entity, "updated" if before is not None else "created", new_id, label, tuple(changed))
