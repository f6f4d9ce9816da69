"""Countries by ISO 3166-1 alpha-2 code, with the Korean and English names staff actually type."""

from __future__ import annotations

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText, clean

# code: (Korean name, English name, other spellings)
_COUNTRIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "KR": ("대한민국", "Republic of Korea", ("한국", "korea", "south korea", "rok", "kor", "남한")),
    "US": ("미국", "United States", ("usa", "u.s.", "u.s.a.", "united states of america", "america")),
    "CA": ("캐나다", "Canada", ("can",)),
    "FR": ("프랑스", "France", ("fra",)),
    "DE": ("독일", "Germany", ("deutschland", "deu")),
    "GB": ("영국", "United Kingdom", ("uk", "great britain", "england", "britain")),
    "IL": ("이스라엘", "Israel", ("isr",)),
    "RU": ("러시아", "Russia", ("russian federation", "rus")),
    "JP": ("일본", "Japan", ("jpn",)),
    "CN": ("중국", "China", ("prc", "chn", "people's republic of china")),
    "TW": ("대만", "Taiwan", ("twn", "타이완")),
    "SG": ("싱가포르", "Singapore", ("sgp",)),
    "VN": ("베트남", "Vietnam", ("viet nam", "vnm")),
    "IN": ("인도", "India", ("ind",)),
    "ID": ("인도네시아", "Indonesia", ("idn",)),
    "TH": ("태국", "Thailand", ("tha",)),
    "MY": ("말레이시아", "Malaysia", ("mys",)),
    "PH": ("필리핀", "Philippines", ("phl",)),
    "AU": ("호주", "Australia", ("aus", "오스트레일리아")),
    "NZ": ("뉴질랜드", "New Zealand", ("nzl",)),
    "NL": ("네덜란드", "Netherlands", ("holland", "nld", "the netherlands")),
    "BE": ("벨기에", "Belgium", ("bel",)),
    "CH": ("스위스", "Switzerland", ("che",)),
    "AT": ("오스트리아", "Austria", ("aut",)),
    "SE": ("스웨덴", "Sweden", ("swe",)),
    "NO": ("노르웨이", "Norway", ("nor",)),
    "DK": ("덴마크", "Denmark", ("dnk",)),
    "FI": ("핀란드", "Finland", ("fin",)),
    "IT": ("이탈리아", "Italy", ("ita",)),
    "ES": ("스페인", "Spain", ("esp",)),
    "PT": ("포르투갈", "Portugal", ("prt",)),
    "PL": ("폴란드", "Poland", ("pol",)),
    "CZ": ("체코", "Czechia", ("czech republic", "cze")),
    "HU": ("헝가리", "Hungary", ("hun",)),
    "IE": ("아일랜드", "Ireland", ("irl",)),
    "MX": ("멕시코", "Mexico", ("mex",)),
    "BR": ("브라질", "Brazil", ("bra",)),
    "AR": ("아르헨티나", "Argentina", ("arg",)),
    "CL": ("칠레", "Chile", ("chl",)),
    "AE": ("아랍에미리트", "United Arab Emirates", ("uae", "are", "아랍에미리트연합")),
    "SA": ("사우디아라비아", "Saudi Arabia", ("sau", "사우디")),
    "TR": ("튀르키예", "Türkiye", ("turkey", "tur", "터키")),
    "EG": ("이집트", "Egypt", ("egy",)),
    "ZA": ("남아프리카공화국", "South Africa", ("zaf", "남아공")),
    "KZ": ("카자흐스탄", "Kazakhstan", ("kaz",)),
    "UZ": ("우즈베키스탄", "Uzbekistan", ("uzb",)),
    "MN": ("몽골", "Mongolia", ("mng",)),
    "HK": ("홍콩", "Hong Kong", ("hkg",)),
}

_LOOKUP: dict[str, str] = {}
for _code, (_ko, _en, _others) in _COUNTRIES.items():
    for _spelling in (_code, _ko, _en, *_others):
        _LOOKUP[clean(_spelling).casefold()] = _code


def country_code(value: str) -> str:
    """ISO code for a country written as a code or as its Korean or English name."""
    code = _LOOKUP.get(clean(value).casefold())
    if code is None:
        raise DomainError("unknown_country", value=value)
    return code


def country_name(code: str) -> BilingualText:
    ko, en, _ = _COUNTRIES[code]
    return BilingualText(ko=ko, en=en)


def known_countries() -> list[str]:
    return sorted(_COUNTRIES)
