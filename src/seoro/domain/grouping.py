"""How the reports group leads and the directory: the parties of a lead (who, which country, which
region), and the top-level technology field of a set of codes.

The rules, shared by the outcome report (:mod:`seoro.domain.outcomes`) and the strengths table
(:mod:`seoro.domain.strengths`) so that both count a lead under the same country and field:

- A side's **organisation** is the one the lead names, else the expert's first affiliation.
- A side's **country** is its named organisation's country, else the expert's own country, else the
  country of the expert's first affiliation; ``""`` when none is known.
- A lead's **partner countries** are the countries of its sides other than Korea (:data:`HOME`): a
  lead between a Korean firm and a Canadian lab counts for Canada. A lead between two Korean sides
  counts for Korea; a lead whose sides' countries are all unknown, under ``""``.
- A lead's **regions** are the regions of its Korean sides' organisations (``""`` when unknown).
- A code's **top-level field** is the root of its branch of the taxonomy; codes the taxonomy does
  not know are left out, and a set with no known code is grouped under ``""`` (unclassified).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from seoro.domain.countries import country_name, known_countries
from seoro.domain.directory import Expert, Organisation
from seoro.domain.pipeline import Lead, Side
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText

HOME = "KR"  # the agencies' own country: the other side of a lead is the partner
UNKNOWN = ""  # the group of records whose country, region or field is not known


@dataclass(frozen=True)
class Directory:
    """The organisations and experts the parties of leads and participants are looked up in."""

    organisations: Mapping[int, Organisation]
    experts: Mapping[int, Expert]

    @classmethod
    def of(cls, organisations: Iterable[Organisation], experts: Iterable[Expert]) -> Directory:
        return cls({o.id: o for o in organisations if o.id is not None}, {e.id: e for e in experts if e.id is not None})

    def organisation_of(self, side: Side) -> Organisation | None:
        """The side's organisation: the one the lead names, else the expert's first affiliation."""
        if side.organisation_id is not None:
            return self.organisations.get(side.organisation_id)
        return self._affiliation(side.expert_id)

    def country_of(self, side: Side) -> str:
        return self.country(side.organisation_id, side.expert_id)

    def country(self, organisation_id: int | None, expert_id: int | None) -> str:
        """The named organisation's country, else the expert's own, else their first affiliation's."""
        named = self.organisations.get(organisation_id) if organisation_id is not None else None
        expert = self.experts.get(expert_id) if expert_id is not None else None
        affiliation = self._affiliation(expert_id)
        for found in (named.country if named else "", expert.country if expert else ""):
            if found:
                return found
        return affiliation.country if affiliation else UNKNOWN

    def region_of(self, side: Side) -> str:
        organisation = self.organisation_of(side)
        return organisation.region if organisation else UNKNOWN

    def name_of(self, side: Side) -> BilingualText:
        """``expert · organisation``, or whichever the side names."""
        named = self.organisations.get(side.organisation_id) if side.organisation_id is not None else None
        expert = self.experts.get(side.expert_id) if side.expert_id is not None else None
        names = [x.name for x in (expert, named) if x is not None]
        return BilingualText.joined(names) if names else BilingualText(f"#{side.organisation_id or side.expert_id}")

    def _affiliation(self, expert_id: int | None) -> Organisation | None:
        expert = self.experts.get(expert_id) if expert_id is not None else None
        if expert is None or not expert.affiliations:
            return None
        return self.organisations.get(expert.affiliations[0].organisation_id)


def lead_countries(lead: Lead, directory: Directory) -> list[str]:
    """The lead's partner countries (see the module's rules), each once."""
    known = [c for c in (directory.country_of(s) for s in lead.sides) if c]
    foreign = list(dict.fromkeys(c for c in known if c != HOME))
    return foreign or ([HOME] if known else [UNKNOWN])


def lead_regions(lead: Lead, directory: Directory) -> list[str]:
    """The regions of the lead's Korean sides, each once; ``[""]`` when none is known."""
    regions = [directory.region_of(s) for s in lead.sides if directory.country_of(s) == HOME]
    return list(dict.fromkeys(r for r in regions if r)) or [UNKNOWN]


def top_fields(codes: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """The top-level fields of ``codes``, each once, in the order first met; ``[""]`` when none is known."""
    roots = (_root(code, taxonomy) for code in codes if code in taxonomy.fields)
    return list(dict.fromkeys(roots)) or [UNKNOWN]


def in_field(codes: Iterable[str], field: str, taxonomy: Taxonomy) -> bool:
    """Whether any of ``codes`` is ``field`` or lies under it."""
    return any(c == field or (c in taxonomy.fields and field in taxonomy.ancestors(c)) for c in codes)


def _root(code: str, taxonomy: Taxonomy) -> str:
    chain = taxonomy.ancestors(code)
    return chain[-1] if chain else code


def country_label(code: str) -> BilingualText:
    """The country's name in both languages; a code Seoro has no name for stands for itself."""
    return country_name(code) if code in _KNOWN else BilingualText(code, code)


def field_label(code: str, taxonomy: Taxonomy) -> BilingualText:
    found = taxonomy.fields.get(code)
    return found.label if found else BilingualText(code, code)


_KNOWN = frozenset(known_countries())
