from datetime import date

import pytest

from seoro.domain.agreements import Agreement, FollowUp, Party
from seoro.domain.audit import diff
from seoro.domain.countries import country_code
from seoro.domain.directory import Organisation, Profile
from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText, clean, language_of, split_by_language
from seoro.domain.vocab import AgreementStatus, OrgKind, ProfileKind, ProfileStatus, label, parse_choice, parse_language

pytestmark = pytest.mark.unit


def test_clean_folds_full_width_and_spaces() -> None:
    assert clean("  ＡＢＣ　１２３\u00a0 (주) ") == "ABC 123 (주)"
    assert clean("㈜한빛") == "(주)한빛"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("수소연료전지 PEM 스택", "ko"),
        ("PEM fuel cell degradation", "en"),
        ("Hanbit (한빛) Hydrogen Systems Incorporated", "en"),
    ],
)
def test_language_of(text: str, lang: str) -> None:
    assert language_of(text) == lang


def test_split_by_language_routes_each_text() -> None:
    assert split_by_language(["Fuel cells", "연료전지"]) == BilingualText("연료전지", "Fuel cells")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("대한민국", "KR"),
        ("한국", "KR"),
        ("Korea", "KR"),
        ("캐나다", "CA"),
        ("ca", "CA"),
        ("U.S.A.", "US"),
        ("미국", "US"),
    ],
)
def test_country_code(text: str, code: str) -> None:
    assert country_code(text) == code


def test_unknown_country_is_a_domain_error() -> None:
    with pytest.raises(DomainError) as caught:
        country_code("Narnia")
    assert caught.value.code == "unknown_country"


def test_parse_choice_in_both_languages() -> None:
    assert parse_choice(OrgKind, "연구소") is OrgKind.RESEARCH_INSTITUTE
    assert parse_choice(OrgKind, "Research institute") is OrgKind.RESEARCH_INSTITUTE
    assert parse_choice(ProfileKind, "기술 수요") is ProfileKind.NEED
    assert parse_language("영어") == "en"
    with pytest.raises(DomainError) as caught:
        parse_choice(OrgKind, "castle")
    assert caught.value.code == "unknown_choice"


def test_profile_rules() -> None:
    with pytest.raises(DomainError) as caught:
        Profile(ProfileKind.NEED, BilingualText("수요"))
    assert caught.value.code == "profile_owner_required"
    with pytest.raises(DomainError) as caught:
        Profile(
            ProfileKind.NEED,
            BilingualText("수요"),
            organisation_id=1,
            valid_from=date(2025, 2, 1),
            valid_until=date(2025, 1, 1),
        )
    assert caught.value.code == "validity_reversed"
    need = Profile(ProfileKind.NEED, BilingualText("수요"), organisation_id=1, valid_until=date(2025, 12, 31))
    assert (need.is_open_on(date(2025, 7, 28)), need.is_open_on(date(2026, 1, 1))) == (True, False)


def test_agreement_rules_and_follow_up_order() -> None:
    with pytest.raises(DomainError) as caught:
        Agreement(BilingualText("협약"), [Party(1), Party(1)])
    assert caught.value.code == "agreement_needs_two_parties"
    later = FollowUp(BilingualText("방문"), date(2026, 3, 1))
    sooner = FollowUp(BilingualText("교류"), date(2025, 10, 1))
    someday = FollowUp(BilingualText("자매결연"))
    mou = Agreement(
        BilingualText("협약"),
        [Party(1), Party(2)],
        follow_ups=[someday, later, sooner, FollowUp(BilingualText("끝"), done=True)],
    )
    assert mou.open_follow_ups(date(2025, 9, 1)) == [sooner, later, someday]


def test_diff_lists_changed_fields_only() -> None:
    before = Organisation(OrgKind.COMPANY, BilingualText("한빛"), id=3)
    after = Organisation(OrgKind.COMPANY, BilingualText("한빛", "Hanbit"), country="KR", id=3)
    assert diff(before, after) == {
        "name": [{"ko": "한빛", "en": ""}, {"ko": "한빛", "en": "Hanbit"}],
        "country": ["", "KR"],
    }
    assert diff(after, after) == {}


@pytest.mark.parametrize("enum", [OrgKind, ProfileKind, ProfileStatus, AgreementStatus])
def test_every_member_is_found_by_its_own_labels(enum: type) -> None:
    for member in enum:
        assert (
            parse_choice(enum, label(member).ko),
            parse_choice(enum, label(member).en),
            parse_choice(enum, member.value),
        ) == (member, member, member)
