"""The demo agency's custom fields and focus sets, on top of the 12 national strategic technologies.

Custom fields cover what the national list does not: three of Hanbit Province's six focus
industries, the innovation zones' consortium and cluster fields, and the partner-country strengths
a ministry matches on. Where a focus industry *is* a national field (hydrogen, batteries, mobility,
AI applications) the focus set names the national code instead of adding a look-alike.
"""

from __future__ import annotations

from seoro.domain.taxonomy import FieldSource, FocusSet, TechField
from seoro.domain.text import BilingualText

# (code, parent, Korean label, English label, synonyms)
_CUSTOM: tuple[tuple[str, str | None, str, str, tuple[str, ...]], ...] = (
    # Hanbit Province focus industries with no national field of their own
    (
        "R.AGRIBIO",
        "S05",
        "농생명바이오",
        "Agri-bio",
        ("농생명", "애그리바이오", "agricultural biotechnology", "agribio"),
    ),
    (
        "R.SPV",
        "S03",
        "특장차",
        "Special-purpose vehicles",
        ("특수목적차량", "특수차량", "special vehicles", "특장차량"),
    ),
    ("R.DEFMAT", None, "방산소재", "Defence materials", ("국방소재", "방위산업 소재", "defense materials")),
    # Innovation zone field consortia
    ("R.BIT", None, "BIT 융합", "BIT convergence", ("바이오·IT 융합", "bio-IT convergence")),
    ("R.ICTE", None, "스마트 ICT-E", "Smart ICT-E", ("ICT-E",)),
    ("R.ENERGY", None, "에너지", "Energy", ("에너지기술", "energy technology")),
    ("R.CARBON", None, "탄소중립", "Carbon neutrality", ("넷제로", "net zero", "carbon neutral")),
    # Innovation zone regional clusters
    ("R.BIOHEALTH", "S05", "바이오헬스", "Bio-health", ("bio health", "바이오 헬스")),
    ("R.SMARTIT", None, "스마트 IT", "Smart IT", ("스마트IT 클러스터",)),
    ("R.ENVENERGY", None, "환경·에너지", "Environment and energy", ("환경에너지", "environment-energy")),
    # Partner-country strengths (materials, parts and equipment cooperation week)
    ("R.CHEM", None, "화학", "Chemistry", ("화학산업", "chemicals")),
    ("R.CHEM.FINE", "R.CHEM", "정밀화학", "Fine chemistry", ("fine chemicals", "정밀화학소재")),
    ("R.MACH", None, "기계", "Machinery", ("기계산업", "machine industry")),
    ("R.SW", None, "소프트웨어", "Software", ("SW", "software engineering")),
    ("R.BASICSCI", None, "기초과학", "Basic science", ("기초연구", "basic research")),
)

# (code, Korean name, English name, field codes, description)
_FOCUS_SETS: tuple[tuple[str, str, str, tuple[str, ...], str], ...] = (
    (
        "HANBIT.FOCUS6",
        "한빛도 6대 주력산업",
        "Hanbit Province six focus industries",
        ("S07", "S02", "R.AGRIBIO", "R.SPV", "R.DEFMAT", "S09.03"),
        "Hydrogen energy, secondary batteries, agri-bio, special-purpose vehicles, defence materials, AI applications.",
    ),
    (
        "ZONE.CONSORTIA",
        "강소특구 분야별 컨소시엄",
        "Innovation zone field consortia",
        ("R.BIT", "R.ICTE", "R.ENERGY", "R.CARBON", "S03"),
        "Fields in which the small R&D special zones cooperate as consortia.",
    ),
    (
        "ZONE.CLUSTERS",
        "강소특구 지역 클러스터",
        "Innovation zone regional clusters",
        ("R.BIOHEALTH", "S03", "R.SMARTIT", "R.ENVENERGY"),
        "Regional clusters of the small R&D special zones.",
    ),
    (
        "MPE.FR",
        "소재·부품·장비 국제협력 주간: 프랑스 강점 분야",
        "Materials, parts and equipment cooperation week: France's strengths",
        ("S06.04", "R.CHEM", "R.MACH"),
        "Aircraft parts, chemistry, machinery.",
    ),
    (
        "MPE.US",
        "소재·부품·장비 국제협력 주간: 미국 강점 분야",
        "Materials, parts and equipment cooperation week: USA's strengths",
        ("S01.06", "S01.09"),
        "Semiconductor and display materials, parts and equipment.",
    ),
    (
        "MPE.IL",
        "소재·부품·장비 국제협력 주간: 이스라엘 강점 분야",
        "Materials, parts and equipment cooperation week: Israel's strengths",
        ("S01.06", "R.SW"),
        "Semiconductor manufacturing equipment, software.",
    ),
    (
        "MPE.RU",
        "소재·부품·장비 국제협력 주간: 러시아 강점 분야",
        "Materials, parts and equipment cooperation week: Russia's strengths",
        ("R.BASICSCI", "S01", "R.CHEM.FINE"),
        "Basic science, semiconductors, fine chemistry.",
    ),
)


def custom_fields() -> list[TechField]:
    return [
        TechField(code, BilingualText(ko, en), parent, synonyms, FieldSource.CUSTOM)
        for code, parent, ko, en, synonyms in _CUSTOM
    ]


def focus_sets() -> list[FocusSet]:
    return [
        FocusSet(code, BilingualText(ko, en), fields, description) for code, ko, en, fields, description in _FOCUS_SETS
    ]
