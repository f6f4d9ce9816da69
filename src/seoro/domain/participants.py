"""Who takes part in an event: participants (alone or in delegations) and interpreters.

A *party* is who sits on one side of a meeting: one participant, or a whole delegation (participants of
one organisation booked together, sharing a ``delegation`` key), who attend every meeting together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, check_slots
from seoro.domain.text import BilingualText

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def _languages(values: Iterable[str]) -> list[str]:
    """ISO 639 codes, lower case, each once, in the order given."""
    out = [v.strip().lower() for v in values]
    for v in out:
        if not _LANGUAGE_CODE.match(v):
            raise DomainError("language_code", value=v)
    return list(dict.fromkeys(out))


@dataclass
class Participant:
    """Someone registered for an event: an expert, an organisation's delegate, or a walk-in (neither).

    ``availability`` holds the slot indices where they can meet (``None``: all). ``max_meetings``
    overrides the event's default cap (``None``: use the type's or the event's). ``booth``: they host
    a booth, i.e. the event has a table whose ``host`` is them. ``checked_in_at``: when they arrived on
    the day; ``no_show_at``: when staff marked them absent (their later meetings are released).
    Times are aware (UTC).
    """

    name: BilingualText
    type_code: str = ""
    expert_id: int | None = None
    organisation_id: int | None = None
    delegation: str | None = None
    languages: list[str] = field(default_factory=list)
    availability: frozenset[int] | None = None
    max_meetings: int | None = None
    booth: bool = False
    email: str = ""
    cancelled: bool = False
    checked_in_at: datetime | None = None
    no_show_at: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name:
            raise DomainError("name_required")
        if self.expert_id is not None and self.organisation_id is not None:
            raise DomainError("participant_one_link", participant=self.name.both())
        if self.max_meetings is not None and self.max_meetings < 0:
            raise DomainError("setting_out_of_range", setting="max_meetings", value=self.max_meetings, min=0)
        self.languages = _languages(self.languages)
        self.delegation = self.delegation or None

    def available_at(self, slot: int) -> bool:
        return self.availability is None or slot in self.availability

    @property
    def attending(self) -> bool:
        """Takes part in meetings: neither cancelled nor marked absent on the day."""
        return not self.cancelled and self.no_show_at is None


@dataclass
class Interpreter:
    """An interpreter of the event's pool: one meeting per slot, in the slots of ``availability``."""

    name: str
    languages: list[str] = field(default_factory=list)
    availability: frozenset[int] | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DomainError("name_required")
        self.languages = _languages(self.languages)


def stored_id(item: Participant | Interpreter) -> int:
    """The id of a saved participant or interpreter (the rules refer to people by id)."""
    if item.id is None:
        raise ValueError(f"{item!r} has no id: save it before using it in requests or schedules")
    return item.id


def party_key(p: Participant) -> str:
    """``d:<delegation>`` for a delegation member, ``p:<id>`` for someone on their own."""
    return f"d:{p.delegation}" if p.delegation else f"p:{stored_id(p)}"


def meeting_cap(event: Event, p: Participant) -> int | None:
    """How many meetings ``p`` may have, ``None`` for no cap.

    The participant's own ``max_meetings`` and their type's cap both bind (the smaller wins); the
    event's ``default_max_meetings`` applies only when neither sets one.
    """
    kind = event.type_of(p.type_code)
    caps = [c for c in (p.max_meetings, kind.max_meetings if kind else None) if c is not None]
    return min(caps) if caps else event.default_max_meetings


@dataclass(frozen=True)
class Party:
    """The people on one side of a meeting: a participant, or their delegation's attending members."""

    key: str
    members: tuple[Participant, ...]

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(stored_id(m) for m in self.members)

    def label(self) -> str:
        """The members' names, for messages."""
        return ", ".join(m.name.both() for m in self.members)

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def type_code(self) -> str:
        return self.members[0].type_code

    def available_at(self, slot: int) -> bool:
        return all(m.available_at(slot) for m in self.members)

    def availability(self, n_slots: int) -> frozenset[int]:
        """The slots where every member can meet."""
        return frozenset(s for s in range(n_slots) if self.available_at(s))

    def languages(self) -> set[str]:
        """What at least one member speaks (one of them can talk for the delegation)."""
        return {lang for m in self.members for lang in m.languages}

    def cap(self, event: Event) -> int | None:
        caps = [c for c in (meeting_cap(event, m) for m in self.members) if c is not None]
        return min(caps) if caps else None

    def booth(self, booths: Mapping[int, int]) -> int | None:
        """The number of the table a member hosts as a booth, if any; ``booths`` is ``Event.booths()``."""
        hosted = [booths[i] for i in self.ids if i in booths]
        if len(hosted) > 1:
            raise DomainError("booth_twice", participant=self.members[0].name.both())
        return hosted[0] if hosted else None


def group_parties(participants: Iterable[Participant]) -> dict[str, Party]:
    """The parties formed by the participants who still attend, by key, members in id order."""
    grouped: dict[str, list[Participant]] = {}
    for p in participants:
        if p.attending:
            grouped.setdefault(party_key(p), []).append(p)
    return {k: Party(k, tuple(sorted(ms, key=stored_id))) for k, ms in grouped.items()}


def check_participants(event: Event, participants: Sequence[Participant]) -> None:
    """Each participant fits the event: a known type, real slots, a booth table if they host one,
    one type and at most one booth per delegation."""
    n_slots = len(event.slots())
    codes = [t.code for t in event.types]
    for p in participants:
        if (codes or p.type_code) and p.type_code not in codes:
            raise DomainError("unknown_participation_type", value=p.type_code, choices=", ".join(codes))
        check_slots(p.availability, n_slots)
    _check_booths(event, participants)
    for party in group_parties(participants).values():
        if len({m.type_code for m in party.members}) > 1:
            raise DomainError("delegation_mixed_types", delegation=party.key.removeprefix("d:"))


def _check_booths(event: Event, participants: Sequence[Participant]) -> None:
    """Booth hosts and the tables naming them as host agree, and no party keeps two booths."""
    hosts = event.booths()
    for p in participants:
        if p.booth and stored_id(p) not in hosts:
            raise DomainError("booth_without_table", participant=p.name.both())
    booth_ids = {stored_id(p) for p in participants if p.booth}
    for t in event.tables:
        if t.host is not None and t.host not in booth_ids:
            raise DomainError("booth_host_unknown", table=t.label(), participant=t.host)
    for party in group_parties(participants).values():
        party.booth(hosts)


def check_interpreters(event: Event, interpreters: Sequence[Interpreter]) -> None:
    """Every interpreter's availability names slots the event has."""
    n_slots = len(event.slots())
    for i in interpreters:
        check_slots(i.availability, n_slots)
