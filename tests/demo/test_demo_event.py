"""The demo brokerage event: its data is what the issue asks for, and everything in it reads."""

from __future__ import annotations

from collections import Counter

import pytest

from seoro.demo import build_demo
from seoro.demo.common import text_of
from seoro.demo.event import DemoEvent, build_demo_event
from seoro.domain.meetings import Priority
from seoro.files.event_values import parse_availability, parse_priority

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def demo() -> DemoEvent:
    return build_demo_event()


def _type(demo: DemoEvent, text: str) -> str:
    return next(t.code for t in demo.event.types if text in (t.code, t.name.ko, t.name.en))


def test_the_day_has_two_sessions_of_twenty_minute_slots_with_breaks(demo: DemoEvent) -> None:
    slots = demo.event.slots()
    assert [s.label()[-11:] for s in slots][:5] == [
        "09:30–09:50",
        "09:50–10:10",
        "10:10–10:30",
        "10:30–10:50",
        "11:10–11:30",
    ]
    assert Counter(s.session for s in slots) == {"am": 7, "pm": 9}
    assert {int((s.end - s.start).total_seconds()) for s in slots} == {20 * 60}
    assert [s.index for s in slots if not s.follows_previous] == [0, 4, 7, 12]  # after each break and lunch
    assert len(demo.event.tables) == 10
    assert (demo.event.cross_type_only, demo.event.auto_accept) == (True, True)
    assert {t.code: t.max_meetings for t in demo.event.types} == {"regional": 8, "overseas": 10}


def test_participants_come_from_the_directory_in_two_types(demo: DemoEvent) -> None:
    directory = build_demo()
    emails = {text_of(e, "email") for e in directory.experts}
    organisations = {str(o.get("name_ko") or o.get("name_en")) for o in directory.organisations} | {
        str(o.get("name_en", "")) for o in directory.organisations
    }
    types = Counter(_type(demo, text_of(p, "type")) for p in demo.participants)
    assert types == {"regional": 32, "overseas": 31}
    overseas = [p for p in demo.participants if _type(demo, text_of(p, "type")) == "overseas"]
    assert sum(text_of(p, "email") in emails for p in overseas) == 29  # and the two walk-ins from Japan
    assert all(
        text_of(p, "organisation") in organisations for p in demo.participants if "setouchi" not in text_of(p, "email")
    )
    delegations = Counter(str(p["delegation"]) for p in demo.participants if "delegation" in p)
    assert delegations == {"(주)한빛수소테크": 2, "(주)한빛배터리소재": 2, "Boreal Hydrogen": 3, "Setouchi": 2}
    assert [p["name_ko"] for p in demo.participants if "booth" in p] == ["정다은"]
    assert len({text_of(p, "email") for p in demo.participants}) == len(demo.participants)


def test_every_availability_and_priority_reads(demo: DemoEvent) -> None:
    texts = [text_of(p, "availability") for p in demo.participants + demo.interpreters if "availability" in p]
    # 전일 (16 slots), 오전 (7), 오후 (9), and 09:30-11:30 with 14:00-16:50 (5 + 7)
    assert Counter(len(parse_availability(t, demo.event)) for t in texts) == {16: 3, 7: 3, 9: 4, 12: 2}
    priorities = Counter(parse_priority(text_of(r, "priority")) for r in demo.requests)
    assert sum(priorities.values()) == len(demo.requests)
    assert priorities[Priority.MUST] >= 5 and priorities[Priority.HIGH] >= 20 and priorities[Priority.NORMAL] >= 20


def test_requests_are_between_participants_across_types(demo: DemoEvent) -> None:
    type_of = {text_of(p, "email"): _type(demo, text_of(p, "type")) for p in demo.participants}
    assert 80 <= len(demo.requests) <= 150
    pairs = [(text_of(r, "requester"), text_of(r, "requested")) for r in demo.requests]
    assert all(type_of[a] != type_of[b] for a, b in pairs)
    assert len(set(pairs)) == len(pairs)
    mutual = {frozenset(p) for p in pairs if (p[1], p[0]) in set(pairs)}
    assert len(mutual) >= 5  # some pairs asked each other: worth more to the optimiser
    for a, b, score in demo.recommended:
        assert type_of[a] != type_of[b] and 0.6 <= score <= 0.9
        assert (a, b) not in set(pairs) and (b, a) not in set(pairs)
    host, guest, slot, table = demo.lock
    assert (pairs[0], slot, table) == ((host, guest), 1, 1)


def test_interpreters_cover_korean_with_english_and_japanese(demo: DemoEvent) -> None:
    assert sorted(tuple(i["languages"]) for i in demo.interpreters) == [("ko", "en"), ("ko", "en"), ("ko", "ja")]  # type: ignore[arg-type]


def test_it_is_the_same_on_every_call(demo: DemoEvent) -> None:
    assert build_demo_event() == demo
