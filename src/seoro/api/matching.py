"""``/api/{profiles|experts|organisations}/{id}/matches``: partners for a directory record, with reasons (staff).

The same search as ``seoro match --json``: a Korean need finds experts who wrote in English, and an
overseas expert finds Korean needs and firms; each match says why (shared fields, words matched
across languages, the closest passage, each channel's share of the score).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from seoro.api.directory import FieldFilter, RecordId
from seoro.api.schemas import (
    ERRORS,
    BestTextOut,
    Bilingual,
    FieldLabel,
    LanguageCode,
    MatchesOut,
    MatchOut,
    RelatedFieldsOut,
    TermOut,
    WhyOut,
    Word,
)
from seoro.domain.countries import country_code
from seoro.domain.vocab import OrgKind
from seoro.http.access import Staff
from seoro.http.security import db_of, settings_of
from seoro.matching.model import Match
from seoro.services import browse
from seoro.services.matching import MatchResult, match_record

router = APIRouter(tags=["matching"], responses=ERRORS)

PartnerKind = Literal["expert", "organisation", "profile", "need", "offer", "partner_search", "business_offer",
                      "business_request", "expertise"]  # fmt: skip
# What each kind of record usually looks for (as ``seoro match``).
DEFAULT_KINDS = {
    "profile": ("expert",),
    "expert": ("need", "organisation"),
    "organisation": ("expert", "need", "offer"),
}
EXISTS: dict[str, Callable[..., object]] = {
    "profile": browse.show_profile,
    "expert": browse.show_expert,
    "organisation": browse.show_organisation,
}


def _label(result: MatchResult, code: str) -> FieldLabel:
    f = result.taxonomy.fields.get(code)
    return FieldLabel(code=code, ko=f.label.ko if f else "", en=f.label.en if f else "")


def _match_out(result: MatchResult, rank: int, m: Match) -> MatchOut:
    e = m.explanation
    why = WhyOut(
        shared_fields=[_label(result, f) for f in e.shared_fields],
        related_fields=[RelatedFieldsOut(query=_label(result, a), partner=_label(result, b)) for a, b in e.related_fields],
        terms=[TermOut(query=t.query_term, partner=t.candidate_term, translated=t.translation) for t in e.terms],
        best_text=BestTextOut(text=e.best_doc.text, sentence=e.best_sentence, kind=e.best_doc.kind,
                              year=e.best_doc.year, similarity=e.best_doc_similarity),
        contributions=dict(e.contributions),
    )  # fmt: skip
    c = m.candidate
    return MatchOut(rank=rank, key=c.key, name=c.name, kind=c.kind, country=c.country, score=m.score,
                    fields=[_label(result, f) for f in c.fields], why=why)  # fmt: skip


def matches_out(key: str, result: MatchResult) -> MatchesOut:
    return MatchesOut(
        record=key,
        title=Bilingual.of(result.title),
        query_fields=[_label(result, f) for f in result.query.fields],
        matches=[_match_out(result, i, m) for i, m in enumerate(result.matches, 1)],
    )


def find_matches(
    request: Request,
    entity: str,
    record_id: int,
    *,
    top: int,
    kind: Sequence[str] | None,
    field: list[str] | None,
    country: list[str] | None,
    org_kind: list[OrgKind] | None,
    language: list[str] | None,
) -> MatchesOut:
    """The record is looked up first, so an unknown id is a quick 404 before the engine is built."""
    db = db_of(request)
    EXISTS[entity](db, record_id)
    key = f"{entity}:{record_id}"
    result = match_record(
        db,
        key=key,
        top=top,
        kinds=tuple(kind or DEFAULT_KINDS[entity]),
        fields=tuple(field or ()),
        countries=tuple(country_code(c) for c in country or ()),
        org_kinds=tuple(k.value for k in org_kind or ()),
        languages=tuple(language or ()),
        cache=settings_of(request).data_dir / "index-cache",
    )
    return matches_out(key, result)


Top = Annotated[int, Query(ge=1, le=50, description="How many partners.")]
Kinds = Annotated[list[PartnerKind] | None, Query(description="Kinds of partner wanted. Repeatable.")]
Countries = Annotated[list[Word] | None, Query(description="Only partners in these countries. Repeatable.")]
OrgKinds = Annotated[list[OrgKind] | None, Query(description="Only partners of these organisation kinds.")]
Languages = Annotated[list[LanguageCode] | None, Query(description="Only partners who use this language.")]


@router.get("/profiles/{profile_id}/matches", response_model=MatchesOut, summary="Partners for a profile (staff)")
def profile_matches(
    request: Request, _: Staff, profile_id: RecordId, top: Top = 10, kind: Kinds = None, field: FieldFilter = None,
    country: Countries = None, org_kind: OrgKinds = None, language: Languages = None,
) -> MatchesOut:  # fmt: skip
    return find_matches(request, "profile", profile_id, top=top, kind=kind, field=field, country=country,
                        org_kind=org_kind, language=language)  # fmt: skip


@router.get("/experts/{expert_id}/matches", response_model=MatchesOut, summary="Partners for an expert (staff)")
def expert_matches(
    request: Request, _: Staff, expert_id: RecordId, top: Top = 10, kind: Kinds = None, field: FieldFilter = None,
    country: Countries = None, org_kind: OrgKinds = None, language: Languages = None,
) -> MatchesOut:  # fmt: skip
    return find_matches(request, "expert", expert_id, top=top, kind=kind, field=field, country=country,
                        org_kind=org_kind, language=language)  # fmt: skip


@router.get(
    "/organisations/{organisation_id}/matches",
    response_model=MatchesOut,
    summary="Partners for an organisation (staff)",
)
def organisation_matches(
    request: Request, _: Staff, organisation_id: RecordId, top: Top = 10, kind: Kinds = None,
    field: FieldFilter = None, country: Countries = None, org_kind: OrgKinds = None, language: Languages = None,
) -> MatchesOut:  # fmt: skip
    return find_matches(request, "organisation", organisation_id, top=top, kind=kind, field=field, country=country,
                        org_kind=org_kind, language=language)  # fmt: skip
