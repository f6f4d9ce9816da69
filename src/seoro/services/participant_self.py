"""What a signed-in participant does for themselves: see the public side of the other participants,
get partner suggestions with reasons, and correct their own details.

A participant sees of anyone else only the public parts (name, organisation, type, languages, a short
profile from the directory); never an e-mail, nor requests that are not their side's. The request
rules stay in ``seoro.domain.requests`` and the directory cards in ``services.partner_cards``: this
module only chooses whose view it is and what goes in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from seoro.domain.agenda import PartnerCard
from seoro.domain.audit import Action, diff
from seoro.domain.book import RequestBook
from seoro.domain.directory import Expert
from seoro.domain.errors import DomainError
from seoro.domain.events import Event
from seoro.domain.meetings import MeetingRequest, RequestStatus
from seoro.domain.participants import Participant, check_participants
from seoro.domain.text import BilingualText
from seoro.i18n import t
from seoro.matching.model import Candidate
from seoro.matching.reciprocal import mutual
from seoro.services.agendas import Snapshot, snapshot, snapshot_in
from seoro.services.database import Database, Unit, require_current
from seoro.services.event_access import side_of
from seoro.services.events import list_events
from seoro.services.matching import candidates, engine_for, preload
from seoro.services.partner_cards import Cards
from seoro.services.snapshots import cached
from seoro.services.taxonomy import taxonomy_in

MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class Person:
    """Another participant as a participant may see them, and where the two stand.

    ``state``: ``""`` (nothing asked yet: a request is possible), ``"sent"`` / ``"received"`` (a
    request is pending one way), ``"accepted"`` (a meeting is agreed), ``"closed"`` (the rules allow no
    request: same type in a cross-type event)."""

    id: int
    card: PartnerCard
    type_name: BilingualText
    type_code: str
    languages: tuple[str, ...]
    state: str


@dataclass(frozen=True)
class Suggestion:
    person: Person
    score: float  # the mutual match score, in [0, 1] as staff recommendations store it
    reason: BilingualText


def own_details(db: Database, participant_id: int) -> tuple[Event, Participant]:
    """The participant's event and registration, as they are stored now."""
    day = _snapshot_of(db, participant_id).day
    return day.event, day.people[participant_id]


def _snapshot_of(db: Database, participant_id: int) -> Snapshot:
    """The shared read model of the participant's event (``services.agendas.snapshot``)."""
    require_current(db)
    with db.reading() as unit:
        return snapshot_in(unit, unit.events.event_of(participant_id))


def own_expert(db: Database, participant_id: int) -> Expert | None:
    """The directory expert the participant is registered as (their own record), if any."""
    require_current(db)
    with db.reading() as unit:
        expert_id = unit.events.participant(participant_id).expert_id
        return unit.experts.get(expert_id) if expert_id is not None else None


def update_own_expertise(
    db: Database, participant_id: int, *, expertise: BilingualText, keywords: Sequence[str], actor: str
) -> Expert:
    """The participant rewrites what they offer and look for (their expert record's statement and
    keywords): what matching reads, so their partner suggestions follow. Audit-logged like staff edits."""
    require_current(db)
    with db.unit(actor) as unit:
        expert_id = unit.events.participant(participant_id).expert_id
        if expert_id is None:
            raise DomainError("no_directory_record")
        before = unit.experts.get(expert_id)
        after = replace(before, expertise=expertise, keywords=[k for k in dict.fromkeys(keywords) if k])
        unit.experts.save(after)
        unit.record(Action.UPDATE, "expert", expert_id, diff(before, after))
    return after


def update_own_details(
    db: Database, participant_id: int, *, name: BilingualText, languages: Sequence[str], actor: str
) -> Participant:
    """The participant corrects their own display name and the languages they speak (what the
    scheduler reads for interpreters). Checked with the whole event like staff edits, and audit-logged."""
    require_current(db)
    if not languages:
        raise DomainError("languages_required")
    with db.unit(actor) as unit:
        event_id = unit.events.event_of(participant_id)
        before = unit.events.participant(participant_id)
        after = replace(before, name=name, languages=list(languages))
        unit.events.save_participant(event_id, after)
        check_participants(unit.events.get(event_id), unit.events.participants(event_id))
        pairs = {
            "name_ko": (before.name.ko, after.name.ko),
            "name_en": (before.name.en, after.name.en),
            "languages": (", ".join(before.languages), ", ".join(after.languages)),
        }
        changes = {k: [old, new] for k, (old, new) in pairs.items() if old != new}
        unit.record(Action.UPDATE, "participant", participant_id, changes)
    return after


def people_for(
    db: Database, participant_id: int, *, type_code: str = "", search: str = ""
) -> tuple[Event, list[Person]]:
    """The event's other attending participants (not one's own delegation), by name; ``type_code``
    and ``search`` (in names and organisations, any case) narrow the list."""
    shared = _snapshot_of(db, participant_id)
    book, cards = shared.book, shared.cards
    wanted = search.casefold().strip()
    people = [
        _person(book, cards, participant_id, p)
        for p in _others(book, participant_id)
        if (not type_code or p.type_code == type_code) and (not wanted or wanted in _haystack(cards, p))
    ]
    return book.event, sorted(people, key=lambda x: (x.card.name.en or x.card.name.ko).casefold())


def suggestions_for(db: Database, participant_id: int, *, top: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """The best partners for the participant by mutual match score (the engine staff recommendations
    use: what each side says about itself, both ways), with the reasons an agenda would give.
    Participants not linked to a directory record cannot be scored and get none."""
    shared = _snapshot_of(db, participant_id)
    book, cards = shared.book, shared.cards
    me = book.participant(participant_id)
    table = _event_scores(db, book).get(me.type_code, {})
    my_key = directory_key(me)
    theirs = [p for p in _others(book, participant_id) if _may_ask(book.event, me.type_code, p)]
    score_of = {k: table[my_key][k] for p in theirs if my_key in table and (k := directory_key(p)) in table[my_key]}
    if not score_of:
        return []
    ranked = sorted(
        (p for p in theirs if score_of.get(directory_key(p), 0.0) > 0), key=lambda p: -score_of[directory_key(p)]
    )
    requests = book.requests
    return [_suggestion(book, cards, me, p, score_of[directory_key(p)], requests) for p in ranked[:top]]


def warm_up(db: Database) -> None:
    """Load the matching model and build every event's partner scores now (a server does it in the
    background as it starts), so the first person opening "partners" does not wait seconds."""
    preload()
    for event in list_events(db):
        if event.id is not None:
            _event_scores(db, snapshot(db, event.id).book)


# changes that leave match scores as they are: asking for meetings, accounts, scheduling runs
NOT_SCORED = ("meeting_request", "account", "invitation", "event")


def _event_scores(db: Database, book: RequestBook) -> dict[str, dict[str, dict[str, float]]]:
    """For each participation type, the mutual match scores from the attending participants of
    that type to everyone they may ask, by directory key. Building the engines takes a second or
    more, so the tables (all types at once) are kept per process across the changes that leave
    scores as they are: versioned by the newest audit entry about anything else, and by who attends."""
    attending = _attending(book)
    present = hash(tuple(sorted(directory_key(p) for p in attending)))
    with db.reading() as unit:
        version = unit.audit.latest_id(skip=NOT_SCORED)
        key = ("match scores", book.event.id, present)
        return cached(unit, key, lambda u: _build_scores(db, u, book.event, attending), version=version)


def _build_scores(
    db: Database, unit: Unit, event: Event, attending: list[Participant]
) -> dict[str, dict[str, dict[str, float]]]:
    everyone = {c.key: c for c in candidates(unit)}
    taxonomy = taxonomy_in(unit)
    tables = {}
    for type_code in dict.fromkeys(p.type_code for p in attending):
        mine = _group(everyone, (p for p in attending if p.type_code == type_code))
        keyed = _group(everyone, (p for p in attending if _may_ask(event, type_code, p)))
        if mine and keyed:
            scores, _, _ = mutual(
                engine_for(db, list(mine.values()), taxonomy), engine_for(db, list(keyed.values()), taxonomy)
            )
            tables[type_code] = {a: {b: float(scores[i][j]) for j, b in enumerate(keyed)} for i, a in enumerate(mine)}
    return tables


def directory_key(p: Participant) -> str:
    """The directory record a participant is scored as (their expert, else their organisation), as
    ``services.events.recommend_meetings`` links them."""
    if p.expert_id:
        return f"expert:{p.expert_id}"
    return f"organisation:{p.organisation_id}" if p.organisation_id else ""


def _suggestion(
    book: RequestBook, cards: Cards, me: Participant, p: Participant, raw: float, requests: Iterable[MeetingRequest]
) -> Suggestion:
    assert me.id is not None and p.id is not None
    score = min(1.0, max(0.0, raw))
    why = cards.reason(me.id, [p.id], requests)
    parts = []
    for lang in ("ko", "en"):
        said = t("doc.reason.recommended", lang, score=f"{score:.2f}")
        parts.append(" · ".join(x for x in (said, why.pick(lang) if why else "") if x))
    return Suggestion(_person(book, cards, me.id, p), score, BilingualText(*parts))


def _group(everyone: Mapping[str, Candidate], people: Iterable[Participant]) -> dict[str, Candidate]:
    """The directory candidates of ``people``, once each (a delegation's members share one), in order."""
    return {k: everyone[k] for p in people if (k := directory_key(p)) in everyone}


def _attending(book: RequestBook) -> list[Participant]:
    return [p for p in book.participants.values() if p.attending and p.id is not None]


def _others(book: RequestBook, participant_id: int) -> list[Participant]:
    """Everyone attending but the participant and their own delegation."""
    side = side_of(book.participants.values(), participant_id)
    return [p for p in _attending(book) if p.id not in side]


def _may_ask(event: Event, my_type: str, p: Participant) -> bool:
    return not event.cross_type_only or p.type_code != my_type


def _haystack(cards: Cards, p: Participant) -> str:
    org = cards.organisation_of(p)
    return " ".join((p.name.ko, p.name.en, org.ko, org.en)).casefold()


def _person(book: RequestBook, cards: Cards, participant_id: int, p: Participant) -> Person:
    assert p.id is not None
    kind = book.event.type_of(p.type_code)
    me = book.participant(participant_id)
    return Person(
        id=p.id,
        card=cards.card(p),
        type_name=kind.name if kind else BilingualText(p.type_code, p.type_code),
        type_code=p.type_code,
        languages=tuple(p.languages),
        state=_state(book, participant_id, p.id) if _may_ask(book.event, me.type_code, p) else "closed",
    )


def _state(book: RequestBook, participant_id: int, other_id: int) -> str:
    """Where the participant's side and the other's side stand: the strongest open request either way."""
    mine, theirs = book.party(participant_id), book.party(other_id)
    out, back = book.open_request(mine, theirs), book.open_request(theirs, mine)
    found = [r for r in (out, back) if r is not None]
    if any(r.status is RequestStatus.ACCEPTED for r in found):
        return "accepted"
    return "sent" if out is not None else "received" if back is not None else ""


@dataclass(frozen=True)
class RequestRow:
    """One request of the participant's side: ``incoming`` when addressed to that side (theirs to
    answer while pending), with the public card of the person on the other side."""

    request: MeetingRequest
    incoming: bool
    other_id: int
    other: PartnerCard

    @property
    def to_answer(self) -> bool:
        return self.incoming and self.request.status is RequestStatus.PENDING


def requests_for(db: Database, participant_id: int) -> list[RequestRow]:
    """The requests the participant's side is part of (a delegation's are everyone's in it), newest first."""
    shared = _snapshot_of(db, participant_id)
    book, cards = shared.book, shared.cards
    side = side_of(book.participants.values(), participant_id)
    rows = []
    for r in book.requests:
        if r.requester_id in side or r.requested_id in side:
            incoming = r.requested_id in side
            other = r.requester_id if incoming else r.requested_id
            rows.append(RequestRow(r, incoming, other, cards.card(book.participants[other])))
    return sorted(rows, key=lambda row: (row.request.created_at, row.request.id or 0), reverse=True)
