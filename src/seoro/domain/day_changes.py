"""Why a participant's agenda changed since the last publication: a reason code for each change,
from what is known about the day (absences, cancellations, lost tables, withdrawn or late requests).

Codes: ``absent`` / ``cancelled`` (the participant), ``partner_absent`` / ``partner_cancelled``,
``request_withdrawn``, ``slot_removed``, ``table_lost``, ``interpreter_unavailable``,
``made_room`` (moved so that another meeting fits), ``no_room``,
``delegation_changed``, ``interpreter_changed``, ``late_request`` (asked after the publication) and
``standby`` (an accepted request that did not fit before, placed in a freed slot) and
``recommended`` (a match staff offered from the matching engine, placed in a free slot).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from seoro.domain.agenda import AgendaChange, Change, Placement
from seoro.domain.events import Event
from seoro.domain.meetings import MeetingRequest, RequestSource, RequestStatus
from seoro.domain.participants import Interpreter, Participant


def explain(
    found: Sequence[AgendaChange],
    event: Event,
    people: Mapping[int, Participant],
    requests: Mapping[int, MeetingRequest],
    interpreters: Mapping[int, Interpreter],
    published_at: datetime | None,
) -> list[AgendaChange]:
    """``found`` with each change's reason filled in."""
    why = _Why(event, people, requests, interpreters, published_at)
    return [replace(c, reason=why.reason(c)) for c in found]


class _Why:
    def __init__(
        self,
        event: Event,
        people: Mapping[int, Participant],
        requests: Mapping[int, MeetingRequest],
        interpreters: Mapping[int, Interpreter],
        published_at: datetime | None,
    ) -> None:
        self.event, self.people, self.requests = event, people, requests
        self.interpreters, self.published_at = interpreters, published_at
        self.n_slots = len(event.slots())

    def reason(self, c: AgendaChange) -> str:
        if c.change is Change.NEW:
            return self._new(c.key)
        if c.change is Change.PARTNER:
            return "delegation_changed"
        assert c.before is not None
        if c.change is Change.CANCELLED:
            return self._people(c.participant_id, c.before) or self._request(c.key) or self._room(c.before)
        if c.change is Change.INTERPRETER:
            return "interpreter_unavailable" if self._interpreter_gone(c.before) else "interpreter_changed"
        return self._room(c.before) if self._room(c.before) != "no_room" else "made_room"

    def _new(self, key: int) -> str:
        r = self.requests.get(key)
        if r is not None and r.source is RequestSource.RECOMMENDED:
            return "recommended"
        late = r is not None and self.published_at is not None and r.created_at > self.published_at
        return "late_request" if late else "standby"

    def _people(self, pid: int, before: Placement) -> str:
        me = self.people.get(pid)
        if me is None or me.cancelled:
            return "cancelled"
        if me.no_show_at is not None:
            return "absent"
        partners = [self.people[p] for p in before.partner_ids if p in self.people]
        if any(p.no_show_at is not None for p in partners):
            return "partner_absent"
        if len(partners) < len(before.partner_ids) or any(p.cancelled for p in partners):
            return "partner_cancelled"
        return ""

    def _request(self, key: int) -> str:
        r = self.requests.get(key)
        return "" if r is not None and r.status is RequestStatus.ACCEPTED else "request_withdrawn"

    def _room(self, before: Placement) -> str:
        """What about the old place no longer works, or ``no_room`` when it is still there."""
        if before.slot >= self.n_slots:
            return "slot_removed"
        if not any(t.number == before.table and t.available_at(before.slot) for t in self.event.tables):
            return "table_lost"
        if self._interpreter_gone(before):
            return "interpreter_unavailable"
        return "no_room"

    def _interpreter_gone(self, before: Placement) -> bool:
        if before.interpreter_id is None:
            return False
        i = self.interpreters.get(before.interpreter_id)
        return i is None or (i.availability is not None and before.slot not in i.availability)
