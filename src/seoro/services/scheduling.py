"""Scheduling use cases: build the timetable, rebuild it after changes, publish it, read agendas.

load → ``scheduling.encode`` → ``scheduling.solve`` → ``decode`` → save the meetings and the run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from seoro.domain.agenda import Placement, placements
from seoro.domain.attendance import closed_before
from seoro.domain.audit import Action
from seoro.domain.booking import lock, unlock
from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Slot
from seoro.domain.meetings import Meeting, MeetingRequest
from seoro.domain.participants import Interpreter, Participant
from seoro.domain.text import BilingualText
from seoro.scheduling import NONE, Result, Schedule, solve
from seoro.scheduling.advise import Advice, advise
from seoro.scheduling.checks import Violation, violations
from seoro.scheduling.encode import Decoded, Encoded, Unscheduled, decode, encode
from seoro.services.agendas import published_meetings
from seoro.services.database import Database, Unit, require_current
from seoro.services.events import book_of
from seoro.storage.events import Run

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class ScheduleSummary:
    """What a run did, in the figures staff look at.

    ``requests`` counts the meetings the optimiser considered (the accepted requests between two
    parties make one) and ``scheduled`` those it placed. ``reasons`` counts, by reason code, the
    requests (``MeetingRequest`` ids) without a meeting, and ``unscheduled`` gives each one's reason:
    the optimiser's (``tables_full``, ``no_free_slot``, ``no_interpreter``, ``party_full``, ...) or why
    it was never a candidate (``pending``, ``declined``, ``expired``, ``participant_cancelled``, ...).
    ``moved`` / ``dropped`` / ``added`` list ``Meeting.request_id`` values: announced meetings now
    elsewhere, announced meetings no longer held, meetings not in the announced timetable (on a first
    run, every meeting). ``advice``: how many more tables or slots would let waiting requests in, when
    some wait for room.
    """

    event_id: int
    kind: str  # schedule | reschedule
    requests: int
    scheduled: int
    value: float
    bound: float
    gap: float
    idle_gaps: int
    seconds: float
    reasons: dict[str, int]
    unscheduled: dict[int, Unscheduled]
    moved: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    advice: Advice | None = None
    violations: int = 0


@dataclass(frozen=True)
class _Inputs:
    """Everything a run reads, to check that nothing changed while the solver ran."""

    event: Event
    participants: list[Participant]
    interpreters: list[Interpreter]
    requests: list[MeetingRequest]
    meetings: list[Meeting]


def _inputs(unit: Unit, event_id: int) -> _Inputs:
    ev = unit.events
    event = ev.get(event_id)
    return _Inputs(
        event, ev.participants(event_id), ev.interpreters(event_id), ev.requests(event_id), ev.meetings(event_id)
    )


def schedule_event(
    db: Database,
    event_id: int,
    *,
    time_limit: float = 30.0,
    reschedule: bool = False,
    since_published: bool = False,
    at: datetime | None = None,
    advice: bool = True,
    progress: Progress | None = None,
    actor: str,
) -> ScheduleSummary:
    """Build the event's timetable from its accepted requests and store it with a run record.

    The solver runs outside any transaction (``time_limit`` seconds at most, ``progress(step, share)``
    reports its phases); the timetable is then saved in one unit of work, replacing the event's
    meetings, unless the event changed meanwhile (``schedule_stale``: run it again). A first run
    (``reschedule=False``) refuses to overwrite announced meetings (``schedule_announced``); see
    :func:`reschedule_event`. A locked meeting that cannot be held where it is pinned is refused
    (``lock_infeasible``, naming the request) and nothing is saved.

    On the event day: ``since_published`` keeps the meetings of the last published agendas (what
    participants hold) rather than the current timetable's, and ``at`` closes the slots already begun
    (their meetings stay as they are, nothing new goes there).
    """
    require_current(db)
    with db.reading() as unit:
        inputs = _inputs(unit, event_id)
        baseline = _baseline(unit, event_id, inputs, reschedule, since_published)
    if not reschedule and any(m.announced for m in inputs.meetings):
        raise DomainError("schedule_announced", event=event_id)
    closed = closed_before(inputs.event.slots(), at) if at is not None else 0
    encoded = encode(
        inputs.event, inputs.participants, inputs.interpreters, inputs.requests, baseline, closed_before=closed
    )
    result = _solve(encoded, time_limit, progress)
    decoded = decode(encoded, result)
    found = violations(encoded.problem, result.schedule)
    if found:  # never store a timetable that breaks a rule; this is a defect, not bad input
        raise DomainError("schedule_invalid", event=event_id, count=len(found), first=found[0].code)
    tips = advise(encoded.problem, result) if advice else None
    summary = _summary(event_id, "reschedule" if reschedule else "schedule", encoded, result, decoded)
    summary = replace(summary, advice=tips if tips is not None and tips.waiting else None)
    with db.unit(actor) as unit:
        if _inputs(unit, event_id) != inputs:
            raise DomainError("schedule_stale", event=event_id)
        unit.events.replace_meetings(event_id, decoded.meetings)
        unit.events.add_run(event_id, _run(summary, actor))
        unit.record(Action.UPDATE, "event", event_id, {summary.kind: summary.scheduled})
    return summary


def reschedule_event(
    db: Database,
    event_id: int,
    *,
    time_limit: float = 30.0,
    since_published: bool = False,
    at: datetime | None = None,
    advice: bool = True,
    progress: Progress | None = None,
    actor: str,
) -> ScheduleSummary:
    """Rebuild the timetable after changes (a cancellation, a late request, a table lost, a no-show):
    announced meetings stay where they are unless they cannot, and the summary lists what moved, what
    was dropped and what is new. Otherwise as :func:`schedule_event`."""
    return schedule_event(
        db,
        event_id,
        time_limit=time_limit,
        reschedule=True,
        since_published=since_published,
        at=at,
        advice=advice,
        progress=progress,
        actor=actor,
    )


def _baseline(unit: Unit, event_id: int, inputs: _Inputs, reschedule: bool, since_published: bool) -> list[Meeting]:
    """The meetings a reschedule keeps in place: the published ones, or the current announced ones."""
    if not reschedule:
        return []
    if not since_published:
        return inputs.meetings
    entries = unit.agendas.entries(event_id)
    if not entries:
        raise DomainError("not_published", event=event_id)
    return published_meetings(entries)


def _solve(encoded: Encoded, time_limit: float, progress: Progress | None) -> Result:
    """``solve``, with a refused lock named by its meeting request and slot rather than by index."""
    try:
        return solve(encoded.problem, time_limit=time_limit, progress=progress)
    except DomainError as error:
        if error.code != "lock_infeasible":
            raise
        r, s = int(error.params["request"]), int(error.params["slot"])
        raise DomainError("lock_infeasible", request=encoded.request_ids[r][0], slot=encoded.slots[s].label()) from None


def _summary(event_id: int, kind: str, encoded: Encoded, result: Result, decoded: Decoded) -> ScheduleSummary:
    announced = {ids[0] for ids, prev in zip(encoded.request_ids, encoded.prev, strict=True) if prev is not None}
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
        added=[m.request_id for m in decoded.meetings if m.request_id not in announced],
    )


def _run(summary: ScheduleSummary, actor: str) -> Run:
    return Run(
        ran_at=datetime.now(UTC),
        kind=summary.kind,
        actor=actor,
        requests=summary.requests,
        scheduled=summary.scheduled,
        value=summary.value,
        bound=summary.bound,
        idle_gaps=summary.idle_gaps,
        seconds=summary.seconds,
        moved=len(summary.moved),
        dropped=len(summary.dropped),
        added=len(summary.added),
    )


def check_timetable(db: Database, event_id: int) -> list[Violation]:
    """The independent validator (``scheduling.checks``) run on the timetable as stored: every rule a
    meeting can break (clashes, seats, availability, interpreters, caps, meetings in a row)."""
    require_current(db)
    with db.reading() as unit:
        inputs = _inputs(unit, event_id)
    encoded = encode(inputs.event, inputs.participants, inputs.interpreters, inputs.requests)
    index = encoded.request_index()
    schedule = Schedule.empty(encoded.problem.n_requests)
    found: list[Violation] = []
    for m in inputs.meetings:
        r = index.get(m.request_id)
        if r is None or m.table not in encoded.table_numbers:  # a meeting no rule allows any more
            found.append(Violation("not_schedulable", -1 if r is None else r, detail=str(m.request_id)))
            continue
        schedule.slot[r], schedule.table[r] = m.slot, encoded.table_numbers.index(m.table)
        ids = encoded.interpreter_ids
        schedule.interpreter[r] = NONE if m.interpreter_id not in ids else ids.index(m.interpreter_id)
    return found + list(violations(encoded.problem, schedule))


def runs(db: Database, event_id: int) -> list[Run]:
    """The event's scheduling runs, oldest first (the history staff see)."""
    require_current(db)
    with db.reading() as unit:
        unit.events.get(event_id)
        return unit.events.runs(event_id)


def lock_meeting(
    db: Database, event_id: int, request_id: int, slot: int | None, table: int | None = None, *, actor: str
) -> MeetingRequest:
    """Staff pin accepted request ``request_id`` to ``slot`` (an index of ``Event.slots()``) and
    optionally to table number ``table``, or unpin it with ``slot=None``; returns the saved request.

    Checked at once against availability, clashes with other meetings, locks and picks, meetings in a
    row, seats and booths (``lock_unavailable``, ``lock_clash``, ...: nothing is saved). The timetable
    follows at the next (re)schedule, which also finds the meeting an interpreter if it needs one."""
    require_current(db)
    with db.unit(actor) as unit:
        book = book_of(unit, event_id)
        request = book.request(request_id)
        changed = unlock(request) if slot is None else lock(book, request, slot, table)
        changed.id = request.id
        unit.events.save_request(event_id, changed)
        unit.record(Action.UPDATE, "meeting_request", request_id, {"locked_slot": slot, "locked_table": table})
        return changed


@dataclass(frozen=True)
class AgendaLine:
    """One meeting in someone's agenda: when (``slot`` with its times), where (table number and
    label), who (``participant_id`` and their side's other members are implied; ``partner_ids`` /
    ``partner``: everyone on the other side), and the interpreter's name (``""`` when none)."""

    slot: Slot
    table: int
    table_label: str
    participant_id: int
    partner_ids: tuple[int, ...]
    partner: BilingualText
    interpreter: str
    announced: bool


def agenda(db: Database, event_id: int, participant_id: int | None = None) -> list[AgendaLine]:
    """The timetable in time order: everyone's (one line per meeting, seen from the requester's side),
    or one participant's (their delegation's meetings included). It is the timetable participants
    get (``domain.agenda.placements``): meetings at slots the event no longer has (sessions shortened
    since the last run), and meetings one side no longer attends, are left out until the next
    reschedule."""
    require_current(db)
    with db.reading() as unit:
        event = unit.events.get(event_id)
        people = {p.id: p for p in unit.events.participants(event_id) if p.id is not None}
        interpreters = {i.id: i.name for i in unit.events.interpreters(event_id) if i.id is not None}
        requests = {r.id: r for r in unit.events.requests(event_id) if r.id is not None}
        meetings = unit.events.meetings(event_id)
    if participant_id is not None and participant_id not in people:
        raise DomainError("unknown_participant", id=participant_id)
    slots = event.slots()
    tables = event.table_labels()
    announced = {m.request_id: m.announced for m in meetings}
    lines: dict[int, AgendaLine] = {}  # by meeting key
    # each meeting comes first from the requester's side (``placements`` lists that side first)
    for (pid, key), pl in placements(meetings, requests, people, len(slots)).items():
        if (key not in lines) if participant_id is None else (pid == participant_id):
            lines[key] = _line(pl, slots, tables, people, interpreters, pid, announced[key])
    return sorted(lines.values(), key=lambda x: (x.slot.index, x.table))


def _line(
    pl: Placement,
    slots: list[Slot],
    tables: dict[int, str],
    people: dict[int, Participant],
    interpreters: dict[int, str],
    me: int,
    announced: bool,
) -> AgendaLine:
    return AgendaLine(
        slot=slots[pl.slot],
        table=pl.table,
        table_label=tables.get(pl.table, f"T{pl.table}"),
        participant_id=me,
        partner_ids=pl.partner_ids,
        partner=BilingualText.joined(people[o].name for o in pl.partner_ids),
        interpreter=interpreters.get(pl.interpreter_id, "") if pl.interpreter_id else "",
        announced=announced,
    )
