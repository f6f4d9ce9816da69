"""What staff read of an event: participant labels (``EventOverview.label``) and who sits on each side
of a meeting on the staff sheets, a delegation's members together."""

from __future__ import annotations

import pytest

from seoro.demo.event import demo_event_definition
from seoro.domain.participants import Participant
from seoro.domain.text import BilingualText as B
from seoro.services import eventday as day
from seoro.services.event_import import EventOverview, ParticipantView
from seoro.services.staff_sheets import staff_sheets
from tests.services.event_rows import ACTOR, NOW
from tests.services.test_eventday import parties, published
from tests.services.test_scheduling_service import Setup, meetings
from tests.services.test_scheduling_service import setup as setup  # noqa: F401  (the fixture)


def _overview() -> EventOverview:
    def view(pid: int, name: B, org: B) -> ParticipantView:
        return ParticipantView(Participant(name, id=pid), org, "", "")

    views = [
        view(1, B("김민준", "Minjun Kim"), B("한빛수소", "Hanbit Hydrogen")),
        view(2, B("최유진", "Yujin Choi"), B("한빛수소", "Hanbit Hydrogen")),
        view(3, B("", "Anna Müller"), B()),
        view(4, B("MaRS"), B("MaRS")),  # an organisation registered under its own name
    ]
    return EventOverview(demo_event_definition(), views, [], {}, 0, 0, [])


@pytest.mark.unit
def test_labels_name_people_with_their_organisations() -> None:
    o = _overview()
    assert o.label(1, "ko") == "김민준 (한빛수소)"
    assert o.label([2, 1], "en") == "Yujin Choi · Minjun Kim (Hanbit Hydrogen)"  # in the order asked
    assert o.label((1, 3), "ko") == "김민준 · Anna Müller (한빛수소)"
    assert o.label(4, "ko") == "MaRS"
    assert o.label([99, 3], "ko") == "Anna Müller"  # unknown ids are left out
    assert o.label([], "ko") == o.label(99, "en") == ""
    assert o.label(1, "ko") == "김민준 (한빛수소)"  # asked again: the same


@pytest.mark.integration
def test_the_staff_sheets_seat_a_delegation_together(setup: Setup) -> None:
    db, event_id, ids = setup
    published(db, event_id)
    delegation = {ids[0], ids[1]}
    name = {pid: f"기업{i}" if i < 6 else f"Partner {i - 6}" for i, pid in enumerate(ids)}

    def expected(absent: set[int]) -> set[tuple[int, str, str, str]]:
        out = set()
        for m in meetings(db, event_id):
            firm, partner = sorted(parties(db, event_id)[m.request_id])  # firms were added first
            side = sorted(delegation) if firm in delegation else [firm]
            table = f"T{m.table}"
            out.add((m.slot + 1, table, " · ".join(name[p] for p in side if p not in absent), name[partner]))
        return out

    def seated() -> set[tuple[int, str, str, str]]:
        sheets = staff_sheets(db, event_id, lang="ko", at=NOW)
        return {(m.slot_number, m.table_label, m.left.ko, m.right.ko) for m in sheets.meetings}

    assert seated() == expected(set())
    assert any(left == "기업0 · 기업1" for _, _, left, _ in seated())
    day.mark_no_shows(db, event_id, at=NOW, participant_ids=[ids[0]], actor=ACTOR)
    assert seated() == expected({ids[0]})
