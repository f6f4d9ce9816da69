"""Brokerage events: the event with its sessions, tables and types; participants, interpreters,
meeting requests, the current meetings and the history of scheduling runs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update
from sqlalchemy import Table as SqlTable

from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Table
from seoro.domain.meetings import Meeting, MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.storage import tables as t
from seoro.storage.common import children_by_owner, insert_returning_id, not_found, replace_children, utc

_E = t.events.c
_P = t.event_participants.c
_I = t.event_interpreters.c
_R = t.meeting_requests.c
_M = t.meetings.c
_RUN = t.schedule_runs.c


@dataclass(frozen=True)
class Run:
    """One scheduling run as staff see it in the history.

    ``requests``: meetings the optimiser considered (accepted requests merged by pair); ``moved`` /
    ``dropped`` / ``added``: announced meetings moved, announced meetings no longer held, and meetings
    that were not in the announced timetable (on a first run, all of them).
    """

    ran_at: datetime
    kind: str  # schedule | reschedule
    actor: str
    requests: int
    scheduled: int
    value: float
    bound: float
    idle_gaps: int
    seconds: float
    moved: int = 0
    dropped: int = 0
    added: int = 0

    @property
    def gap(self) -> float:
        """How far from optimal the run's timetable can be at most, as ``Result.gap`` computes it."""
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.value) / self.bound)


def _slots(values: frozenset[int] | None) -> list[int] | None:
    return None if values is None else sorted(values)


def _slot_set(values: list[int] | None) -> frozenset[int] | None:
    return None if values is None else frozenset(values)


def _hm(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _time(value: str | None) -> time | None:
    return None if value is None else time.fromisoformat(value)


class Events:
    """Repository of events and everything in them. Child records (participants, interpreters,
    requests) are saved with their event's id: an update of an id from another event is refused."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _store(self, table: SqlTable, entity: str, event_id: int, id_: int | None, values: dict[str, Any]) -> int:
        """Insert a new row (``id_`` None) or update this event's row ``id_``; returns the id."""
        if id_ is None:
            return insert_returning_id(self.conn, insert(table).values(values))
        self._update(table, entity, event_id, id_, values)
        return id_

    def _update(self, table: SqlTable, entity: str, event_id: int, row_id: int, values: dict[str, Any]) -> None:
        done = self.conn.execute(update(table).where(table.c.id == row_id, table.c.event_id == event_id).values(values))
        if done.rowcount != 1:
            raise not_found(entity, row_id)

    # ---- the event

    def save(self, event: Event) -> int:
        values = {
            "name_ko": event.name.ko,
            "name_en": event.name.en,
            "timezone": event.timezone,
            "venue": event.venue,
            "scheduling_mode": event.scheduling_mode.value,
            "auto_accept": event.auto_accept,
            "request_expiry_hours": event.request_expiry_hours,
            "cross_type_only": event.cross_type_only,
            "max_in_a_row": event.max_in_a_row,
            "default_max_meetings": event.default_max_meetings,
        }
        if event.id is None:
            event.id = insert_returning_id(self.conn, insert(t.events).values(values))
        else:
            if self.conn.execute(update(t.events).where(_E.id == event.id).values(values)).rowcount != 1:
                raise not_found("event", event.id)
        eid = event.id
        replace_children(self.conn, t.event_sessions, t.event_sessions.c.event_id, eid, _session_rows(event.sessions))
        replace_children(self.conn, t.event_tables, t.event_tables.c.event_id, eid, _table_rows(event.tables))
        replace_children(self.conn, t.event_types, t.event_types.c.event_id, eid, _type_rows(event.types))
        return eid

    def get(self, event_id: int) -> Event:
        found = self._load(select(t.events).where(_E.id == event_id))
        if not found:
            raise not_found("event", event_id)
        return found[0]

    def all(self) -> list[Event]:
        return self._load(select(t.events).order_by(_E.id))

    def _load(self, query: Any) -> list[Event]:
        rows = list(self.conn.execute(query))
        ids = [r.id for r in rows]
        sessions = children_by_owner(self.conn, t.event_sessions, t.event_sessions.c.event_id, ids)
        tables = children_by_owner(self.conn, t.event_tables, t.event_tables.c.event_id, ids)
        types = children_by_owner(self.conn, t.event_types, t.event_types.c.event_id, ids)
        return [_event(r, sessions.get(r.id, []), tables.get(r.id, []), types.get(r.id, [])) for r in rows]

    # ---- people

    def save_participant(self, event_id: int, p: Participant) -> int:
        values = {
            "event_id": event_id,
            "name_ko": p.name.ko,
            "name_en": p.name.en,
            "type_code": p.type_code,
            "expert_id": p.expert_id,
            "organisation_id": p.organisation_id,
            "delegation": p.delegation,
            "languages": list(p.languages),
            "availability": _slots(p.availability),
            "max_meetings": p.max_meetings,
            "booth": p.booth,
            "email": p.email,
            "cancelled": p.cancelled,
            "checked_in_at": p.checked_in_at,
            "no_show_at": p.no_show_at,
        }
        p.id = self._store(t.event_participants, "participant", event_id, p.id, values)
        return p.id

    def participant(self, participant_id: int) -> Participant:
        """One participant of any event, by id."""
        row = self.conn.execute(select(t.event_participants).where(_P.id == participant_id)).first()
        if row is None:
            raise not_found("participant", participant_id)
        return _participant(row)

    def event_of(self, participant_id: int) -> int:
        row = self.conn.execute(select(_P.event_id).where(_P.id == participant_id)).first()
        if row is None:
            raise not_found("participant", participant_id)
        return int(row.event_id)

    def participants(self, event_id: int) -> list[Participant]:
        query = select(t.event_participants).where(_P.event_id == event_id).order_by(_P.id)
        return [_participant(r) for r in self.conn.execute(query)]

    def save_interpreter(self, event_id: int, i: Interpreter) -> int:
        values = {
            "event_id": event_id,
            "name": i.name,
            "languages": list(i.languages),
            "availability": _slots(i.availability),
        }
        i.id = self._store(t.event_interpreters, "interpreter", event_id, i.id, values)
        return i.id

    def interpreters(self, event_id: int) -> list[Interpreter]:
        query = select(t.event_interpreters).where(_I.event_id == event_id).order_by(_I.id)
        return [
            Interpreter(name=r.name, languages=list(r.languages), availability=_slot_set(r.availability), id=r.id)
            for r in self.conn.execute(query)
        ]

    # ---- requests and meetings

    def save_request(self, event_id: int, r: MeetingRequest) -> int:
        values = {
            "event_id": event_id,
            "requester_id": r.requester_id,
            "requested_id": r.requested_id,
            "priority": int(r.priority),
            "message": r.message,
            "status": r.status.value,
            "source": r.source.value,
            "score": r.score,
            "created_at": r.created_at,
            "answered_at": r.answered_at,
            "locked_slot": r.locked_slot,
            "locked_table": r.locked_table,
            "picked_slot": r.picked_slot,
        }
        r.id = self._store(t.meeting_requests, "meeting_request", event_id, r.id, values)
        return r.id

    def requests(self, event_id: int) -> list[MeetingRequest]:
        query = select(t.meeting_requests).where(_R.event_id == event_id).order_by(_R.id)
        return [_request(r) for r in self.conn.execute(query)]

    def meetings(self, event_id: int) -> list[Meeting]:
        query = select(t.meetings).where(_M.event_id == event_id).order_by(_M.slot, _M.table_number)
        return [
            Meeting(
                request_id=r.request_id,
                slot=r.slot,
                table=r.table_number,
                interpreter_id=r.interpreter_id,
                announced=r.announced,
                locked=r.locked,
            )
            for r in self.conn.execute(query)
        ]

    def replace_meetings(self, event_id: int, meetings: Iterable[Meeting]) -> None:
        """The event's timetable becomes exactly ``meetings`` (all or nothing: the unit's transaction)."""
        self.conn.execute(delete(t.meetings).where(_M.event_id == event_id))
        rows = [
            {
                "request_id": m.request_id,
                "event_id": event_id,
                "slot": m.slot,
                "table_number": m.table,
                "interpreter_id": m.interpreter_id,
                "announced": m.announced,
                "locked": m.locked,
            }
            for m in meetings
        ]
        if rows:
            self.conn.execute(insert(t.meetings), rows)

    # ---- runs

    def add_run(self, event_id: int, run: Run) -> None:
        self.conn.execute(insert(t.schedule_runs).values(event_id=event_id, **run.__dict__))

    def runs(self, event_id: int) -> list[Run]:
        query = select(t.schedule_runs).where(_RUN.event_id == event_id).order_by(_RUN.id)
        fields = Run.__dataclass_fields__
        runs = [Run(**{k: getattr(r, k) for k in fields}) for r in self.conn.execute(query)]
        return [Run(**{**run.__dict__, "ran_at": utc(run.ran_at)}) for run in runs]


def _session_rows(sessions: Sequence[Session]) -> list[dict[str, Any]]:
    return [
        {
            "position": i,
            "code": s.code,
            "day": s.day,
            "start": _hm(s.start),
            "slot_minutes": s.slot_minutes,
            "slots": s.slots,
            "end": _hm(s.end),
            "name_ko": s.name.ko,
            "name_en": s.name.en,
            "breaks": [[_hm(a), _hm(b)] for a, b in s.breaks],
        }
        for i, s in enumerate(sessions)
    ]


def _table_rows(tables: Sequence[Table]) -> list[dict[str, Any]]:
    return [
        {
            "position": i,
            "number": x.number,
            "name": x.name,
            "seats": x.seats,
            "host": x.host,
            "availability": _slots(x.availability),
        }
        for i, x in enumerate(tables)
    ]


def _type_rows(types: Sequence[ParticipationType]) -> list[dict[str, Any]]:
    return [
        {"position": i, "code": x.code, "name_ko": x.name.ko, "name_en": x.name.en, "max_meetings": x.max_meetings}
        for i, x in enumerate(types)
    ]


def _event(r: Row[Any], sessions: list[Any], tables: list[Any], types: list[Any]) -> Event:
    return Event(
        id=r.id,
        name=BilingualText(r.name_ko, r.name_en),
        timezone=r.timezone,
        venue=r.venue,
        scheduling_mode=SchedulingMode(r.scheduling_mode),
        auto_accept=r.auto_accept,
        request_expiry_hours=r.request_expiry_hours,
        cross_type_only=r.cross_type_only,
        max_in_a_row=r.max_in_a_row,
        default_max_meetings=r.default_max_meetings,
        sessions=[
            Session(
                code=s.code,
                day=s.day,
                start=time.fromisoformat(s.start),
                slot_minutes=s.slot_minutes,
                slots=s.slots,
                end=_time(s.end),
                name=BilingualText(s.name_ko, s.name_en),
                breaks=tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in s.breaks),
            )
            for s in sessions
        ],
        tables=[Table(x.number, x.name, x.seats, x.host, _slot_set(x.availability)) for x in tables],
        types=[ParticipationType(x.code, BilingualText(x.name_ko, x.name_en), x.max_meetings) for x in types],
    )


def _participant(r: Row[Any]) -> Participant:
    return Participant(
        id=r.id,
        name=BilingualText(r.name_ko, r.name_en),
        type_code=r.type_code,
        expert_id=r.expert_id,
        organisation_id=r.organisation_id,
        delegation=r.delegation,
        languages=list(r.languages),
        availability=_slot_set(r.availability),
        max_meetings=r.max_meetings,
        booth=r.booth,
        email=r.email,
        cancelled=r.cancelled,
        checked_in_at=utc(r.checked_in_at),
        no_show_at=utc(r.no_show_at),
    )


def _request(r: Row[Any]) -> MeetingRequest:
    return MeetingRequest(
        id=r.id,
        requester_id=r.requester_id,
        requested_id=r.requested_id,
        created_at=utc(r.created_at),
        priority=Priority(r.priority),
        message=r.message,
        status=RequestStatus(r.status),
        answered_at=utc(r.answered_at),
        source=RequestSource(r.source),
        score=r.score,
        locked_slot=r.locked_slot,
        locked_table=r.locked_table,
        picked_slot=r.picked_slot,
    )
