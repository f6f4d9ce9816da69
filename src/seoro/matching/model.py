"""What the engine matches: candidates with several texts each, queries, results and their reasons."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Doc:
    """One text of a candidate: a title, a statement, keywords or a publication (with its year)."""

    text: str
    kind: str = "text"  # title | description | statement | keywords | publication
    year: int | None = None


@dataclass(frozen=True)
class Candidate:
    key: str  # "expert:12", "organisation:3", "profile:40"
    kind: str  # expert | organisation | profile kind (need, offer, ...)
    name: str
    docs: tuple[Doc, ...]
    fields: tuple[str, ...] = ()
    country: str = ""
    org_kind: str = ""
    languages: tuple[str, ...] = ()
    group: str = ""  # what diversity spreads over: a lab, an organisation


@dataclass(frozen=True)
class Query:
    text: str
    fields: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()  # keys never returned (the query's own record)


@dataclass(frozen=True)
class Filters:
    kinds: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    org_kinds: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()  # already expanded to sub-fields by the caller
    languages: frozenset[str] = frozenset()
    per_group: int | None = 2  # at most this many results from one lab or organisation (None: no limit)

    def admit(self, c: Candidate) -> bool:
        return (
            (not self.kinds or c.kind in self.kinds)
            and (not self.countries or c.country in self.countries)
            and (not self.org_kinds or c.org_kind in self.org_kinds)
            and (not self.fields or bool(self.fields & set(c.fields)))
            and (not self.languages or bool(self.languages & set(c.languages)))
        )


@dataclass(frozen=True)
class Weights:
    """How the channels add up, chosen by evaluation (bench/fusion.py, docs/matching.md): dense,
    lexical_cross and fields fitted on the dev half of the partner-matching set with the same-language
    lexical weight held at 0.1, the value the English-only expertise benchmark needs (fitted freely on
    the matching set it drops to 0.02 and the expertise loss rises from 0.182 to 0.210)."""

    dense: float = 0.26
    lexical: float = 0.1  # words shared with documents in the query's language
    lexical_cross: float = 0.2  # words shared across languages, through the glossary
    fields: float = 0.44


@dataclass(frozen=True)
class TermMatch:
    query_term: str
    candidate_term: str
    translation: bool  # matched across languages through the glossary


@dataclass(frozen=True)
class Explanation:
    shared_fields: tuple[str, ...]
    related_fields: tuple[tuple[str, str], ...]  # (query field, candidate field) sharing a parent
    terms: tuple[TermMatch, ...]
    best_doc: Doc
    best_doc_similarity: float
    contributions: dict[str, float] = field(default_factory=dict)
    best_sentence: str = ""  # the passage of best_doc closest to the query


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    explanation: Explanation
