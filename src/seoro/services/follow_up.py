"""Follow-up after an event: each side of every meeting held says whether they want to follow up;
staff see who wants more and arrange follow-up meetings, online or at a next event, which moves the
meeting's lead (opened if need be) to the follow-up stage with the next action and its due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.domain.meetings import MeetingRequest, RequestSource
from seoro.domain.participants import Participant
from seoro.domain.pipeline import FollowUpWish, Lead, Step
from seoro.domain.requests import recommend
from seoro.domain.text import BilingualText
from seoro.domain.vocab import LeadStage
from seoro.i18n import both
from seoro.services.agendas import snapshot_in
from seoro.services.database import Database, Unit, require_current
from seoro.services.events import book_of
from seoro.services.held_meetings import HeldMeeting, held_meeting, held_meetings
from seoro.services.pipeline import LeadDetails, advance_in, open_from_meeting_in


def record_wish(
    db: Database, event_id: int, request_id: int, participant_id: int, wants: bool, online: bool | None = None,
    note: str = "", *, actor: str, at: datetime | None = None,
) -> FollowUpWish:  # fmt: skip
    """Record one participant's answer for a meeting they held at the event (answering again replaces
    the earlier answer). Refused for a meeting not held (``meeting_not_held``) and for someone who
    was not in it (``follow_up_not_yours``). ``online``: how they would meet again (None: either)."""
    require_current(db)
    with db.unit(actor) as unit:
        return record_wish_in(unit, event_id, request_id, participant_id, wants, online, note, at=at)


def record_wish_in(
    unit: Unit, event_id: int, request_id: int, participant_id: int, wants: bool, online: bool | None = None,
    note: str = "", *, at: datetime | None = None,
) -> FollowUpWish:  # fmt: skip
    """As :func:`record_wish`, inside ``unit``."""
    moment = at or datetime.now(UTC)
    held = held_meeting(unit, event_id, request_id, at=moment)
    if held.side_of(participant_id) is None:
        raise DomainError("follow_up_not_yours", participant=participant_id, request=request_id)
    before = unit.follow_up_wishes.get(event_id, request_id, participant_id)
    wish = FollowUpWish(event_id, request_id, participant_id, wants, note.strip(), online, moment)
    unit.follow_up_wishes.save(wish)
    changes = {"participant_id": [None, participant_id], "wants": [before.wants if before else None, wants],
               "online": [before.online if before else None, online]}  # fmt: skip
    unit.record(Action.UPDATE if before else Action.CREATE, "follow_up_wish", request_id, changes)
    return wish


@dataclass(frozen=True)
class MeetingWishes:
    """One meeting held at an event, for staff: who sat on each side, what each person answered, and
    the lead that follows it up (if one was opened)."""

    request_id: int
    on: date
    sides: tuple[tuple[int, ...], tuple[int, ...]]  # participant ids, the requester's side first
    names: tuple[BilingualText, BilingualText]
    answers: tuple[FollowUpWish, ...]
    lead: Lead | None

    @property
    def wants_more(self) -> bool:
        return any(a.wants for a in self.answers)

    @property
    def both_want(self) -> bool:
        """Someone on each side wants to follow up."""
        return all(any(a.wants and a.participant_id in side for a in self.answers) for side in self.sides)

    def unanswered(self) -> list[int]:
        """The participants who have not answered yet."""
        answered = {a.participant_id for a in self.answers}
        return [p for side in self.sides for p in side if p not in answered]

    @property
    def online(self) -> bool | None:
        """How those who want more would meet: online, at a next event, or ``None`` (either, or not agreed)."""
        ways = {a.online for a in self.answers if a.wants}
        return ways.pop() if len(ways) == 1 else None


def wishes_of(
    db: Database, event_id: int, *, everyone: bool = False, at: datetime | None = None
) -> list[MeetingWishes]:
    """The meetings held at the event where someone wants to follow up (with ``everyone``: every
    meeting held, answered or not), both sides wanting it first, then one side, then in meeting order."""
    require_current(db)
    with db.reading() as unit:
        return wishes_in(unit, event_id, everyone=everyone, at=at)


def wishes_in(unit: Unit, event_id: int, *, everyone: bool = False, at: datetime | None = None) -> list[MeetingWishes]:
    held = held_meetings(unit, event_id, at=at)
    answers: dict[int, list[FollowUpWish]] = {}
    for w in unit.follow_up_wishes.all(event_id):
        answers.setdefault(w.request_id, []).append(w)
    leads = {lead.request_id: lead for lead in unit.leads.all(event_id=event_id)}
    out = []
    for key, m in sorted(held.items()):
        row = MeetingWishes(key, m.on, m.sides, _names(m.sides, m.people), tuple(answers.get(key, ())), leads.get(key))
        if everyone or row.wants_more:
            out.append(row)
    return sorted(out, key=lambda r: (not r.both_want, not r.wants_more, r.request_id))


@dataclass(frozen=True)
class OwnMeeting:
    """A meeting held, as one of its participants sees it: when, whom they met, and their own answer."""

    event_id: int
    request_id: int
    start: datetime
    partners: BilingualText  # the other side's names
    answer: FollowUpWish | None  # None: not answered yet


def own_meetings(db: Database, participant_id: int, *, at: datetime | None = None) -> list[OwnMeeting]:
    """The meetings held at the participant's event in which they sat (attending), in time order,
    each with the answer they gave: the meetings ``record_wish`` takes their answer for."""
    require_current(db)
    with db.reading() as unit:
        event_id = unit.events.event_of(participant_id)
        held = held_meetings(unit, event_id, at=at, day=snapshot_in(unit, event_id).day)  # a page view: shared
        answers = {w.request_id: w for w in unit.follow_up_wishes.all(event_id) if w.participant_id == participant_id}
    out = []
    for m in sorted(held.values(), key=lambda m: (m.start, m.request_id)):
        side = m.side_of(participant_id)
        if side is not None:
            partners = BilingualText.joined(m.people[p].name for p in m.sides[1 - side])
            out.append(OwnMeeting(event_id, m.request_id, m.start, partners, answers.get(m.request_id)))
    return out


def _names(
    sides: tuple[tuple[int, ...], tuple[int, ...]], people: dict[int, Participant]
) -> tuple[BilingualText, BilingualText]:
    left, right = (BilingualText.joined(people[p].name for p in side) for side in sides)
    return left, right


def arrange_follow_up(
    db: Database, event_id: int, request_id: int, *, due: date, online: bool, next_event_id: int | None = None,
    note: str = "", on: date | None = None, actor: str, at: datetime | None = None, book: bool = True,
) -> Lead:  # fmt: skip
    """Staff arrange a follow-up meeting for a meeting held at the event: online, or at the next event
    ``next_event_id``. The meeting's lead (opened now if there is none) moves to the follow-up stage,
    whose next action (arranging that meeting) is due by ``due``; the core may refuse the move. At a
    next event where both sides are registered too, the meeting is also booked there (``book``): a
    request staff entered, accepted at once, for that event's scheduler."""
    require_current(db)
    with db.unit(actor) as unit:
        return arrange_follow_up_in(unit, event_id, request_id, due=due, online=online, next_event_id=next_event_id,
                                    note=note, on=on, at=at, book=book)  # fmt: skip


def arrange_follow_up_in(
    unit: Unit, event_id: int, request_id: int, *, due: date, online: bool, next_event_id: int | None = None,
    note: str = "", on: date | None = None, at: datetime | None = None, book: bool = False,
) -> Lead:  # fmt: skip
    """As :func:`arrange_follow_up`, inside ``unit`` (booking at the next event only when ``book``)."""
    if online == (next_event_id is not None):
        raise DomainError("follow_up_where")
    if next_event_id == event_id:
        raise DomainError("follow_up_same_event", event=event_id)
    held = held_meeting(unit, event_id, request_id, at=at)
    lead = unit.leads.by_meeting(event_id, request_id) or open_from_meeting_in(
        unit, event_id, request_id, LeadDetails(), at=at
    )
    assert lead.id is not None
    step = Step(LeadStage.FOLLOW_UP, on or max(_today(), held.on), unit.actor, note.strip(),
                _next_action(unit, next_event_id), due)  # fmt: skip
    moved = advance_in(unit, lead.id, step)
    if book and next_event_id is not None:
        book_at(unit, next_event_id, held, now=at or datetime.now(UTC))
    return moved


def book_at(unit: Unit, event_id: int, held: HeldMeeting, *, now: datetime) -> MeetingRequest | None:
    """The follow-up meeting booked at event ``event_id`` between the people who met, found there by
    their directory record (expert or organisation); ``None`` when a side is not registered there or
    the two already have a request open (the request rules decide, as for any staff request)."""
    there = unit.events.participants(event_id)
    ends = [_registered(there, [held.people[pid] for pid in side]) for side in held.sides]
    if ends[0] is None or ends[1] is None:
        return None
    book = book_of(unit, event_id)
    try:
        request = recommend(book, ends[0], ends[1], now=now, source=RequestSource.STAFF,
                            message=both("pipeline.follow_up_booked"))  # fmt: skip
    except DomainError as e:
        if e.code == "duplicate_request":  # they already asked each other there: nothing to add
            return None
        raise
    unit.events.save_request(event_id, request)
    return request


def _registered(there: list[Participant], people: list[Participant]) -> int | None:
    """Who of ``there`` (not cancelled) is the same person or organisation as one of ``people``."""
    for p in people:
        for q in there:
            same = (p.expert_id is not None and q.expert_id == p.expert_id) or (
                p.organisation_id is not None and q.organisation_id == p.organisation_id
            )
            if same and not q.cancelled and q.id is not None:
                return q.id
    return None


def _next_action(unit: Unit, next_event_id: int | None) -> str:
    if next_event_id is None:
        return both("pipeline.follow_up_online")
    event = unit.events.get(next_event_id)
    return both("pipeline.follow_up_at_event", event=event.name.pick("ko"), event_en=event.name.pick("en"))


def _today() -> date:
    return datetime.now(UTC).date()
