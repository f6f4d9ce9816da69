"""The staff sheets of the day, from the current timetable: table plan, interpreter plan, door list."""

from __future__ import annotations

from datetime import datetime

from seoro.domain.events import Slot
from seoro.domain.participants import Participant
from seoro.domain.sheets import DoorEntry, SheetMeeting, SlotView, StaffSheets
from seoro.domain.text import BilingualText
from seoro.services.agendas import Day, snapshot
from seoro.services.database import Database
from seoro.services.partner_cards import Cards


def staff_sheets(db: Database, event_id: int, *, lang: str, at: datetime) -> StaffSheets:
    shared = snapshot(db, event_id)
    day, cards = shared.day, shared.cards
    slots = day.slots
    return StaffSheets(
        event_name=day.event.name,
        venue=day.event.venue,
        timezone=day.event.timezone,
        slots=tuple(SlotView(s.index + 1, s.start, s.end) for s in slots),
        tables=tuple(t.label() for t in day.event.tables),
        meetings=tuple(_meetings(day, cards)),
        interpreters=tuple(sorted(i.name for i in day.interpreters.values())),
        door=tuple(sorted(_door(day, cards), key=lambda d: (d.name.pick(lang).casefold(), d.participant_id))),
        made_at=at,
    )


def _names(day: Day, ids: tuple[int, ...]) -> BilingualText:
    return BilingualText.joined(day.people[i].name for i in ids)


def _languages(day: Day, ids: tuple[int, ...]) -> str:
    return "/".join(dict.fromkeys(lang for i in ids for lang in day.people[i].languages))


def _meetings(day: Day, cards: Cards) -> list[SheetMeeting]:
    tables = day.table_labels
    current = day.current()
    present: dict[int, list[int]] = {}  # meeting key → everyone in it
    for q, k in current:
        present.setdefault(k, []).append(q)
    seen: set[int] = set()
    out = []
    for (pid, key), pl in sorted(current.items(), key=lambda kv: (kv[1].slot, kv[1].table, kv[0])):
        if key in seen:
            continue
        seen.add(key)
        left = (pid, *sorted(q for q in present[key] if q != pid and q not in pl.partner_ids))
        right = pl.partner_ids
        interpreter = day.interpreters.get(pl.interpreter_id) if pl.interpreter_id is not None else None
        out.append(
            SheetMeeting(
                slot_number=pl.slot + 1,
                table_label=tables.get(pl.table, f"T{pl.table}"),
                left=_names(day, left),
                right=_names(day, right),
                left_organisation=cards.organisation_of(day.people[pid]),
                right_organisation=cards.organisation_of(day.people[right[0]]) if right else BilingualText(),
                interpreter=interpreter.name if interpreter else "",
                languages=f"{_languages(day, left)}–{_languages(day, right)}" if interpreter else "",
            )
        )
    return out


def _door(day: Day, cards: Cards) -> list[DoorEntry]:
    slots = day.slots
    tables = day.table_labels
    mine: dict[int, list[tuple[int, int]]] = {}
    for (pid, _), pl in day.current().items():
        mine.setdefault(pid, []).append((pl.slot, pl.table))
    return [_door_entry(day, cards, p, sorted(mine.get(pid, [])), slots, tables) for pid, p in day.people.items()
            if not p.cancelled]  # fmt: skip


def _door_entry(
    day: Day, cards: Cards, p: Participant, meetings: list[tuple[int, int]], slots: list[Slot], tables: dict[int, str]
) -> DoorEntry:
    kind = day.event.type_of(p.type_code)
    first = meetings[0] if meetings else None
    assert p.id is not None
    return DoorEntry(
        participant_id=p.id,
        name=p.name,
        organisation=cards.organisation_of(p),
        type_name=kind.name if kind else BilingualText(p.type_code, p.type_code),
        meetings=len(meetings),
        first_start=slots[first[0]].start if first else None,
        first_table=tables.get(first[1], "") if first else "",
        checked_in_at=p.checked_in_at,
        no_show=p.no_show_at is not None,
    )
