"""Organisations and the names they are known by."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, insert, or_, select, update

from seoro.domain.directory import Contact, Organisation
from seoro.domain.names import normalise_name
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind
from seoro.storage import tables as t
from seoro.storage.common import (
    NamedRepository,
    children_by_owner,
    field_codes,
    insert_returning_id,
    positioned,
    replace_children,
)


@dataclass(frozen=True)
class OrganisationFilter:
    kind: OrgKind | None = None
    country: str | None = None
    fields: frozenset[str] | None = None  # any of these codes (the service expands sub-fields)
    text: str | None = None  # part of any name or alias
    suggested: frozenset[int] = frozenset()  # ids in ``fields`` by suggestion only (records without codes)


class Organisations(NamedRepository[Organisation, OrganisationFilter]):
    table = t.organisations
    entity = "organisation"

    def save(self, org: Organisation) -> int:
        values = _row(org)
        if org.id is None:
            org.id = insert_returning_id(self.conn, insert(t.organisations).values(values))
        else:
            self.conn.execute(update(t.organisations).where(t.organisations.c.id == org.id).values(values))
        self._save_names(org)
        replace_children(
            self.conn, t.organisation_fields, t.organisation_fields.c.organisation_id, org.id, positioned(org.fields)
        )
        return org.id

    def ids_by_name(self, names: Iterable[str]) -> set[int]:
        """Organisations known by any of ``names`` (compared after normalising legal forms, case, spaces)."""
        keys = {normalise_name(n) for n in names if n}
        if not keys:
            return set()
        query = select(t.organisation_names.c.organisation_id).where(t.organisation_names.c.name_key.in_(keys))
        return set(self.conn.execute(query).scalars())

    def children_ids(self, id_: int) -> list[int]:
        query = select(t.organisations.c.id).where(t.organisations.c.parent_id == id_).order_by(t.organisations.c.id)
        return list(self.conn.execute(query).scalars())

    def _save_names(self, org: Organisation) -> None:
        assert org.id is not None
        primary = {org.name.ko, org.name.en}
        rows = [
            {"name": n, "name_key": normalise_name(n), "is_alias": n not in primary, "position": i}
            for i, n in enumerate(org.all_names())
        ]
        replace_children(self.conn, t.organisation_names, t.organisation_names.c.organisation_id, org.id, rows)

    def _filtered(self, where: OrganisationFilter | None) -> Select[Any]:
        where = where or OrganisationFilter()
        o = t.organisations.c
        query = select(t.organisations)
        if where.kind:
            query = query.where(o.kind == where.kind.value)
        if where.country:
            query = query.where(o.country == where.country)
        if where.fields is not None:
            tagged = select(t.organisation_fields.c.organisation_id).where(
                t.organisation_fields.c.field_code.in_(where.fields)
            )
            query = query.where(or_(o.id.in_(tagged), o.id.in_(sorted(where.suggested))))
        if where.text:
            key = f"%{normalise_name(where.text)}%"
            named = select(t.organisation_names.c.organisation_id).where(t.organisation_names.c.name_key.like(key))
            query = query.where(o.id.in_(named))
        return query

    def _load(self, query: Select[Any]) -> list[Organisation]:
        rows = list(self.conn.execute(query))
        ids = [r.id for r in rows]
        aliases = {
            k: [n.name for n in v if n.is_alias]
            for k, v in children_by_owner(
                self.conn, t.organisation_names, t.organisation_names.c.organisation_id, ids
            ).items()
        }
        fields = field_codes(self.conn, t.organisation_fields, t.organisation_fields.c.organisation_id, ids)
        return [_organisation(r, aliases.get(r.id, []), fields.get(r.id, [])) for r in rows]


def _row(org: Organisation) -> dict[str, Any]:
    return {
        "kind": org.kind.value,
        "name_ko": org.name.ko,
        "name_en": org.name.en,
        "country": org.country,
        "region": org.region,
        "website": org.website,
        "parent_id": org.parent_id,
        "description_ko": org.description.ko,
        "description_en": org.description.en,
        "contact_name": org.contact.name,
        "contact_email": org.contact.email,
        "contact_phone": org.contact.phone,
    }


def _organisation(r: Row[Any], aliases: list[str], fields: list[str]) -> Organisation:
    return Organisation(
        id=r.id,
        kind=OrgKind(r.kind),
        name=BilingualText(r.name_ko, r.name_en),
        aliases=aliases,
        country=r.country,
        region=r.region,
        website=r.website,
        parent_id=r.parent_id,
        fields=fields,
        description=BilingualText(r.description_ko, r.description_en),
        contact=Contact(r.contact_name, r.contact_email, r.contact_phone),
    )
