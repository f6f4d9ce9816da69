"""Member experts of the diaspora associations: synthetic people with Korean-diaspora names.

Experts live in groups (a city, its fictional university and company, the association chapter
they belong to). Most draw their main field from a shared plan weighted towards the CKC 2025 themes
and the province's focus industries; the few experts in France, Israel and Korea draw from the
fields their employer works in.
"""

from __future__ import annotations

import random
from typing import NamedTuple

from seoro.demo.common import Record, compact, rng_for
from seoro.demo.organisations import (
    AKCSE,
    AKCSE_CHAPTERS,
    BY_NAME,
    KSEA,
    KSEA_SAN_DIEGO,
    KSEA_SOCAL,
    SCIENCE_INSTITUTE_ALIAS,
)
from seoro.demo.vocabulary import SUB_FIELDS, TOP_FIELDS, sub_fields_of, top_of
from seoro.domain.vocab import OrgKind


class Group(NamedTuple):
    city: str
    country: str
    size: int
    affiliations: tuple[str, ...]
    memberships: tuple[str, ...]
    fields: tuple[str, ...] = ()  # top-level codes to draw from; empty means the shared plan


# fmt: off
GROUPS: tuple[Group, ...] = (
    Group("Toronto", "CA", 16, ("Maplewood University", "Maple Circuit Labs Inc."), (AKCSE, AKCSE_CHAPTERS["Toronto"])),
    Group("Montréal", "CA", 14, ("Université de Belleforêt", "Belleforêt Aéro Composites Inc."), (AKCSE, AKCSE_CHAPTERS["Montréal"])),
    Group("Vancouver", "CA", 12, ("Pacific Cedar University", "Boreal Hydrogen Systems Inc."), (AKCSE, AKCSE_CHAPTERS["Vancouver"])),
    Group("Ottawa", "CA", 8, ("Northbridge Institute of Technology",), (AKCSE, AKCSE_CHAPTERS["Ottawa"])),
    Group("San Diego", "US", 15, ("Mission Mesa University", "Harbor Point Semiconductor Inc."), (KSEA, KSEA_SAN_DIEGO)),
    Group("Los Angeles", "US", 13, ("Sunset Ridge University", "Coastline Mobility Labs Inc."), (KSEA, KSEA_SOCAL)),
    Group("Boston", "US", 12, ("Bayview Institute of Technology", "Harborlight Bio Inc."), (KSEA,)),
    Group("Toulouse", "FR", 2, ("Institut Aéronautique de Garonne",), (), ("S06", "S11")),
    Group("Lyon", "FR", 2, ("Chimie Belle-Rive SAS",), (), ("S02",)),
    Group("Haifa", "IL", 3, ("Carmel Ridge Software Ltd.", "Galilee Semiconductor Equipment Ltd."), (), ("S08", "S09", "S01")),
    Group("Hanbit", "KR", 3, (SCIENCE_INSTITUTE_ALIAS,), (AKCSE,), ("S12", "S05", "S09")),  # came back to Korea
)
# fmt: on

# How many experts in the shared plan take each national field as their main one (sums to 90).
FIELD_PLAN: dict[str, int] = {
    "S07": 11, "S02": 11, "S09": 11, "S03": 9, "S01": 9, "S05": 9,
    "S06": 8, "S12": 6, "S10": 4, "S11": 4, "S04": 4, "S08": 4,
}  # fmt: skip

SURNAMES: tuple[tuple[str, str], ...] = (
    ("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Cho", "조"),
    ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Oh", "오"), ("Seo", "서"), ("Shin", "신"),
    ("Kwon", "권"), ("Hwang", "황"), ("Ahn", "안"), ("Song", "송"), ("Yoo", "유"), ("Hong", "홍"),
)  # fmt: skip
KOREAN_GIVEN: tuple[tuple[str, str], ...] = (
    ("Jiwon", "지원"), ("Minjun", "민준"), ("Seoyeon", "서연"), ("Hyunwoo", "현우"), ("Jiho", "지호"),
    ("Yuna", "유나"), ("Dohyun", "도현"), ("Soyeon", "소연"), ("Junho", "준호"), ("Eunji", "은지"),
    ("Taeyang", "태양"), ("Hana", "하나"), ("Sungmin", "성민"), ("Yejin", "예진"), ("Jaehyun", "재현"),
    ("Minji", "민지"), ("Seungho", "승호"), ("Dahye", "다혜"), ("Woojin", "우진"), ("Sujin", "수진"),
    ("Hyejin", "혜진"), ("Youngsoo", "영수"), ("Kyungmin", "경민"), ("Sangwoo", "상우"),
)  # fmt: skip
ENGLISH_GIVEN: tuple[str, ...] = (
    "Daniel", "Grace", "Michelle", "Kevin", "Sarah", "Jason", "Christine", "Andrew", "Julia", "Eric", "Rachel", "Brian",
)  # fmt: skip

POSITIONS: dict[OrgKind, tuple[str, ...]] = {
    OrgKind.UNIVERSITY: ("Professor", "Associate Professor", "Assistant Professor", "Research Associate", "Postdoctoral Fellow"),
    OrgKind.RESEARCH_INSTITUTE: ("Principal Researcher", "Senior Researcher", "Research Scientist"),
    OrgKind.COMPANY: ("Senior Engineer", "Principal Scientist", "R&D Manager", "Chief Technology Officer"),
}  # fmt: skip

STATEMENTS: tuple[str, ...] = (
    "Research on {a} and {b}, with applications in {app}.",
    "Works on {a} using {method}; current projects include {b}.",
    "Specialises in {a}. Experience with {b} and with industry projects in {app}.",
)


class Name(NamedTuple):
    given: str
    surname: str
    korean: str  # empty for experts with an English given name

    @property
    def english(self) -> str:
        return f"{self.given} {self.surname}"


def build_experts() -> list[Record]:
    rng = rng_for("experts")
    names = _names(rng, sum(group.size for group in GROUPS))
    plan = [top for top, count in FIELD_PLAN.items() for _ in range(count)]
    rng.shuffle(plan)
    experts: list[Record] = []
    for group in GROUPS:
        for _ in range(group.size):
            top = rng.choice(group.fields) if group.fields else plan.pop()
            experts.append(_expert(rng, names.pop(), group, top))
    return experts


def _names(rng: random.Random, count: int) -> list[Name]:
    """``count`` distinct names; about one in three has an English given name."""
    given: list[tuple[str, str]] = [*KOREAN_GIVEN, *((name, "") for name in ENGLISH_GIVEN)]
    pairs = [(surname, first) for surname in SURNAMES for first in given]
    chosen = rng.sample(pairs, count)
    return [Name(first[0], surname[0], f"{surname[1]}{first[1]}" if first[1] else "") for surname, first in chosen]


def _expert(rng: random.Random, name: Name, group: Group, top: str) -> Record:
    codes = _fields(rng, top)
    affiliation = rng.choice([org for org in group.affiliations if _employs(org, top)])
    return compact(
        {
            "name_en": name.english,
            "name_ko": name.korean,
            "email": f"{name.given}.{name.surname}@{_domain(affiliation)}".lower(),
            "affiliations": [affiliation],
            "position": rng.choice(POSITIONS[_kind(affiliation)]),
            "country": group.country,
            "languages": _languages(rng, name, group),
            "expertise_en": _statement(rng, codes),
            "keywords": _keywords(rng, codes),
            "fields": codes,
            "memberships": list(group.memberships),
        }
    )


def _fields(rng: random.Random, top: str) -> list[str]:
    """A main sub-field, and for about a third of experts a second one in the same national field."""
    first, second = rng.sample(sub_fields_of(top), 2)
    return [first, second] if rng.random() < 0.35 else [first]


def _employs(organisation: str, top: str) -> bool:
    """Universities and institutes employ experts of any field; companies only in their own fields."""
    org = BY_NAME[organisation]
    return org.kind is not OrgKind.COMPANY or top in org.fields


def _kind(organisation: str) -> OrgKind:
    return BY_NAME[organisation].kind


def _domain(organisation: str) -> str:
    return BY_NAME[organisation].domain


def _languages(rng: random.Random, name: Name, group: Group) -> list[str]:
    french = group.country == "FR" or (group.city == "Montréal" and rng.random() < 0.5)
    languages = (["ko"] if name.korean else []) + (["fr"] if french else []) + ["en"]
    return [*languages, "he"] if group.country == "IL" and not name.korean else languages


def _statement(rng: random.Random, codes: list[str]) -> str:
    topics = SUB_FIELDS[codes[0]].topics
    a, b = rng.sample(topics, 2)
    if len(codes) > 1:
        b = rng.choice(SUB_FIELDS[codes[1]].topics)
    words = TOP_FIELDS[top_of(codes[0])]
    template = rng.choice(STATEMENTS)
    return template.format(a=a, b=b, app=rng.choice(words.applications), method=rng.choice(words.methods))


def _keywords(rng: random.Random, codes: list[str]) -> list[str]:
    keywords = rng.sample(SUB_FIELDS[codes[0]].keywords, 3)
    if len(codes) > 1:
        keywords.append(rng.choice([k for k in SUB_FIELDS[codes[1]].keywords if k not in keywords]))
    return keywords
