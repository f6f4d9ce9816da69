"""Agreements (MOUs) with their parties, scope and follow-up promises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, insert, select, update

from seoro.domain.agreements import Agreement, FollowUp, Party
from seoro.domain.text import BilingualText
from seoro.domain.vocab import AgreementStatus
from seoro.storage import tables as t
from seoro.storage.common import Repository, children_by_owner, insert_returning_id, replace_children

_A = t.agreements.c


@dataclass(frozen=True)
class AgreementFilter:
    organisation_id: int | None = None  # signed by


class Agreements(Repository[Agreement, AgreementFilter]):
    table = t.agreements
    entity = "agreement"

    def _ordering(self) -> tuple[Any, ...]:
        return (_A.signed_on, _A.id)

    def _filtered(self, where: AgreementFilter | None) -> Select[Any]:
        query = select(t.agreements)
        if where and where.organisation_id is not None:
            parties = t.agreement_parties.c
            signed = select(parties.agreement_id).where(parties.organisation_id == where.organisation_id)
            query = query.where(_A.id.in_(signed))
        return query

    def id_by_title(self, title: BilingualText) -> int | None:
        column, value = (_A.title_ko, title.ko) if title.ko else (_A.title_en, title.en)
        return self.conn.execute(select(_A.id).where(column == value)).scalar_one_or_none()

    def save(self, agreement: Agreement) -> int:
        values = {
            "title_ko": agreement.title.ko,
            "title_en": agreement.title.en,
            "signed_on": agreement.signed_on,
            "place": agreement.place,
            "event": agreement.event,
            "status": agreement.status.value,
        }
        if agreement.id is None:
            agreement.id = insert_returning_id(self.conn, insert(t.agreements).values(values))
        else:
            self.conn.execute(update(t.agreements).where(_A.id == agreement.id).values(values))
        aid = agreement.id
        parties = [
            {
                "organisation_id": p.organisation_id,
                "signatory": p.signatory,
                "contact_name": p.contact_name,
                "contact_email": p.contact_email,
                "position": i,
            }
            for i, p in enumerate(agreement.parties)
        ]
        scope = [{"text_ko": s.ko, "text_en": s.en, "position": i} for i, s in enumerate(agreement.scope)]
        follow_ups = [
            {
                "description_ko": f.description.ko,
                "description_en": f.description.en,
                "due": f.due,
                "done": f.done,
                "position": i,
            }
            for i, f in enumerate(agreement.follow_ups)
        ]
        replace_children(self.conn, t.agreement_parties, t.agreement_parties.c.agreement_id, aid, parties)
        replace_children(self.conn, t.agreement_scope, t.agreement_scope.c.agreement_id, aid, scope)
        replace_children(self.conn, t.agreement_follow_ups, t.agreement_follow_ups.c.agreement_id, aid, follow_ups)
        return aid

    def move_party(self, old_id: int, new_id: int) -> None:
        self.conn.execute(
            update(t.agreement_parties)
            .where(t.agreement_parties.c.organisation_id == old_id)
            .values(organisation_id=new_id)
        )

    def _load(self, query: Select[Any]) -> list[Agreement]:
        rows = list(self.conn.execute(query))
        ids = [r.id for r in rows]
        parties = children_by_owner(self.conn, t.agreement_parties, t.agreement_parties.c.agreement_id, ids)
        scope = children_by_owner(self.conn, t.agreement_scope, t.agreement_scope.c.agreement_id, ids)
        follow_ups = children_by_owner(self.conn, t.agreement_follow_ups, t.agreement_follow_ups.c.agreement_id, ids)
        return [_agreement(r, parties.get(r.id, []), scope.get(r.id, []), follow_ups.get(r.id, [])) for r in rows]


def _agreement(r: Row[Any], parties: list[Any], scope: list[Any], follow_ups: list[Any]) -> Agreement:
    return Agreement(
        id=r.id,
        title=BilingualText(r.title_ko, r.title_en),
        parties=[Party(p.organisation_id, p.signatory, p.contact_name, p.contact_email) for p in parties],
        signed_on=r.signed_on,
        place=r.place,
        scope=[BilingualText(s.text_ko, s.text_en) for s in scope],
        follow_ups=[FollowUp(BilingualText(f.description_ko, f.description_en), f.due, f.done) for f in follow_ups],
        event=r.event,
        status=AgreementStatus(r.status),
    )
