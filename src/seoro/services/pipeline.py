"""The cooperation pipeline's use cases: open a lead (from a meeting held at an event, from a match, or
by hand), move it on a step at a time, record the MOU it reached in the agreements registry, list and
filter leads, and find the overdue next actions.

The moves allowed are the core's (``domain.pipeline.MOVES``): a refused move raises ``DomainError``
(``lead_move``) before anything is written. Every change is one unit of work with its audit entry.
A lead's ``owner`` is the e-mail address of the staff member who follows it up (reminders go there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from seoro.domain.agreements import Agreement, FollowUp, Party
from seoro.domain.audit import Action, diff
from seoro.domain.directory import Profile
from seoro.domain.errors import DomainError
from seoro.domain.participants import Participant
from seoro.domain.pipeline import Lead, Side, Step
from seoro.domain.text import BilingualText
from seoro.domain.vocab import AgreementStatus, LeadStage, ProfileStatus
from seoro.services.agreements import save_agreement
from seoro.services.database import Database, Unit, require_current

# held meetings are read from here too (the outcome report): re-exported
from seoro.services.held_meetings import HeldMeeting as HeldMeeting
from seoro.services.held_meetings import held_meeting
from seoro.services.held_meetings import held_meetings as held_meetings
from seoro.services.pipeline_views import party_label
from seoro.services.snapshots import read_model
from seoro.services.taxonomy import taxonomy_in
from seoro.storage.leads import LeadFilter
from seoro.storage.profiles import ProfileFilter

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class LeadDetails:
    """What staff may give when opening a lead; what is left out comes from the meeting or the match."""

    title: BilingualText | None = None
    fields: tuple[str, ...] | None = None
    programme: str = ""
    owner: str = ""  # the staff member's e-mail address
    on: date | None = None  # the first step's date (default: the meeting's day, or today)
    note: str = ""
    next_action: str = ""
    due: date | None = None


@dataclass(frozen=True)
class AgreementDetails:
    """The MOU a lead reached, for the agreements registry. Its parties are the lead's organisations;
    ``contacts`` give a party's signatory and contact (matched by organisation id)."""

    title: BilingualText | None = None  # default: the lead's title
    scope: tuple[BilingualText, ...] = ()
    contacts: tuple[Party, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    signed_on: date | None = None  # default: the step's date
    place: str = ""
    status: AgreementStatus = AgreementStatus.SIGNED


# ---- reading


def get_lead(db: Database, lead_id: int) -> Lead:
    require_current(db)
    with db.reading() as unit:
        return unit.leads.get(lead_id)


def list_leads(db: Database, where: LeadFilter | None = None) -> list[Lead]:
    """The leads matching ``where`` (all of them without), oldest first."""
    require_current(db)
    with db.reading() as unit:
        return unit.leads.find(where)


def pipeline_counts(db: Database, today: date) -> dict[str, int]:
    """How many leads there are, open, and overdue on ``today``: the dashboard's figures, shared by
    page views until the data changes."""
    require_current(db)

    def build(unit: Unit) -> dict[str, int]:
        leads = unit.leads.find(None)
        return {
            "leads": len(leads),
            "open": sum(x.is_open for x in leads),
            "overdue": sum(x.overdue(today) for x in leads),
        }

    return read_model(db, ("pipeline_counts", today), build)


def overdue_leads(db: Database, today: date, where: LeadFilter | None = None) -> list[Lead]:
    """The open leads whose next action was due before ``today``, the longest overdue first."""
    found = [lead for lead in list_leads(db, where) if lead.overdue(today)]
    return sorted(found, key=lambda lead: (_due(lead), lead.id or 0))


def _due(lead: Lead) -> date:
    step = lead.next_action()
    assert step is not None and step.due is not None
    return step.due


# ---- opening a lead


def open_from_meeting(
    db: Database, event_id: int, request_id: int, details: LeadDetails | None = None, *, actor: str,
    at: datetime | None = None,
) -> Lead:  # fmt: skip
    """A lead for a meeting held at an event (``request_id``: the meeting's key), its first step *met*
    on the meeting's day. The sides are the organisations or experts the two participants are linked
    to; the title and fields come from their profiles unless given. One lead per meeting."""
    require_current(db)
    with db.unit(actor) as unit:
        return open_from_meeting_in(unit, event_id, request_id, details or LeadDetails(), at=at)


def open_from_meeting_in(
    unit: Unit, event_id: int, request_id: int, details: LeadDetails, *, at: datetime | None = None
) -> Lead:
    held = held_meeting(unit, event_id, request_id, at=at)
    existing = unit.leads.by_meeting(event_id, request_id)
    if existing is not None:
        raise DomainError("lead_exists", request=request_id, id=existing.id)
    a, b = (_side_of(unit, [held.people[p] for p in side]) for side in held.sides)
    title, fields = _topic(unit, (a, b), details)
    first = _first_step(LeadStage.MET, details, unit.actor, default_on=held.on)
    lead = Lead(title, (a, b), (first,), fields, event_id=event_id, request_id=request_id,
                programme=details.programme, owner=_owner(details.owner))  # fmt: skip
    return _create(unit, lead)


def open_from_match(
    db: Database, profile_id: int, *, organisation_id: int | None = None, expert_id: int | None = None,
    details: LeadDetails | None = None, stage: LeadStage = LeadStage.CONTACTED, actor: str,
) -> Lead:  # fmt: skip
    """A lead between a profile's owner (a need, an offer …) and a candidate the matching found (an
    organisation or an expert), about that profile: its title and fields unless given."""
    require_current(db)
    with db.unit(actor) as unit:
        return open_from_match_in(unit, profile_id, organisation_id=organisation_id, expert_id=expert_id,
                                  details=details or LeadDetails(), stage=stage)  # fmt: skip


def open_from_match_in(
    unit: Unit, profile_id: int, *, organisation_id: int | None = None, expert_id: int | None = None,
    details: LeadDetails, stage: LeadStage = LeadStage.CONTACTED,
) -> Lead:  # fmt: skip
    """As :func:`open_from_match`, inside ``unit``."""
    profile = unit.profiles.get(profile_id)
    if not _owned(profile):
        raise DomainError("lead_profile_unowned", id=profile_id)
    owner = _side(unit, profile.organisation_id, profile.expert_id)
    candidate = _side(unit, organisation_id, expert_id)
    title = details.title or profile.title
    given = details.fields
    fields = tuple(taxonomy_in(unit).resolve_many(given) if given is not None else profile.fields)
    first = _first_step(stage, details, unit.actor, default_on=_today())
    lead = Lead(title, (owner, candidate), (first,), fields, profile_id=profile_id,
                programme=details.programme, owner=_owner(details.owner))  # fmt: skip
    return _create(unit, lead)


def open_lead(
    db: Database, a: Side, b: Side, details: LeadDetails, *, stage: LeadStage = LeadStage.CONTACTED, actor: str
) -> Lead:
    """A lead entered by hand between two parties of the directory; the title and fields, unless
    given, come from their profiles (or are their names and the fields they share)."""
    require_current(db)
    with db.unit(actor) as unit:
        return open_lead_in(unit, a, b, details, stage=stage)


def open_lead_in(unit: Unit, a: Side, b: Side, details: LeadDetails, *, stage: LeadStage = LeadStage.CONTACTED) -> Lead:
    """As :func:`open_lead`, inside ``unit``."""
    sides = (_side(unit, a.organisation_id, a.expert_id), _side(unit, b.organisation_id, b.expert_id))
    title, fields = _topic(unit, sides, details)
    first = _first_step(stage, details, unit.actor, default_on=_today())
    lead = Lead(title, sides, (first,), fields, programme=details.programme, owner=_owner(details.owner))
    return _create(unit, lead)


def _create(unit: Unit, lead: Lead) -> Lead:
    stored = replace(lead, id=unit.leads.save(lead))
    assert stored.id is not None
    unit.record(Action.CREATE, "lead", stored.id, diff(None, stored))
    return stored


def _first_step(stage: LeadStage, details: LeadDetails, actor: str, *, default_on: date) -> Step:
    return Step(stage, details.on or default_on, actor, details.note, details.next_action, details.due)


def _owned(profile: Profile) -> bool:
    return profile.organisation_id is not None or profile.expert_id is not None


def _today() -> date:
    return datetime.now(UTC).date()


def _owner(text: str) -> str:
    owner = text.strip().lower()
    if owner and not _EMAIL.match(owner):
        raise DomainError("bad_email", value=text)
    return owner


def _side(unit: Unit, organisation_id: int | None, expert_id: int | None) -> Side:
    """A side of the directory: the records must exist; an expert alone gets their first affiliation."""
    side = Side(organisation_id, expert_id)
    if organisation_id is not None:
        unit.organisations.get(organisation_id)
    if expert_id is not None:
        expert = unit.experts.get(expert_id)
        if organisation_id is None and expert.affiliations:
            side = Side(expert.affiliations[0].organisation_id, expert_id)
    return side


def _side_of(unit: Unit, members: Sequence[Participant]) -> Side:
    """The directory party one side of a meeting stands for: the first member linked to an
    organisation or an expert (a delegation's members are usually the same organisation)."""
    for p in members:
        if p.organisation_id is not None or p.expert_id is not None:
            return _side(unit, p.organisation_id, p.expert_id)
    raise DomainError("lead_party_unlinked", name=members[0].name.both())


def _topic(unit: Unit, sides: tuple[Side, Side], details: LeadDetails) -> tuple[BilingualText, tuple[str, ...]]:
    """The title and fields given, else those of the first active profile of either side (the first
    side's first), else the two parties' names and the fields they share."""
    profiles = [p for s in sides for p in _profiles_of(unit, s)]
    title = details.title or (profiles[0].title if profiles else _names(unit, sides))
    if details.fields is not None:
        return title, tuple(taxonomy_in(unit).resolve_many(details.fields))
    if profiles:
        return title, tuple(profiles[0].fields)
    a, b = (_fields_of(unit, s) for s in sides)
    return title, tuple(f for f in a if f in b)


def _profiles_of(unit: Unit, side: Side) -> list[Profile]:
    active = ProfileStatus.ACTIVE
    found = (
        unit.profiles.find(ProfileFilter(status=active, organisation_id=side.organisation_id))
        if side.organisation_id
        else []
    )
    if side.expert_id is not None:
        found = unit.profiles.find(ProfileFilter(status=active, expert_id=side.expert_id)) + found
    return found


def _fields_of(unit: Unit, side: Side) -> list[str]:
    if side.expert_id is not None:
        return unit.experts.get(side.expert_id).fields
    assert side.organisation_id is not None
    return unit.organisations.get(side.organisation_id).fields


def _names(unit: Unit, sides: tuple[Side, Side]) -> BilingualText:
    organisations = {s.organisation_id: unit.organisations.get(s.organisation_id).name for s in sides
                     if s.organisation_id is not None}  # fmt: skip
    experts = {s.expert_id: unit.experts.get(s.expert_id).name for s in sides if s.expert_id is not None}
    return BilingualText.joined((party_label(s, organisations, experts) for s in sides), " – ")


# ---- moving a lead on


def advance(db: Database, lead_id: int, step: Step, *, actor: str, agreement: AgreementDetails | None = None) -> Lead:
    """Add ``step`` to the lead, when the core allows the move (else ``lead_move``, nothing written).
    A step reaching the agreement stage with ``agreement`` details records the MOU in the agreements
    registry (or updates the one of the same title) and links it from the step."""
    require_current(db)
    with db.unit(actor) as unit:
        return advance_in(unit, lead_id, step, agreement)


def advance_in(unit: Unit, lead_id: int, step: Step, agreement: AgreementDetails | None = None) -> Lead:
    before = unit.leads.get(lead_id)
    step = step if step.by else replace(step, by=unit.actor)
    after = before.advance(step)  # the rule: refused here, before anything is written
    if agreement is not None:
        if step.stage is not LeadStage.AGREEMENT:
            raise DomainError("lead_field_not_for_stage", field="agreement", stage=step.stage.value)
        agreement_id, _ = save_agreement(unit, _agreement(unit, before, step, agreement))
        after = before.advance(replace(step, agreement_id=agreement_id))
    elif step.agreement_id is not None:
        unit.agreements.get(step.agreement_id)  # an existing record: it must be there
    unit.leads.save(after)
    unit.record(Action.UPDATE, "lead", lead_id, {"stage": [before.stage.value, after.stage.value],
                                                 "step": [None, _plain(after.steps[-1])]})  # fmt: skip
    return after


def _plain(step: Step) -> dict[str, object]:
    return {k: v for k, v in diff(None, step).items() if v[1] not in (None, "")}


def _agreement(unit: Unit, lead: Lead, step: Step, details: AgreementDetails) -> Agreement:
    organisations = list(dict.fromkeys(s.organisation_id for s in lead.sides if s.organisation_id is not None))
    if len(organisations) < 2:
        raise DomainError("lead_agreement_organisations", id=lead.id)
    contacts = {c.organisation_id: c for c in details.contacts}
    strangers = sorted(set(contacts) - set(organisations))
    if strangers:
        raise DomainError("lead_agreement_party", organisation=strangers[0], id=lead.id)
    event = unit.events.get(lead.event_id).name.pick("ko") if lead.event_id is not None else ""
    return Agreement(
        title=details.title or lead.title,
        parties=[contacts.get(o, Party(o)) for o in organisations],
        signed_on=details.signed_on or step.on,
        place=details.place,
        scope=list(details.scope),
        follow_ups=list(details.follow_ups),
        event=event,
        status=details.status,
    )


def update_lead(
    db: Database, lead_id: int, *, actor: str, title: BilingualText | None = None, fields: Sequence[str] | None = None,
    programme: str | None = None, owner: str | None = None,
) -> Lead:  # fmt: skip
    """Change what a lead is about, the programme it is reported under, or who follows it up (fields:
    codes or labels of the taxonomy; owner: an e-mail address, or '' for nobody)."""
    require_current(db)
    with db.unit(actor) as unit:
        before = unit.leads.get(lead_id)
        after = replace(
            before,
            title=title if title is not None else before.title,
            fields=tuple(taxonomy_in(unit).resolve_many(fields)) if fields is not None else before.fields,
            programme=programme.strip() if programme is not None else before.programme,
            owner=_owner(owner) if owner is not None else before.owner,
        )
        changed = {k: v for k, v in diff(before, after).items() if k != "steps"}
        if changed:
            unit.leads.save(after)
            unit.record(Action.UPDATE, "lead", lead_id, changed)
        return after
