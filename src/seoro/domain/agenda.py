"""Published agendas: what each participant has been told, and how a new publication updates it.

Every meeting in a participant's agenda is an *entry* with a stable key (the meeting's
``Meeting.request_id``) and a sequence number, as a calendar event has a UID and a SEQUENCE. A new
publication compares the timetable with the entries: a new meeting gets sequence 0, a meeting that
moved (slot, table, partners or interpreter changed, or the agenda went from preliminary to final)
gets the next sequence, and a meeting no longer held is kept as *cancelled* with the next sequence, so
that calendars replace the entry instead of showing the old meeting next to the new one.

The ``*View`` classes are what renderers (``.ics``, HTML, PDF) read: plain values, already in the
event's time zone, with the partner's short profile and the reason for the match.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from seoro.domain.meetings import Meeting, MeetingRequest
from seoro.domain.participants import Participant
from seoro.domain.text import BilingualText


class Stage(StrEnum):
    PRELIMINARY = "preliminary"  # sent early so people can plan; may still change (calendar: TENTATIVE)
    FINAL = "final"  # the timetable of the day (calendar: CONFIRMED)


class EntryStatus(StrEnum):
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Placement:
    """Where and with whom one meeting is, as one participant sees it. ``slot``: index of ``Event.slots()``."""

    slot: int
    table: int
    partner_ids: tuple[int, ...]
    interpreter_id: int | None = None


@dataclass(frozen=True)
class Entry:
    """One meeting in one participant's published agenda. ``version``: the publication that last
    changed it (first published, moved or cancelled)."""

    participant_id: int
    key: int
    sequence: int
    status: EntryStatus
    placement: Placement
    stage: Stage
    version: int

    @property
    def cancelled(self) -> bool:
        return self.status is EntryStatus.CANCELLED


AgendaKey = tuple[int, int]  # (participant id, meeting key)


def sides(people: Mapping[int, Participant], a: int, b: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Each side of a meeting between ``a`` and ``b``: the participant, then the other attending
    members of their delegation in id order."""

    def side(pid: int) -> tuple[int, ...]:
        group = people[pid].delegation
        if not group:
            return (pid,)
        mates = sorted(k for k, p in people.items() if p.delegation == group and p.attending and k != pid)
        return (pid, *mates)

    return side(a), side(b)


def placements(
    meetings: Iterable[Meeting], requests: Mapping[int, MeetingRequest], people: Mapping[int, Participant], n_slots: int
) -> dict[AgendaKey, Placement]:
    """Every attending participant's meetings in the timetable, keyed by (participant, meeting key).
    Meetings at slots the event no longer has (sessions shortened since the last run), and meetings
    one side no longer attends (cancelled, absent), are left out."""
    out: dict[AgendaKey, Placement] = {}
    for m in meetings:
        r = requests[m.request_id]
        if m.slot >= n_slots:
            continue
        left, right = (
            tuple(p for p in side if people[p].attending) for side in sides(people, r.requester_id, r.requested_id)
        )
        if not (left and right):  # a side cancelled or absent: the meeting is released
            continue
        for mine, theirs in ((left, right), (right, left)):
            for pid in mine:
                out[pid, m.request_id] = Placement(m.slot, m.table, theirs, m.interpreter_id)
    return out


def publish(
    current: Mapping[AgendaKey, Placement], published: Iterable[Entry], *, version: int, stage: Stage
) -> list[Entry]:
    """The entries publication ``version`` adds or changes, given the timetable (``current``: each
    participant's meetings) and the entries published so far. Unchanged entries are not returned."""
    before = {(e.participant_id, e.key): e for e in published}
    out: list[Entry] = []
    for key, placement in current.items():
        old = before.get(key)
        if old is None:
            out.append(Entry(key[0], key[1], 0, EntryStatus.CONFIRMED, placement, stage, version))
        elif old.cancelled or old.placement != placement or old.stage is not stage:
            out.append(replace(old, sequence=old.sequence + 1, status=EntryStatus.CONFIRMED, placement=placement,
                               stage=stage, version=version))  # fmt: skip
    for key, old in before.items():
        if key not in current and not old.cancelled:
            out.append(replace(old, sequence=old.sequence + 1, status=EntryStatus.CANCELLED, version=version))
    return sorted(out, key=lambda e: (e.participant_id, e.placement.slot, e.key))


class Change(StrEnum):
    """How a participant's agenda differs from what was published."""

    NEW = "new"  # a meeting they have not been told about
    MOVED = "moved"  # another time
    TABLE = "table"  # same time, another table
    INTERPRETER = "interpreter"  # same time and table, another interpreter
    PARTNER = "partner"  # same time, the other side's members changed (a delegation member left)
    CANCELLED = "cancelled"  # no longer held


@dataclass(frozen=True)
class AgendaChange:
    """One change to one participant's agenda since the last publication, with why (a reason code:
    ``partner_absent``, ``partner_cancelled``, ``table_lost``, ``request_withdrawn``, ``made_room``,
    ``filled_free_slot``, ...)."""

    participant_id: int
    key: int
    change: Change
    before: Placement | None
    after: Placement | None
    reason: str


def changes(current: Mapping[AgendaKey, Placement], published: Iterable[Entry]) -> list[AgendaChange]:
    """What a publication now would change, per participant, without reasons (``reason=""``): the
    service fills them in from what it knows about the day."""
    live = {(e.participant_id, e.key): e.placement for e in published if not e.cancelled}
    out = []
    for key, after in current.items():
        before = live.get(key)
        kind = _change(before, after)
        if kind is not None:
            out.append(AgendaChange(key[0], key[1], kind, before, after, ""))
    out += [AgendaChange(k[0], k[1], Change.CANCELLED, b, None, "") for k, b in live.items() if k not in current]
    return sorted(out, key=lambda c: (c.participant_id, (c.after or c.before or Placement(0, 0, ())).slot, c.key))


def _change(before: Placement | None, after: Placement) -> Change | None:
    if before is None:
        return Change.NEW
    if before.slot != after.slot:
        return Change.MOVED
    if before.table != after.table:
        return Change.TABLE
    if before.partner_ids != after.partner_ids:
        return Change.PARTNER
    if before.interpreter_id != after.interpreter_id:
        return Change.INTERPRETER
    return None


# --- what renderers read -----------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerCard:
    """The other side of a meeting, in a few lines: name, organisation, country, what they do."""

    name: BilingualText
    organisation: BilingualText = BilingualText()
    country: str = ""
    summary: BilingualText = BilingualText()  # expertise or description, at most a few hundred characters
    fields: tuple[BilingualText, ...] = ()  # technology fields, by name


@dataclass(frozen=True)
class EntryView:
    """One meeting of a personal agenda. ``start``/``end`` are aware datetimes in the event's time zone.

    ``uid``: stable over publications (the calendar UID); ``sequence``: 0 when first published, one
    more each time it changed. ``changed``: it differs from the publication before (to highlight).
    """

    uid: str
    sequence: int
    status: EntryStatus
    start: datetime
    end: datetime
    slot_number: int  # from 1, as agendas count
    table_label: str
    partners: tuple[PartnerCard, ...]
    reason: BilingualText
    interpreter: str = ""
    changed: bool = False

    @property
    def cancelled(self) -> bool:
        return self.status is EntryStatus.CANCELLED


@dataclass(frozen=True)
class AgendaView:
    """One participant's agenda, to render in ``lang`` (``ko`` or ``en``, the participant's language).

    ``stage`` is ``None`` for a draft nobody has been sent; ``version`` counts publications (0: none);
    ``stamp``: when this version was published (the calendar's DTSTAMP), or when the draft was made.
    """

    event_id: int
    event_name: BilingualText
    venue: str
    timezone: str
    participant_id: int
    participant: BilingualText
    organisation: BilingualText
    lang: str
    stage: Stage | None
    version: int
    stamp: datetime
    entries: tuple[EntryView, ...]


def uid(event_id: int, key: int, domain: str = "seoro") -> str:
    """The calendar UID of meeting ``key`` of event ``event_id``: the same in every agenda and version."""
    return f"event-{event_id}-meeting-{key}@{domain}"
