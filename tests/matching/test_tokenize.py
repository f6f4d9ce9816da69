import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.matching.lexical import LexicalIndex
from seoro.matching.tokenize import Tokenizer, english_stem

pytestmark = pytest.mark.unit
TOKENIZER = Tokenizer()


def test_korean_need_becomes_nouns() -> None:
    assert TOKENIZER.tokens("수소연료전지 스택의 내구성을 향상시키는 기술") == [
        "수소",
        "연료",
        "전지",
        "스택",
        "내구",
        "향상",
    ]


def test_latin_words_are_cut_by_regex_not_by_kiwi() -> None:
    assert TOKENIZER.tokens("PEM fuel cell durability. Catalyst layers!") == [
        "pem",
        "fuel",
        "cell",
        "durability",
        "catalyst",
        "layer",
    ]


def test_mixed_text_keeps_both_scripts_in_order() -> None:
    assert TOKENIZER.tokens("AI 기반 특장차 EV powertrains") == ["ai", "특장차", "ev", "powertrain"]


def test_many_matches_one_by_one() -> None:
    texts = ["전고체 배터리 고체전해질", "solid-state batteries", "", "수소 hydrogen 수소"]
    assert TOKENIZER.many(texts) == [TOKENIZER.tokens(t) for t in texts]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("cells", "cell"),
        ("batteries", "battery"),
        ("process", "process"),
        ("gas", "gas"),
        ("analysis", "analysis"),
        ("bus", "bus"),
    ],
)
def test_english_stem(word: str, stem: str) -> None:
    assert english_stem(word) == stem


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_input_gives_lowercase_tokens_without_spaces(text: str) -> None:
    tokens = TOKENIZER.tokens(text)
    assert all(t and t == t.lower() and not any(c.isspace() for c in t) for t in tokens)


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3) | st.sampled_from(" .,"), max_size=40)
)
def test_any_hangul_input_does_not_crash(text: str) -> None:
    assert isinstance(TOKENIZER.tokens(text), list)


def test_bm25_ranks_the_shared_words_first_and_handles_empty_documents() -> None:
    index = LexicalIndex([["fuel", "cell", "stack"], [], ["battery", "electrolyte"], ["fuel", "cell"]])
    scores = index.scores(["fuel", "cell"])
    assert scores.shape == (4,)
    assert (scores[1], scores[2]) == (0.0, 0.0)
    assert scores[3] > scores[0] > 0
    assert index.scores([]).tolist() == [0.0, 0.0, 0.0, 0.0]
