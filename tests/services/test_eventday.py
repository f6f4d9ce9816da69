"""The event day end to end on SQLite and PostgreSQL: publish, check in, no-shows, a late request and a
lost table, each followed by a reschedule against the published agendas and a new publication."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from seoro.domain.agenda import Change, EntryStatus, Stage
from seoro.domain.errors import DomainError
from seoro.domain.meetings import Meeting, Priority
from seoro.services import agendas as ag
from seoro.services import eventday as day
from seoro.services import events as ev
from seoro.services import scheduling as sc
from seoro.services.database import Database
from seoro.services.staff_sheets import staff_sheets
from tests.services.event_rows import ACTOR, NOW
from tests.services.test_scheduling_service import Setup, meetings, requests, stored_violations
from tests.services.test_scheduling_service import setup as setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration
SEOUL_1350 = datetime(2026, 10, 14, 4, 50, tzinfo=UTC)  # 13:50 in Seoul: the morning is over, the afternoon not begun
AFTERNOON = 6  # the first afternoon slot's index


def published(db: Database, event_id: int) -> ag.PublishReport:
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    return ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW, actor=ACTOR)


def parties(db: Database, event_id: int) -> dict[int, tuple[int, int]]:
    """Meeting key → (requester, requested) of its request."""
    by_id = {r.id: r for r in requests(db, event_id)}
    return {
        m.request_id: (by_id[m.request_id].requester_id, by_id[m.request_id].requested_id)
        for m in meetings(db, event_id)
    }


def place(m: Meeting) -> tuple[int, int, int | None]:
    return m.slot, m.table, m.interpreter_id


def test_first_publication_gives_everyone_sequence_zero_and_a_repeat_changes_nothing(setup: Setup) -> None:
    db, event_id, ids = setup
    report = published(db, event_id)
    held = meetings(db, event_id)
    assert (report.version, report.stage, report.meetings) == (1, Stage.FINAL, len(held))
    assert all(m.announced for m in held)
    with db.reading() as unit:
        entries = unit.agendas.entries(event_id)
    # one entry per meeting and side member: the delegation (ids 0 and 1) both hold each of its meetings
    sides = {pid for key, pair in parties(db, event_id).items() for pid in pair}
    assert {e.participant_id for e in entries} == sides | ({ids[0], ids[1]} & {e.participant_id for e in entries})
    assert {(e.sequence, e.status, e.stage, e.version) for e in entries} == {(0, EntryStatus.CONFIRMED, Stage.FINAL, 1)}
    assert len(report.changed) == len(entries)
    again = ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW, actor=ACTOR)
    assert (again.version, again.changed, again.participants) == (2, [], [])
    assert ag.since_published(db, event_id) == []


def test_preliminary_then_final_raises_every_sequence(setup: Setup) -> None:
    db, event_id, _ = setup
    sc.schedule_event(db, event_id, time_limit=5, actor=ACTOR)
    first = ag.publish_agendas(db, event_id, stage=Stage.PRELIMINARY, at=NOW, actor=ACTOR)
    final = ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=NOW + timedelta(days=1), actor=ACTOR)
    assert len(final.changed) == len(first.changed) > 0
    assert {(e.sequence, e.stage) for e in final.changed} == {(1, Stage.FINAL)}


def test_a_no_show_changes_only_the_absent_persons_meetings_and_fills_from_standby(setup: Setup) -> None:
    db, event_id, ids = setup
    published(db, event_id)
    before = {m.request_id: m for m in meetings(db, event_id)}
    pairs = parties(db, event_id)
    absent = ids[8]  # partner 2: meetings in the morning and the afternoon
    theirs = {k for k, pair in pairs.items() if absent in pair}
    assert any(before[k].slot >= AFTERNOON for k in theirs)
    waiting = day.standby(db, event_id, at=SEOUL_1350)
    assert waiting.from_slot == AFTERNOON

    marked = day.mark_no_shows(db, event_id, at=SEOUL_1350, participant_ids=[absent], actor=ACTOR)
    assert [p.id for p in marked] == [absent] and marked[0].no_show_at == SEOUL_1350
    summary = sc.reschedule_event(db, event_id, time_limit=5, since_published=True, at=SEOUL_1350, actor=ACTOR)
    after = {m.request_id: m for m in meetings(db, event_id)}
    assert stored_violations(db, event_id) == []
    # nobody else's meeting moved: same slot, table and interpreter
    assert summary.moved == []
    assert all(place(after[k]) == place(m) for k, m in before.items() if k not in theirs)
    assert not theirs & after.keys()
    # nothing new in the morning (already over)
    assert all(m.slot >= AFTERNOON for k, m in after.items() if k not in before)
    changes = ag.since_published(db, event_id)
    absent_side = {(c.change, c.reason) for c in changes if c.participant_id == absent}
    assert absent_side == {(Change.CANCELLED, "absent")}
    partners_side = {c.reason for c in changes if c.participant_id != absent and c.change is Change.CANCELLED}
    assert partners_side == {"partner_absent"}
    new = [c for c in changes if c.change is Change.NEW]
    assert {c.reason for c in new} <= {"standby"}
    assert {c.key for c in new} == set(after) - set(before)
    report = ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=SEOUL_1350, actor=ACTOR)
    assert set(report.participants) == {c.participant_id for c in changes}
    cancelled = [e for e in report.changed if e.status is EntryStatus.CANCELLED]
    assert {e.key for e in cancelled} == theirs and {e.sequence for e in cancelled} == {1}
    assert {e.sequence for e in report.changed if e.status is EntryStatus.CONFIRMED} <= {0}


def test_freed_slots_are_filled_from_the_standby_list(setup: Setup) -> None:
    db, event_id, ids = setup
    published(db, event_id)
    before = {m.request_id: m for m in meetings(db, event_id)}
    pairs = parties(db, event_id)
    absent = ids[9]  # partner 3
    freed = sorted((before[k].slot, next(p for p in pair if p != absent)) for k, pair in pairs.items()
                   if absent in pair and before[k].slot >= AFTERNOON)  # fmt: skip
    assert freed
    slot, firm = freed[0]
    # a partner free at that slot who has not met this firm: they agree at the desk to meet
    free = next(
        q for q in ids[6:] if q != absent and all(before[k].slot != slot for k in pairs if q in pairs[k])
        and not any({firm, q} == set(pairs[k]) for k in pairs)
    )  # fmt: skip
    day.mark_no_shows(db, event_id, at=SEOUL_1350, participant_ids=[absent], actor=ACTOR)
    late = day.late_request(db, event_id, firm, free, at=SEOUL_1350, priority=Priority.MUST, actor=ACTOR)
    waiting = day.standby(db, event_id, at=SEOUL_1350).waiting
    assert any(r.id == late.id and slot in shared for r, shared in waiting)
    sc.reschedule_event(db, event_id, time_limit=5, since_published=True, at=SEOUL_1350, actor=ACTOR)
    after = {m.request_id: m for m in meetings(db, event_id)}
    assert late.id in after and after[late.id or 0].slot >= AFTERNOON
    assert stored_violations(db, event_id) == []
    assert all(place(after[k]) == place(m) for k, m in before.items() if absent not in pairs[k])
    found = {(c.participant_id, c.change, c.reason) for c in ag.since_published(db, event_id) if c.key == late.id}
    assert found == {(firm, Change.NEW, "late_request"), (free, Change.NEW, "late_request")} or firm in (ids[0], ids[1])


def test_a_lost_table_moves_only_its_later_meetings(setup: Setup) -> None:
    db, event_id, _ = setup
    published(db, event_id)
    before = {m.request_id: m for m in meetings(db, event_id)}
    displaced = {k for k, m in before.items() if m.table == 3 and m.slot >= AFTERNOON}
    assert displaced
    assert day.lose_table(db, event_id, 3, at=SEOUL_1350, actor=ACTOR) == AFTERNOON
    summary = sc.reschedule_event(db, event_id, time_limit=5, since_published=True, at=SEOUL_1350, actor=ACTOR)
    after = {m.request_id: m for m in meetings(db, event_id)}
    assert set(summary.moved) | set(summary.dropped) == displaced
    assert all(place(after[k]) == place(m) for k, m in before.items() if k not in displaced)
    assert all(not (m.table == 3 and m.slot >= AFTERNOON) for m in after.values())
    assert stored_violations(db, event_id) == []
    reasons = {c.reason for c in ag.since_published(db, event_id) if c.key in displaced}
    assert reasons == {"table_lost"}


def test_check_in_no_show_rules(setup: Setup) -> None:
    db, event_id, ids = setup
    published(db, event_id)
    slots = ev.get_event(db, event_id).slots()
    everyone = list(ids)
    day.check_in_people(db, event_id, everyone[:6], at=slots[0].start, actor=ACTOR)  # the firms arrive
    # partners whose first meeting began 15+ minutes ago are overdue
    at = slots[1].start
    marked = day.mark_no_shows(db, event_id, at=at, grace=timedelta(minutes=15), actor=ACTOR)
    first = {}
    for m in meetings(db, event_id):
        for pid in parties(db, event_id)[m.request_id]:
            first[pid] = min(first.get(pid, m.slot), m.slot)
    expected = {p for p in everyone[6:] if p in first and slots[first[p]].start + timedelta(minutes=15) <= at}
    assert {p.id for p in marked} == expected and expected
    with pytest.raises(DomainError) as caught:
        day.mark_no_shows(db, event_id, at=at, participant_ids=[ids[2]], actor=ACTOR)
    assert caught.value.code == "already_checked_in"
    late = next(iter(expected))
    (back,) = day.check_in_people(db, event_id, [late], at=at + timedelta(minutes=5), actor=ACTOR)
    assert (back.no_show_at, back.checked_in_at) == (None, at + timedelta(minutes=5))
    (undone,) = day.check_in_people(db, event_id, [late], at=at, undo=True, actor=ACTOR)
    assert undone.checked_in_at is None


def test_agenda_views_keep_uids_and_raise_sequences(setup: Setup) -> None:
    db, event_id, ids = setup
    published(db, event_id)
    partner = ids[8]
    first = ag.agenda_views(db, event_id, [partner], at=NOW)[0]
    assert first.version == 1 and first.stage is Stage.FINAL and first.entries
    assert all(e.sequence == 0 and not e.changed for e in first.entries)
    assert first.lang == "en"  # partner 2 speaks English first
    # why they meet: who asked (partner 2 asked firm 2; the other firms asked partner 2)
    said = {e.reason.en.split(" · ")[0] for e in first.entries}
    assert said == {"you asked for this meeting", "they asked to meet you"}
    assert all(e.reason.ko for e in first.entries)
    day.lose_table(db, event_id, 1, at=SEOUL_1350, actor=ACTOR)
    sc.reschedule_event(db, event_id, time_limit=5, since_published=True, at=SEOUL_1350, actor=ACTOR)
    ag.publish_agendas(db, event_id, stage=Stage.FINAL, at=SEOUL_1350, actor=ACTOR)
    second = ag.agenda_views(db, event_id, [partner], at=NOW)[0]
    assert second.version == 2
    old = {e.uid: e for e in first.entries}
    for e in second.entries:
        if e.uid in old and (e.start, e.table_label, e.status) != (
            old[e.uid].start,
            old[e.uid].table_label,
            old[e.uid].status,
        ):
            assert e.sequence == old[e.uid].sequence + 1 and e.changed
    assert {e.uid for e in first.entries} <= {e.uid for e in second.entries}  # cancelled ones stay, as cancelled
    assert any(e.changed for e in second.entries) or all(e.table_label != "T1" for e in first.entries)


def test_staff_sheets_follow_the_timetable(setup: Setup) -> None:
    db, event_id, ids = setup
    published(db, event_id)
    day.check_in_people(db, event_id, [ids[2]], at=NOW, actor=ACTOR)
    sheets = staff_sheets(db, event_id, lang="ko", at=NOW)
    assert len(sheets.meetings) == len(meetings(db, event_id))
    assert sheets.tables == ("T1", "T2", "T3")
    names = [d.name.pick("ko").casefold() for d in sheets.door]
    assert names == sorted(names) and {d.participant_id for d in sheets.door} == set(ids)
    door = {d.participant_id: d for d in sheets.door}
    assert door[ids[2]].checked_in_at == NOW and door[ids[3]].checked_in_at is None
    assert sum(d.meetings for d in sheets.door) == sum(len(pair) for pair in parties(db, event_id).values()) + sum(
        1 for pair in parties(db, event_id).values() if set(pair) & {ids[0], ids[1]}
    )
