"""The event day: check-in, no-shows, a lost table, late requests and the standby list.

Every change is recorded in the audit trail under the event (``seoro history event N`` is the day's log).

Each of these changes the event's facts only; the timetable follows with a reschedule against the
published agendas (``scheduling.schedule_event(..., since_published=True, at=...)``), which keeps
every published meeting that can stay and fills freed slots from the standby list, and staff
publish the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from seoro.domain.attendance import check_in, closed_before, mark_absent, overdue, undo_check_in
from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Participant, meeting_cap
from seoro.domain.requests import recommend
from seoro.services.agendas import Day, load_day, snapshot
from seoro.services.database import Database, require_current
from seoro.services.events import book_of


def check_in_people(
    db: Database, event_id: int, participant_ids: Sequence[int], *, at: datetime, undo: bool = False, actor: str
) -> list[Participant]:
    """Check participants in at ``at`` (a no-show mark is lifted), or take the check-in back."""
    require_current(db)
    with db.unit(actor) as unit:
        people = {p.id: p for p in unit.events.participants(event_id)}
        done = []
        for pid in participant_ids:
            p = people.get(pid)
            if p is None:
                raise DomainError("unknown_participant", id=pid)
            changed = undo_check_in(p) if undo else check_in(p, at)
            unit.events.save_participant(event_id, changed)
            unit.record(
                Action.UPDATE, "event", event_id, {"participant": pid, "checked_in": None if undo else at.isoformat()}
            )
            done.append(changed)
    return done


def mark_no_shows(
    db: Database,
    event_id: int,
    *,
    at: datetime,
    grace: timedelta = timedelta(minutes=15),
    participant_ids: Sequence[int] | None = None,
    actor: str,
) -> list[Participant]:
    """Mark absent the participants named, or else everyone not checked in whose first meeting began
    ``grace`` or more before ``at``. Returns those newly marked (nothing else changes here)."""
    require_current(db)
    with db.unit(actor) as unit:
        day = load_day(unit, event_id)
        if participant_ids is None:
            chosen = overdue(day.people.values(), _first_starts(day), at, grace)
        else:
            chosen = [_person(day, pid) for pid in participant_ids]
        marked = [mark_absent(p, at) for p in chosen if p.no_show_at is None]
        for p in marked:
            unit.events.save_participant(event_id, p)
            unit.record(Action.UPDATE, "event", event_id, {"participant": p.id, "no_show": at.isoformat()})
    return marked


def _person(day: Day, pid: int) -> Participant:
    if pid not in day.people:
        raise DomainError("unknown_participant", id=pid)
    return day.people[pid]


def _first_starts(day: Day) -> dict[int, datetime]:
    slots = day.slots
    first: dict[int, datetime] = {}
    for (pid, _), pl in day.current().items():
        start = slots[pl.slot].start
        if pid not in first or start < first[pid]:
            first[pid] = start
    return first


def lose_table(db: Database, event_id: int, number: int, *, at: datetime, actor: str) -> int:
    """Table ``number`` is gone from the first slot not yet begun at ``at``; returns that slot index."""
    require_current(db)
    with db.unit(actor) as unit:
        event = unit.events.get(event_id)
        slot = closed_before(event.slots(), at)
        unit.events.save(event.lose_table(number, slot))
        unit.record(Action.UPDATE, "event", event_id, {"table_lost": number, "from_slot": slot})
    return slot


def late_request(
    db: Database,
    event_id: int,
    requester_id: int,
    requested_id: int,
    *,
    at: datetime,
    priority: Priority = Priority.NORMAL,
    message: str = "",
    actor: str,
) -> MeetingRequest:
    """A meeting both sides asked for at the desk: accepted at once (within both sides' caps), waiting
    on the standby list until a reschedule places it."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        r = recommend(
            book, requester_id, requested_id, now=at, priority=priority, message=message, source=RequestSource.STAFF
        )
        unit.events.save_request(event_id, r)
        unit.record(
            Action.UPDATE, "event", event_id, {"late_request": r.id, "requester": requester_id, "partner": requested_id}
        )
    return r


@dataclass(frozen=True)
class Standby:
    """Who has room for more meetings from ``from_slot`` on, and the accepted requests waiting for a
    meeting (the standby list), best first: ``waiting`` pairs (request, free slots both sides share)."""

    from_slot: int
    free: dict[int, list[int]]  # participant id → free slot indices (available, no meeting), under cap
    waiting: list[tuple[MeetingRequest, list[int]]]


def standby(db: Database, event_id: int, *, at: datetime) -> Standby:
    return standby_of(snapshot(db, event_id).day, at)


def standby_of(day: Day, at: datetime) -> Standby:
    slots = day.slots
    start = closed_before(slots, at)
    current = day.current()
    busy: dict[int, set[int]] = {}
    for (pid, _), pl in current.items():
        busy.setdefault(pid, set()).add(pl.slot)
    free: dict[int, list[int]] = {}
    for pid, p in day.people.items():
        cap = meeting_cap(day.event, p)
        if not p.attending or (cap is not None and len(busy.get(pid, ())) >= cap):
            continue
        open_ = [s for s in range(start, len(slots)) if p.available_at(s) and s not in busy.get(pid, set())]
        if open_:
            free[pid] = open_
    met = {(pid, q) for (pid, _), pl in current.items() for q in pl.partner_ids}
    waiting = []
    for r in day.requests.values():
        if r.status is not RequestStatus.ACCEPTED or (r.requester_id, r.requested_id) in met:
            continue
        if not _both_attend(day, r):
            continue
        shared = sorted(set(free.get(r.requester_id, ())) & set(free.get(r.requested_id, ())))
        waiting.append((r, shared))
    waiting.sort(key=lambda w: (not w[1], w[0].priority, -(w[0].score or 0), w[0].id or 0))
    return Standby(start, free, waiting)


def _both_attend(day: Day, r: MeetingRequest) -> bool:
    a, b = day.people.get(r.requester_id), day.people.get(r.requested_id)
    return bool(a and b and a.attending and b.attending)
