"""The staff timetable (``scheduling.agenda``) is the timetable participants get (``Day.current``),
also when someone is absent: their meetings are released until the next reschedule."""

from __future__ import annotations

import pytest

from seoro.services import agendas as ag
from seoro.services import eventday as day
from seoro.services import scheduling as sc
from seoro.services.database import Database
from tests.services.event_rows import ACTOR, NOW
from tests.services.test_scheduling_service import Setup
from tests.services.test_scheduling_service import setup as setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration


def _as_placed(db: Database, event_id: int, pid: int) -> list[tuple[int, int, tuple[int, ...]]]:
    current = ag.snapshot(db, event_id).day.current()
    return sorted((pl.slot, pl.table, pl.partner_ids) for (q, _), pl in current.items() if q == pid)


def test_an_absent_delegation_member_leaves_the_timetable(setup: Setup) -> None:
    db, event_id, ids = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    before = sc.agenda(db, event_id)
    assert any(line.participant_id == ids[0] for line in before)  # the delegation asks as firm 0
    day.mark_no_shows(db, event_id, at=NOW, participant_ids=[ids[0]], actor=ACTOR)

    assert sc.agenda(db, event_id, ids[0]) == []
    after = sc.agenda(db, event_id)
    # the delegation's meetings stay, held by firm 1; nobody meets firm 0 any more
    assert [(x.slot, x.table) for x in after] == [(x.slot, x.table) for x in before]
    assert all(ids[0] != x.participant_id and ids[0] not in x.partner_ids for x in after)
    for pid in ids:
        lines = sc.agenda(db, event_id, pid)
        assert sorted((x.slot.index, x.table, x.partner_ids) for x in lines) == _as_placed(db, event_id, pid)
