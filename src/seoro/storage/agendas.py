"""Published agendas: each participant's entries (one per meeting, with its calendar sequence) and
the history of publications."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select

from seoro.domain.agenda import Entry, EntryStatus, Placement, Stage
from seoro.storage import tables as t
from seoro.storage.common import utc

_A = t.agenda_entries.c
_PUB = t.agenda_publications.c


@dataclass(frozen=True)
class Publication:
    """One publication of an event's agendas: ``meetings`` in the timetable, ``changed`` entries
    (new, moved or cancelled) and the ``participants`` whose agenda changed."""

    version: int
    stage: Stage
    published_at: datetime
    actor: str
    meetings: int
    changed: int
    participants: int


class Agendas:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def entries(self, event_id: int, participant_ids: Iterable[int] | None = None) -> list[Entry]:
        query = select(t.agenda_entries).where(_A.event_id == event_id)
        if participant_ids is not None:
            query = query.where(_A.participant_id.in_(list(participant_ids)))
        return [_entry(r) for r in self.conn.execute(query.order_by(_A.participant_id, _A.slot, _A.meeting_key))]

    def save_entries(self, event_id: int, entries: Iterable[Entry]) -> None:
        """Each entry replaces the participant's entry for the same meeting, if there was one."""
        rows = [_row(event_id, e) for e in entries]
        for row in rows:
            self.conn.execute(
                delete(t.agenda_entries).where(
                    _A.participant_id == row["participant_id"], _A.meeting_key == row["meeting_key"]
                )
            )
        if rows:
            self.conn.execute(insert(t.agenda_entries), rows)

    def add_publication(self, event_id: int, p: Publication) -> None:
        self.conn.execute(insert(t.agenda_publications).values(event_id=event_id, stage=p.stage.value,
                                                              **{k: v for k, v in p.__dict__.items() if k != "stage"}))  # fmt: skip

    def publications(self, event_id: int) -> list[Publication]:
        query = select(t.agenda_publications).where(_PUB.event_id == event_id).order_by(_PUB.version)
        return [_publication(r) for r in self.conn.execute(query)]

    def last_version(self, event_id: int) -> int:
        found = self.conn.execute(select(func.max(_PUB.version)).where(_PUB.event_id == event_id)).scalar()
        return int(found or 0)


def _row(event_id: int, e: Entry) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "participant_id": e.participant_id,
        "meeting_key": e.key,
        "sequence": e.sequence,
        "status": e.status.value,
        "slot": e.placement.slot,
        "table_number": e.placement.table,
        "partner_ids": list(e.placement.partner_ids),
        "interpreter_id": e.placement.interpreter_id,
        "stage": e.stage.value,
        "version": e.version,
    }


def _entry(r: Row[Any]) -> Entry:
    placement = Placement(r.slot, r.table_number, tuple(r.partner_ids), r.interpreter_id)
    return Entry(r.participant_id, r.meeting_key, r.sequence, EntryStatus(r.status), placement, Stage(r.stage),
                 r.version)  # fmt: skip


def _publication(r: Row[Any]) -> Publication:
    return Publication(r.version, Stage(r.stage), utc(r.published_at), r.actor, r.meetings, r.changed, r.participants)
