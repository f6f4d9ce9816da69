"""Korea's 12 national strategic technologies (국가전략기술, 2022) and their sub-fields, as shipped.

Codes are Seoro's own (S01 … S12, S01.01 …), stable across releases so that stored records keep
their meaning. The sub-field names follow the published plan as closely as we know it; an agency
can add, rename or extend fields with ``seoro taxonomy add`` (custom fields never clash with these).
"""

from __future__ import annotations

from seoro.domain.taxonomy import FieldSource, TechField
from seoro.domain.text import BilingualText

# (code, Korean, English, synonyms)
_TOP: list[tuple[str, str, str, tuple[str, ...]]] = [
    (
        "S01",
        "반도체·디스플레이",
        "Semiconductors and displays",
        ("반도체", "디스플레이", "semiconductor", "display", "chip"),
    ),
    ("S02", "이차전지", "Secondary batteries", ("2차전지", "배터리", "battery", "batteries", "rechargeable battery")),
    ("S03", "첨단 모빌리티", "Advanced mobility", ("모빌리티", "미래차", "mobility", "future mobility")),
    ("S04", "차세대 원자력", "Next-generation nuclear energy", ("원자력", "nuclear", "nuclear power")),
    ("S05", "첨단 바이오", "Advanced biotechnology", ("바이오", "bio", "biotechnology", "biotech")),
    ("S06", "우주항공·해양", "Aerospace and ocean", ("우주항공", "항공우주", "해양", "aerospace", "space", "ocean")),
    ("S07", "수소", "Hydrogen", ("수소에너지", "hydrogen energy", "h2")),
    ("S08", "사이버보안", "Cybersecurity", ("보안", "정보보호", "cyber security", "security")),
    ("S09", "인공지능", "Artificial intelligence", ("AI", "에이아이", "machine learning", "기계학습")),
    (
        "S10",
        "차세대 통신",
        "Next-generation communications",
        ("통신", "이동통신", "telecommunications", "communications"),
    ),
    ("S11", "첨단 로봇·제조", "Advanced robotics and manufacturing", ("로봇", "제조", "robotics", "manufacturing")),
    ("S12", "양자", "Quantum", ("양자기술", "quantum technology")),
]

_SUB: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "S01": [
        ("고집적·저항기반 메모리", "High-density and resistance-based memory", ("memory", "메모리", "ReRAM", "MRAM")),
        (
            "고성능·저전력 인공지능 반도체",
            "High-performance, low-power AI semiconductors",
            ("AI반도체", "AI chip", "NPU"),
        ),
        ("전력반도체", "Power semiconductors", ("power semiconductor", "SiC", "GaN", "power device")),
        ("차세대 고성능 센서", "Next-generation high-performance sensors", ("센서", "sensor", "sensors")),
        ("반도체 첨단 패키징", "Advanced semiconductor packaging", ("패키징", "packaging", "chiplet")),
        (
            "반도체 소재·부품·장비",
            "Semiconductor materials, parts and equipment",
            ("반도체 장비", "semiconductor equipment", "semiconductor materials"),
        ),
        ("무기발광 디스플레이", "Inorganic light-emitting displays", ("마이크로LED", "micro LED", "QD display")),
        ("프리폼 디스플레이", "Free-form displays", ("플렉서블 디스플레이", "flexible display", "stretchable display")),
        (
            "디스플레이 소재·부품·장비",
            "Display materials, parts and equipment",
            ("display materials", "OLED materials"),
        ),
    ],
    "S02": [
        (
            "리튬이온전지 및 핵심소재",
            "Lithium-ion batteries and key materials",
            ("리튬이온", "lithium-ion", "cathode", "anode", "양극재", "음극재"),
        ),
        (
            "차세대 이차전지 소재·셀",
            "Next-generation battery materials and cells",
            ("전고체", "all-solid-state", "solid-state battery", "리튬황", "lithium-sulfur"),
        ),
        ("이차전지 모듈·시스템", "Battery modules and systems", ("BMS", "battery management", "ESS", "energy storage")),
        (
            "이차전지 재사용·재활용",
            "Battery reuse and recycling",
            ("재활용", "battery recycling", "second-life battery"),
        ),
    ],
    "S03": [
        ("자율주행시스템", "Autonomous driving systems", ("자율주행", "autonomous driving", "self-driving", "ADAS")),
        ("도심항공교통(UAM)", "Urban air mobility (UAM)", ("UAM", "urban air mobility", "eVTOL", "도심항공")),
        ("전기·수소차", "Electric and hydrogen vehicles", ("전기차", "수소차", "EV", "electric vehicle", "FCEV")),
    ],
    "S04": [
        ("소형모듈원자로(SMR)", "Small modular reactors (SMR)", ("SMR", "small modular reactor", "소형원자로")),
        (
            "선진원자력시스템·폐기물관리",
            "Advanced nuclear systems and waste management",
            ("방사성폐기물", "radioactive waste", "decommissioning", "원전해체"),
        ),
    ],
    "S05": [
        ("합성생물학", "Synthetic biology", ("synthetic biology", "synbio", "biofoundry")),
        ("유전자·세포치료", "Gene and cell therapy", ("세포치료", "유전자치료", "cell therapy", "gene therapy")),
        (
            "감염병 백신·치료",
            "Vaccines and therapeutics for infectious diseases",
            ("백신", "vaccine", "mRNA", "감염병"),
        ),
        (
            "디지털 헬스데이터 분석·활용",
            "Digital health data analytics",
            ("디지털헬스", "digital health", "health data", "의료AI"),
        ),
    ],
    "S06": [
        ("우주발사체", "Space launch vehicles", ("발사체", "launch vehicle", "rocket", "로켓")),
        ("인공위성", "Satellites", ("위성", "satellite", "smallsat", "소형위성")),
        ("우주탐사", "Space exploration", ("space exploration", "달탐사", "lunar")),
        (
            "항공기 부품·소재",
            "Aircraft parts and materials",
            ("항공부품", "aircraft parts", "aerostructures", "항공소재"),
        ),
        (
            "해양 기술",
            "Ocean technology",
            ("해양플랜트", "marine technology", "ocean engineering", "조선", "shipbuilding"),
        ),
    ],
    "S07": [
        (
            "수전해 수소생산",
            "Hydrogen production by electrolysis",
            ("수전해", "electrolysis", "electrolyser", "electrolyzer", "green hydrogen"),
        ),
        (
            "수소 저장·운송",
            "Hydrogen storage and transport",
            ("수소저장", "hydrogen storage", "수소운송", "액화수소", "liquid hydrogen"),
        ),
        (
            "수소 연료전지·발전",
            "Hydrogen fuel cells and power generation",
            ("연료전지", "수소연료전지", "fuel cell", "PEMFC", "SOFC", "hydrogen fuel cell"),
        ),
    ],
    "S08": [
        ("데이터·AI 보안", "Data and AI security", ("데이터보안", "data security", "privacy", "AI security")),
        (
            "네트워크·클라우드 보안",
            "Network and cloud security",
            ("네트워크보안", "cloud security", "network security", "zero trust"),
        ),
        (
            "산업·공급망 보안",
            "Industrial and supply-chain security",
            ("ICS security", "OT security", "supply chain security", "산업보안"),
        ),
        (
            "취약점 분석·침해 대응",
            "Vulnerability analysis and incident response",
            ("취약점", "vulnerability", "incident response", "침해대응"),
        ),
    ],
    "S09": [
        (
            "효율적 학습·AI 인프라",
            "Efficient learning and AI infrastructure",
            ("AI 인프라", "AI infrastructure", "efficient training"),
        ),
        (
            "첨단 AI 모델링·의사결정",
            "Advanced AI modelling and decision-making",
            ("생성형 AI", "generative AI", "foundation model", "LLM", "대규모언어모델"),
        ),
        ("산업 활용·혁신 AI", "AI for industry and innovation", ("AI 응용", "applied AI", "AI applications", "산업AI")),
        (
            "안전·신뢰 AI",
            "Safe and trustworthy AI",
            ("trustworthy AI", "AI safety", "explainable AI", "XAI", "설명가능 AI"),
        ),
    ],
    "S10": [
        ("5G 고도화", "Advanced 5G", ("5G", "5G Advanced")),
        ("6G", "6G", ("6세대 이동통신", "sixth generation")),
        ("오픈랜", "Open RAN", ("Open RAN", "O-RAN", "오픈 RAN")),
        ("위성통신", "Satellite communications", ("satellite communication", "satcom", "저궤도 위성통신", "LEO")),
    ],
    "S11": [
        ("지능형 로봇", "Intelligent robots", ("robot", "협동로봇", "collaborative robot", "cobot", "서비스로봇")),
        ("로봇 핵심부품·제어", "Robot components and control", ("감속기", "actuator", "robot control", "로봇제어")),
        ("스마트 제조", "Smart manufacturing", ("스마트공장", "smart factory", "digital twin", "디지털트윈")),
        (
            "첨단 제조 공정·장비",
            "Advanced manufacturing processes and equipment",
            ("적층제조", "3D printing", "additive manufacturing", "정밀가공"),
        ),
    ],
    "S12": [
        ("양자컴퓨팅", "Quantum computing", ("quantum computer", "qubit", "큐비트")),
        ("양자통신", "Quantum communication", ("QKD", "quantum key distribution", "양자암호통신")),
        ("양자센싱", "Quantum sensing", ("quantum sensor", "양자센서", "quantum metrology")),
        ("양자 소재·부품·장비", "Quantum materials, parts and equipment", ("quantum materials", "양자소재")),
    ],
}


def national_fields() -> list[TechField]:
    fields = [
        TechField(code, BilingualText(ko, en), None, synonyms, FieldSource.NATIONAL) for code, ko, en, synonyms in _TOP
    ]
    for parent, subs in _SUB.items():
        for number, (ko, en, synonyms) in enumerate(subs, start=1):
            code = f"{parent}.{number:02d}"
            fields.append(TechField(code, BilingualText(ko, en), parent, synonyms, FieldSource.NATIONAL))
    return fields
