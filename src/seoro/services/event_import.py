"""Importing an event's participants, interpreters and meeting requests from spreadsheets, atomically.

As for the directory (``services.importing``), every row of every sheet is checked first; if any
problem is found nothing is written and all problems are reported together (file, sheet, row,
column, field). A dry run does all of it and then rolls back. Also here: finding an event or a
participant by what staff type, and the overview ``seoro event show`` prints.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path

from seoro.demo.event import DemoEvent
from seoro.domain.audit import Action
from seoro.domain.booking import lock
from seoro.domain.errors import DomainError, InvalidInput, Location
from seoro.domain.events import Event
from seoro.domain.meetings import RequestStatus
from seoro.domain.participants import Interpreter, Participant, check_interpreters, check_participants, stored_id
from seoro.domain.text import BilingualText
from seoro.files.event_columns import EventSheet, EventSheetKind, read_event_sheets
from seoro.files.event_values import format_availability
from seoro.files.records import SourceRow
from seoro.services.agendas import snapshot_in
from seoro.services.database import Database, Unit, require_current
from seoro.services.event_rows import Outcome, counts, find_participants, plan_people, plan_requests, staff_request
from seoro.services.events import book_of
from seoro.services.snapshots import read_model
from seoro.storage.events import Run

PEOPLE = (EventSheetKind.PARTICIPANTS, EventSheetKind.INTERPRETERS)


@dataclass
class EventImportReport:
    event_id: int
    sheets: list[EventSheet]
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    def counts(self) -> dict[tuple[str, str], int]:
        return counts(self.outcomes)

    def participants(self) -> list[Participant]:
        return [o.record for o in self.outcomes if isinstance(o.record, Participant)]

    def without_language(self) -> int:
        """Participants who speak no known language: they can meet only through no one."""
        return sum(not p.languages for p in self.participants())


def read_files(paths: Sequence[Path], kinds: Sequence[EventSheetKind]) -> list[EventSheet]:
    return [sheet for path in paths for sheet in read_event_sheets(path, kinds)]


def import_people(
    db: Database, event_id: int, sheets: list[EventSheet], *, actor: str, dry_run: bool = False
) -> EventImportReport:
    """Register (or update) the participants and interpreters of ``sheets``, all or nothing."""
    require_current(db)
    report = EventImportReport(event_id, sheets, dry_run=dry_run)
    with db.unit(actor, _source(sheets), dry_run=dry_run) as unit:
        report.outcomes = import_people_into(unit, event_id, sheets)
    return report


def import_people_into(unit: Unit, event_id: int, sheets: Sequence[EventSheet]) -> list[Outcome]:
    """As :func:`import_people`, inside ``unit``; raises InvalidInput (so the unit rolls back) on any problem."""
    event = unit.events.get(event_id)
    plan = plan_people(unit, event, unit.events.participants(event_id), unit.events.interpreters(event_id), sheets)
    if plan.problems:
        raise InvalidInput(plan.problems)
    for o in plan.participants:
        if o.action != "unchanged":
            unit.events.save_participant(event_id, _participant(o))
    if plan.booths:
        hosted = _with_booths(event, plan.booths, [_participant(o) for o in plan.participants])
        if hosted.tables != event.tables:
            event = hosted
            unit.events.save(event)
    check_participants(event, unit.events.participants(event_id))
    for o in plan.interpreters:
        if o.action != "unchanged":
            record = o.record
            assert isinstance(record, Interpreter)
            unit.events.save_interpreter(event_id, record)
    check_interpreters(event, unit.events.interpreters(event_id))
    outcomes = plan.participants + plan.interpreters
    _audit(unit, event_id, outcomes)
    return outcomes


def _audit(unit: Unit, event_id: int, outcomes: list[Outcome]) -> None:
    """One audit entry for the import, when it changed anything."""
    done = Counter(f"{o.entity}_{o.action}" for o in outcomes if o.action != "unchanged")
    if done:
        unit.record(Action.UPDATE, "event", event_id, dict(done))


def _participant(o: Outcome) -> Participant:
    assert isinstance(o.record, Participant)
    return o.record


def _with_booths(event: Event, booths: dict[int, int | None], people: list[Participant]) -> Event:
    """``event`` with each booth row's table hosted by its participant (and their old booth freed)."""
    hosts = {stored_id(people[i]): number for i, number in booths.items()}
    tables = []
    for t in event.tables:
        host = t.host if t.host not in hosts else None
        host = next((pid for pid, number in hosts.items() if number == t.number), host)
        tables.append(replace(t, host=host))
    return replace(event, tables=tables)


def import_requests(
    db: Database, event_id: int, sheets: list[EventSheet], *, actor: str, now: datetime, dry_run: bool = False
) -> EventImportReport:
    """Make the meeting requests of ``sheets``, each checked by the request rules, all or nothing."""
    require_current(db)
    report = EventImportReport(event_id, sheets, dry_run=dry_run)
    with db.unit(actor, _source(sheets), dry_run=dry_run) as unit:
        report.outcomes = import_requests_into(unit, event_id, sheets, now=now)
    return report


def import_requests_into(unit: Unit, event_id: int, sheets: Sequence[EventSheet], *, now: datetime) -> list[Outcome]:
    plan = plan_requests(book_of(unit, event_id), sheets, now=now)
    if plan.problems:
        raise InvalidInput(plan.problems)
    for o in plan.requests:
        if o.action == "created":
            unit.events.save_request(event_id, o.record)  # type: ignore[arg-type]
    _audit(unit, event_id, plan.requests)
    return plan.requests


def sheet_of(source: str, name: str, kind: EventSheetKind, records: Sequence[dict[str, object]]) -> EventSheet:
    """Records (column key → value, as the reader yields them) as a sheet, rows numbered from 2."""
    rows = [SourceRow(Location(source, i, sheet=name), dict(r)) for i, r in enumerate(records, start=2)]
    return EventSheet(source, name, kind, 1, rows=rows)


def _source(sheets: Sequence[EventSheet]) -> str:
    return ", ".join(dict.fromkeys(s.file for s in sheets))


# -- finding what staff name ---------------------------------------------------------------------


def find_event(db: Database, ref: str) -> Event:
    """The event with number ``ref``, or the one whose Korean or English name contains ``ref``."""
    require_current(db)
    with db.reading() as unit:
        if ref.strip().lstrip("#").isdigit():
            return unit.events.get(int(ref.strip().lstrip("#")))
        wanted = ref.casefold().strip()
        found = [e for e in unit.events.all() if wanted in e.name.ko.casefold() or wanted in e.name.en.casefold()]
    if len(found) != 1:
        ids = ", ".join(str(e.id) for e in found)
        raise DomainError("ambiguous_event" if found else "unknown_event", value=ref, ids=ids)
    return found[0]


def find_participant(db: Database, event_id: int, ref: str) -> int:
    """The participant of the event that ``ref`` names: their number, e-mail or name."""
    with db.reading() as unit:
        people = unit.events.participants(event_id)
    found = find_participants(people, ref)
    if len(found) != 1:
        ids = ", ".join(str(p.id) for p in found)
        raise DomainError("ambiguous_participant" if found else "unknown_participant_ref", value=ref, ids=ids)
    return stored_id(found[0])


@dataclass(frozen=True)
class ParticipantView:
    participant: Participant
    organisation: BilingualText  # the linked organisation, or the expert's first affiliation
    availability: str  # as the import reads it back: 전일, or slot numbers
    booth: str  # the label of the table they keep


@dataclass(frozen=True)
class EventOverview:
    event: Event
    participants: list[ParticipantView]
    interpreters: list[Interpreter]
    requests: dict[RequestStatus, int]
    meetings: int
    announced: int
    runs: list[Run]

    def label(self, participant_ids: int | Sequence[int], lang: str) -> str:
        """``이름 (소속)`` in ``lang`` for agendas; a delegation as ``이름 · 이름 (소속)``."""
        ids = [participant_ids] if isinstance(participant_ids, int) else list(participant_ids)
        views = [v for pid in ids if (v := self._by_id.get(pid)) is not None]
        names = " · ".join(v.participant.name.pick(lang) for v in views)
        orgs = " · ".join(dict.fromkeys(o for v in views if (o := v.organisation.pick(lang)) and o != names))
        return f"{names} ({orgs})" if orgs else names

    @cached_property
    def _by_id(self) -> dict[int | None, ParticipantView]:
        # built on first use (frozen: cached_property writes the instance dict, not a field)
        return {v.participant.id: v for v in self.participants}


def overview(db: Database, event_id: int) -> EventOverview:
    """What the staff pages show of an event (shared per data version: ``services.snapshots``)."""
    require_current(db)
    return read_model(db, ("overview", event_id), lambda unit: _overview(unit, event_id))


def _overview(unit: Unit, event_id: int) -> EventOverview:
    shared = snapshot_in(unit, event_id)
    day, cards = shared.day, shared.cards
    booths: dict[int | None, str] = {t.host: t.label() for t in day.event.tables if t.host is not None}
    views = [
        ParticipantView(
            p, cards.organisation_of(p), format_availability(p.availability, day.slots), booths.get(p.id, "")
        )
        for p in day.people.values()
    ]
    return EventOverview(
        day.event,
        views,
        list(day.interpreters.values()),
        dict(Counter(r.status for r in day.requests.values())),
        len(day.meetings),
        sum(m.announced for m in day.meetings),
        unit.events.runs(event_id),
    )


# -- the demo event ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoEventResult:
    event_id: int
    outcomes: list[Outcome]
    recommended: int  # staff recommendations added this time
    locked: bool  # the opening meeting was locked this time


def load_demo_event(unit: Unit, demo: DemoEvent, *, source: str, now: datetime) -> DemoEventResult:
    """Create (or find again) the demo event and import its spreadsheets, as a real file would be;
    then add the staff recommendations and lock the opening meeting. Running it again changes nothing."""
    found = [e for e in unit.events.all() if e.name == demo.event.name]
    event_id = found[0].id if found and found[0].id is not None else unit.events.save(copy.deepcopy(demo.event))
    people = [
        sheet_of(source, "참가자", EventSheetKind.PARTICIPANTS, demo.participants),
        sheet_of(source, "통역", EventSheetKind.INTERPRETERS, demo.interpreters),
    ]
    outcomes = import_people_into(unit, event_id, people)
    requests = [sheet_of(source, "미팅 신청", EventSheetKind.REQUESTS, demo.requests)]
    outcomes += import_requests_into(unit, event_id, requests, now=now)
    book = book_of(unit, event_id)
    by_email = {p.email: stored_id(p) for p in book.participants.values()}
    added = 0
    for a, b, score in demo.recommended:
        if not book.accepted(book.party(by_email[a]), book.party(by_email[b])):
            r = staff_request(book, by_email[a], by_email[b], now=now, score=score)
            unit.events.save_request(event_id, r)
            book.record(r)
            added += 1
    host, guest, slot, table = demo.lock
    (opening, *_) = book.accepted(book.party(by_email[host]), book.party(by_email[guest]))
    locked = opening.locked_slot is None
    if locked:
        pinned = lock(book, opening, slot - 1, table)
        unit.events.save_request(event_id, pinned)
    return DemoEventResult(event_id, outcomes, added, locked)
