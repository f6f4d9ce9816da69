"""Scheduling use cases: build the timetable, rebuild it after changes, publish it, read agendas.

load → ``scheduling.encode`` → ``scheduling.solve`` → ``decode`` → save the meetings and the run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from seoro.domain.audit import Action
from seoro.domain.booking import lock, unlock
from seoro.domain.errors import DomainError
from seoro.domain.events import Slot
from seoro.domain.meetings import Meeting
from seoro.domain.participants import Participant
from seoro.domain.text import BilingualText
from seoro.scheduling import solve
from seoro.scheduling.advise import Advice, advise
from seoro.scheduling.checks import violations
from seoro.scheduling.encode import Unscheduled, decode, encode
from seoro.services.database import Database, require_current
from seoro.services.events import book_of
from seoro.storage.events import Run

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class ScheduleSummary:
    """What a run did, in the figures staff look at."""

    event_id: int
    kind: str  # schedule | reschedule
    requests: int  # accepted requests the optimiser considered (merged pairs)
    scheduled: int
    value: float
    bound: float
    gap: float
    idle_gaps: int
    seconds: float
    reasons: dict[str, int]  # unscheduled request count by reason code
    unscheduled: dict[int, Unscheduled]  # by MeetingRequest id
    moved: list[int] = field(default_factory=list)  # announced meetings (request ids) that changed
    dropped: list[int] = field(default_factory=list)
    advice: Advice | None = None
    violations: int = 0


def schedule_event(
    db: Database,
    event_id: int,
    *,
    time_limit: float = 30.0,
    reschedule: bool = False,
    advice: bool = True,
    progress: Progress | None = None,
    actor: str,
) -> ScheduleSummary:
    """Build the event's timetable. A first run (``reschedule=False``) refuses to overwrite announced
    meetings; a reschedule keeps them where they are unless they cannot stay, and reports what moved."""
    require_current(db)
    with db.reading() as unit:
        event = unit.events.get(event_id)
        participants = unit.events.participants(event_id)
        interpreters = unit.events.interpreters(event_id)
        requests = unit.events.requests(event_id)
        current = unit.events.meetings(event_id)
    if not reschedule and any(m.announced for m in current):
        raise DomainError("schedule_announced", event=event_id)
    encoded = encode(event, participants, interpreters, requests, current if reschedule else ())
    result = solve(encoded.problem, time_limit=time_limit, progress=progress)
    decoded = decode(encoded, result)
    found = violations(encoded.problem, result.schedule)
    if found:  # never store a timetable that breaks a rule; this is a defect, not bad input
        raise DomainError("schedule_invalid", event=event_id, count=len(found), first=found[0].code)
    tips = advise(encoded.problem, result) if advice else None
    kind = "reschedule" if reschedule else "schedule"
    with db.unit(actor) as unit:
        unit.events.replace_meetings(event_id, decoded.meetings)
        unit.events.add_run(
            event_id,
            Run(
                ran_at=datetime.now(UTC),
                kind=kind,
                actor=actor,
                requests=encoded.problem.n_requests,
                scheduled=len(decoded.meetings),
                value=result.value,
                bound=result.bound,
                idle_gaps=result.idle_gaps,
                seconds=result.seconds,
                moved=len(decoded.moved),
                dropped=len(decoded.dropped),
            ),
        )
        unit.record(Action.UPDATE, "event", event_id, {kind: len(decoded.meetings)})
    return ScheduleSummary(
        event_id=event_id,
        kind=kind,
        requests=encoded.problem.n_requests,
        scheduled=len(decoded.meetings),
        value=result.value,
        bound=result.bound,
        gap=result.gap,
        idle_gaps=result.idle_gaps,
        seconds=result.seconds,
        reasons=dict(Counter(u.code for u in decoded.unscheduled.values())),
        unscheduled=decoded.unscheduled,
        moved=decoded.moved,
        dropped=decoded.dropped,
        advice=tips,
        violations=len(found),
    )


def announce(db: Database, event_id: int, *, actor: str) -> int:
    """Publish the timetable: its meetings become announced (rescheduling keeps them in place)."""
    require_current(db)
    with db.unit(actor) as unit:
        meetings = unit.events.meetings(event_id)
        for m in meetings:
            m.announced = True
        unit.events.replace_meetings(event_id, meetings)
        unit.record(Action.UPDATE, "event", event_id, {"announced": len(meetings)})
    return len(meetings)


def lock_meeting(
    db: Database, event_id: int, request_id: int, slot: int | None, table: int | None = None, *, actor: str
) -> None:
    """Staff pin a meeting to a slot (and table), or unpin it with ``slot=None``; checked at once."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = book.request(request_id)
        changed = unlock(request) if slot is None else lock(book, request, slot, table)
        changed.id = request.id
        unit.events.save_request(event_id, changed)


@dataclass(frozen=True)
class AgendaLine:
    """One meeting in someone's agenda."""

    slot: Slot
    table: int
    table_label: str
    participant_id: int
    partner_ids: tuple[int, ...]
    partner: BilingualText
    interpreter: str
    announced: bool


def agenda(db: Database, event_id: int, participant_id: int | None = None) -> list[AgendaLine]:
    """The timetable in time order: everyone's, or one participant's (with their delegation's meetings)."""
    require_current(db)
    with db.reading() as unit:
        event = unit.events.get(event_id)
        people = {p.id: p for p in unit.events.participants(event_id)}
        interpreters = {i.id: i.name for i in unit.events.interpreters(event_id)}
        requests = {r.id: r for r in unit.events.requests(event_id)}
        meetings = unit.events.meetings(event_id)
    if participant_id is not None and participant_id not in people:
        raise DomainError("unknown_participant", id=participant_id)
    slots = event.slots()
    tables = {t.number: t.label() for t in event.tables}
    lines = []
    for m in meetings:
        r = requests[m.request_id]
        sides = _sides(people, r.requester_id, r.requested_id)
        for me, others in ((sides[0], sides[1]), (sides[1], sides[0])):
            if participant_id is not None and participant_id not in me:
                continue
            lines.append(_line(m, slots, tables, people, interpreters, me[0], others))
            if participant_id is None:
                break  # one line per meeting for the whole timetable
    return sorted(lines, key=lambda x: (x.slot.index, x.table))


def _sides(people: dict[int | None, Participant], a: int, b: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Each side of a meeting: the participant and the rest of their delegation."""

    def side(pid: int) -> tuple[int, ...]:
        group = people[pid].delegation
        if not group:
            return (pid,)
        mates = sorted(k for k, p in people.items() if k is not None and p.delegation == group)
        return (pid, *(k for k in mates if k != pid))

    return side(a), side(b)


def _line(
    m: Meeting,
    slots: list[Slot],
    tables: dict[int, str],
    people: dict[int | None, Participant],
    interpreters: dict[int | None, str],
    me: int,
    others: tuple[int, ...],
) -> AgendaLine:
    names = [people[o].name for o in others]
    partner = BilingualText(" · ".join(n.ko or n.en for n in names), " · ".join(n.en or n.ko for n in names))
    return AgendaLine(
        slot=slots[m.slot],
        table=m.table,
        table_label=tables.get(m.table, f"T{m.table}"),
        participant_id=me,
        partner_ids=others,
        partner=partner,
        interpreter=interpreters.get(m.interpreter_id, "") if m.interpreter_id else "",
        announced=m.announced,
    )
