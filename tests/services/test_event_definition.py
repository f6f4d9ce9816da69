"""An event defined in a TOML file or by command options: what staff write becomes the event they meant."""

from __future__ import annotations

import re
import tomllib
from datetime import date, time
from pathlib import Path

import pytest

from seoro.domain.errors import DomainError
from seoro.services.event_definition import option_settings, plan_event, read_event_file
from tests.conftest import FIXTURES

pytestmark = pytest.mark.unit
DOCS = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def test_the_file_in_the_docs_defines_the_demo_shaped_day() -> None:
    text = re.search(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert text is not None
    plan = plan_event(tomllib.loads(text.group(1)), "docs/events.md")
    e, slots = plan.event, plan.event.slots()
    assert (e.name.ko, e.name.en, e.timezone) == (
        "2026 한빛 국제 기술협력 상담회",
        "2026 Hanbit International Technology Partnering Days",
        "Asia/Seoul",
    )
    assert (e.cross_type_only, e.auto_accept, e.max_in_a_row, e.request_expiry_hours, e.default_max_meetings) == (
        True,
        True,
        4,
        72,
        8,
    )
    assert [(s.code, s.name.ko, s.name.en, len(s.times())) for s in e.sessions] == [
        ("am", "오전", "Morning", 7),
        ("pm", "오후", "Afternoon", 9),
    ]
    assert (len(slots), slots[4].start.time(), slots[-1].end.time()) == (16, time(11, 10), time(16, 50))
    assert [(t.number, t.name, t.seats) for t in e.tables][::9] == [(1, "T1", 4), (10, "T10", 4)]
    assert [(t.code, t.name.en, t.max_meetings) for t in e.types] == [
        ("regional", "Regional firm", 8),
        ("overseas", "Overseas partner", 10),
    ]
    assert [(i.name, i.languages, i.availability) for i in plan.interpreters] == [("박통역", ["ko", "en"], None)]


def test_several_days_repeat_the_sessions_and_name_them_by_day() -> None:
    settings = read_event_file(FIXTURES / "event.toml") | {"days": [date(2026, 3, 10), "2026-03-11"]}
    event = plan_event(settings, "event.toml").event
    assert [(s.code, s.day) for s in event.sessions] == [
        ("d1-am", date(2026, 3, 10)),
        ("d1-pm", date(2026, 3, 10)),
        ("d2-am", date(2026, 3, 11)),
        ("d2-pm", date(2026, 3, 11)),
    ]
    assert len(event.slots()) == 22


def test_options_mean_what_the_file_keys_mean() -> None:
    settings = option_settings(
        sessions=["오전=09:30-12:10", "13:30-16:50"],
        breaks=["10:50-11:10", "15:10-15:30"],
        types=["firm=지역기업/Regional firm:6", "partner=Overseas partner"],
        name_ko="새솔 상담회",
        days=["2026-10-14"],
        slot_minutes=20,
        tables=6,
        venue=None,
    )
    assert settings == {
        "name_ko": "새솔 상담회",
        "days": ["2026-10-14"],
        "slot_minutes": 20,
        "tables": 6,
        "sessions": [
            {"code": "am", "name": "오전", "start": "09:30", "end": "12:10", "breaks": ["10:50-11:10"]},
            {"code": "pm", "name": "", "start": "13:30", "end": "16:50", "breaks": ["15:10-15:30"]},
        ],
        "types": [
            {"code": "firm", "name": "지역기업 / Regional firm", "max_meetings": 6},
            {"code": "partner", "name": "Overseas partner"},
        ],
    }
    event = plan_event(settings).event
    assert (len(event.slots()), [t.label() for t in event.tables]) == (16, ["T1", "T2", "T3", "T4", "T5", "T6"])


@pytest.mark.parametrize(
    ("settings", "code", "params"),
    [
        ({"days": ["2026-10-14"], "slot_minute": 20}, "event_setting_unknown", {"setting": "slot_minute"}),
        ({"days": ["14 Oct"]}, "event_setting", {"setting": "days", "value": "14 Oct"}),
        ({"days": ["2026-10-14"], "auto_accept": "yes"}, "event_setting", {"setting": "auto_accept", "value": "yes"}),
        ({"days": ["2026-10-14"], "tables": "ten"}, "event_setting", {"setting": "tables", "value": "ten"}),
        ({"days": ["2026-10-14"], "mode": "first-come"}, "event_setting", {"setting": "mode", "value": "first-come"}),
        ({"days": []}, "event_setting", {"setting": "days", "value": "[]"}),
        ({"tables": {"seats": 4}}, "event_setting", {"setting": "tables.count", "value": "None"}),
    ],
)
def test_a_wrong_setting_is_named_with_its_file(settings: dict[str, object], code: str, params: dict[str, str]) -> None:
    base = read_event_file(FIXTURES / "event.toml")
    with pytest.raises(DomainError) as caught:
        plan_event(base | settings, "행사.toml")
    assert caught.value.code == code
    assert {k: caught.value.params[k] for k in params} == params
    assert caught.value.params["file"] == "행사.toml"


def test_breaks_and_sessions_the_domain_refuses(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        option_settings(sessions=["09:30-12:10"], breaks=["13:00-13:20"])
    assert (caught.value.code, caught.value.params["value"]) == ("event_setting", "13:00-13:20")
    overlapping = option_settings(
        sessions=["09:30-12:10", "12:00-14:00"], days=["2026-10-14"], slot_minutes=20, tables=4
    )
    with pytest.raises(DomainError) as caught:
        plan_event(overlapping | {"name_ko": "상담회"})
    assert caught.value.code == "event_slots_overlap"
    broken = tmp_path / "행사.toml"
    broken.write_text("name_ko = \n", encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        read_event_file(broken)
    assert (caught.value.code, caught.value.params["file"]) == ("event_file_syntax", str(broken))
