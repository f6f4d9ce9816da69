"""Event use cases: create an event, register people, and the life of a meeting request.

Every function is one unit of work: it loads what the rules need, applies a rule of
``seoro.domain.requests`` / ``booking`` (which raise ``DomainError`` and change nothing), and saves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from seoro.domain.audit import Action
from seoro.domain.book import RequestBook
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource
from seoro.domain.participants import Interpreter, Participant, check_interpreters, check_participants
from seoro.domain.requests import accept, decline, expire_due, make_request, recommend
from seoro.matching.reciprocal import best_pairs, mutual
from seoro.services.database import Database, Unit, require_current
from seoro.services.matching import candidates, engine_for


def create_event(db: Database, event: Event, *, actor: str) -> int:
    """Save a new event (its slots are checked: overlapping sessions are refused)."""
    require_current(db)
    event.slots()
    with db.unit(actor) as unit:
        event_id = unit.events.save(event)
        unit.record(Action.CREATE, "event", event_id, {"name": event.name.ko or event.name.en})
    return event_id


def update_event(db: Database, event: Event, *, actor: str) -> None:
    require_current(db)
    event.slots()
    with db.unit(actor) as unit:
        unit.events.get(_id(event.id))
        unit.events.save(event)
        unit.record(Action.UPDATE, "event", _id(event.id), {})


def list_events(db: Database) -> list[Event]:
    require_current(db)
    with db.reading() as unit:
        return unit.events.all()


def get_event(db: Database, event_id: int) -> Event:
    require_current(db)
    with db.reading() as unit:
        return unit.events.get(event_id)


def add_participants(db: Database, event_id: int, people: Sequence[Participant], *, actor: str) -> list[int]:
    """Register ``people`` (new ones, or changed ones with their ids); all are checked together first."""
    require_current(db)
    with db.unit(actor) as unit:
        event = unit.events.get(event_id)
        known = {p.id for p in unit.events.participants(event_id)}
        for p in people:
            if p.id is not None and p.id not in known:
                raise DomainError("unknown_participant", id=p.id)
        ids = [unit.events.save_participant(event_id, p) for p in people]
        # checked with everyone saved, in the same transaction: a refusal rolls all of it back
        check_participants(event, unit.events.participants(event_id))
        unit.record(Action.UPDATE, "event", event_id, {"participants": len(ids)})
    return ids


def add_interpreters(db: Database, event_id: int, people: Sequence[Interpreter], *, actor: str) -> list[int]:
    require_current(db)
    with db.unit(actor) as unit:
        event = unit.events.get(event_id)
        ids = [unit.events.save_interpreter(event_id, i) for i in people]
        check_interpreters(event, unit.events.interpreters(event_id))
        return ids


def book_of(unit: Unit, event_id: int) -> RequestBook:
    """Everything the request rules look at, for one event."""
    event = unit.events.get(event_id)
    return RequestBook(
        event, unit.events.participants(event_id), unit.events.requests(event_id), unit.events.meetings(event_id)
    )


def request_meeting(
    db: Database,
    event_id: int,
    requester_id: int,
    requested_id: int,
    *,
    now: datetime,
    priority: Priority = Priority.NORMAL,
    message: str = "",
    actor: str,
) -> MeetingRequest:
    """A participant asks for a meeting (accepted at once in an auto-accept event with room)."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = make_request(book, requester_id, requested_id, now=now, priority=priority, message=message)
        unit.events.save_request(event_id, request)
        return request


def answer_request(
    db: Database, event_id: int, request_id: int, *, yes: bool, now: datetime, slot: int | None = None, actor: str
) -> MeetingRequest:
    """The other side accepts (within both caps; in a self-service event with a free ``slot`` both
    have, checked against the meetings booked so far) or declines."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = book.request(request_id)
        answered = accept(book, request, now=now, slot=slot) if yes else decline(request, now=now)
        answered.id = request.id
        unit.events.save_request(event_id, answered)
        return answered


def expire_requests(db: Database, event_id: int, *, now: datetime, actor: str) -> list[MeetingRequest]:
    """Unanswered requests older than the event's period expire, so that they stop blocking anyone."""
    require_current(db)
    with db.unit(actor) as unit:
        event = unit.events.get(event_id)
        expired = expire_due(unit.events.requests(event_id), now, event.request_expiry_hours)
        for r in expired:
            unit.events.save_request(event_id, r)
        return expired


def save_requests(db: Database, event_id: int, requests: Sequence[MeetingRequest], *, actor: str) -> None:
    """Store requests already checked by the rules (imports, staff tools)."""
    with db.unit(actor) as unit:
        unit.events.get(event_id)
        for r in requests:
            unit.events.save_request(event_id, r)


def recommend_meetings(
    db: Database, event_id: int, *, now: datetime, top: int = 50, per_participant: int = 3, actor: str
) -> list[MeetingRequest]:
    """Staff-recommended meetings: the best mutual matches (matching engine) between participants of
    different types who are linked to the directory and have no request between them yet."""
    require_current(db)
    with db.reading() as unit:
        book = book_of(unit, event_id)
        taxonomy = unit.fields.load()
        everyone = {c.key: c for c in candidates(unit)}
    by_key = _linked(book, everyone)
    sides = _sides(book, by_key)
    if len(sides) < 2:
        return []
    left, right = ([everyone[k] for k in keys] for keys in sides[:2])
    pairs = best_pairs(
        mutual(engine_for(db, left, taxonomy), engine_for(db, right, taxonomy)), left, right, top * 3, per_participant
    )
    made: list[MeetingRequest] = []
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        for pair in pairs:
            if len(made) == top:
                break
            a, b = by_key[pair.left], by_key[pair.right]
            try:
                r = recommend(
                    book, a, b, now=now, score=min(1.0, max(0.0, pair.mutual)), source=RequestSource.RECOMMENDED
                )
            except DomainError:
                continue  # already asked, no room, same party: the rules decide, silently for a suggestion
            unit.events.save_request(event_id, r)
            book.record(r)
            made.append(r)
    return made


def _linked(book: RequestBook, everyone: Mapping[str, object]) -> dict[str, int]:
    """Directory candidate key → participant id, for attending participants linked to the directory."""
    out: dict[str, int] = {}
    for p in book.participants.values():
        if p.cancelled or p.id is None:
            continue
        key = (
            f"expert:{p.expert_id}" if p.expert_id else f"organisation:{p.organisation_id}" if p.organisation_id else ""
        )
        if key in everyone and key not in out:
            out[key] = p.id
    return out


def _sides(book: RequestBook, by_key: dict[str, int]) -> list[list[str]]:
    """The linked participants grouped by participation type, biggest groups first."""
    groups: dict[str, list[str]] = {}
    for key, pid in by_key.items():
        groups.setdefault(book.participant(pid).type_code, []).append(key)
    return sorted(groups.values(), key=len, reverse=True)


def _id(value: int | None) -> int:
    if value is None:
        raise DomainError("not_found", entity="event", id=0)
    return value
