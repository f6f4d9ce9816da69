"""The event day: who has arrived, who is marked absent, and which slots are already past.

A participant not checked in some minutes after their first meeting began is a no-show: staff mark
them absent, their later meetings are released and their partners can be offered others. A late
arrival's check-in clears the mark (their released meetings come back only if the timetable still
has room: the next reschedule decides).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from seoro.domain.errors import DomainError
from seoro.domain.events import Slot
from seoro.domain.participants import Participant


def check_in(p: Participant, at: datetime) -> Participant:
    """``p`` arrived at ``at``; a no-show mark is lifted. Checking in twice keeps the first time."""
    if p.cancelled:
        raise DomainError("participant_cancelled", participant=p.name.both())
    return replace(p, checked_in_at=p.checked_in_at or at, no_show_at=None)


def undo_check_in(p: Participant) -> Participant:
    return replace(p, checked_in_at=None)


def mark_absent(p: Participant, at: datetime) -> Participant:
    """``p`` is a no-show from ``at`` on. Refused for someone already checked in or cancelled."""
    if p.cancelled:
        raise DomainError("participant_cancelled", participant=p.name.both())
    if p.checked_in_at is not None:
        raise DomainError("already_checked_in", participant=p.name.both(), at=f"{p.checked_in_at:%H:%M} UTC")
    return p if p.no_show_at is not None else replace(p, no_show_at=at)


def overdue(
    people: Iterable[Participant], first_start: Mapping[int, datetime], at: datetime, grace: timedelta
) -> list[Participant]:
    """The attending participants not checked in whose first meeting began ``grace`` or more before
    ``at`` (``first_start``: participant id → start of their first meeting)."""
    out = []
    for p in people:
        start = first_start.get(p.id) if p.id is not None else None
        if p.attending and p.checked_in_at is None and start is not None and start + grace <= at:
            out.append(p)
    return out


def closed_before(slots: Iterable[Slot], at: datetime) -> int:
    """How many slots have begun by ``at`` (one starting at ``at`` counts: too late to tell anyone):
    the index of the first slot meetings may still be moved into."""
    return sum(1 for s in slots if s.start <= at)
