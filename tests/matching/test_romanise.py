"""Revised Romanisation of Korean, and the loose key that lets romanised names meet."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seoro.matching.romanise import decompose, fold, loose_key, romanise

pytestmark = pytest.mark.unit

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
ANY_HANGUL = st.one_of(
    HANGUL,
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # conjoining jamo, archaic ones too
    st.characters(min_codepoint=0x3130, max_codepoint=0x318F),  # compatibility jamo
    st.characters(min_codepoint=0xA960, max_codepoint=0xA97F),
    st.characters(min_codepoint=0xD7B0, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xFFA0, max_codepoint=0xFFDC),  # half-width
    st.sampled_from(" -"),
)


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("한빛", "hanbit"),
        ("서울", "seoul"),
        ("부산", "busan"),
        ("김치", "gimchi"),
        ("신라", "silla"),  # lateralisation
        ("한국어", "hangugeo"),  # liaison
        ("종로", "jongno"),  # ㄹ after ㅇ
        ("국물", "gungmul"),  # nasalisation
        ("백마", "baengma"),
        ("합니다", "hamnida"),
        ("협력", "hyeomnyeok"),
        ("독립문", "dongnimmun"),
        ("설날", "seollal"),
        ("울릉", "ulleung"),
        ("좋다", "jota"),  # aspiration after ㅎ
        ("많이", "mani"),
        ("같이", "gachi"),  # palatalisation
        ("굳이", "guji"),
        ("읽어", "ilgeo"),  # double final before a vowel
        ("없어", "eopseo"),
        ("묵호", "mukho"),  # nouns: no aspiration after ㄱ
        ("압구정", "apgujeong"),  # tensing is not written
        ("의사", "uisa"),
        ("대관령", "daegwallyeong"),
        ("왕십리", "wangsimni"),
    ],
)
def test_known_words(hangul: str, latin: str) -> None:
    assert romanise(hangul) == latin


def test_names_without_sound_changes() -> None:
    assert romanise("빛나", sound_changes=False) == "bitna"
    assert romanise("신라", sound_changes=False) == "sinra"
    assert romanise("울릉", sound_changes=False) == "ulleung"  # ㄹㄹ is always ll


def test_other_characters_pass_through() -> None:
    assert romanise("한빛 Hydrogen 2호기!") == "hanbit Hydrogen 2hogi!"
    assert romanise("") == ""


def test_lone_jamo() -> None:
    assert romanise("ㄱ") == "g"
    assert romanise("ㅏ") == "a"
    assert romanise("ㄱㅏ") == "ga"  # NFKC composes them


def test_decompose() -> None:
    assert decompose("한") == ("ㅎ", "ㅏ", "ㄴ")
    assert decompose("가") == ("ㄱ", "ㅏ", "")
    with pytest.raises(ValueError):
        decompose("A")


@given(st.text())
def test_any_text_is_accepted(text: str) -> None:
    assert isinstance(romanise(text), str)
    assert isinstance(romanise(text, sound_changes=False), str)
    assert isinstance(loose_key(text), str)


@given(st.text(ANY_HANGUL))
def test_hangul_becomes_ascii(text: str) -> None:
    assert romanise(text).isascii()
    assert romanise(text, sound_changes=False).isascii()


@given(st.text(HANGUL, min_size=1))
def test_syllables_always_give_letters(text: str) -> None:
    out = romanise(text)
    assert out and out.isalpha() and out.islower()


@pytest.mark.parametrize(
    "spellings",
    [
        ["이", "Lee", "Yi", "Rhee", "LEE"],
        ["박", "Park", "Pak", "Bak"],
        ["김", "Kim", "Gim"],
        ["최", "Choi", "Choe"],
        ["정", "Jung", "Jeong", "Chung"],
        ["윤", "Yoon", "Yun"],
        ["박지원", "Park Ji-won", "Bak Jiwon", "PARK JI WON"],
        ["영", "Young", "Yeong"],
        ["우진", "Woojin", "Ujin"],
        ["수", "Soo", "Su"],
        ["희", "Hee", "Hui"],
        ["Pusan", "Busan", "부산"],
    ],
)
def test_loose_key_joins_spellings(spellings: list[str]) -> None:
    assert len({loose_key(s) for s in spellings}) == 1, {s: loose_key(s) for s in spellings}


def test_loose_key_keeps_different_names_apart() -> None:
    keys = [loose_key(n) for n in ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임")]
    assert len(set(keys)) == len(keys)
    assert loose_key("Kim Jiwon") != loose_key("Kim Jiho")


def test_loose_key_folds_accents_and_doubles() -> None:
    assert loose_key("Kŏrea") == loose_key("korea")
    assert fold("ssangyong") == fold("sangyong")
