"""Brokerage events: when meetings can happen (sessions cut into slots) and where (tables).

An event's slots are numbered ``0..S-1`` in time order over all its sessions; availability of people,
tables and interpreters, locks and meetings all refer to slots by that index. Times are wall-clock times
in the event's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText

Span = tuple[datetime, datetime]
H = TypeVar("H", str, int)


class SchedulingMode(StrEnum):
    OPTIMISER = "optimiser"  # staff run the scheduler over all accepted requests
    SELF_SERVICE = "self_service"  # whoever accepts picks a common free slot on the spot


@dataclass(frozen=True)
class Slot:
    """One meeting slot. ``follows_previous``: starts exactly when the previous slot of its session ends."""

    index: int
    start: datetime
    end: datetime
    session: str  # the session's code
    block: int  # the session's position in time order
    follows_previous: bool

    def label(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class Session:
    """A block of meetings on one day (오전 / morning): slots of one length, back to back except for breaks.

    Give the length as a number of ``slots`` or as an ``end`` time (as many slots as fit before it), not
    both. A slot never overlaps a break: the first slot after a break starts when the break ends.
    ``code`` names the session within its event (e.g. ``d1-am``).
    """

    code: str
    day: date
    start: time
    slot_minutes: int
    slots: int | None = None
    end: time | None = None
    name: BilingualText = field(default_factory=BilingualText)
    breaks: tuple[tuple[time, time], ...] = ()

    def __post_init__(self) -> None:
        if (self.slots is None) == (self.end is None) or (self.slots is not None and self.slots < 1):
            raise DomainError("session_length", session=self.code)
        if self.slot_minutes <= 0:
            raise DomainError("slot_length", session=self.code, minutes=self.slot_minutes)
        if self.end is not None and self.end <= self.start:
            raise DomainError("session_reversed", session=self.code, start=_hm(self.start), end=_hm(self.end))
        self._check_breaks()
        self.times()  # refuses a session no slot fits in

    def times(self) -> list[Span]:
        """Start and end of each slot, as naive wall-clock datetimes on ``day``."""
        length = timedelta(minutes=self.slot_minutes)
        breaks = self._break_spans()
        limit = self._at(self.end) if self.end is not None else self._at(time()) + timedelta(days=1)
        out: list[Span] = []
        t = self._at(self.start)
        while self.slots is None or len(out) < self.slots:
            t = _skip_breaks(t, length, breaks)
            if t + length > limit:
                break
            out.append((t, t + length))
            t += length
        if not out:
            raise DomainError("session_empty", session=self.code)
        if self.slots is not None and len(out) < self.slots:
            raise DomainError("session_past_midnight", session=self.code)
        return out

    def span(self) -> Span:
        """From the start to the end time, or to the end of the last slot when the length is a count."""
        end = self._at(self.end) if self.end is not None else self.times()[-1][1]
        return self._at(self.start), end

    def _at(self, moment: time) -> datetime:
        return datetime.combine(self.day, moment)

    def _break_spans(self) -> list[Span]:
        return sorted((self._at(a), self._at(b)) for a, b in self.breaks)

    def _check_breaks(self) -> None:
        spans = self._break_spans()
        for a, b in spans:
            if b <= a:
                raise DomainError("break_reversed", session=self.code, start=_hm(a), end=_hm(b))
        for (_, b1), (a2, b2) in zip(spans, spans[1:], strict=False):
            if a2 < b1:
                raise DomainError("breaks_overlap", session=self.code, start=_hm(a2), end=_hm(b2))
        start, end = self.span()
        for a, b in spans:
            if a < start or b > end:
                raise DomainError("break_outside_session", session=self.code, start=_hm(a), end=_hm(b))


def _skip_breaks(t: datetime, length: timedelta, breaks: list[Span]) -> datetime:
    """The first start at or after ``t`` whose slot overlaps none of ``breaks`` (sorted, disjoint)."""
    for a, b in breaks:
        if t < b and t + length > a:
            t = b
    return t


def _hm(moment: time | datetime) -> str:
    return f"{moment:%H:%M}"


@dataclass(frozen=True)
class Table:
    """A numbered table or a room. ``seats`` counts people (both sides of a meeting sit at it).

    ``host`` is the participant whose booth this is (they keep it all day; guests come to them).
    ``availability`` is the set of slot indices where the table exists; ``None`` means every slot.
    """

    number: int
    name: str = ""
    seats: int = 4
    host: int | None = None
    availability: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if self.seats < 2:
            raise DomainError("table_too_few_seats", table=self.label(), seats=self.seats)

    def label(self) -> str:
        return self.name or f"T{self.number}"

    def available_at(self, slot: int) -> bool:
        return self.availability is None or slot in self.availability

    def lost_from(self, slot: int, n_slots: int) -> Table:
        """This table, gone from ``slot`` on (it stays where it was before)."""
        kept = frozenset(s for s in range(min(slot, n_slots)) if self.available_at(s))
        return replace(self, availability=kept)


@dataclass(frozen=True)
class ParticipationType:
    """How someone takes part (지역기업 / regional firm, 해외 파트너 / overseas partner, buyer, seller).

    ``max_meetings`` caps the meetings of every participant of the type (``None``: no cap of its own).
    """

    code: str
    name: BilingualText
    max_meetings: int | None = None

    def __post_init__(self) -> None:
        _check_at_least("max_meetings", self.max_meetings, 0)


@dataclass
class Event:
    """A brokerage event. Settings:

    - ``auto_accept``: requests are accepted as soon as they are made (when both sides have room).
    - ``request_expiry_hours``: a request nobody answered expires after this long (``None``: never).
    - ``cross_type_only``: meetings only between participants of different participation types.
    - ``max_in_a_row``: most meetings anyone has back to back without a break (0 = no cap).
    - ``default_max_meetings``: the cap of participants for whom neither they nor their type set one
      (``None``: no cap).
    """

    name: BilingualText
    timezone: str = "Asia/Seoul"
    venue: str = ""
    scheduling_mode: SchedulingMode = SchedulingMode.OPTIMISER
    auto_accept: bool = False
    request_expiry_hours: int | None = None
    cross_type_only: bool = False
    max_in_a_row: int = 0
    default_max_meetings: int | None = None
    sessions: list[Session] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    types: list[ParticipationType] = field(default_factory=list)
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name:
            raise DomainError("name_required")
        self.zone()
        _check_at_least("request_expiry_hours", self.request_expiry_hours, 1)
        _check_at_least("max_in_a_row", self.max_in_a_row, 0)
        _check_at_least("default_max_meetings", self.default_max_meetings, 0)
        if (code := _duplicate([s.code for s in self.sessions])) is not None:
            raise DomainError("duplicate_session", session=code)
        if (number := _duplicate([t.number for t in self.tables])) is not None:
            raise DomainError("duplicate_table", table=number)
        if (code := _duplicate([t.code for t in self.types])) is not None:
            raise DomainError("duplicate_type", value=code)
        self._check_tables(len(self.slots()))

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise DomainError("unknown_timezone", value=self.timezone) from None

    def slots(self) -> list[Slot]:
        """Every slot of the event in time order; raises ``event_slots_overlap`` if two sessions overlap."""
        ordered = sorted(self.sessions, key=lambda s: s.span())
        for first, second in zip(ordered, ordered[1:], strict=False):
            if second.span()[0] < first.span()[1]:
                raise DomainError("event_slots_overlap", first=first.code, second=second.code)
        zone = self.zone()
        out: list[Slot] = []
        for block, session in enumerate(ordered):
            previous_end: datetime | None = None
            for start, end in session.times():
                follows = start == previous_end
                out.append(
                    Slot(len(out), start.replace(tzinfo=zone), end.replace(tzinfo=zone), session.code, block, follows)
                )
                previous_end = end
        return out

    def table(self, number: int) -> Table:
        for t in self.tables:
            if t.number == number:
                return t
        raise DomainError("unknown_table", table=number)

    def table_labels(self) -> dict[int, str]:
        """Table number → its label (T3, 부스 10), as agendas and sheets print it."""
        return {t.number: t.label() for t in self.tables}

    def booths(self) -> dict[int, int]:
        """Booth host participant id → the number of the table they keep."""
        return {t.host: t.number for t in self.tables if t.host is not None}

    def type_of(self, code: str) -> ParticipationType | None:
        return next((t for t in self.types if t.code == code), None)

    def lose_table(self, number: int, from_slot: int) -> Event:
        """This event with table ``number`` gone from ``from_slot`` on (a copy; this one is unchanged)."""
        n_slots = len(self.slots())
        lost = self.table(number).lost_from(from_slot, n_slots)
        return replace(self, tables=[lost if t.number == number else t for t in self.tables])

    def _check_tables(self, n_slots: int) -> None:
        for t in self.tables:
            check_slots(t.availability, n_slots)
        if (host := _duplicate([t.host for t in self.tables if t.host is not None])) is not None:
            raise DomainError("booth_twice", participant=host)


def check_slots(slots: frozenset[int] | None, n_slots: int) -> None:
    """Every index in ``slots`` names a slot of the event."""
    for s in sorted(slots or ()):
        if not 0 <= s < n_slots:
            raise DomainError("unknown_slot", slot=s, count=n_slots)


def _check_at_least(setting: str, value: int | None, minimum: int) -> None:
    if value is not None and value < minimum:
        raise DomainError("setting_out_of_range", setting=setting, value=value, min=minimum)


def _duplicate(values: list[H]) -> H | None:
    """The first value seen twice, if any."""
    seen: set[H] = set()
    for v in values:
        if v in seen:
            return v
        seen.add(v)
    return None
