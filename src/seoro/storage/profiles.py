"""Profiles: needs, offers, partner searches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, func, insert, or_, select, update

from seoro.domain.directory import Contact, Profile
from seoro.domain.text import BilingualText
from seoro.domain.vocab import ProfileKind, ProfileStatus
from seoro.storage import tables as t
from seoro.storage.common import (
    Repository,
    field_codes,
    insert_returning_id,
    positioned,
    replace_children,
)

_P = t.profiles.c


@dataclass(frozen=True)
class ProfileFilter:
    kind: ProfileKind | None = None
    status: ProfileStatus | None = None
    fields: frozenset[str] | None = None
    organisation_id: int | None = None
    expert_id: int | None = None
    text: str | None = None
    suggested: frozenset[int] = frozenset()  # ids in ``fields`` by suggestion only (records without codes)


class Profiles(Repository[Profile, ProfileFilter]):
    table = t.profiles
    entity = "profile"

    def ids_by_owner_and_title(
        self, organisation_id: int | None, expert_id: int | None, title: BilingualText
    ) -> set[int]:
        """Profiles of one owner with the same Korean or English title: the same need, filed again."""
        same_title = [c == v for c, v in ((_P.title_ko, title.ko), (_P.title_en, title.en)) if v]
        query = select(_P.id).where(_P.organisation_id == organisation_id, _P.expert_id == expert_id, or_(*same_title))
        return set(self.conn.execute(query).scalars())

    def save(self, profile: Profile) -> int:
        values = _row(profile)
        if profile.id is None:
            profile.id = insert_returning_id(self.conn, insert(t.profiles).values(values))
        else:
            self.conn.execute(update(t.profiles).where(_P.id == profile.id).values(values))
        replace_children(
            self.conn, t.profile_fields, t.profile_fields.c.profile_id, profile.id, positioned(profile.fields)
        )
        return profile.id

    def move_owner(self, *, organisation: tuple[int, int] | None = None, expert: tuple[int, int] | None = None) -> None:
        """Give every profile of one owner to another (used when two records are merged)."""
        if organisation:
            self.conn.execute(
                update(t.profiles).where(_P.organisation_id == organisation[0]).values(organisation_id=organisation[1])
            )
        if expert:
            self.conn.execute(update(t.profiles).where(_P.expert_id == expert[0]).values(expert_id=expert[1]))

    def _filtered(self, where: ProfileFilter | None) -> Select[Any]:
        where = where or ProfileFilter()
        query = select(t.profiles)
        for column, value in ((_P.kind, where.kind), (_P.status, where.status)):
            if value is not None:
                query = query.where(column == value.value)
        for column, id_ in ((_P.organisation_id, where.organisation_id), (_P.expert_id, where.expert_id)):
            if id_ is not None:
                query = query.where(column == id_)
        if where.fields is not None:
            tagged = select(t.profile_fields.c.profile_id).where(t.profile_fields.c.field_code.in_(where.fields))
            query = query.where(or_(_P.id.in_(tagged), _P.id.in_(sorted(where.suggested))))
        if where.text:
            like = f"%{where.text.lower()}%"
            query = query.where(
                or_(
                    func.lower(_P.title_en).like(like),
                    _P.title_ko.like(like),
                    func.lower(_P.description_en).like(like),
                    _P.description_ko.like(like),
                )
            )
        return query

    def _load(self, query: Select[Any]) -> list[Profile]:
        rows = list(self.conn.execute(query))
        fields = field_codes(self.conn, t.profile_fields, t.profile_fields.c.profile_id, [r.id for r in rows])
        return [_profile(r, fields.get(r.id, [])) for r in rows]


def _row(p: Profile) -> dict[str, Any]:
    return {
        "kind": p.kind.value,
        "title_ko": p.title.ko,
        "title_en": p.title.en,
        "description_ko": p.description.ko,
        "description_en": p.description.en,
        "keywords": p.keywords,
        "organisation_id": p.organisation_id,
        "expert_id": p.expert_id,
        "status": p.status.value,
        "valid_from": p.valid_from,
        "valid_until": p.valid_until,
        "contact_name": p.contact.name,
        "contact_email": p.contact.email,
        "contact_phone": p.contact.phone,
    }


def _profile(r: Row[Any], fields: list[str]) -> Profile:
    return Profile(
        id=r.id,
        kind=ProfileKind(r.kind),
        title=BilingualText(r.title_ko, r.title_en),
        description=BilingualText(r.description_ko, r.description_en),
        fields=fields,
        keywords=list(r.keywords),
        organisation_id=r.organisation_id,
        expert_id=r.expert_id,
        status=ProfileStatus(r.status),
        valid_from=r.valid_from,
        valid_until=r.valid_until,
        contact=Contact(r.contact_name, r.contact_email, r.contact_phone),
    )
