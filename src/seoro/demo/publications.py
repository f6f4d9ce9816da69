"""Two to four synthetic papers per expert, composed from the expert's field vocabulary.

Titles, abstracts and co-authors are made up; journals are fictional; DOIs use the reserved test
prefix ``10.5555``.
"""

from __future__ import annotations

import random

from seoro.demo.common import Record, capitalised, rng_for, text_of, texts_of
from seoro.demo.vocabulary import SUB_FIELDS, TOP_FIELDS, top_of

DOI_PREFIX = "10.5555/seoro-demo."

TITLES: tuple[str, ...] = (
    "{Topic}: insights from {method}",
    "Improving {metric} in {topic}",
    "{Topic} for {application}",
    "A study of {topic} by {method}",
    "Towards practical {topic}",
)
RESULTS: tuple[str, ...] = (
    "Compared with a reference design, {metric} improved by {percent}%.",
    "The proposed approach raised {metric} by {percent}% over the baseline.",
    "We observe a {percent}% gain in {metric} across all test conditions.",
)
CLOSINGS: tuple[str, ...] = (
    "The findings are relevant to {application}.",
    "We discuss what this means for {application}.",
)
CO_AUTHORS: tuple[str, ...] = (
    "Tremblay M.", "Nguyen T.", "Chen Y.", "Garcia L.", "Cohen D.", "Martin C.", "Roy S.", "Patel R.",
    "Kim S.", "Lee H.", "Park J.", "Smith A.", "Gagnon E.", "Dubois P.",
)  # fmt: skip


def build_publications(experts: list[Record]) -> list[Record]:
    rng = rng_for("publications")
    papers: list[Record] = []
    for expert in experts:
        years = sorted(rng.sample(range(2015, 2026), rng.randint(2, 4)))
        topics = _topics(rng, texts_of(expert, "fields"))
        for year, (code, topic) in zip(years, topics, strict=False):
            papers.append(_paper(rng, expert, code, topic, year=year, number=len(papers) + 1))
    return papers


def _topics(rng: random.Random, codes: list[str]) -> list[tuple[str, str]]:
    """The expert's topics as (sub-field, topic) in random order, each once, repeated to four papers."""
    topics = [(code, topic) for code in codes for topic in SUB_FIELDS[code].topics]
    rng.shuffle(topics)
    return (topics * 2)[:4]


def _paper(rng: random.Random, expert: Record, code: str, topic: str, *, year: int, number: int) -> Record:
    words = TOP_FIELDS[top_of(code)]
    parts = {
        "topic": topic,
        "Topic": capitalised(topic),
        "method": rng.choice(words.methods),
        "metric": rng.choice(words.metrics),
        "application": rng.choice(words.applications),
        "percent": rng.randint(8, 45),
    }
    abstract = [f"We study {topic} using {parts['method']}.", rng.choice(RESULTS), rng.choice(CLOSINGS)]
    return {
        "expert_email": text_of(expert, "email"),
        "expert_name": text_of(expert, "name_en"),
        "title": rng.choice(TITLES).format(**parts),
        "abstract": " ".join(abstract).format(**parts),
        "year": year,
        "venue": rng.choice(words.venues),
        "doi": f"{DOI_PREFIX}{year}.{number:04d}",
        "authors": _authors(rng, text_of(expert, "name_en")),
    }


def _authors(rng: random.Random, name: str) -> str:
    """The expert as ``Surname I.`` among one to three co-authors, first or last."""
    given, surname = name.split(" ", 1)
    me = f"{surname} {given[0]}."
    others = [a for a in rng.sample(CO_AUTHORS, 3) if a != me][: rng.randint(1, 3)]
    return ", ".join([me, *others] if rng.random() < 0.6 else [*others, me])
