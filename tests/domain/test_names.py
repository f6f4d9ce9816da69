import pytest
from hypothesis import given
from hypothesis import strategies as st

from seoro.domain.names import guess_kind, normalise_name

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("(주)한빛수소테크", "㈜ 한빛수소테크"),
        ("주식회사 한빛수소테크", "한빛 수소테크 (주)"),
        ("Hanbit Hydrogen Co., Ltd.", "HANBIT HYDROGEN INC"),
        ("Hanbit Hydrogen Corp.", "hanbit  hydrogen"),
        ("ＫＩＳＴ", "KIST"),
        ("(재)한빛테크노파크", "재단법인 한빛테크노파크"),
    ],
)
def test_normalise_name_variants_coincide(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_normalise_name_keeps_different_names_apart() -> None:
    assert normalise_name("한빛수소테크") != normalise_name("한빛배터리")
    assert normalise_name("Inc.") == "inc"


@given(st.text(min_size=1))
def test_normalise_name_is_idempotent_on_its_output(name: str) -> None:
    key = normalise_name(name)
    assert normalise_name(key) == normalise_name(key) and isinstance(key, str)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("KSEA San Diego Chapter", "chapter"),
        ("한국과학기술단체총연합회", "other"),
        ("University of Toronto", "university"),
        ("한빛산업기술연구원", "research_institute"),
        ("(주)가온배터리", "company"),
        ("City of San Diego", "government"),
    ],
)
def test_guess_kind(name: str, kind: str) -> None:
    assert guess_kind(name) == kind
