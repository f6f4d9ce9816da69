"""Why a candidate matches: shared fields, the terms both sides use (across languages), the best text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from seoro.matching.glossary import _ko_key
from seoro.matching.model import Candidate, Doc, Explanation, Query, TermMatch

if TYPE_CHECKING:
    from seoro.matching.engine import Tools


def explain(
    query: Query,
    candidate: Candidate,
    tools: Tools,
    best: Doc,
    similarity: float,
    contributions: dict[str, float],
    sentence: str = "",
) -> Explanation:
    taxonomy = tools.taxonomy
    shared = tuple(f for f in query.fields if f in candidate.fields)
    related = tuple(
        (a, b)
        for a in query.fields
        for b in candidate.fields
        if a != b
        and a in taxonomy.fields
        and b in taxonomy.fields
        and {a, *taxonomy.ancestors(a)} & {b, *taxonomy.ancestors(b)}
    )
    text = " ".join(d.text for d in candidate.docs) or candidate.name
    terms = _terms(query.text, text, tools)
    return Explanation(shared, related, terms, best, round(similarity, 4), contributions, sentence or best.text)


def _terms(query: str, text: str, tools: Tools, limit: int = 8) -> tuple[TermMatch, ...]:
    """Glossary terms of the query found in the candidate's text, as written or translated."""
    found = {(_ko_key(h.term) if h.lang == "ko" else h.term.casefold()): h for h in tools.glossary.find(text)}
    matches: list[TermMatch] = []
    seen: set[str] = set()
    for hit in tools.glossary.find(query):
        own = _ko_key(hit.term) if hit.lang == "ko" else hit.term.casefold()
        if own in seen:
            continue
        seen.add(own)
        if own in found:
            matches.append(TermMatch(hit.term, found[own].term, translation=False))
            continue
        for form in hit.translations:
            key = _ko_key(form) if hit.lang == "en" else form.casefold()
            if key in found:
                matches.append(TermMatch(hit.term, found[key].term, translation=True))
                break
    shared_words = set(tools.tokenizer.tokens(query)) & set(tools.tokenizer.tokens(text))
    named = {m.query_term.casefold() for m in matches} | {m.candidate_term.casefold() for m in matches}
    matches += [TermMatch(w, w, translation=False) for w in sorted(shared_words) if w not in named]
    return tuple(matches[:limit])
