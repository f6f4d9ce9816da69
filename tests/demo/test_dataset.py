from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from seoro.demo import DemoData, build_demo
from seoro.domain.countries import known_countries
from seoro.domain.names import normalise_name
from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import FieldSource, Taxonomy
from seoro.domain.text import has_hangul, language_of
from seoro.domain.vocab import LANGUAGES, OrgKind, ProfileKind, ProfileStatus
from seoro.files.cleaning import parse_value
from seoro.files.columns import COLUMNS, Column, RecordKind, ValueType

pytestmark = pytest.mark.unit

# Keys the reader routes to a Korean or English slot by script, and the id only exports carry.
NOT_USED = {
    RecordKind.ORGANISATIONS: {"id", "name", "description"},
    RecordKind.EXPERTS: {"id", "name", "expertise"},
    RecordKind.PUBLICATIONS: set(),
    RecordKind.PROFILES: {"id", "title", "description"},
}
RESERVED_DOMAINS = ("example.org", "example.com")
REAL_ORGANISATIONS = {
    "Association of Korean-Canadian Scientists and Engineers",
    "Korean-American Scientists and Engineers Association",
    "KSEA Southern California Chapter",
    "KSEA San Diego Chapter",
    "World Federation of Overseas Korean Traders Associations",
    "Massachusetts Institute of Technology",
    "MIT Industrial Liaison Program",
    "LabCentral",
    "University of California San Diego",
    "Calit2",
    "CONNECT",
    "CommNexus",
    "City of San Diego",
}


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return build_demo()


def _columns(kind: RecordKind) -> dict[str, Column]:
    """The columns of ``kind`` by key; for experts also the two slots the generic expertise column fills."""
    columns = {c.key: c for c in COLUMNS[kind]}
    if kind is RecordKind.EXPERTS:
        columns.setdefault("expertise_ko", columns["expertise"])
        columns.setdefault("expertise_en", columns["expertise"])
    return columns


def _records(demo: DemoData) -> dict[RecordKind, list[dict[str, object]]]:
    return {
        RecordKind.ORGANISATIONS: demo.organisations,
        RecordKind.EXPERTS: demo.experts,
        RecordKind.PUBLICATIONS: demo.publications,
        RecordKind.PROFILES: demo.profiles,
    }


def _list(record: dict[str, object], key: str) -> list[str]:
    """A list-valued key of a record (empty when absent)."""
    values = record.get(key, [])
    assert isinstance(values, list)
    return [str(v) for v in values]


def _names(org: dict[str, object]) -> list[str]:
    return [str(n) for n in (org.get("name_ko"), org.get("name_en"), *_list(org, "aliases")) if n]


def _name_index(demo: DemoData) -> dict[str, dict[str, object]]:
    """Every organisation under the normalised form of each of its names."""
    return {normalise_name(name): org for org in demo.organisations for name in _names(org)}


def _firms(demo: DemoData) -> list[dict[str, object]]:
    return [o for o in demo.organisations if o["kind"] is OrgKind.COMPANY and o["country"] == "KR"]


def _references(demo: DemoData) -> list[str]:
    """Every organisation name that some record or agreement refers to."""
    refs = [str(o["parent"]) for o in demo.organisations if "parent" in o]
    for expert in demo.experts:
        refs += _list(expert, "affiliations") + _list(expert, "memberships")
    refs += [str(p["organisation"]) for p in demo.profiles if "organisation" in p]
    refs += [party.organisation for agreement in demo.agreements for party in agreement.parties]
    return refs


# Determinism and size


def test_build_demo_is_deterministic() -> None:
    assert build_demo() == build_demo()


def test_build_demo_leaves_global_random_alone() -> None:
    random.seed(7)
    expected = random.random()
    random.seed(7)
    build_demo()
    assert random.random() == expected


def test_counts_are_in_the_stated_ranges(demo: DemoData) -> None:
    assert 30 <= len(_firms(demo)) <= 40
    assert 90 <= len(demo.experts) <= 110
    per_expert = Counter(p["expert_email"] for p in demo.publications)
    assert set(per_expert.values()) <= {2, 3, 4}
    assert len(per_expert) == len(demo.experts)


def test_counts_exactly(demo: DemoData) -> None:
    kinds = Counter(o["kind"] for o in demo.organisations)
    assert kinds == {
        OrgKind.COMPANY: 44,
        OrgKind.RESEARCH_INSTITUTE: 11,
        OrgKind.UNIVERSITY: 9,
        OrgKind.CHAPTER: 6,
        OrgKind.OTHER: 5,
        OrgKind.GOVERNMENT: 3,
        OrgKind.ASSOCIATION: 2,
        OrgKind.INNOVATION_ZONE: 1,
        OrgKind.TRADE_NETWORK: 1,
        OrgKind.INCUBATOR: 1,
    }
    assert len(_firms(demo)) == 35
    assert len(demo.experts) == 100
    assert len(demo.publications) == 302
    assert Counter(p["kind"] for p in demo.profiles) == {
        ProfileKind.NEED: 44,
        ProfileKind.OFFER: 10,
        ProfileKind.PARTNER_SEARCH: 9,
        ProfileKind.EXPERTISE: 5,
        ProfileKind.BUSINESS_REQUEST: 1,
        ProfileKind.BUSINESS_OFFER: 1,
    }
    assert Counter(p["status"] for p in demo.profiles) == {
        ProfileStatus.ACTIVE: 54,
        ProfileStatus.MATCHED: 9,
        ProfileStatus.DRAFT: 5,
        ProfileStatus.CLOSED: 2,
    }
    assert len(demo.agreements) == 3


def test_experts_live_mostly_in_canada_and_the_us(demo: DemoData) -> None:
    assert Counter(e["country"] for e in demo.experts) == {"CA": 50, "US": 40, "FR": 4, "IL": 3, "KR": 3}


# Keys and value types


@pytest.mark.parametrize("kind", list(RecordKind))
def test_record_keys_are_column_keys(demo: DemoData, kind: RecordKind) -> None:
    used = {key for record in _records(demo)[kind] for key in record}
    assert used <= set(_columns(kind)) - NOT_USED[kind]


def _check_type(column: Column, value: object) -> None:
    t = column.type
    if t in (ValueType.TEXT, ValueType.LONGTEXT, ValueType.EMAIL, ValueType.URL, ValueType.DOI):
        assert isinstance(value, str) and value, (column.key, value)
    elif t in (ValueType.LIST, ValueType.NAMES):
        assert isinstance(value, list) and value and all(isinstance(v, str) and v for v in value), (column.key, value)
    elif t in (ValueType.INT, ValueType.YEAR):
        assert type(value) is int, (column.key, value)
    elif t is ValueType.DATE:
        assert type(value) is date, (column.key, value)
    elif t is ValueType.COUNTRY:
        assert value in known_countries(), (column.key, value)
    elif t is ValueType.LANGUAGES:
        assert isinstance(value, list) and value and set(value) <= set(LANGUAGES), (column.key, value)
    else:
        assert column.choices is not None and isinstance(value, column.choices), (column.key, value)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_values_have_the_column_type(demo: DemoData, kind: RecordKind) -> None:
    columns = _columns(kind)
    for record in _records(demo)[kind]:
        for key, value in record.items():
            _check_type(columns[key], value)


def _as_cell(column: Column, value: object) -> object:
    """The value as staff would type it into a spreadsheet cell."""
    if isinstance(value, list):
        return ("; " if column.type is ValueType.NAMES else ", ").join(value)
    if column.type is ValueType.CHOICE:
        return str(value)
    return value


@pytest.mark.parametrize("kind", list(RecordKind))
def test_values_are_what_the_reader_would_produce(demo: DemoData, kind: RecordKind) -> None:
    columns = _columns(kind)
    for record in _records(demo)[kind]:
        for key, value in record.items():
            assert parse_value(columns[key], _as_cell(columns[key], value)) == value, (key, value)


# References


def test_every_reference_resolves(demo: DemoData) -> None:
    index = _name_index(demo)
    missing = [ref for ref in _references(demo) if normalise_name(ref) not in index]
    assert missing == []
    emails = {e["email"] for e in demo.experts}
    assert {p["expert_email"] for p in demo.publications} <= emails
    assert {p["expert"] for p in demo.profiles if "expert" in p} <= emails


def test_no_two_organisations_share_a_name(demo: DemoData) -> None:
    keys = [key for org in demo.organisations for key in {normalise_name(name) for name in _names(org)}]
    assert [key for key, count in Counter(keys).items() if count > 1] == []


def test_references_that_need_alias_recognition(demo: DemoData) -> None:
    exact = {name for org in demo.organisations for name in (org.get("name_ko"), org.get("name_en")) if name}
    aliases = {alias for org in demo.organisations for alias in _list(org, "aliases")}
    indirect = {ref for ref in _references(demo) if ref not in exact}
    assert indirect & aliases == {"AKCSE", "KSEA", "HIST", "MIT", "UC San Diego"}
    assert indirect - aliases == {"주식회사 한빛수소테크", "솔리드셀", "한빛그린바이오", "(주)새솔모빌리티"}
    index = _name_index(demo)
    assert index[normalise_name("HIST")]["name_ko"] == "한빛과학기술원"
    assert index[normalise_name("주식회사 한빛수소테크")]["name_ko"] == "(주)한빛수소테크"


def test_chapters_belong_to_their_associations(demo: DemoData) -> None:
    chapters = {str(o["name_en"]): o["parent"] for o in demo.organisations if o["kind"] is OrgKind.CHAPTER}
    akcse = "Association of Korean-Canadian Scientists and Engineers"
    ksea = "Korean-American Scientists and Engineers Association"
    assert chapters == {
        "AKCSE Toronto Chapter": akcse,
        "AKCSE Montréal Chapter": akcse,
        "AKCSE Vancouver Chapter": akcse,
        "AKCSE Ottawa Chapter": akcse,
        "KSEA Southern California Chapter": ksea,
        "KSEA San Diego Chapter": ksea,
    }


def test_zone_has_its_core_institution_as_parent(demo: DemoData) -> None:
    (zone,) = [o for o in demo.organisations if o["kind"] is OrgKind.INNOVATION_ZONE]
    assert zone["parent"] == "한빛에너지연구원"


def test_task_force_has_ten_institutes(demo: DemoData) -> None:
    members = [o for o in demo.organisations if "태스크포스 참여기관" in str(o.get("description_ko", ""))]
    assert len(members) == 10
    assert "한빛테크노파크" in {o["name_ko"] for o in members}


def test_real_organisations_carry_only_what_context_says(demo: DemoData) -> None:
    real = [o for o in demo.organisations if o.get("name_en") in REAL_ORGANISATIONS]
    assert len(real) == len(REAL_ORGANISATIONS)
    allowed = {"name_ko", "name_en", "aliases", "kind", "country", "region", "parent", "description_en"}
    assert all(set(o) <= allowed for o in real)


# Uniqueness and reserved names


def test_emails_are_unique_and_reserved(demo: DemoData) -> None:
    emails = [str(e["email"]) for e in demo.experts]
    assert len(set(emails)) == len(emails)
    everywhere = emails + [str(r[k]) for r in demo.organisations + demo.profiles for k in ("contact_email",) if k in r]
    everywhere += [p.contact_email for a in demo.agreements for p in a.parties]
    domains = {e.split("@")[1] for e in everywhere}
    assert all(d in RESERVED_DOMAINS or d.endswith(tuple("." + r for r in RESERVED_DOMAINS)) for d in domains)


def test_websites_use_reserved_domains(demo: DemoData) -> None:
    hosts = {str(o["website"]).removeprefix("https://").split("/")[0] for o in demo.organisations if "website" in o}
    assert all(host.endswith((".example.org", ".example.com")) for host in hosts)


def test_dois_are_unique_test_dois(demo: DemoData) -> None:
    dois = [str(p["doi"]) for p in demo.publications]
    assert len(set(dois)) == len(dois)
    assert all(doi.startswith("10.5555/") for doi in dois)


def test_expert_names_are_unique(demo: DemoData) -> None:
    names = [e["name_en"] for e in demo.experts]
    assert len(set(names)) == len(names)


# Fields


def test_custom_fields_and_focus_sets_build_a_taxonomy(demo: DemoData) -> None:
    taxonomy = Taxonomy.of(national_fields() + demo.custom_fields, demo.focus_sets)
    assert all(f.source is FieldSource.CUSTOM for f in demo.custom_fields)
    assert [f.code for f in demo.custom_fields] == [
        "R.AGRIBIO", "R.SPV", "R.DEFMAT", "R.BIT", "R.ICTE", "R.ENERGY", "R.CARBON", "R.BIOHEALTH",
        "R.SMARTIT", "R.ENVENERGY", "R.CHEM", "R.CHEM.FINE", "R.MACH", "R.SW", "R.BASICSCI",
    ]  # fmt: skip
    assert list(taxonomy.focus_sets) == [
        "HANBIT.FOCUS6", "ZONE.CONSORTIA", "ZONE.CLUSTERS", "MPE.FR", "MPE.US", "MPE.IL", "MPE.RU",
    ]  # fmt: skip
    assert taxonomy.focus_sets["HANBIT.FOCUS6"].fields == ("S07", "S02", "R.AGRIBIO", "R.SPV", "R.DEFMAT", "S09.03")
    assert demo.taxonomy().fields == taxonomy.fields


def test_custom_synonyms_resolve_to_their_own_field(demo: DemoData) -> None:
    taxonomy = demo.taxonomy()
    for tech_field in demo.custom_fields:
        for name in (tech_field.label.ko, tech_field.label.en, *tech_field.synonyms):
            assert taxonomy.resolve(name) == tech_field.code, name


def test_every_field_entry_resolves(demo: DemoData) -> None:
    taxonomy = Taxonomy.of(national_fields() + demo.custom_fields, demo.focus_sets)
    for record in demo.organisations + demo.experts + demo.profiles:
        for entry in _list(record, "fields"):
            taxonomy.resolve(entry)


def test_expert_fields_are_national_sub_fields_covering_all_twelve(demo: DemoData) -> None:
    national = {f.code: f for f in national_fields()}
    codes = [code for e in demo.experts for code in _list(e, "fields")]
    assert all(code in national and national[code].parent for code in codes)
    assert {national[code].parent for code in codes} == {f"S{n:02d}" for n in range(1, 13)}


# Language


def test_needs_are_korean_and_owned_by_regional_firms(demo: DemoData) -> None:
    index = _name_index(demo)
    needs = [p for p in demo.profiles if p["kind"] is ProfileKind.NEED]
    assert all(has_hangul(str(p["title_ko"])) and has_hangul(str(p["description_ko"])) for p in needs)
    assert all("title_en" not in p for p in needs)
    owners = {id(index[normalise_name(str(p["organisation"]))]) for p in needs}
    assert owners == {id(firm) for firm in _firms(demo)}


def test_profiles_from_abroad_are_english(demo: DemoData) -> None:
    others = [p for p in demo.profiles if p["kind"] is not ProfileKind.NEED]
    assert all(language_of(str(p["title_en"])) == "en" and not has_hangul(str(p["title_en"])) for p in others)
    assert all(("organisation" in p) != ("expert" in p) for p in others)


def test_expertise_is_english(demo: DemoData) -> None:
    assert all(language_of(str(e["expertise_en"])) == "en" for e in demo.experts)
    assert all("expertise_ko" not in e for e in demo.experts)


def test_some_montreal_experts_speak_french(demo: DemoData) -> None:
    montreal = [e for e in demo.experts if "AKCSE Montréal Chapter" in _list(e, "memberships")]
    assert any("fr" in _list(e, "languages") for e in montreal)
    assert any(e["languages"] == ["fr", "en"] for e in montreal)


def test_korean_names_only_for_korean_given_names(demo: DemoData) -> None:
    with_korean = [e for e in demo.experts if "name_ko" in e]
    assert all(has_hangul(str(e["name_ko"])) and "ko" in _list(e, "languages") for e in with_korean)
    assert 50 <= len(with_korean) < len(demo.experts)


# Dates


def test_profile_validity_lies_in_2025_and_2026(demo: DemoData) -> None:
    for profile in demo.profiles:
        start, end = profile["valid_from"], profile["valid_until"]
        assert isinstance(start, date) and isinstance(end, date)
        assert date(2025, 1, 1) <= start <= end <= date(2026, 12, 31)


def test_publication_years_lie_in_2015_to_2025(demo: DemoData) -> None:
    assert {p["year"] for p in demo.publications} <= set(range(2015, 2026))


# Agreements


def test_province_akcse_agreement_at_ckc_2025(demo: DemoData) -> None:
    agreement = demo.agreements[0]
    assert [p.organisation for p in agreement.parties] == [
        "한빛도",
        "Association of Korean-Canadian Scientists and Engineers",
    ]
    assert date(2025, 7, 28) <= agreement.signed_on <= date(2025, 8, 1)
    assert agreement.place == "Montréal"
    assert agreement.event.startswith("CKC 2025")
    assert [s.en for s in agreement.scope] == [
        "Discovering joint research projects",
        "Exchange of technical people",
        "Helping regional firms enter foreign markets",
        "Attracting overseas scientists",
    ]
    assert agreement.follow_ups[0].due == date(2025, 10, 1)
    assert "October 2025" in agreement.follow_ups[0].description.en


def test_city_ksea_chapters_agreement(demo: DemoData) -> None:
    agreement = demo.agreements[1]
    assert [p.organisation for p in agreement.parties] == [
        "새솔시",
        "KSEA Southern California Chapter",
        "KSEA San Diego Chapter",
    ]
    assert all(p.contact_name and p.contact_email for p in agreement.parties)
    assert [s.en for s in agreement.scope] == [
        "Technology exchange",
        "Economic cooperation",
        "A named contact person on each side",
        "Joint programmes",
    ]
    assert [f.description.en for f in agreement.follow_ups] == [
        "Student exchange programme",
        "Youth science exchange camp",
    ]


def test_agreements_are_bilingual_with_distinct_parties(demo: DemoData) -> None:
    index = _name_index(demo)
    for agreement in demo.agreements:
        assert agreement.title.ko and agreement.title.en
        assert all(s.ko and s.en for s in agreement.scope)
        parties = [id(index[normalise_name(p.organisation)]) for p in agreement.parties]
        assert len(set(parties)) == len(parties) >= 2
    assert [p.organisation for p in demo.agreements[2].parties] == [
        "한빛도",
        "World Federation of Overseas Korean Traders Associations",
    ]
