"""What the staff sheets of an event day show: the table plan, the interpreter plan and the door list.

Plain values for renderers (``.xlsx``, HTML, PDF); times are aware datetimes in the event's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from seoro.domain.text import BilingualText


@dataclass(frozen=True)
class SlotView:
    number: int  # from 1, as agendas count
    start: datetime
    end: datetime


@dataclass(frozen=True)
class SheetMeeting:
    """One meeting on the staff sheets: who sits at which table in which slot, and the interpreter."""

    slot_number: int
    table_label: str
    left: BilingualText  # the requester's side: names joined with " · "
    right: BilingualText
    left_organisation: BilingualText = BilingualText()
    right_organisation: BilingualText = BilingualText()
    interpreter: str = ""
    languages: str = ""  # the languages the interpreter bridges, e.g. "ko–en"


@dataclass(frozen=True)
class DoorEntry:
    """One line of the door list: everyone expected, alphabetical, with where to send them first."""

    participant_id: int
    name: BilingualText
    organisation: BilingualText
    type_name: BilingualText
    meetings: int
    first_start: datetime | None
    first_table: str
    checked_in_at: datetime | None = None
    no_show: bool = False


@dataclass(frozen=True)
class StaffSheets:
    event_name: BilingualText
    venue: str
    timezone: str
    slots: tuple[SlotView, ...]
    tables: tuple[str, ...]  # table labels, in the event's order
    meetings: tuple[SheetMeeting, ...]  # in slot, then table order
    interpreters: tuple[str, ...]
    door: tuple[DoorEntry, ...]
    made_at: datetime  # when the sheets were made (printed in the footer)
