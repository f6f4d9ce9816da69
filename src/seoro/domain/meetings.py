"""Meeting requests between participants of an event, and the meetings the schedule makes of them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, IntEnum, StrEnum
from typing import TypeVar

from seoro.domain.errors import DomainError

E = TypeVar("E", bound=Enum)


class Priority(IntEnum):
    """How much the requester wants the meeting; a smaller number matters more."""

    MUST = 1  # the reason they came: schedule it whatever else has to give
    HIGH = 2
    NORMAL = 3


class RequestStatus(StrEnum):
    PENDING = "pending"  # waiting for the other side
    ACCEPTED = "accepted"  # both want it: the scheduler places it
    DECLINED = "declined"
    EXPIRED = "expired"  # nobody answered within the event's period
    CANCELLED = "cancelled"  # withdrawn by the requester or by staff


OPEN = frozenset({RequestStatus.PENDING, RequestStatus.ACCEPTED})


class RequestSource(StrEnum):
    PARTICIPANT = "participant"  # asked by the requester
    STAFF = "staff"  # entered by staff on someone's behalf
    RECOMMENDED = "recommended"  # proposed by staff from the matching engine's mutual scores


@dataclass
class MeetingRequest:
    """``requester_id`` asks ``requested_id`` (participant ids) for a meeting.

    ``score`` is the pair's mutual match score scaled to [0, 1], when the matching engine has one.
    ``locked_slot`` / ``locked_table`` (a table number, only with a slot): staff pinned the meeting there.
    ``picked_slot``: the slot chosen when accepting, in a self-service event. Times are aware (UTC).
    """

    requester_id: int
    requested_id: int
    created_at: datetime
    priority: Priority = Priority.NORMAL
    message: str = ""
    status: RequestStatus = RequestStatus.PENDING
    answered_at: datetime | None = None
    source: RequestSource = RequestSource.PARTICIPANT
    score: float | None = None
    locked_slot: int | None = None
    locked_table: int | None = None
    picked_slot: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.requester_id == self.requested_id:
            raise DomainError("request_to_self")
        self.priority = _choice(Priority, self.priority)
        self.status = _choice(RequestStatus, self.status)
        self.source = _choice(RequestSource, self.source)
        if self.score is not None and not (math.isfinite(self.score) and 0.0 <= self.score <= 1.0):
            raise DomainError("bad_score", value=self.score)
        if self.locked_table is not None and self.locked_slot is None:
            raise DomainError("lock_table_without_slot", table=self.locked_table)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def fixed_slot(self) -> int | None:
        """Where the meeting must happen: the staff lock, else the slot picked in self-service."""
        return self.locked_slot if self.locked_slot is not None else self.picked_slot

    def other(self, participant_id: int) -> int:
        return self.requested_id if participant_id == self.requester_id else self.requester_id


def _choice(enum: type[E], value: object) -> E:
    """``value`` as a member of ``enum`` (storage hands back plain ints and strings)."""
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(str(m.value) for m in enum)
        raise DomainError("unknown_choice", value=str(value), choices=choices) from None


@dataclass
class Meeting:
    """A scheduled meeting: request ``request_id`` at slot ``slot`` and table number ``table``.

    One meeting serves every accepted request between its two parties (A→B and B→A, or several members
    of a delegation); ``request_id`` is the lowest of their ids. ``announced``: participants have been
    told; rescheduling keeps it in place unless it must move. ``locked``: staff pinned it.
    """

    request_id: int
    slot: int
    table: int
    interpreter_id: int | None = None
    announced: bool = False
    locked: bool = False
