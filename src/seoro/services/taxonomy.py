"""The taxonomy as agencies use it: the shipped national fields, their own fields and focus sets."""

from __future__ import annotations

from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import FieldSource, FocusSet, Taxonomy, TechField
from seoro.services.database import Database, Unit
from seoro.services.snapshots import cached


def sync_national_fields(unit: Unit) -> int:
    """Add or refresh the shipped fields; returns how many changed. Custom fields are left alone."""
    stored = unit.fields.load().fields
    changed = 0
    for tech_field in national_fields():
        old = stored.get(tech_field.code)
        if old == tech_field:
            continue
        unit.fields.save_field(tech_field, exists=old is not None)
        changed += 1
    return changed


def load_taxonomy(db: Database) -> Taxonomy:
    """The stored taxonomy, shared per data version (``services.snapshots``): do not add to it."""
    with db.reading() as unit:
        return taxonomy_in(unit)


def taxonomy_in(unit: Unit) -> Taxonomy:
    return cached(unit, ("taxonomy",), lambda u: u.fields.load())


def add_field(unit: Unit, tech_field: TechField) -> None:
    """Add a custom field (checked against the whole tree first: unique code and labels, known parent)."""
    if tech_field.source is not FieldSource.CUSTOM:
        raise DomainError("only_custom_fields")
    taxonomy = unit.fields.load()
    taxonomy.add(tech_field)
    unit.fields.save_field(tech_field, exists=False)
    unit.record(
        Action.CREATE, "tech_field", 0, {"code": [None, tech_field.code], "label": [None, tech_field.label.both()]}
    )


def save_focus_set(unit: Unit, focus: FocusSet) -> bool:
    """Create or replace a focus set; returns whether anything changed."""
    taxonomy = unit.fields.load()
    old = taxonomy.focus_sets.get(focus.code)
    if old == focus:
        return False
    taxonomy.add_focus_set(focus)
    unit.fields.save_focus_set(focus, exists=old is not None)
    unit.record(
        Action.UPDATE if old else Action.CREATE,
        "focus_set",
        0,
        {"code": [None, focus.code], "fields": [list(old.fields) if old else None, list(focus.fields)]},
    )
    return True


def expand(taxonomy: Taxonomy, codes: list[str]) -> frozenset[str]:
    """The fields themselves and every field below them, for filters ('S07' finds 'S07.03' too)."""
    wanted = set(codes)
    return frozenset(code for code in taxonomy.fields if wanted & {code, *taxonomy.ancestors(code)})
