"""The pipeline as staff read it: leads with their parties' names, the event they met at, and which
of their steps have been reminded of."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from seoro.domain.pipeline import Lead, Side
from seoro.domain.text import BilingualText
from seoro.services.database import Database, Unit, require_current
from seoro.storage.leads import LeadFilter


@dataclass(frozen=True)
class LeadView:
    lead: Lead
    parties: tuple[BilingualText, BilingualText]  # each side's name: an organisation, or "expert (organisation)"
    event: BilingualText | None  # the event they met at
    reminded: frozenset[int]  # the indices of the steps whose overdue next action was e-mailed

    @property
    def id(self) -> int:
        assert self.lead.id is not None
        return self.lead.id


def party_label(
    side: Side, organisations: Mapping[int, BilingualText], experts: Mapping[int, BilingualText]
) -> BilingualText:
    """An expert's name with their organisation's, or the organisation's name."""
    org = organisations.get(side.organisation_id) if side.organisation_id is not None else None
    person = experts.get(side.expert_id) if side.expert_id is not None else None
    if person is None or org is None:
        return person or org or BilingualText("?", "?")
    return BilingualText(
        f"{person.ko or person.en} ({org.ko or org.en})", f"{person.en or person.ko} ({org.en or org.ko})"
    )


def lead_views(db: Database, where: LeadFilter | None = None, *, overdue_on: date | None = None) -> list[LeadView]:
    """The leads matching ``where``, oldest first; with ``overdue_on``, only those whose next action
    was due before that day, the longest overdue first."""
    require_current(db)
    with db.reading() as unit:
        leads = unit.leads.find(where)
        if overdue_on is not None:
            leads = sorted((x for x in leads if x.overdue(overdue_on)), key=lambda x: (_due(x), x.id or 0))
        return _views(unit, leads)


def lead_view(db: Database, lead_id: int) -> LeadView:
    require_current(db)
    with db.reading() as unit:
        return _views(unit, [unit.leads.get(lead_id)])[0]


def _due(lead: Lead) -> date:
    step = lead.next_action()
    return step.due if step is not None and step.due is not None else date.max


def _views(unit: Unit, leads: list[Lead]) -> list[LeadView]:
    organisations, experts = unit.organisations.names(), unit.experts.names()
    events = {e.id: e.name for e in unit.events.all()} if any(x.event_id for x in leads) else {}
    sent: dict[int, set[int]] = {}
    for lead_id, index in unit.reminders_sent.reminded():
        sent.setdefault(lead_id, set()).add(index)
    return [
        LeadView(
            lead,
            (party_label(lead.sides[0], organisations, experts), party_label(lead.sides[1], organisations, experts)),
            events.get(lead.event_id) if lead.event_id is not None else None,
            frozenset(sent.get(lead.id or 0, ())),
        )
        for lead in leads
    ]
