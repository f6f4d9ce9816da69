"""Agendas people can trust: publish the timetable (preliminary or final), list what changed since,
and build each participant's agenda (for ``.ics``, HTML and PDF) with partner profiles and reasons.

What participants were told is kept per meeting and person (``storage.agendas``); see
``seoro.domain.agenda`` for how sequences rise and cancelled meetings stay as cancelled entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from seoro.domain.agenda import (
    AgendaChange,
    AgendaView,
    Entry,
    EntryStatus,
    EntryView,
    Placement,
    Stage,
    changes,
    placements,
    publish,
    uid,
)
from seoro.domain.audit import Action
from seoro.domain.book import RequestBook
from seoro.domain.day_changes import explain
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Slot
from seoro.domain.meetings import Meeting, MeetingRequest
from seoro.domain.participants import Interpreter, Participant
from seoro.services.database import Database, Unit, require_current
from seoro.services.partner_cards import Cards, language_of_participant
from seoro.services.snapshots import cached
from seoro.storage.agendas import Publication


@dataclass(frozen=True)
class Day:
    """An event's state as the event-day use cases read it, loaded in one transaction."""

    event: Event
    people: dict[int, Participant]
    interpreters: dict[int, Interpreter]
    requests: dict[int, MeetingRequest]
    meetings: list[Meeting]
    entries: list[Entry]
    publications: list[Publication]

    @cached_property
    def slots(self) -> list[Slot]:
        return self.event.slots()

    @cached_property
    def table_labels(self) -> dict[int, str]:
        return self.event.table_labels()

    def current(self) -> dict[tuple[int, int], Placement]:
        """Each attending participant's meetings in the timetable (computed once per loaded day)."""
        return self._current

    @cached_property
    def _current(self) -> dict[tuple[int, int], Placement]:
        return placements(self.meetings, self.requests, self.people, len(self.slots))

    @property
    def last(self) -> Publication | None:
        return self.publications[-1] if self.publications else None


def load_day(unit: Unit, event_id: int) -> Day:
    ev = unit.events
    return Day(
        ev.get(event_id),
        {p.id: p for p in ev.participants(event_id) if p.id is not None},
        {i.id: i for i in ev.interpreters(event_id) if i.id is not None},
        {r.id: r for r in ev.requests(event_id) if r.id is not None},
        ev.meetings(event_id),
        unit.agendas.entries(event_id),
        unit.agendas.publications(event_id),
    )


@dataclass(frozen=True)
class Snapshot:
    """An event's day with the directory cards of its participants, as page views share it: built
    once per data version (``services.snapshots``), so nothing may change it."""

    day: Day
    cards: Cards

    @cached_property
    def book(self) -> RequestBook:
        d = self.day
        return RequestBook(d.event, d.people.values(), d.requests.values(), d.meetings)


def snapshot(db: Database, event_id: int) -> Snapshot:
    require_current(db)
    with db.reading() as unit:
        return snapshot_in(unit, event_id)


def snapshot_in(unit: Unit, event_id: int) -> Snapshot:
    return cached(unit, ("day", event_id), lambda u: _snapshot(u, event_id))


def _snapshot(unit: Unit, event_id: int) -> Snapshot:
    day = load_day(unit, event_id)
    return Snapshot(day, Cards.load(unit, day.people.values()))


@dataclass(frozen=True)
class PublishReport:
    version: int
    stage: Stage
    meetings: int
    changed: list[Entry]

    @property
    def participants(self) -> list[int]:
        """Whose agenda changed: each of them gets the new version."""
        return sorted({e.participant_id for e in self.changed})


def publish_agendas(db: Database, event_id: int, *, stage: Stage, at: datetime, actor: str) -> PublishReport:
    """Publish the current timetable as agenda version N+1: meetings become announced (rescheduling
    keeps them in place), and every participant's entries are updated (new, moved with a higher
    sequence, or cancelled). Returns what changed and for whom."""
    require_current(db)
    with db.unit(actor) as unit:
        return publish_agendas_in(unit, event_id, stage=stage, at=at)


def publish_agendas_in(unit: Unit, event_id: int, *, stage: Stage, at: datetime) -> PublishReport:
    """As :func:`publish_agendas`, inside ``unit`` (published by its actor)."""
    day = load_day(unit, event_id)
    version = (day.last.version if day.last else 0) + 1
    changed = publish(day.current(), day.entries, version=version, stage=stage)
    unit.agendas.save_entries(event_id, changed)
    unit.events.replace_meetings(event_id, [replace(m, announced=True) for m in day.meetings])
    report = PublishReport(version, stage, len(day.meetings), changed)
    unit.agendas.add_publication(
        event_id, Publication(version, stage, at, unit.actor, report.meetings, len(changed), len(report.participants))
    )
    unit.record(Action.UPDATE, "event", event_id, {"published": version, "stage": stage.value})
    return report


def since_published(db: Database, event_id: int) -> list[AgendaChange]:
    """What publishing now would change in each participant's agenda, and why (``domain.day_changes``)."""
    return changes_of(snapshot(db, event_id).day)


def changes_of(day: Day) -> list[AgendaChange]:
    published_at = day.last.published_at if day.last else None
    found = changes(day.current(), day.entries)
    return explain(found, day.event, day.people, day.requests, day.interpreters, published_at)


def published_meetings(entries: Iterable[Entry]) -> list[Meeting]:
    """The timetable participants hold: one announced meeting per published, not cancelled, meeting."""
    out: dict[int, Meeting] = {}
    for e in entries:
        if not e.cancelled and e.key not in out:
            p = e.placement
            out[e.key] = Meeting(e.key, p.slot, p.table, p.interpreter_id, announced=True)
    return sorted(out.values(), key=lambda m: (m.slot, m.table))


def publications(db: Database, event_id: int) -> list[Publication]:
    require_current(db)
    with db.reading() as unit:
        unit.events.get(event_id)
        return unit.agendas.publications(event_id)


def agenda_views(
    db: Database,
    event_id: int,
    participant_ids: Sequence[int] | None = None,
    *,
    draft: bool = False,
    lang: str | None = None,
    at: datetime,
) -> list[AgendaView]:
    """Each participant's agenda (everyone attending or marked absent, or ``participant_ids``): the
    published version, or the current timetable when ``draft`` or nothing is published yet. ``lang``
    overrides each participant's own language."""
    shared = snapshot(db, event_id)
    day, cards = shared.day, shared.cards
    wanted = participant_ids if participant_ids is not None else _everyone(day)
    for pid in wanted:
        if pid not in day.people:
            raise DomainError("unknown_participant", id=pid)
    return [_view(day, cards, day.people[pid], draft or day.last is None, lang, at) for pid in wanted]


def _everyone(day: Day) -> list[int]:
    return sorted(pid for pid, p in day.people.items() if not p.cancelled)


def _view(day: Day, cards: Cards, p: Participant, draft: bool, lang: str | None, at: datetime) -> AgendaView:
    assert p.id is not None
    language = lang or language_of_participant(p)
    if draft:
        mine = [Entry(p.id, k, 0, EntryStatus.CONFIRMED, pl, Stage.PRELIMINARY, 0) for (pid, k), pl in
                day.current().items() if pid == p.id]  # fmt: skip
        stage, version, stamp = None, 0, at
    else:
        assert day.last is not None
        mine = [e for e in day.entries if e.participant_id == p.id]
        stage, version, stamp = day.last.stage, day.last.version, day.last.published_at
    n_slots = len(day.slots)
    # an entry at a slot the event no longer has (sessions shortened since) cannot be placed in time
    shown = sorted((e for e in mine if e.placement.slot < n_slots), key=lambda e: (e.placement.slot, e.key))
    views = tuple(_entry_view(day, cards, e, version) for e in shown)
    return AgendaView(
        event_id=_event_id(day.event),
        event_name=day.event.name,
        venue=day.event.venue,
        timezone=day.event.timezone,
        participant_id=p.id,
        participant=p.name,
        organisation=cards.organisation_of(p),
        lang=language,
        stage=stage,
        version=version,
        stamp=stamp,
        entries=views,
    )


def _entry_view(day: Day, cards: Cards, e: Entry, version: int) -> EntryView:
    pl = e.placement
    slot = day.slots[pl.slot]
    interpreter = day.interpreters.get(pl.interpreter_id) if pl.interpreter_id is not None else None
    return EntryView(
        uid=uid(_event_id(day.event), e.key),
        sequence=e.sequence,
        status=e.status,
        start=slot.start,
        end=slot.end,
        slot_number=pl.slot + 1,
        table_label=day.table_labels.get(pl.table, f"T{pl.table}"),
        partners=tuple(cards.card(day.people[q]) for q in pl.partner_ids if q in day.people),
        reason=cards.reason(e.participant_id, pl.partner_ids, day.requests.values()),
        interpreter=interpreter.name if interpreter else "",
        changed=version > 1 and e.version == version,
    )


def _event_id(event: Event) -> int:
    assert event.id is not None
    return event.id
