"""An event defined in a small TOML file (or by the same settings given as command options).

Staff describe a day the way they plan it: the days, the sessions of each day with their start, end
and breaks, the slot length, how many tables, the participation types with their caps. Every
setting is checked here so a wrong one is named with its file; the domain checks the rest (overlaps,
breaks outside a session). ``docs/events.md`` shows a complete file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Table
from seoro.domain.participants import Interpreter
from seoro.domain.text import BilingualText, clean, split_by_language
from seoro.domain.vocab import parse_language
from seoro.files.event_values import parse_availability

_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-~–]\s*(\d{1,2}):(\d{2})\s*$")
_SETTINGS = (
    "name_ko",
    "name_en",
    "name",
    "venue",
    "timezone",
    "days",
    "slot_minutes",
    "sessions",
    "tables",
    "types",
    "cross_type_only",
    "auto_accept",
    "max_in_a_row",
    "request_expiry_hours",
    "default_max_meetings",
    "mode",
    "interpreters",
)


@dataclass(frozen=True)
class EventPlan:
    """An event not yet saved, and the interpreters its file lists."""

    event: Event
    interpreters: list[Interpreter]


def read_event_file(path: Path) -> dict[str, Any]:
    return parse_event_file(path.read_bytes(), str(path))


def parse_event_file(data: bytes, source: str) -> dict[str, Any]:
    """The settings of an event file's bytes (a file on disk, or one uploaded as ``source``)."""
    try:
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DomainError("event_file_syntax", file=source, reason=str(error)) from None
    except UnicodeDecodeError:
        raise DomainError("unknown_encoding", file=source) from None


def plan_event(settings: Mapping[str, Any], source: str = "") -> EventPlan:
    """The event ``settings`` describe (a TOML file's keys, or command options under the same names)."""
    s = _Settings(settings, source)
    unknown = sorted(set(settings) - set(_SETTINGS))
    if unknown:
        raise DomainError("event_setting_unknown", file=source, setting=unknown[0], known=", ".join(_SETTINGS))
    event = Event(
        name=_name(s),
        timezone=s.text("timezone", "Asia/Seoul"),
        venue=s.text("venue", ""),
        scheduling_mode=SchedulingMode(s.choice("mode", [m.value for m in SchedulingMode], "optimiser")),
        auto_accept=s.flag("auto_accept"),
        request_expiry_hours=s.number("request_expiry_hours"),
        cross_type_only=s.flag("cross_type_only"),
        max_in_a_row=s.number("max_in_a_row") or 0,
        default_max_meetings=s.number("default_max_meetings"),
        sessions=_sessions(s),
        tables=_tables(s),
        types=_types(s),
    )
    return EventPlan(event, [_interpreter(s, event, item) for item in s.items("interpreters")])


class _Settings:
    """Typed access to the settings, naming the file and setting of a wrong value."""

    def __init__(self, values: Mapping[str, Any], source: str) -> None:
        self.values, self.source = values, source

    def bad(self, setting: str, value: object, expected: str) -> DomainError:
        return DomainError("event_setting", file=self.source, setting=setting, value=str(value), expected=expected)

    def text(self, key: str, default: str, where: Mapping[str, Any] | None = None) -> str:
        value = (self.values if where is None else where).get(key, default)
        if not isinstance(value, str):
            raise self.bad(key, value, '"…"')
        return clean(value)

    def number(self, key: str, where: Mapping[str, Any] | None = None) -> int | None:
        value = (self.values if where is None else where).get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.bad(key, value, "20")
        return value

    def flag(self, key: str) -> bool:
        value = self.values.get(key, False)
        if not isinstance(value, bool):
            raise self.bad(key, value, "true / false")
        return value

    def choice(self, key: str, choices: list[str], default: str) -> str:
        value = self.text(key, default)
        if value not in choices:
            raise self.bad(key, value, " / ".join(choices))
        return value

    def items(self, key: str) -> list[Mapping[str, Any]]:
        value = self.values.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.bad(key, value, "[[" + key + "]] …")
        return value

    def day(self, value: object) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise self.bad("days", value, "days = [2026-10-14]") from None

    def clock(self, key: str, value: object) -> time:
        if isinstance(value, time):
            return value
        try:
            return time.fromisoformat(str(value).strip().zfill(5))
        except ValueError:
            raise self.bad(key, value, '"09:30"') from None

    def span(self, key: str, value: object) -> tuple[time, time]:
        match = _RANGE.match(str(value))
        if not match:
            raise self.bad(key, value, '"10:50-11:10"')
        h1, m1, h2, m2 = map(int, match.groups())
        return self.clock(key, f"{h1:02d}:{m1:02d}"), self.clock(key, f"{h2:02d}:{m2:02d}")


def bilingual(text: str) -> BilingualText:
    """``"오전 / Morning"`` → ko and en; a single text goes to the slot its script says."""
    parts = [clean(p) for p in text.split(" / ")] if " / " in text else [clean(text)]
    return split_by_language(parts)


def _name(s: _Settings) -> BilingualText:
    name = bilingual(s.text("name", ""))
    return BilingualText(s.text("name_ko", name.ko), s.text("name_en", name.en))


def _sessions(s: _Settings) -> list[Session]:
    days = s.values.get("days", [])
    days = days if isinstance(days, list) else [days]
    if not days:
        raise s.bad("days", "[]", "days = [2026-10-14]")
    minutes = s.number("slot_minutes")
    plans = s.items("sessions")
    if not plans:
        raise s.bad("sessions", "[]", '[[sessions]] start = "09:30", end = "12:00"')
    out: list[Session] = []
    for n, value in enumerate(days, start=1):
        for k, plan in enumerate(plans, start=1):
            code = s.text("code", f"s{k}", plan)
            length = s.number("slot_minutes", plan) or minutes
            if length is None:
                raise s.bad("slot_minutes", "-", "slot_minutes = 20")
            end, count = plan.get("end"), s.number("slots", plan)
            out.append(
                Session(
                    code=code if len(days) == 1 else f"d{n}-{code}",
                    day=s.day(value),
                    start=s.clock("start", plan.get("start", "")),
                    slot_minutes=length,
                    slots=count,
                    end=None if end is None else s.clock("end", end),
                    name=bilingual(s.text("name", "", plan)),
                    breaks=tuple(s.span("breaks", b) for b in plan.get("breaks", [])),
                )
            )
    return out


def _tables(s: _Settings) -> list[Table]:
    value = s.values.get("tables", {})
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"count": value}
    if isinstance(value, list):
        return [
            Table(s.number("number", t) or n, s.text("name", "", t), s.number("seats", t) or 4)
            for n, t in enumerate(s.items("tables"), start=1)
        ]
    if not isinstance(value, Mapping):
        raise s.bad("tables", value, "tables = 10")
    count = s.number("count", value)
    if not count or count < 1:
        raise s.bad("tables.count", count, "tables = 10")
    seats = s.number("seats", value) or 4
    return [Table(n, f"T{n}", seats) for n in range(1, count + 1)]


def _types(s: _Settings) -> list[ParticipationType]:
    out = []
    for item in s.items("types"):
        name = bilingual(s.text("name", "", item))
        name = BilingualText(s.text("name_ko", name.ko, item), s.text("name_en", name.en, item))
        code = s.text("code", "", item) or name.en.casefold().replace(" ", "_") or name.ko
        out.append(ParticipationType(code, name, s.number("max_meetings", item)))
    return out


def _interpreter(s: _Settings, event: Event, item: Mapping[str, Any]) -> Interpreter:
    languages = item.get("languages", [])
    if isinstance(languages, str):
        languages = re.split(r"[,/·\s]+", languages)
    if not isinstance(languages, Sequence):
        raise s.bad("interpreters.languages", languages, 'languages = ["ko", "en"]')
    text = s.text("availability", "", item)
    slots = parse_availability(text, event) if text else None
    return Interpreter(
        s.text("name", "", item),
        [parse_language(str(lang)) for lang in languages if str(lang).strip()],
        None if slots is not None and len(slots) == len(event.slots()) else slots,  # 전일: like a blank
    )


# -- the same settings as command options --------------------------------------------------------

_SESSION_OPTION = re.compile(
    r"^\s*(?:(?P<name>[^=]+)=)?\s*(?P<start>\d{1,2}:\d{2})\s*[-~–]\s*(?P<end>\d{1,2}:\d{2})\s*$"
)
_TYPE_OPTION = re.compile(r"^\s*(?P<code>[^=]+)=(?P<name>[^:]*)(?::(?P<cap>\d+))?\s*$")


def option_settings(
    *, sessions: Sequence[str] = (), breaks: Sequence[str] = (), types: Sequence[str] = (), **values: Any
) -> dict[str, Any]:
    """Settings from command options: ``--session "오전=09:30-12:10"``, ``--break 10:50-11:10`` (it goes
    to the session it falls in), ``--type "regional=지역기업/Regional firm:8"``; ``values`` are taken
    as they are (``None`` meaning not given)."""
    out = {k: v for k, v in values.items() if v not in (None, (), [])}
    if sessions:
        out["sessions"] = _session_options(sessions, breaks)
    elif breaks:
        raise DomainError(
            "event_setting", file="--break", setting="sessions", value="-", expected="--session 09:30-12:10"
        )
    if types:
        out["types"] = [_type_option(t) for t in types]
    return out


def _session_options(sessions: Sequence[str], breaks: Sequence[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for text in sessions:
        match = _SESSION_OPTION.match(text)
        if not match:
            raise DomainError(
                "event_setting", file="--session", setting="session", value=text, expected="오전=09:30-12:10"
            )
        half = "am" if match["start"].zfill(5) < "12:00" else "pm"
        code = half if all(s["code"] != half for s in out) else f"{half}{len(out) + 1}"
        name = (match["name"] or "").strip()
        out.append({"code": code, "name": name, "start": match["start"], "end": match["end"], "breaks": []})
    for text in breaks:
        match = _RANGE.match(text)
        session = next(
            (s for s in out if match and s["start"].zfill(5) <= text.strip()[:5].zfill(5) < s["end"].zfill(5)), None
        )
        if match is None or session is None:
            raise DomainError("event_setting", file="--break", setting="break", value=text, expected="10:50-11:10")
        session["breaks"].append(text.strip())
    return out


def _type_option(text: str) -> dict[str, Any]:
    match = _TYPE_OPTION.match(text)
    if not match:
        raise DomainError(
            "event_setting", file="--type", setting="type", value=text, expected="regional=지역기업/Regional firm:8"
        )
    name = match["name"].replace("/", " / ")
    out: dict[str, Any] = {"code": match["code"].strip(), "name": name}
    if match["cap"]:
        out["max_meetings"] = int(match["cap"])
    return out
