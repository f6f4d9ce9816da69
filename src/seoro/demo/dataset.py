"""The demo data set: one fictional province's international R&D cooperation, built deterministically.

``build_demo()`` returns the same data on every call and every machine. Records are plain dicts keyed
by the column keys of ``seoro.files.columns`` with values typed the way the spreadsheet reader
yields them, so that the demo loader and a real import go through the same path. References between
records are by name (an organisation's name or alias, an expert's e-mail); no record carries an id.

Who is in it:

- 한빛도 (Hanbit Province, fictional), its global R&D task force of ten institutes, the fictional
  city 새솔시 (Saesol City) and an innovation zone around the province's energy institute;
- 35 fictional regional firms in the province's six focus industries, each with one or two
  technology needs written in Korean;
- AKCSE and KSEA with chapters, OKTA, and the foreign institutions CONTEXT names (with only what it
  says about them), plus fictional universities and companies in Canada, the US, France and Israel;
- 100 synthetic member experts with papers, and English offers and partner searches from abroad;
- three agreements: province–AKCSE at CKC 2025, city–KSEA chapters, province–OKTA.

Loaded with it (``services.demo``): the October brokerage event (``demo.event``, to be scheduled), and
a year of follow-up, December 2025 to November 2026: a partnering day held in May
(``demo.spring_event``) and 44 cooperation leads with their steps, results and MOUs (``demo.pipeline``).
"""

from __future__ import annotations

from dataclasses import dataclass

from seoro.demo.agreements import DemoAgreement, DemoFollowUp, DemoParty, build_agreements
from seoro.demo.common import Record
from seoro.demo.fields import custom_fields, focus_sets
from seoro.demo.firms import firm_records
from seoro.demo.organisations import organisation_records
from seoro.demo.people import build_experts
from seoro.demo.profiles import build_profiles
from seoro.demo.publications import build_publications
from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import FocusSet, Taxonomy, TechField

__all__ = ["DemoAgreement", "DemoData", "DemoFollowUp", "DemoParty", "Record", "build_demo"]


@dataclass(frozen=True)
class DemoData:
    custom_fields: list[TechField]
    focus_sets: list[FocusSet]
    organisations: list[Record]
    experts: list[Record]
    publications: list[Record]
    profiles: list[Record]
    agreements: list[DemoAgreement]

    def taxonomy(self) -> Taxonomy:
        """The national fields plus this data set's custom fields and focus sets."""
        return Taxonomy.of(national_fields() + self.custom_fields, self.focus_sets)


def build_demo() -> DemoData:
    experts = build_experts()
    return DemoData(
        custom_fields=custom_fields(),
        focus_sets=focus_sets(),
        organisations=organisation_records() + firm_records(),
        experts=experts,
        publications=build_publications(experts),
        profiles=build_profiles(experts),
        agreements=build_agreements(),
    )
