"""The meetings held at an event: on the final timetable, both sides attending (neither cancelled
nor marked absent), and begun by a given time. Only these make leads and collect follow-up answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from seoro.domain.agenda import sides as meeting_sides
from seoro.domain.errors import DomainError
from seoro.domain.participants import Participant
from seoro.services.agendas import Day, load_day
from seoro.services.database import Unit


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting that took place at an event: on the timetable, both sides attending, and begun.
    ``sides``: the participant ids on each side, the requester's first (a delegation: all its members)."""

    event_id: int
    request_id: int
    start: datetime
    on: date  # the day, in the event's time zone
    sides: tuple[tuple[int, ...], tuple[int, ...]]
    people: dict[int, Participant] = field(repr=False, compare=False)

    def side_of(self, participant_id: int) -> int | None:
        """0 or 1: the side the participant sat on; ``None`` when they were not in this meeting."""
        return next((i for i, side in enumerate(self.sides) if participant_id in side), None)


def held_meeting(unit: Unit, event_id: int, request_id: int, *, at: datetime | None = None) -> HeldMeeting:
    """Meeting ``request_id`` of the event, if it was held (by ``at``, default now); refused otherwise."""
    found = held_meetings(unit, event_id, at=at).get(request_id)
    if found is None:
        raise DomainError("meeting_not_held", request=request_id, event=event_id)
    return found


def held_meetings(
    unit: Unit, event_id: int, *, at: datetime | None = None, day: Day | None = None
) -> dict[int, HeldMeeting]:
    """The meetings held at the event by ``at`` (default now), by meeting key: on the timetable, both
    sides attending (not cancelled, not marked absent), and begun. ``day``: the event's day when the
    caller has it (a reading unit's shared snapshot); otherwise it is read in ``unit``."""
    day = day or load_day(unit, event_id)
    moment = at or datetime.now(UTC)
    zone = day.event.zone()
    placed = {key for _pid, key in day.current()}
    out: dict[int, HeldMeeting] = {}
    for m in day.meetings:
        if m.request_id not in placed or day.slots[m.slot].start > moment:
            continue
        r = day.requests[m.request_id]
        left, right = (tuple(p for p in side if day.people[p].attending)
                       for side in meeting_sides(day.people, r.requester_id, r.requested_id))  # fmt: skip
        start = day.slots[m.slot].start
        out[m.request_id] = HeldMeeting(event_id, m.request_id, start, start.astimezone(zone).date(),
                                        (left, right), day.people)  # fmt: skip
    return out
