"""Event use cases: create an event, register people, and the life of a meeting request.

Every function is one unit of work: it loads what the rules need, applies a rule of
``seoro.domain.requests`` / ``booking`` (which raise ``DomainError`` and change nothing), and saves.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from seoro.domain.audit import Action
from seoro.domain.book import RequestBook
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource
from seoro.domain.participants import Interpreter, Participant, check_interpreters, check_participants
from seoro.domain.requests import accept, decline, expire_due, make_request, recommend
from seoro.matching.reciprocal import Pair, best_pairs, mutual
from seoro.services.database import Database, Unit, require_current
from seoro.services.event_definition import plan_event
from seoro.services.matching import candidates, engine_for
from seoro.storage.common import not_found


def create_event(db: Database, event: Event, *, actor: str) -> int:
    """Save a new event with its sessions, tables and participation types; returns its id (also set
    on ``event.id``). Sessions that overlap are refused (``event_slots_overlap``), saving nothing."""
    require_current(db)
    event.slots()
    with _forget_new_ids([event]), db.unit(actor) as unit:
        event_id = unit.events.save(event)
        unit.record(Action.CREATE, "event", event_id, {"name": event.name.ko or event.name.en})
    return event_id


def create_planned_event(db: Database, settings: Mapping[str, Any], source: str, *, actor: str) -> tuple[int, Event]:
    """Check ``settings`` (an event file's keys and/or form fields, ``services.event_definition``) and
    save the event with the interpreters they list; the id and the event as saved."""
    plan = plan_event(settings, source)
    event_id = create_event(db, plan.event, actor=actor)
    if plan.interpreters:
        add_interpreters(db, event_id, plan.interpreters, actor=actor)
    return event_id, plan.event


def update_event(db: Database, event: Event, *, actor: str) -> None:
    """Save changed settings, sessions, tables or types of a stored event (e.g. a table lost for the
    afternoon: ``event.lose_table``). Refused, changing nothing, when the registered participants or
    interpreters no longer fit (an availability slot or type the event lost, a booth table gone)."""
    require_current(db)
    event.slots()
    event_id = _id(event.id)
    with db.unit(actor) as unit:
        unit.events.get(event_id)
        unit.events.save(event)
        check_participants(event, unit.events.participants(event_id))
        check_interpreters(event, unit.events.interpreters(event_id))
        unit.record(Action.UPDATE, "event", event_id, {})


def list_events(db: Database) -> list[Event]:
    """Every event, oldest first."""
    require_current(db)
    with db.reading() as unit:
        return unit.events.all()


def get_event(db: Database, event_id: int) -> Event:
    """The event ``event_id``; ``not_found`` when there is none."""
    require_current(db)
    with db.reading() as unit:
        return unit.events.get(event_id)


def add_participants(db: Database, event_id: int, people: Sequence[Participant], *, actor: str) -> list[int]:
    """Register ``people`` (new ones, or changed ones with their ids: e.g. ``cancelled=True`` for a
    no-show); returns their ids in order and sets ``id`` on each. All of them are checked together
    with everyone already registered; one refusal saves none of them."""
    require_current(db)
    with _forget_new_ids(people), db.unit(actor) as unit:
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
    """Add interpreters to the event's pool (or save changed ones with their ids); returns their ids.
    Availability naming a slot the event lacks is refused (``unknown_slot``), saving none of them."""
    require_current(db)
    with _forget_new_ids(people), db.unit(actor) as unit:
        event = unit.events.get(event_id)
        known = {i.id for i in unit.events.interpreters(event_id)}
        for i in people:
            if i.id is not None and i.id not in known:
                raise not_found("interpreter", i.id)
        ids = [unit.events.save_interpreter(event_id, i) for i in people]
        check_interpreters(event, unit.events.interpreters(event_id))
        unit.record(Action.UPDATE, "event", event_id, {"interpreters": len(ids)})
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
    """``requester_id`` asks ``requested_id`` (participant ids) for a meeting; returns the saved
    request (accepted at once in an auto-accept event when both have room, else pending).

    Refused, saving nothing: an unknown or cancelled participant, oneself or one's own delegation
    (``request_to_self``), the same type in a cross-type event, a request already open."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = make_request(book, requester_id, requested_id, now=now, priority=priority, message=message)
        unit.events.save_request(event_id, request)
        return request


def answer_request(
    db: Database, event_id: int, request_id: int, *, yes: bool, now: datetime, slot: int | None = None, actor: str
) -> MeetingRequest:
    """The other side accepts (``yes``) or declines pending request ``request_id``; returns it saved.

    Accepting is refused when either side is at its meeting cap or the request has expired. In a
    self-service event the accepting side gives the ``slot`` (an index of ``Event.slots()``) to meet
    in, which must be free for both now: checked against every meeting, lock and pick booked so far,
    inside the writing transaction, so two people cannot take the same slot at once."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = book.request(request_id)
        answered = accept(book, request, now=now, slot=slot) if yes else decline(request, now=now)
        answered.id = request.id
        unit.events.save_request(event_id, answered)
        return answered


def expire_requests(db: Database, event_id: int, *, now: datetime, actor: str) -> list[MeetingRequest]:
    """Unanswered requests older than the event's period expire, so that they stop blocking anyone;
    returns the requests expired now (none when the event sets no period)."""
    require_current(db)
    with db.unit(actor) as unit:
        event = unit.events.get(event_id)
        expired = expire_due(unit.events.requests(event_id), now, event.request_expiry_hours)
        for r in expired:
            unit.events.save_request(event_id, r)
        return expired


def save_requests(db: Database, event_id: int, requests: Sequence[MeetingRequest], *, actor: str) -> None:
    """Store requests already checked by the rules (imports, staff tools), new or changed, in one unit."""
    require_current(db)
    with db.unit(actor) as unit:
        unit.events.get(event_id)
        for r in requests:
            unit.events.save_request(event_id, r)
        unit.record(Action.UPDATE, "event", event_id, {"requests": len(requests)})


def recommend_meetings(
    db: Database,
    event_id: int,
    *,
    now: datetime,
    top: int = 50,
    per_participant: int = 3,
    only: Collection[int] | None = None,
    actor: str,
) -> list[MeetingRequest]:
    """Staff-recommended meetings: up to ``top`` of the best mutual matches (the matching engine's
    scores, as ``services.matching.recommend_between`` gives them) between attending participants
    linked to a directory expert or organisation, at most ``per_participant`` new ones each (a
    delegation counts as one).

    Each becomes an accepted request with ``source=RECOMMENDED`` and the mutual score (in [0, 1]).
    Pairs the event's rules refuse (same type in a cross-type event, one delegation, a request
    already open either way, a cap reached) are passed over. ``only``: every pair has at least one of
    these participants (on the event day: those with free slots). Returns the saved requests, best first."""
    require_current(db)
    with db.reading() as unit:
        book = book_of(unit, event_id)
        taxonomy = unit.fields.load()
        everyone = {c.key: c for c in candidates(unit)}
    by_key = _linked(book, everyone)
    groups = _groups(book, by_key)
    found: list[Pair] = []
    if groups:
        # one engine per type group: each is encoded once however many pairings it takes part in
        sides = {code: [everyone[k] for k in keys] for code, keys in groups.items()}
        engines = {code: engine_for(db, cands, taxonomy) for code, cands in sides.items()}
        for a, b in _pairings(book.event, sorted(groups)):
            scores = mutual(engines[a], engines[b])
            # with ``only``, most of the best pairs are filtered out below: keep them all until then
            many = top * 3 if only is None else len(sides[a]) * len(sides[b])
            found += best_pairs(scores, sides[a], sides[b], many, per_participant if only is None else None)
    if only is not None:
        keep = {key for key, pid in by_key.items() if pid in only}
        found = [pair for pair in found if pair.left in keep or pair.right in keep]
    found.sort(key=lambda pair: -pair.mutual)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        made = _recommend(book, found, by_key, now, top, per_participant)
        for r in made:
            unit.events.save_request(event_id, r)
        if made:
            unit.record(Action.UPDATE, "event", event_id, {"recommended": len(made)})
    return made


def _recommend(
    book: RequestBook, found: Sequence[Pair], by_key: Mapping[str, int], now: datetime, top: int, each: int
) -> list[MeetingRequest]:
    """The pairs the rules accept, best first, each participant in at most ``each`` of them."""
    made: list[MeetingRequest] = []
    used: dict[str, int] = {}  # by party: a delegation's members share its allowance
    for pair in found:
        if len(made) == top:
            break
        a, b = by_key[pair.left], by_key[pair.right]
        ka, kb = book.party(a).key, book.party(b).key
        if used.get(ka, 0) >= each or used.get(kb, 0) >= each or _asked(book, a, b):
            continue
        try:
            r = recommend(book, a, b, now=now, score=min(1.0, max(0.0, pair.mutual)), source=RequestSource.RECOMMENDED)
        except DomainError:
            continue  # same party, same type, no room: the rules decide, silently for a suggestion
        book.record(r)
        made.append(r)
        used[ka], used[kb] = used.get(ka, 0) + 1, used.get(kb, 0) + 1
    return made


def _asked(book: RequestBook, a: int, b: int) -> bool:
    """A request is already open between the two, either way (a recommendation would only repeat it)."""
    pa, pb = book.party(a), book.party(b)
    return book.open_request(pa, pb) is not None or book.open_request(pb, pa) is not None


def _linked(book: RequestBook, everyone: Mapping[str, object]) -> dict[str, int]:
    """Directory candidate key → participant id, for attending participants linked to the directory."""
    out: dict[str, int] = {}
    for p in book.participants.values():
        if not p.attending or p.id is None:
            continue
        key = (
            f"expert:{p.expert_id}" if p.expert_id else f"organisation:{p.organisation_id}" if p.organisation_id else ""
        )
        if key in everyone and key not in out:
            out[key] = p.id
    return out


def _groups(book: RequestBook, by_key: Mapping[str, int]) -> dict[str, list[str]]:
    """The linked participants' candidate keys by participation type."""
    groups: dict[str, list[str]] = {}
    for key, pid in by_key.items():
        groups.setdefault(book.participant(pid).type_code, []).append(key)
    return groups


def _pairings(event: Event, codes: Sequence[str]) -> list[tuple[str, str]]:
    """Which type groups to match with which: every two different types, and each type with itself
    unless the event holds meetings only across types."""
    return [(a, b) for i, a in enumerate(codes) for b in codes[i:] if a != b or not event.cross_type_only]


@contextmanager
def _forget_new_ids(items: Sequence[Event | Participant | Interpreter]) -> Iterator[None]:
    """A refused save is rolled back, so the new items must not keep ids of rows that do not exist."""
    new = [x for x in items if x.id is None]
    try:
        yield
    except BaseException:
        for x in new:
            x.id = None
        raise


def _id(value: int | None) -> int:
    if value is None:
        raise DomainError("not_found", entity="event", id=0)
    return value
