"""Partners for a profile, ranked, each with the reasons ``seoro match --explain`` gives: shared and
related fields, the terms found on both sides (across languages too), the closest text and the parts
of the score, so staff can judge a suggestion before they pass it on."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from seoro.domain.vocab import ProfileKind, label
from seoro.http.access import Staff
from seoro.http.security import db_of, lang_of, settings_of
from seoro.i18n import t
from seoro.services.matching import MatchResult, match_record
from seoro.web.pipeline_common import LEAD_CANDIDATES, notice_of
from seoro.web.templates import render

router = APIRouter()
TOP = 10
KIND_CHOICES = ("expert", "organisation", *(k.value for k in ProfileKind))
PAGES = {"expert": "experts", "organisation": "organisations", "profile": "profiles"}


def _url(key: str) -> str:
    entity, _, number = key.partition(":")
    return f"/directory/{PAGES.get(entity, 'profiles')}/{number}"


def _field(result: MatchResult, code: str, lang: str) -> str:
    f = result.taxonomy.fields.get(code)
    return f.label.pick(lang) if f else code


def _share(part: float, total: float) -> int:
    """A score part as a bar width in steps of 5 % (CSS classes ``w0`` … ``w100``; no inline styles)."""
    return 0 if total <= 0 or part <= 0 else min(100, round(part / total * 20) * 5)


def _view(result: MatchResult, lang: str) -> list[dict[str, Any]]:
    out = []
    for rank, m in enumerate(result.matches, 1):
        e = m.explanation
        positive = sum(v for v in e.contributions.values() if v > 0)
        out.append({
            "rank": rank, "name": m.candidate.name, "url": _url(m.candidate.key), "score": m.score,
            "key": m.candidate.key, "leadable": m.candidate.key.partition(":")[0] in LEAD_CANDIDATES,
            "kind": m.candidate.kind, "country": m.candidate.country,
            "fields": [_field(result, f, lang) for f in m.candidate.fields],
            "shared": [_field(result, f, lang) for f in e.shared_fields],
            "related": [(_field(result, a, lang), _field(result, b, lang)) for a, b in e.related_fields[:3]],
            "terms": e.terms, "sentence": e.best_sentence, "doc": e.best_doc, "similarity": e.best_doc_similarity,
            "parts": [(k, v, _share(v, positive)) for k, v in e.contributions.items()],
        })  # fmt: skip
    return out


def _kind_label(kind: str, lang: str) -> str:
    if kind in ("expert", "organisation"):
        return t(f"web.staff.match.kind.{kind}", lang)
    return label(ProfileKind(kind)).pick(lang)


@router.get("/directory/profiles/{id_}/matches")
def matches_page(
    request: Request, _staff: Staff, id_: int, kind: Annotated[list[str] | None, Query()] = None
) -> Response:
    chosen = tuple(k for k in (kind or ["expert"]) if k in KIND_CHOICES) or ("expert",)
    cache = settings_of(request).data_dir / "index-cache"
    result = match_record(db_of(request), key=f"profile:{id_}", top=TOP, kinds=chosen, cache=cache)
    lang = lang_of(request)
    return render(request, "staff/matches.html", {
        "id": id_, "result": result, "matches": _view(result, lang), "chosen": chosen,
        "kinds": [(k, _kind_label(k, lang)) for k in KIND_CHOICES],
        "kind_label": lambda k: _kind_label(k, lang) if k in KIND_CHOICES else k,
        "query_fields": [_field(result, f, lang) for f in result.query.fields], "notice": notice_of(request),
    })  # fmt: skip
