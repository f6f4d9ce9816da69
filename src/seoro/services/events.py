"""Event use cases: create an event and change it, register people, and the life of a meeting request.

Every function is one unit of work: it loads what the rules need, applies a rule of
``seoro.domain.requests`` / ``booking`` (which raise ``DomainError`` and change nothing), and saves.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from seoro.domain.audit import Action
from seoro.domain.book import RequestBook
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Span
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Interpreter, Participant, check_interpreters, check_participants
from seoro.domain.requests import accept, decline, expire_due, make_request, recommend
from seoro.matching.reciprocal import Pair, best_pairs, mutual
from seoro.services.database import Database, Unit, require_current
from seoro.services.event_definition import (
    changed_event,
    changed_settings,
    follow_the_clock,
    merged_spans,
    plan_event,
    wall_clock,
)
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
        _save_checked(unit, event, {})


def update_planned_event(db: Database, event_id: int, settings: Mapping[str, Any], source: str, *, actor: str) -> Event:
    """Change the stored event ``event_id`` to what ``settings`` describe, checked as creation checks
    them (``plan_event``): the whole event, usually ``event_settings`` of the stored one with changes
    laid over. What settings do not say is kept (``changed_event``: the id, booth hosts, …); so are
    the participants, interpreters and requests (interpreters a file lists are added only on creation).

    When the slot times change, the availability of participants and interpreters follows the clock
    (free 10:00–12:00 stays 10:00–12:00), and a locked or picked meeting keeps its start time.
    Refused, changing nothing, as ``update_event`` refuses (a type or booth someone has is gone), when
    someone is left with no slot at all, when a meeting of the timetable would get other times or a
    locked one no slot starting at its time (``slot_in_use``), or either would lose its table
    (``table_in_use``).
    Returns the event as saved (unchanged, and nothing recorded, when the settings change nothing)."""
    require_current(db)
    planned = plan_event(settings, source).event
    with db.unit(actor) as unit:
        before = unit.events.get(event_id)
        event = changed_event(before, planned, settings)
        if event == before:
            return before
        _keep_timetable(unit, event_id, before, event)
        _move_locks(unit, event_id, before, event)
        _follow_the_clock(unit, event_id, before, event)
        _save_checked(unit, event, {"changed": changed_settings(before, event)})
    return event


def _save_checked(unit: Unit, event: Event, details: dict[str, Any]) -> None:
    """Save a changed event and check, in the same transaction, that everyone registered still fits."""
    event_id = _id(event.id)
    unit.events.save(event)
    check_participants(event, unit.events.participants(event_id))
    check_interpreters(event, unit.events.interpreters(event_id))
    unit.record(Action.UPDATE, "event", event_id, details)


def _keep_timetable(unit: Unit, event_id: int, before: Event, after: Event) -> None:
    """The timetable's meetings name slots by number and have been planned (maybe announced) for their
    times: refused when a change gives a slot one of them uses other times or removes it, or removes
    its table. Days, sessions and slot length change before scheduling, or in ways that keep those."""
    old, new = wall_clock(before), wall_clock(after)
    tables = {t.number for t in after.tables}
    for m in sorted(unit.events.meetings(event_id), key=lambda m: m.slot):
        if 0 <= m.slot < len(old) and (m.slot >= len(new) or new[m.slot] != old[m.slot]):
            raise _slot_in_use(m.slot, old)
        if m.table not in tables:
            raise DomainError("table_in_use", table=m.table)


def _move_locks(unit: Unit, event_id: int, before: Event, after: Event) -> None:
    """A meeting staff locked (or a participant picked) to a slot keeps its start time: it moves to the
    new slot starting then; refused when there is none, or when its locked table goes."""
    old, new = wall_clock(before), wall_clock(after)
    starts = {a: j for j, (a, _) in enumerate(new)}
    tables = {t.number for t in after.tables}
    for r in unit.events.requests(event_id):
        slot = r.fixed_slot()
        if slot is None or r.status is not RequestStatus.ACCEPTED or not 0 <= slot < len(old):
            continue  # only accepted requests are placed; a slot the event did not have is not this change's
        if old[slot][0] not in starts:
            raise _slot_in_use(slot, old)
        if r.locked_table is not None and r.locked_table not in tables:
            raise DomainError("table_in_use", table=r.locked_table)
        moved = starts[old[slot][0]]
        if moved != slot:
            locked, picked = (moved, None) if r.locked_slot is not None else (None, moved)
            unit.events.save_request(event_id, replace(r, locked_slot=locked, picked_slot=picked))


def _slot_in_use(slot: int, old: Sequence[Span]) -> DomainError:
    start, end = old[slot]
    return DomainError("slot_in_use", slot=slot + 1, time=f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}")


def _follow_the_clock(unit: Unit, event_id: int, before: Event, after: Event) -> None:
    """Availability is stored as slot numbers: when the slot times change, it is rewritten to the new
    slots within the times it held. Someone who had slots and would have none left is refused (a
    cancelled participant is not: they meet no one anyway)."""
    old, new = wall_clock(before), wall_clock(after)
    if old == new:
        return
    for p in unit.events.participants(event_id):
        moved = follow_the_clock(p.availability, old, new)
        if moved != p.availability:
            if not moved and not p.cancelled:
                raise _no_slot_left(p.name.both(), p.availability, old)
            unit.events.save_participant(event_id, replace(p, availability=moved))
    for i in unit.events.interpreters(event_id):
        moved = follow_the_clock(i.availability, old, new)
        if moved != i.availability:
            if not moved:
                raise _no_slot_left(i.name, i.availability, old)
            unit.events.save_interpreter(event_id, replace(i, availability=moved))


def _no_slot_left(name: str, slots: frozenset[int] | None, old: Sequence[Span]) -> DomainError:
    held = merged_spans([old[s] for s in sorted(slots or ()) if 0 <= s < len(old)])
    times = ", ".join(f"{a:%Y-%m-%d %H:%M}–{b:%H:%M}" for a, b in held)
    return DomainError("availability_no_slot", value=f"{name}: {times}")


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
