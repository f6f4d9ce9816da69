"""Loading the demo's year of follow-up, inside the demo's unit: the spring partnering day as it was held
(``demo.spring_event``: imported like a real file, then its fixed timetable, check-ins, the no-show and
the follow-up answers) and the cooperation leads of ``demo.pipeline``, opened and moved on through the
pipeline's own use cases, so every rule holds and every change is audited.

Loading again changes nothing: an event, timetable, check-in or answer already there is left as it
is, and a demo lead is opened only when no lead has its title (or, from a meeting, when the meeting
has no lead yet).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from seoro.demo.pipeline import DemoLead, DemoSide, DemoStep, build_leads
from seoro.demo.spring_event import ANSWERS_FROM, PUBLISHED_AT, REQUESTED_AT, SpringEvent, build_spring_event
from seoro.domain.agenda import Stage
from seoro.domain.attendance import check_in, mark_absent
from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.domain.meetings import Meeting, RequestStatus
from seoro.domain.participants import stored_id
from seoro.domain.pipeline import Lead, Side, Step
from seoro.domain.text import BilingualText
from seoro.files.event_columns import EventSheetKind
from seoro.services.agendas import publish_agendas_in
from seoro.services.database import Unit
from seoro.services.event_import import import_people_into, import_requests_into, sheet_of
from seoro.services.follow_up import arrange_follow_up_in, record_wish_in
from seoro.services.pipeline import (
    AgreementDetails,
    LeadDetails,
    advance_in,
    open_from_match_in,
    open_from_meeting_in,
    open_lead_in,
)

Pair = tuple[str, str]  # (requester e-mail, requested e-mail)


@dataclass(frozen=True)
class DemoPipelineResult:
    event_id: int  # the spring event
    placed: int  # meetings put on its timetable this time (0: it was there)
    answers: int  # follow-up answers recorded this time
    leads: int  # leads opened this time
    total: int  # the demo's leads now in the database


def load_demo_pipeline(unit: Unit, *, source: str, next_event_id: int) -> DemoPipelineResult:
    """The spring event and the demo's leads; ``next_event_id``: the October event, where one
    follow-up meeting was arranged."""
    spring = build_spring_event()
    event_id, keys, ids = _spring_event(unit, spring, source)
    placed = _timetable(unit, event_id, spring, keys)
    _attendance(unit, event_id, spring)
    answers = _answers(unit, event_id, spring, keys, ids)
    demo = build_leads()
    opened = _leads(unit, demo, _Where(event_id, next_event_id, keys))
    titles = {d.title for d in demo}
    total = sum(lead.title in titles for lead in unit.leads.all())
    return DemoPipelineResult(event_id, placed, answers, opened, total)


# ---- the spring event


def _spring_event(unit: Unit, spring: SpringEvent, source: str) -> tuple[int, dict[Pair, int], dict[str, int]]:
    """The event (found by name, or created) with its participants and requests imported; returns its
    id, each request's key by (requester, requested) e-mail, and each participant's id by e-mail."""
    found = [e.id for e in unit.events.all() if e.name == spring.event.name and e.id is not None]
    event_id = found[0] if found else unit.events.save(copy.deepcopy(spring.event))
    import_people_into(unit, event_id, [sheet_of(source, "참가자", EventSheetKind.PARTICIPANTS, spring.participants)])
    made = _requests(unit, event_id)
    # only the requests not made yet: the day is over, and the import refuses any with the no-show
    new = [r for r in spring.requests if (r["requester"], r["requested"]) not in made]
    if new:
        import_requests_into(unit, event_id, [sheet_of(source, "미팅 신청", EventSheetKind.REQUESTS, new)],
                             now=REQUESTED_AT)  # fmt: skip
        made = _requests(unit, event_id)
    return event_id, made, {p.email: stored_id(p) for p in unit.events.participants(event_id)}


def _requests(unit: Unit, event_id: int) -> dict[Pair, int]:
    """The event's accepted requests by (requester, requested) e-mail."""
    emails = {stored_id(p): p.email for p in unit.events.participants(event_id)}
    return {(emails[r.requester_id], emails[r.requested_id]): r.id for r in unit.events.requests(event_id)
            if r.id is not None and r.status is RequestStatus.ACCEPTED}  # fmt: skip


def _timetable(unit: Unit, event_id: int, spring: SpringEvent, keys: dict[Pair, int]) -> int:
    """The timetable as it was held and published the day before, unless the event has one already."""
    if unit.events.meetings(event_id):
        return 0
    meetings = [Meeting(keys[m.requester, m.requested], m.slot, table) for m, table in spring.meetings]
    unit.events.replace_meetings(event_id, meetings)
    unit.record(Action.UPDATE, "event", event_id, {"timetable": len(meetings)})
    publish_agendas_in(unit, event_id, stage=Stage.FINAL, at=PUBLISHED_AT)
    return len(meetings)


def _attendance(unit: Unit, event_id: int, spring: SpringEvent) -> None:
    """Who checked in when, and who was marked absent, for those with neither recorded yet."""
    for p in unit.events.participants(event_id):
        if p.checked_in_at is not None or p.no_show_at is not None:
            continue
        if p.email in spring.check_ins:
            at = spring.check_ins[p.email]
            unit.events.save_participant(event_id, check_in(p, at))
            unit.record(Action.UPDATE, "event", event_id, {"participant": p.id, "checked_in": at.isoformat()})
        elif p.email in spring.absent:
            at = spring.absent[p.email]
            unit.events.save_participant(event_id, mark_absent(p, at))
            unit.record(Action.UPDATE, "event", event_id, {"participant": p.id, "no_show": at.isoformat()})


def _answers(unit: Unit, event_id: int, spring: SpringEvent, keys: dict[Pair, int], ids: dict[str, int]) -> int:
    """Both sides' answers after the event, an hour apart, for those who have not answered yet."""
    recorded = 0
    for n, (m, _table) in enumerate(spring.meetings):
        key = keys[m.requester, m.requested]
        for email, answer in zip((m.requester, m.requested), m.answers, strict=True):
            if answer is None or unit.follow_up_wishes.get(event_id, key, ids[email]) is not None:
                continue
            at = ANSWERS_FROM + timedelta(hours=n, minutes=10 * len(email) % 60)
            record_wish_in(unit, event_id, key, ids[email], answer.wants, answer.online, answer.note, at=at)
            recorded += 1
    return recorded


# ---- the leads


@dataclass(frozen=True)
class _Where:
    event_id: int  # the spring event
    next_event_id: int  # the October event
    meetings: dict[Pair, int]  # the spring event's meeting keys


def _leads(unit: Unit, leads: list[DemoLead], where: _Where) -> int:
    titles = {lead.title for lead in unit.leads.all()}
    opened = 0
    for demo in leads:
        key = where.meetings[demo.meeting] if demo.meeting else None
        if demo.title in titles or (key is not None and unit.leads.by_meeting(where.event_id, key) is not None):
            continue
        lead = _open(unit, demo, where.event_id, key)
        assert lead.id is not None
        for step in demo.steps[1:]:
            _advance(unit, lead.id, step, where, key)
        opened += 1
    return opened


def _open(unit: Unit, demo: DemoLead, event_id: int, key: int | None) -> Lead:
    first = demo.steps[0]
    details = LeadDetails(demo.title, demo.fields, demo.programme, demo.owner, first.on, first.note,
                          first.next_action, first.due)  # fmt: skip
    if key is not None:
        return open_from_meeting_in(unit, event_id, key, details, at=_moment(first.on))
    a, b = _side(unit, demo.a), _side(unit, demo.b)
    if demo.need:
        profile = _profile(unit, a, demo.need)
        return open_from_match_in(unit, profile, organisation_id=b.organisation_id, expert_id=b.expert_id,
                                  details=details, stage=first.stage)  # fmt: skip
    return open_lead_in(unit, a, b, details, stage=first.stage)


def _advance(unit: Unit, lead_id: int, step: DemoStep, where: _Where, key: int | None) -> None:
    if step.arranged:
        assert key is not None, "a follow-up arranged after a meeting of the spring event"
        next_event = None if step.online else where.next_event_id
        assert step.due is not None
        arrange_follow_up_in(unit, where.event_id, key, due=step.due, online=step.online, next_event_id=next_event,
                             note=step.note, on=step.on, at=_moment(step.on))  # fmt: skip
        return
    linked = _agreement_id(unit, step.registry) if step.registry is not None else None
    moved = Step(step.stage, step.on, "", step.note, step.next_action, step.due, step.kind, step.reason, linked,
                 step.amount_krw)  # fmt: skip
    mou = step.mou
    details = AgreementDetails(mou.title, mou.scope, place=mou.place) if mou is not None else None
    advance_in(unit, lead_id, moved, details)


def _side(unit: Unit, side: DemoSide) -> Side:
    """The directory's records a demo side names (an expert alone is completed by the pipeline)."""
    organisation = None
    if side.organisation:
        found = unit.organisations.ids_by_name([side.organisation])
        if len(found) != 1:
            raise DomainError("unknown_organisation", value=side.organisation, ids=", ".join(map(str, sorted(found))))
        organisation = found.pop()
    expert = unit.experts.id_by_email(side.expert) if side.expert else None
    if side.expert and expert is None:
        raise DomainError("unknown_expert", value=side.expert)
    return Side(organisation, expert)


def _profile(unit: Unit, owner: Side, title: str) -> int:
    found = unit.profiles.ids_by_owner_and_title(owner.organisation_id, owner.expert_id, BilingualText(title, title))
    if len(found) != 1:
        raise ValueError(f"the demo lead's profile {title!r} is not its first side's")
    return found.pop()


def _agreement_id(unit: Unit, title: BilingualText) -> int:
    found = unit.agreements.id_by_title(title)
    if found is None:
        raise ValueError(f"the demo's agreement {title.both()!r} is not in the registry")
    return found


def _moment(day: date) -> datetime:
    """Late on ``day`` in Korea (18:00): every meeting of that day has begun."""
    return datetime.combine(day, time(9, 0), tzinfo=UTC)
