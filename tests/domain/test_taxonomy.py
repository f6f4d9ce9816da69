import pytest

from seoro.domain.errors import DomainError
from seoro.domain.national_fields import national_fields
from seoro.domain.taxonomy import FieldSource, FocusSet, Taxonomy, TechField
from seoro.domain.text import BilingualText

pytestmark = pytest.mark.unit


@pytest.fixture
def taxonomy() -> Taxonomy:
    return Taxonomy.of(national_fields())


def test_national_fields_are_the_twelve_strategic_technologies(taxonomy: Taxonomy) -> None:
    top = [f.code for f in taxonomy.children(None)]
    assert top == [f"S{i:02d}" for i in range(1, 13)]
    assert taxonomy.fields["S07"].label == BilingualText("수소", "Hydrogen")
    assert all(taxonomy.children(code) for code in top)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("S07.03", "S07.03"),
        ("s07.03", "S07.03"),
        ("수소 연료전지·발전", "S07.03"),
        ("fuel cell", "S07.03"),
        ("이차전지", "S02"),
        ("Secondary batteries", "S02"),
        ("２차전지", "S02"),
        ("AI", "S09"),
    ],
)
def test_resolve_accepts_codes_labels_and_synonyms(taxonomy: Taxonomy, text: str, code: str) -> None:
    assert taxonomy.resolve(text) == code


def test_resolve_unknown_field_names_the_value(taxonomy: Taxonomy) -> None:
    with pytest.raises(DomainError) as caught:
        taxonomy.resolve("alchemy")
    assert (caught.value.code, caught.value.params) == ("unknown_field", {"value": "alchemy"})


def test_ancestors_nearest_first(taxonomy: Taxonomy) -> None:
    taxonomy.add(TechField("R.STACK", BilingualText("스택 부품", "Stack components"), "S07.03"))
    assert taxonomy.ancestors("R.STACK") == ["S07.03", "S07"]


def test_custom_field_cannot_reuse_a_label_or_code(taxonomy: Taxonomy) -> None:
    with pytest.raises(DomainError) as caught:
        taxonomy.add(TechField("R.H2", BilingualText("수소", "Hydrogen things")))
    assert caught.value.code == "field_label_taken"
    with pytest.raises(DomainError) as caught:
        taxonomy.add(TechField("S07", BilingualText("새 분야", "New field")))
    assert caught.value.code == "field_exists"


def test_custom_field_needs_known_parent_and_valid_code(taxonomy: Taxonomy) -> None:
    with pytest.raises(DomainError) as caught:
        taxonomy.add(TechField("R.X", BilingualText("가", "A"), "NOPE"))
    assert caught.value.code == "unknown_field"
    with pytest.raises(DomainError) as caught:
        TechField("bad code", BilingualText("가", "A"))
    assert caught.value.code == "bad_field_code"


def test_focus_set_must_name_known_fields(taxonomy: Taxonomy) -> None:
    taxonomy.add_focus_set(FocusSet("HANBIT", BilingualText("한빛도", "Hanbit"), ("S07", "S02")))
    assert taxonomy.focus_sets["HANBIT"].fields == ("S07", "S02")
    with pytest.raises(DomainError):
        taxonomy.add_focus_set(FocusSet("BAD", BilingualText("가", "A"), ("S99",)))


def test_walk_is_depth_first(taxonomy: Taxonomy) -> None:
    walked = [(d, f.code) for d, f in taxonomy.walk()][:3]
    assert walked == [(0, "S01"), (1, "S01.01"), (1, "S01.02")]
    assert {f.source for f in taxonomy.fields.values()} == {FieldSource.NATIONAL}
