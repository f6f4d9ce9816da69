"""Country and institution strengths per technology field: where to look for partners in a field.

For each field (every top-level field, or the one asked for with its sub-fields):

- a **country** counts the field's experts there (their own country, else their first affiliation's),
  its organisations there, and the results
  (result steps) of the field's leads with a partner there (a lead's partner countries as in
  :mod:`seoro.domain.grouping`: the non-Korean sides; Korea for a lead between Korean sides);
- an **institution** (an organisation) counts the field's experts affiliated with it (any
  affiliation) and the results of the field's leads it is a side of (named, or through the
  expert's first affiliation). Listed: the field's organisations, and any organisation with an
  expert or a result in the field.

A record or lead is in a field when one of its codes is the field or lies under it.

**Order** (strongest first): results, then experts, then organisations (countries) — proven
cooperation first, then the pool of people to approach, then institutions; ties by country code or
organisation number. The unknown country (``""``) comes last.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from seoro.domain.directory import Expert, Organisation
from seoro.domain.grouping import UNKNOWN, Directory, country_label, field_label, in_field, lead_countries
from seoro.domain.pipeline import Lead
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText


@dataclass(frozen=True)
class CountryStrength:
    country: str  # ISO code; "" for unknown
    label: BilingualText
    experts: int
    organisations: int
    results: int


@dataclass(frozen=True)
class InstitutionStrength:
    organisation_id: int
    name: BilingualText
    country: str
    experts: int
    results: int


@dataclass(frozen=True)
class FieldStrengths:
    field: str
    label: BilingualText
    countries: tuple[CountryStrength, ...]
    institutions: tuple[InstitutionStrength, ...]


@dataclass
class _Tally:
    experts: set[int] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)
    results: int = 0


def field_strengths(
    taxonomy: Taxonomy, directory: Directory, leads: Sequence[Lead], field_code: str | None = None
) -> list[FieldStrengths]:
    """The strengths of ``field_code`` (known to ``taxonomy``), or of every top-level field that has
    any expert, organisation or lead."""
    if field_code is not None:
        taxonomy.get(field_code)  # refuses an unknown code
        return [_strengths(field_code, taxonomy, directory, leads)]
    found = (_strengths(f.code, taxonomy, directory, leads) for f in taxonomy.children(None))
    return [s for s in found if s.countries or s.institutions]


def _strengths(code: str, taxonomy: Taxonomy, directory: Directory, leads: Sequence[Lead]) -> FieldStrengths:
    experts = [e for e in directory.experts.values() if in_field(e.fields, code, taxonomy)]
    organisations = [o for o in directory.organisations.values() if in_field(o.fields, code, taxonomy)]
    led = [lead for lead in leads if in_field(lead.fields, code, taxonomy) and lead.results()]
    return FieldStrengths(
        code,
        field_label(code, taxonomy),
        _countries(experts, organisations, led, directory),
        _institutions(experts, organisations, led, directory),
    )


def _countries(
    experts: Iterable[Expert], organisations: Iterable[Organisation], leads: Iterable[Lead], directory: Directory
) -> tuple[CountryStrength, ...]:
    tally: dict[str, _Tally] = {}
    for e in experts:
        tally.setdefault(directory.country(None, e.id), _Tally()).experts.add(_id(e.id))
    for o in organisations:
        tally.setdefault(o.country, _Tally()).organisations.add(_id(o.id))
    for lead in leads:
        for country in lead_countries(lead, directory):
            tally.setdefault(country, _Tally()).results += len(lead.results())
    rows = [
        CountryStrength(c, country_label(c), len(t.experts), len(t.organisations), t.results) for c, t in tally.items()
    ]
    return tuple(
        sorted(rows, key=lambda r: (r.country == UNKNOWN, -r.results, -r.experts, -r.organisations, r.country))
    )


def _institutions(
    experts: Iterable[Expert], organisations: Iterable[Organisation], leads: Iterable[Lead], directory: Directory
) -> tuple[InstitutionStrength, ...]:
    tally: dict[int, _Tally] = {_id(o.id): _Tally() for o in organisations}
    for e in experts:
        for a in e.affiliations:
            tally.setdefault(a.organisation_id, _Tally()).experts.add(_id(e.id))
    for lead in leads:
        sides = {o.id for o in (directory.organisation_of(s) for s in lead.sides) if o is not None and o.id is not None}
        for org_id in sides:
            tally.setdefault(org_id, _Tally()).results += len(lead.results())
    rows = [
        InstitutionStrength(i, org.name, org.country, len(t.experts), t.results)
        for i, t in tally.items()
        if (org := directory.organisations.get(i)) is not None
    ]
    return tuple(sorted(rows, key=lambda r: (-r.results, -r.experts, r.organisation_id)))


def _id(value: int | None) -> int:
    assert value is not None, "stored records"
    return value
