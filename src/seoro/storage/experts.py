"""Experts with their affiliations, memberships and publications."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, String, cast, delete, func, insert, or_, select, update

from seoro.domain.directory import Affiliation, Expert, Publication
from seoro.domain.text import BilingualText
from seoro.storage import tables as t
from seoro.storage.common import (
    NamedRepository,
    children_by_owner,
    count_of,
    field_codes,
    insert_returning_id,
    none_if_empty,
    positioned,
    replace_children,
)

_E = t.experts.c
_P = t.publications.c


@dataclass(frozen=True)
class PublicationFilter:
    expert_id: int | None = None
    since: int | None = None  # year
    text: str | None = None  # part of the title, abstract or venue


@dataclass(frozen=True)
class ExpertFilter:
    country: str | None = None
    fields: frozenset[str] | None = None
    organisation_id: int | None = None  # affiliated with, or member of
    language: str | None = None
    text: str | None = None  # part of a name or e-mail
    suggested: frozenset[int] = frozenset()  # ids in ``fields`` by suggestion only (records without codes)


class Experts(NamedRepository[Expert, ExpertFilter]):
    table = t.experts
    entity = "expert"

    def publications(
        self, where: PublicationFilter | None = None, limit: int | None = None, offset: int = 0
    ) -> list[tuple[int, Publication]]:
        """Publications with their expert's id, newest first."""
        query = self._publications(where or PublicationFilter()).order_by(_P.year.desc(), _P.id).offset(offset)
        rows = self.conn.execute(query.limit(limit) if limit else query)
        return [(r.expert_id, _publication(r)) for r in rows]

    def count_publications(self, where: PublicationFilter | None = None) -> int:
        return count_of(self.conn, self._publications(where or PublicationFilter()))

    def _publications(self, where: PublicationFilter) -> Select[Any]:
        query = select(t.publications)
        if where.expert_id is not None:
            query = query.where(_P.expert_id == where.expert_id)
        if where.since is not None:
            query = query.where(_P.year >= where.since)
        if where.text:
            like = f"%{where.text.lower()}%"
            query = query.where(
                or_(
                    func.lower(_P.title).like(like), func.lower(_P.abstract).like(like), func.lower(_P.venue).like(like)
                )
            )
        return query

    def id_by_email(self, email: str) -> int | None:
        return self.conn.execute(select(_E.id).where(_E.email == email.lower())).scalar_one_or_none()

    def ids_by_name(self, name: str) -> set[int]:
        return set(self.conn.execute(select(_E.id).where(or_(_E.name_ko == name, _E.name_en == name))).scalars())

    def save(self, expert: Expert) -> int:
        values = _row(expert)
        if expert.id is None:
            expert.id = insert_returning_id(self.conn, insert(t.experts).values(values))
        else:
            self.conn.execute(update(t.experts).where(_E.id == expert.id).values(values))
        eid = expert.id
        affiliations = [
            {"organisation_id": a.organisation_id, "job_title": a.position, "position": i}
            for i, a in enumerate(expert.affiliations)
        ]
        replace_children(self.conn, t.expert_affiliations, t.expert_affiliations.c.expert_id, eid, affiliations)
        replace_children(
            self.conn,
            t.expert_memberships,
            t.expert_memberships.c.expert_id,
            eid,
            [{"organisation_id": m, "position": i} for i, m in enumerate(expert.memberships)],
        )
        replace_children(self.conn, t.expert_fields, t.expert_fields.c.expert_id, eid, positioned(expert.fields))
        self._save_publications(expert)
        return eid

    def _save_publications(self, expert: Expert) -> None:
        p = t.publications.c
        kept = [pub.id for pub in expert.publications if pub.id is not None]
        self.conn.execute(delete(t.publications).where(p.expert_id == expert.id, p.id.not_in(kept)))
        for pub in expert.publications:
            values = {"expert_id": expert.id, **_publication_row(pub)}
            if pub.id is None:
                pub.id = insert_returning_id(self.conn, insert(t.publications).values(values))
            else:
                self.conn.execute(update(t.publications).where(p.id == pub.id).values(values))

    def _filtered(self, where: ExpertFilter | None) -> Select[Any]:
        where = where or ExpertFilter()
        query = select(t.experts)
        if where.country:
            query = query.where(_E.country == where.country)
        if where.fields is not None:
            tagged = select(t.expert_fields.c.expert_id).where(t.expert_fields.c.field_code.in_(where.fields))
            query = query.where(or_(_E.id.in_(tagged), _E.id.in_(sorted(where.suggested))))
        if where.organisation_id is not None:
            affiliated = select(t.expert_affiliations.c.expert_id).where(
                t.expert_affiliations.c.organisation_id == where.organisation_id
            )
            member = select(t.expert_memberships.c.expert_id).where(
                t.expert_memberships.c.organisation_id == where.organisation_id
            )
            query = query.where(or_(_E.id.in_(affiliated), _E.id.in_(member)))
        if where.text:
            like = f"%{where.text.lower()}%"
            query = query.where(or_(func.lower(_E.name_en).like(like), _E.name_ko.like(like), _E.email.like(like)))
        if where.language:
            # JSON array functions differ between SQLite and PostgreSQL; a quoted-code match works on both.
            query = query.where(cast(_E.languages, String).like(f'%"{where.language}"%'))
        return query

    def without_publications(self, ids: Iterable[int]) -> dict[int, Expert]:
        """The experts with these ids that exist, by id, leaving their publications out (for cards
        and lists, where hundreds of abstracts would only be read to be dropped)."""
        return self._many(ids, lambda query: self._load(query, publications=False))

    def _load(self, query: Select[Any], *, publications: bool = True) -> list[Expert]:
        rows = list(self.conn.execute(query))
        ids = [r.id for r in rows]
        affiliations = children_by_owner(self.conn, t.expert_affiliations, t.expert_affiliations.c.expert_id, ids)
        memberships = children_by_owner(self.conn, t.expert_memberships, t.expert_memberships.c.expert_id, ids)
        fields = field_codes(self.conn, t.expert_fields, t.expert_fields.c.expert_id, ids)
        pubs = children_by_owner(
            self.conn, t.publications, t.publications.c.expert_id, ids if publications else [], "id"
        )
        return [
            _expert(
                r,
                [Affiliation(a.organisation_id, a.job_title) for a in affiliations.get(r.id, [])],
                [m.organisation_id for m in memberships.get(r.id, [])],
                fields.get(r.id, []),
                [_publication(p) for p in pubs.get(r.id, [])],
            )
            for r in rows
        ]


def _row(e: Expert) -> dict[str, Any]:
    return {
        "name_ko": e.name.ko,
        "name_en": e.name.en,
        "email": none_if_empty(e.email.lower()),
        "phone": e.phone,
        "country": e.country,
        "languages": e.languages,
        "expertise_ko": e.expertise.ko,
        "expertise_en": e.expertise.en,
        "keywords": e.keywords,
        "website": e.website,
    }


def _publication_row(p: Publication) -> dict[str, Any]:
    return {
        "title": p.title,
        "abstract": p.abstract,
        "year": p.year,
        "venue": p.venue,
        "doi": p.doi,
        "authors": p.authors,
    }


def _publication(r: Row[Any]) -> Publication:
    return Publication(
        id=r.id, title=r.title, abstract=r.abstract, year=r.year, venue=r.venue, doi=r.doi, authors=r.authors
    )


def _expert(
    r: Row[Any], affiliations: list[Affiliation], memberships: list[int], fields: list[str], pubs: list[Publication]
) -> Expert:
    return Expert(
        id=r.id,
        name=BilingualText(r.name_ko, r.name_en),
        email=r.email or "",
        phone=r.phone,
        country=r.country,
        languages=list(r.languages),
        expertise=BilingualText(r.expertise_ko, r.expertise_en),
        keywords=list(r.keywords),
        fields=fields,
        website=r.website,
        affiliations=affiliations,
        memberships=memberships,
        publications=pubs,
    )
