"""Recognising one organisation under its many spellings: (주)한빛 = ㈜ 한빛 = 주식회사 한빛, Hanbit Inc. = HANBIT Co., Ltd."""

from __future__ import annotations

import re

from seoro.domain.text import clean

# Legal-form words that say nothing about *which* organisation it is. Order matters: longer first.
_LEGAL_FORMS = (
    "주식회사",
    "유한회사",
    "재단법인",
    "사단법인",
    "학교법인",
    "(주)",
    "(유)",
    "(재)",
    "(사)",
    "(학)",
)
_EN_LEGAL = re.compile(
    r"\b(co\.?,?\s*ltd|company\s+limited|incorporated|inc|corp|corporation|ltd|limited|llc|gmbh|co|plc|s\.?a|the)\b\.?",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[\W_]+")


def normalise_name(name: str) -> str:
    """A key under which spelling variants of one organisation's name coincide.

    >>> normalise_name("㈜ 한빛 수소테크") == normalise_name("주식회사 한빛수소테크")
    True
    >>> normalise_name("Hanbit Hydrogen Co., Ltd.") == normalise_name("HANBIT HYDROGEN INC")
    True
    """
    text = clean(name)
    for form in _LEGAL_FORMS:
        text = text.replace(form, " ")
    text = _EN_LEGAL.sub(" ", text)
    key = _NOT_WORD.sub("", text).casefold()
    # A name made only of a legal form ("Inc.") must still be a key of its own, not "".
    return key or _NOT_WORD.sub("", clean(name)).casefold()


_KIND_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("chapter", ("지부", "지회", "chapter")),
    ("association", ("협회", "학회", "association", "society", "federation")),
    ("university", ("대학교", "대학", "university", "college", "école", "ecole", "institute of technology")),
    (
        "research_institute",
        ("연구원", "연구소", "연구센터", "institute", "laboratory", "research center", "research centre"),
    ),
    ("government", ("도청", "시청", "광역시", "특별시", "부처", "ministry", "city of", "province", "government")),
    ("innovation_zone", ("특구", "클러스터", "cluster", "innovation zone")),
    ("incubator", ("창업보육", "인큐베이터", "incubator", "accelerator")),
    ("investor", ("투자", "캐피탈", "capital", "ventures", "fund")),
    ("company", ("(주)", "주식회사", "inc", "corp", "co.,", "ltd", "llc", "gmbh", "테크", "tech")),
)


def guess_kind(name: str) -> str:
    """A best guess at an organisation's kind from its name, for records created on the fly; 'other' if unsure."""
    text = clean(name).casefold()
    for kind, hints in _KIND_HINTS:
        if any(h in text for h in hints):
            return kind
    return "other"
