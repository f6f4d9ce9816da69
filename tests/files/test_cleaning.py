from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoro.domain.errors import DomainError
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus
from seoro.files.cleaning import cell_text, is_blank, parse_value
from seoro.files.columns import COLUMNS, Column, RecordKind, ValueType
from tests.files.strategies import ANY, raw_cells

pytestmark = pytest.mark.unit

ORG = {c.key: c for c in COLUMNS[RecordKind.ORGANISATIONS]}
EXPERT = {c.key: c for c in COLUMNS[RecordKind.EXPERTS]}
PUB = {c.key: c for c in COLUMNS[RecordKind.PUBLICATIONS]}
PROFILE = {c.key: c for c in COLUMNS[RecordKind.PROFILES]}
ALL_COLUMNS = [column for columns in COLUMNS.values() for column in columns]
WEEKDAYS = "월화수목금토일"
CELL_ERRORS = {
    "not_an_integer",
    "not_a_year",
    "year_out_of_range",
    "not_a_date",
    "invalid_date",
    "invalid_email",
    "invalid_url",
    "invalid_doi",
    "unknown_country",
    "unknown_language",
    "unknown_choice",
}


def _error(column: Column, raw: object) -> tuple[str, dict[str, Any]]:
    with pytest.raises(DomainError) as caught:
        parse_value(column, raw)
    return caught.value.code, caught.value.params


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000", "\u00a0 \n", "-", " — ", "\u200b"])
def test_parse_value_blank_is_none_for_every_type(raw: object) -> None:
    assert [parse_value(column, raw) for column in ALL_COLUMNS] == [None] * len(ALL_COLUMNS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  (주)한빛수소테크  ", "(주)한빛수소테크"),
        ("㈜ 가온배터리", "(주) 가온배터리"),
        ("ＡＢＣ　１２３", "ABC 123"),
        ("Hanbit\u00a0\u00a0Hydrogen\nInc.", "Hanbit Hydrogen Inc."),
        (42, "42"),
        (42.0, "42"),
        (3.5, "3.5"),
        (True, "TRUE"),
        (datetime(2025, 7, 28), "2025-07-28"),
        ("a\x01b\u200bc", "abc"),
    ],
)
def test_parse_value_text_cleans(raw: object, expected: str) -> None:
    assert parse_value(ORG["region"], raw) == expected


def test_parse_value_longtext_keeps_line_breaks() -> None:
    assert parse_value(ORG["description"], " 수소 실증\r\n\r\n  새솔   특구 \n") == "수소 실증\n새솔 특구"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("수소, 연료전지", ["수소", "연료전지"]),
        ("수소；연료전지、이차전지", ["수소", "연료전지", "이차전지"]),
        ("수소，연료전지", ["수소", "연료전지"]),
        ("수소\n연료전지\r\n수소", ["수소", "연료전지"]),
        (" , ; ", None),
        ("S07.03", ["S07.03"]),
    ],
)
def test_parse_value_list_splits(raw: str, expected: list[str] | None) -> None:
    assert parse_value(PROFILE["fields"], raw) == expected


def test_parse_value_names_keep_commas() -> None:
    raw = "Hanbit Co., Ltd.; 한빛대학교\nKIST; Hanbit Co., Ltd."
    assert parse_value(EXPERT["affiliations"], raw) == ["Hanbit Co., Ltd.", "한빛대학교", "KIST"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1,234", 1234), (" 12 ", 12), ("１２", 12), (12.0, 12), (7, 7), ("12.0", 12), ("-3", -3), ("1 234", 1234)],
)
def test_parse_value_int(raw: object, expected: int) -> None:
    assert parse_value(ORG["id"], raw) == expected


@pytest.mark.parametrize("raw", ["12.5", 12.5, "열둘", "1,23", True, date(2025, 1, 1), "12개"])
def test_parse_value_int_rejects(raw: object) -> None:
    assert _error(ORG["id"], raw) == ("not_an_integer", {"value": cell_text(raw)})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024", 2024),
        ("2024년", 2024),
        ("2024.0", 2024),
        (2024.0, 2024),
        ("２０２４ 년", 2024),
        (date(2023, 5, 1), 2023),
    ],
)
def test_parse_value_year(raw: object, expected: int) -> None:
    assert parse_value(PUB["year"], raw) == expected


def test_parse_value_year_errors() -> None:
    assert _error(PUB["year"], "작년") == ("not_a_year", {"value": "작년"})
    assert _error(PUB["year"], "1850") == ("year_out_of_range", {"value": "1850", "min": 1900, "max": 2100})
    assert _error(PUB["year"], 24) == ("year_out_of_range", {"value": "24", "min": 1900, "max": 2100})


@pytest.mark.parametrize(
    "raw",
    [
        "2025.07.28",
        "2025. 7. 28.",
        "2025.7.28(월)",
        "2025-07-28",
        "2025/07/28",
        "2025년 7월 28일",
        "2025년 07월 28일 (월)",
        "2025년7월28일 월요일",
        "20250728",
        "25.07.28",
        "２０２５．０７．２８",
        "2025-07-28 00:00:00",
        "2025-07-28T09:30",
        "July 28, 2025",
        "28 Jul 2025",
        datetime(2025, 7, 28, 15, 0),
        date(2025, 7, 28),
        45866,
        45866.75,
        20250728,
    ],
)
def test_parse_value_date_forms(raw: object) -> None:
    assert parse_value(PROFILE["valid_until"], raw) == date(2025, 7, 28)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("2025.02.30", "invalid_date"),
        ("2025.13.01", "invalid_date"),
        ("1850.01.01", "invalid_date"),
        ("Foo 28, 2025", "not_a_date"),
        ("다음 주", "not_a_date"),
        ("2025", "not_a_date"),
        ("7/28", "not_a_date"),
        (True, "not_a_date"),
        (time(9, 30), "not_a_date"),
        (-5, "not_a_date"),
        (10_000_000, "not_a_date"),
    ],
)
def test_parse_value_date_rejects(raw: object, code: str) -> None:
    assert _error(PROFILE["valid_until"], raw) == (code, {"value": cell_text(raw)})


def _korean_styles(day: date) -> list[object]:
    weekday = WEEKDAYS[day.weekday()]
    full_width = str.maketrans("0123456789.", "０１２３４５６７８９．")
    return [
        f"{day.year}.{day.month:02}.{day.day:02}",
        f"{day.year}. {day.month}. {day.day}.",
        f"{day.year}.{day.month}.{day.day}({weekday})",
        day.isoformat(),
        f"{day.year}/{day.month:02}/{day.day:02}",
        f"{day.year}년 {day.month}월 {day.day}일",
        f"{day.year}년 {day.month:02}월 {day.day:02}일 ({weekday})",
        day.strftime("%Y%m%d"),
        f"{day.year}.{day.month:02}.{day.day:02}".translate(full_width),
        datetime(day.year, day.month, day.day),
        (day - date(1899, 12, 30)).days,  # an Excel serial number
    ]


@settings(max_examples=150, deadline=None)
@given(st.dates(date(1901, 1, 1), date(2100, 12, 31)))
def test_parse_value_date_round_trips_every_korean_style(day: date) -> None:
    column = PROFILE["valid_from"]
    styles = _korean_styles(day)
    assert [parse_value(column, raw) for raw in styles] == [day] * len(styles)


@settings(max_examples=100, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_parse_value_two_digit_years_are_this_century(day: date) -> None:
    assert parse_value(PROFILE["valid_from"], f"{day.year % 100:02}.{day.month:02}.{day.day:02}") == day


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("G.Hong@Example.EDU", "g.hong@example.edu"),
        ("  홍길동 <g.hong@example.edu> ", "g.hong@example.edu"),
        ("mailto:g.hong@example.edu", "g.hong@example.edu"),
        ("g.hong＠example.edu", "g.hong@example.edu"),
    ],
)
def test_parse_value_email(raw: str, expected: str) -> None:
    assert parse_value(EXPERT["email"], raw) == expected


@pytest.mark.parametrize(
    "raw", ["g.hong", "g@hong", "g hong@example.edu", "a@b@c.kr", "a@b..kr", "a@b.kr, c@d.kr", "<>", "@example.edu"]
)
def test_parse_value_email_rejects(raw: str) -> None:
    assert _error(EXPERT["email"], raw) == ("invalid_email", {"value": raw})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("www.kist.re.kr", "https://www.kist.re.kr"),
        ("kist.re.kr/ko/index.do", "https://kist.re.kr/ko/index.do"),
        ("http://www.kist.re.kr", "http://www.kist.re.kr"),
        ("HTTPS://Example.org/Path?q=1", "https://Example.org/Path?q=1"),
        ("ｗｗｗ．ｋｉｓｔ．ｒｅ．ｋｒ", "https://www.kist.re.kr"),
    ],
)
def test_parse_value_url(raw: str, expected: str) -> None:
    assert parse_value(ORG["website"], raw) == expected


@pytest.mark.parametrize(
    "raw", ["없음", "www.kist.re.kr 참고", "ftp://files.example.org", "http://localhost", "https://"]
)
def test_parse_value_url_rejects(raw: str) -> None:
    assert _error(ORG["website"], raw) == ("invalid_url", {"value": raw})


@pytest.mark.parametrize(
    "raw",
    [
        "10.1016/J.JPOWSOUR.2024.234567",
        "https://doi.org/10.1016/j.jpowsour.2024.234567",
        "http://dx.doi.org/10.1016/j.jpowsour.2024.234567",
        "doi: 10.1016/j.jpowsour.2024.234567",
        "DOI 10.1016/j.jpowsour.2024.234567",
    ],
)
def test_parse_value_doi(raw: str) -> None:
    assert parse_value(PUB["doi"], raw) == "10.1016/j.jpowsour.2024.234567"


@pytest.mark.parametrize("raw", ["11.1016/x", "10.12/x", "10.1016", "10.1016/a b"])
def test_parse_value_doi_rejects(raw: str) -> None:
    assert _error(PUB["doi"], raw) == ("invalid_doi", {"value": raw})


@pytest.mark.parametrize(
    ("raw", "expected"), [("대한민국", "KR"), ("ＫＲ", "KR"), (" south korea ", "KR"), ("캐나다", "CA")]
)
def test_parse_value_country(raw: str, expected: str) -> None:
    assert parse_value(ORG["country"], raw) == expected


def test_parse_value_country_unknown() -> None:
    assert _error(ORG["country"], "Atlantis") == ("unknown_country", {"value": "Atlantis"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ko, en", ["ko", "en"]),
        ("한국어/영어", ["ko", "en"]),
        ("한국어·English·한국말", ["ko", "en"]),
        ("French", ["fr"]),
    ],
)
def test_parse_value_languages(raw: str, expected: list[str]) -> None:
    assert parse_value(EXPERT["languages"], raw) == expected


def test_parse_value_languages_names_the_unknown_item() -> None:
    code, params = _error(EXPERT["languages"], "한국어, 클링온어")
    assert (code, params["value"], params["item"]) == ("unknown_language", "클링온어", "클링온어")


@pytest.mark.parametrize(
    ("column", "raw", "expected"),
    [
        (ORG["kind"], "연구기관", OrgKind.RESEARCH_INSTITUTE),
        (ORG["kind"], "스타트업", OrgKind.COMPANY),
        (ORG["kind"], " University ", OrgKind.UNIVERSITY),
        (PROFILE["kind"], "기술 수요", ProfileKind.NEED),
        (PROFILE["status"], "종료", ProfileStatus.CLOSED),
    ],
)
def test_parse_value_choice(column: Column, raw: str, expected: object) -> None:
    assert parse_value(column, raw) == expected


def test_parse_value_choice_profile_status_active() -> None:
    assert [parse_value(PROFILE["status"], raw) for raw in ("진행중", "모집중")] == [ProfileStatus.ACTIVE] * 2


def test_parse_value_choice_unknown() -> None:
    assert _error(ORG["kind"], "우주기지")[0] == "unknown_choice"


def test_is_blank() -> None:
    assert [is_blank(raw) for raw in (None, "", " \u3000", "--", "–", 0, "0", "-1")] == [True] * 5 + [False] * 3


_RAW = st.one_of(
    raw_cells(),
    st.text(ANY, max_size=30),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(ValueType)), _RAW)
def test_parse_value_fails_only_with_domain_errors(value_type: ValueType, raw: object) -> None:
    column = next(c for c in ALL_COLUMNS if c.type is value_type)
    try:
        parse_value(column, raw)
    except DomainError as err:
        assert (err.code in CELL_ERRORS, type(err.params["value"])) == (True, str)
