"""Field suggestions for directory records, and what staff decided about them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, Table, delete, insert, select, update

from seoro.storage import tables as t

_S = t.field_suggestions.c

# Each kind of record: its table and the table of its field codes (owner column first).
_RECORDS: dict[str, tuple[Table, Table]] = {
    "expert": (t.experts, t.expert_fields),
    "organisation": (t.organisations, t.organisation_fields),
    "profile": (t.profiles, t.profile_fields),
}
RECORD_KINDS = tuple(_RECORDS)


class Status(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class StoredSuggestion:
    entity: str
    entity_id: int
    field_code: str
    confidence: float
    status: Status
    model: str
    evidence: dict[str, Any]
    suggested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.entity}:{self.entity_id}"


@dataclass(frozen=True)
class NewSuggestion:
    field_code: str
    confidence: float
    evidence: dict[str, Any]


class Suggestions:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def of(self, entity: str, ids: Iterable[int] | None = None) -> list[StoredSuggestion]:
        """Every stored suggestion of one kind of record (or of some of them), best first."""
        query = select(t.field_suggestions).where(_S.entity == entity)
        if ids is not None:
            query = query.where(_S.entity_id.in_(list(ids)))
        rows = self.conn.execute(query.order_by(_S.entity_id, _S.confidence.desc(), _S.field_code))
        return [_stored(r) for r in rows]

    def replace_open(
        self, entity: str, entity_id: int, suggestions: Sequence[NewSuggestion], *, model: str, at: datetime
    ) -> int:
        """Make the record's undecided suggestions exactly ``suggestions``; decided rows (confirmed or
        rejected by staff) are never touched and their fields never added again. Returns rows written."""
        stored = {s.field_code: s for s in self.of(entity, [entity_id])}
        wanted = {s.field_code: s for s in suggestions if s.field_code not in stored or _open(stored[s.field_code])}
        gone = [code for code, s in stored.items() if _open(s) and code not in wanted]
        if gone:
            self.conn.execute(delete(t.field_suggestions).where(*_record(entity, entity_id), _S.field_code.in_(gone)))
        written = 0
        for code, new in wanted.items():
            values = {"confidence": new.confidence, "evidence": new.evidence, "model": model, "suggested_at": at}
            old = stored.get(code)
            if old is None:
                self.conn.execute(
                    insert(t.field_suggestions).values(
                        entity=entity, entity_id=entity_id, field_code=code, status=Status.SUGGESTED.value, **values
                    )
                )
            elif (old.confidence, old.evidence, old.model) == (new.confidence, new.evidence, model):
                continue
            else:
                self.conn.execute(update(t.field_suggestions).where(*_record(entity, entity_id, code)).values(values))
            written += 1
        return written

    def decide(
        self,
        entity: str,
        entity_id: int,
        field_code: str,
        status: Status,
        *,
        by: str,
        at: datetime,
        model: str = "staff",
    ) -> None:
        """Record a staff decision on one field of one record (a row is created if none was suggested)."""
        values = {"status": status.value, "decided_by": by, "decided_at": at}
        found = self.conn.execute(select(_S.id).where(*_record(entity, entity_id, field_code))).scalar_one_or_none()
        if found is None:
            confidence = 1.0 if status is Status.CONFIRMED else 0.0
            self.conn.execute(
                insert(t.field_suggestions).values(
                    entity=entity,
                    entity_id=entity_id,
                    field_code=field_code,
                    confidence=confidence,
                    model=model,
                    evidence={},
                    suggested_at=at,
                    **values,
                )
            )
        else:
            self.conn.execute(update(t.field_suggestions).where(_S.id == found).values(values))

    def effective(self, threshold: float) -> dict[str, tuple[str, ...]]:
        """``{"expert:12": codes}`` for records that exist and have no field codes of their own: their
        suggestions that are not rejected and reach ``threshold`` (confirmed ones always count), best first."""
        out: dict[str, tuple[str, ...]] = {}
        for entity, (records, fields) in _RECORDS.items():
            owner = next(iter(fields.primary_key.columns))  # the owner id comes first in every fields table
            query = (
                select(_S.entity_id, _S.field_code)
                .where(
                    _S.entity == entity,
                    _S.status != Status.REJECTED.value,
                    (_S.confidence >= threshold) | (_S.status == Status.CONFIRMED.value),
                    _S.entity_id.in_(select(records.c.id)),
                    _S.entity_id.not_in(select(owner)),
                )
                .order_by(_S.entity_id, _S.confidence.desc(), _S.field_code)
            )
            for row in self.conn.execute(query):
                key = f"{entity}:{row.entity_id}"
                out[key] = (*out.get(key, ()), row.field_code)
        return out

    def forget(self, entity: str, entity_id: int) -> None:
        self.conn.execute(delete(t.field_suggestions).where(*_record(entity, entity_id)))


def _open(s: StoredSuggestion) -> bool:
    return s.status is Status.SUGGESTED


def _record(entity: str, entity_id: int, code: str | None = None) -> list[Any]:
    where = [_S.entity == entity, _S.entity_id == entity_id]
    return where + ([_S.field_code == code] if code is not None else [])


def _stored(r: Row[Any]) -> StoredSuggestion:
    return StoredSuggestion(
        r.entity,
        r.entity_id,
        r.field_code,
        float(r.confidence),
        Status(r.status),
        r.model,
        dict(r.evidence),
        r.suggested_at,
        r.decided_by,
        r.decided_at,
    )
