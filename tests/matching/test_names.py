"""Name similarity across scripts: people, organisations, acronyms and loanwords."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.glossary import Glossary
from seoro.matching.names import (
    NameMatcher,
    initials,
    name_similarity,
    org_similarity,
    person_similarity,
    transliteration_similarity,
)
from seoro.matching.romanise import key_similarity, loan_key

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(Glossary.build(Taxonomy.of(national_fields())))


@pytest.mark.parametrize(
    "english",
    ["Jiwon Park", "Park Ji-won", "Ji-Won Park", "PARK Jiwon", "Park, Jiwon", "Bak Jiwon", "Dr. Jiwon Park"],
)
def test_person_spellings_match(english: str) -> None:
    assert person_similarity("박지원", english) >= 0.95


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("김현우", "Hyunwoo Kim"),
        ("이서연", "Yi Seo-yeon"),
        ("정성민", "Sungmin Chung"),
        ("최준", "Jun Choi"),
        ("대니얼 김", "Daniel Kim"),
        ("남궁민", "Min Namgung"),
    ],
)
def test_variant_romanisations(korean: str, english: str) -> None:
    assert person_similarity(korean, english) >= 0.9


def test_person_ranks_the_right_one_first() -> None:
    candidates = ["Jiwon Kim", "Jiho Park", "Jiwon Park", "Seoyeon Park", "Minjun Lee"]
    scores = [person_similarity("박지원", c) for c in candidates]
    assert max(range(len(candidates)), key=scores.__getitem__) == 2
    assert sorted(scores)[-2] < 0.9


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("한빛수소테크", "Hanbit Hydrogen Tech"),
        ("(주)한빛수소테크", "Hanbit Hydrogen Tech Co., Ltd."),
        ("한국과학기술연구원", "Korea Institute of Science and Technology"),
        ("서울대학교", "Seoul National University"),
        ("포항공과대학교", "Pohang University of Science and Technology"),
        ("샌디에이고시", "City of San Diego"),
        ("(주)새솔정밀", "Saesol Precision Co., Ltd."),
        ("카이스트", "KAIST"),
        ("포스코", "POSCO"),
        ("엘지화학", "LG Chem"),
        ("조지아공과대학교", "Georgia Institute of Technology"),
    ],
)
def test_organisations_match(matcher: NameMatcher, korean: str, english: str) -> None:
    assert matcher.organisation(korean, english) >= 0.85


def test_organisation_prefers_the_right_firm(matcher: NameMatcher) -> None:
    right = matcher.organisation("(주)한빛수소테크", "Hanbit Hydrogen Tech Co., Ltd.")
    wrong = matcher.organisation("(주)한빛수소테크", "Hanbit Battery Materials Co., Ltd.")
    other = matcher.organisation("(주)한빛수소테크", "Seoul National University")
    assert right > wrong > other


def test_glossary_translates_technology_words() -> None:
    with_glossary = org_similarity("한빛수소테크", "Hanbit Hydrogen Tech", Glossary.build())
    assert with_glossary == 1.0 > org_similarity("한빛수소테크", "Hanbit Hydrogen Tech")  # 수소 is hydrogen
    assert org_similarity("한빛배터리소재", "Hanbit Battery Materials", Glossary.build()) >= 0.9


def test_acronyms_against_initials() -> None:
    assert initials("Korea Institute of Science and Technology") == "kist"
    assert org_similarity("KIST", "Korea Institute of Science and Technology") == 1.0
    assert org_similarity("KIST", "Korea Advanced Institute of Science and Technology") < 1.0
    assert 0.75 <= org_similarity("한국과학기술연구원", "KIST") < 1.0  # letters in another order


@pytest.mark.parametrize(
    ("korean", "english"),
    [("그래핀", "graphene"), ("라이다", "lidar"), ("마이크로그리드", "microgrid"), ("메타버스", "metaverse")],
)
def test_loanwords_by_sound(korean: str, english: str) -> None:
    assert transliteration_similarity(korean, english) >= 0.8
    assert name_similarity(korean, english, "term") >= 0.8


def test_loan_key_drops_the_inserted_vowel() -> None:
    assert loan_key("카이스트") == loan_key("KAIST")


def test_key_similarity() -> None:
    assert key_similarity("hyon", "hyun") > 0.9
    assert key_similarity("gim", "lim") < 0.7
    assert key_similarity("", "") == 1.0
    assert key_similarity("abc", "") == 0.0
    assert key_similarity("abcdef", "uvwxyz", floor=0.5) == 0.0


def test_kinds_dispatch(matcher: NameMatcher) -> None:
    assert matcher.similarity("박지원", "Jiwon Park", "person") == matcher.person("박지원", "Jiwon Park")
    assert matcher.similarity("카이스트", "KAIST", "org") == matcher.organisation("카이스트", "KAIST")
    assert matcher.similarity("카이스트", "KAIST", "anything") == matcher.organisation("카이스트", "KAIST")


NAMES = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(NAMES, NAMES, st.sampled_from(["person", "org", "term"]))
def test_any_names_give_a_similarity_in_range(a: str, b: str, kind: str) -> None:
    score = name_similarity(a, b, kind)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(name_similarity(b, a, kind))


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=8))
def test_a_name_is_like_itself(name: str) -> None:
    assert person_similarity(name, name) == 1.0
    assert org_similarity(name, name) == 1.0
