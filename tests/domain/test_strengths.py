"""Country and institution strengths per field on the fixture of tests/domain/outcome_fixture.py,
worked out by hand."""

from __future__ import annotations

import pytest

from seoro.domain.errors import DomainError
from seoro.domain.strengths import CountryStrength, InstitutionStrength, field_strengths
from seoro.domain.text import BilingualText as B
from tests.domain import outcome_fixture as fx

pytestmark = pytest.mark.unit


def countries(found: tuple[CountryStrength, ...]) -> list[tuple[str, int, int, int]]:
    return [(c.country, c.experts, c.organisations, c.results) for c in found]


def institutions(found: tuple[InstitutionStrength, ...]) -> list[tuple[int, str, int, int]]:
    return [(i.organisation_id, i.country, i.experts, i.results) for i in found]


def test_every_top_level_field_with_anything_in_it() -> None:
    hydrogen, ai = field_strengths(fx.taxonomy(), fx.directory(), fx.leads())
    assert (hydrogen.field, hydrogen.label, ai.field) == ("S07", B("수소", "Hydrogen"), "S09")
    # hydrogen experts: Grace Lee and Wei Chen (CA), Hans Müller (DE), the anonymous one (unknown);
    # organisations: 한빛 (KR), Toronto (CA), Fraunhofer (DE); results: lead 1's two (CA), lead 3's one (DE)
    assert countries(hydrogen.countries) == [("CA", 2, 1, 2), ("DE", 1, 1, 1), ("KR", 0, 1, 0), ("", 1, 0, 0)]
    assert hydrogen.countries[0].label == B("캐나다", "Canada")
    # 한빛 is a side of leads 1 and 3 (three results); Toronto of lead 1 (named), Fraunhofer of lead 3
    # (through Hans Müller's affiliation)
    assert institutions(hydrogen.institutions) == [(fx.HANBIT, "KR", 0, 3), (fx.TORONTO, "CA", 2, 2),
                                                   (fx.FRAUNHOFER, "DE", 1, 1)]  # fmt: skip
    # AI: 김도윤 (KR), Priya Rao (US through KSEA), Wei Chen (CA); 새솔대 (KR) and Toronto (CA);
    # the only AI result is lead 4's investment with KSEA (US). CA and KR tie: by code
    assert countries(ai.countries) == [("US", 1, 0, 1), ("CA", 1, 1, 0), ("KR", 1, 1, 0)]
    # 새솔대 and KSEA tie (one expert, one result): by number
    assert institutions(ai.institutions) == [(fx.SAESOL, "KR", 1, 1), (fx.KSEA, "US", 1, 1), (fx.TORONTO, "CA", 1, 0)]
    assert ai.institutions[1].name == B("재미한인과학기술자협회", "KSEA")


def test_one_sub_field() -> None:
    (electrolysis,) = field_strengths(fx.taxonomy(), fx.directory(), fx.leads(), "S07.01")
    # Grace Lee and 한빛 are tagged S07.01; lead 1 (two results) is too
    assert countries(electrolysis.countries) == [("CA", 1, 0, 2), ("KR", 0, 1, 0)]
    # 한빛 and Toronto both have lead 1's two results; Toronto has an expert
    assert institutions(electrolysis.institutions) == [(fx.TORONTO, "CA", 1, 2), (fx.HANBIT, "KR", 0, 2)]


def test_a_field_nobody_works_in_is_empty_and_an_unknown_one_refused() -> None:
    (quantum,) = field_strengths(fx.taxonomy(), fx.directory(), fx.leads(), "S12")
    assert (quantum.countries, quantum.institutions) == ((), ())
    with pytest.raises(DomainError) as refused:
        field_strengths(fx.taxonomy(), fx.directory(), fx.leads(), "S99")
    assert refused.value.code == "unknown_field"
