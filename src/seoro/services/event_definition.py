"""An event defined in a small TOML file (or by the same settings given as command options).

Staff describe a day the way they plan it: the days, the sessions of each day with their start, end
and breaks, the slot length, how many tables, the participation types with their caps. Every
setting is checked here so a wrong one is named with its file; the domain checks the rest (overlaps,
breaks outside a session). ``docs/events.md`` shows a complete file.

The way back is here too: a stored event as its settings (``event_settings``, which ``plan_event``
turns into the same event) and as the form fields and command options write them (``event_fields``),
so that an event can be changed by changing its settings (``changed_event``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, ParticipationType, SchedulingMode, Session, Span, Table
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


def _name(s: _Settings, where: Mapping[str, Any] | None = None) -> BilingualText:
    """``name = "오전 / Morning"``, or ``name_ko`` / ``name_en`` (which win) for the event, a session or a type."""
    name = bilingual(s.text("name", "", where))
    return BilingualText(s.text("name_ko", name.ko, where), s.text("name_en", name.en, where))


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
                    name=_name(s, plan),
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
        name = _name(s, item)
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


# -- the way back: a stored event as its settings, and changing it -------------------------------


def event_settings(event: Event) -> dict[str, Any]:
    """The settings that ``plan_event`` turns into ``event`` again: a stored event as its file would
    say it. Not among them: the id, booth hosts and the slots a table was lost for (the registrations
    and the day's changes set those) and the interpreters (records of their own)."""
    days, sessions = _day_plan(event)
    minutes = sessions[0].slot_minutes if sessions else None
    out: dict[str, Any] = {
        "name_ko": event.name.ko,
        "name_en": event.name.en,
        "venue": event.venue,
        "timezone": event.timezone,
        "mode": event.scheduling_mode.value,
        "days": days,
        "sessions": [_session_setting(s, minutes) for s in sessions],
        "tables": _table_settings(event.tables),
        "types": [_type_setting(t) for t in event.types],
        "cross_type_only": event.cross_type_only,
        "auto_accept": event.auto_accept,
        "max_in_a_row": event.max_in_a_row,
    }
    optional = {
        "slot_minutes": minutes,
        "request_expiry_hours": event.request_expiry_hours,
        "default_max_meetings": event.default_max_meetings,
    }
    return out | {k: v for k, v in optional.items() if v is not None}


def event_fields(event: Event) -> dict[str, str]:
    """The event as the web form's fields and the command options write it (``오전 / Morning=09:30-12:10``,
    ``regional=지역기업/Regional firm:8``, a table count); the check boxes are ``"1"`` or ``""``. What they
    cannot say (session codes, a table's name and seats) stays in ``event_settings``."""
    days, sessions = _day_plan(event)
    return {
        "name_ko": event.name.ko,
        "name_en": event.name.en,
        "venue": event.venue,
        "timezone": event.timezone,
        "days": "\n".join(d.isoformat() for d in days),
        "sessions": "\n".join(_session_field(s) for s in sessions),
        "breaks": "\n".join(f"{_hm(a)}-{_hm(b)}" for s in sessions for a, b in s.breaks),
        "slot_minutes": str(sessions[0].slot_minutes) if sessions else "",
        "tables": str(len(event.tables)),
        "types": "\n".join(_type_field(t) for t in event.types),
        "max_in_a_row": str(event.max_in_a_row),
        "expiry_hours": "" if event.request_expiry_hours is None else str(event.request_expiry_hours),
        "cross_type_only": "1" if event.cross_type_only else "",
        "auto_accept": "1" if event.auto_accept else "",
    }


def changed_event(before: Event, planned: Event, settings: Mapping[str, Any]) -> Event:
    """The stored event ``before`` as ``planned`` (``plan_event`` of its changed ``settings``) makes it:
    with its id, and with what settings do not say kept. Tables given as a count (``tables = 10``: the
    form, ``--tables``) keep the first stored ones as they are (name, seats; ``seats`` given applies to
    all) and add more after the last, as creation names them; tables listed one by one are as listed.
    A table still there keeps its booth host, and the slots it was lost for follow the clock."""
    value = settings.get("tables")
    tables = planned.tables
    if isinstance(value, Mapping) or (isinstance(value, int) and not isinstance(value, bool)):
        tables = _resized(before.tables, planned.tables, seats_given=isinstance(value, Mapping) and "seats" in value)
    old, new = wall_clock(before), wall_clock(planned)
    stored = {t.number: t for t in before.tables}
    kept = [
        replace(t, host=stored[t.number].host, availability=follow_the_clock(stored[t.number].availability, old, new))
        if t.number in stored
        else t
        for t in tables
    ]
    return replace(planned, tables=kept, id=before.id)


def changed_settings(before: Event, after: Event) -> list[str]:
    """The names of the event's settings that differ (for the audit trail)."""
    return [f.name for f in fields(Event) if getattr(before, f.name) != getattr(after, f.name)]


def wall_clock(event: Event) -> list[Span]:
    """Each slot's start and end as wall-clock times: what a slot number means, whatever the time zone."""
    return [(s.start.replace(tzinfo=None), s.end.replace(tzinfo=None)) for s in event.slots()]


def follow_the_clock(slots: frozenset[int] | None, old: Sequence[Span], new: Sequence[Span]) -> frozenset[int] | None:
    """Slot numbers of the ``old`` slot times as the ``new`` slots within the same times: someone free
    10:00–12:00 stays free then when slots get longer, shorter or move. ``None`` (every slot) stays."""
    if slots is None or list(old) == list(new):
        return slots
    held = merged_spans([old[i] for i in slots if 0 <= i < len(old)])
    return frozenset(j for j, (a, b) in enumerate(new) if any(x <= a and b <= y for x, y in held))


def merged_spans(spans: Sequence[Span]) -> list[Span]:
    """Spans that touch or overlap as one (back-to-back slots as the time they cover together)."""
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _resized(stored: list[Table], planned: list[Table], *, seats_given: bool) -> list[Table]:
    kept = stored[: len(planned)]
    last = max((t.number for t in kept), default=0)
    added = [Table(last + k, f"T{last + k}", t.seats) for k, t in enumerate(planned[len(kept) :], start=1)]
    return [replace(t, seats=planned[0].seats) if seats_given else t for t in kept] + added


def _day_plan(event: Event) -> tuple[list[date], list[Session]]:
    """The days and the sessions every day repeats (their codes without ``d1-``), as settings give them;
    ``event_days_differ`` when the days do not all have the same sessions (settings cannot say that)."""
    days = list(dict.fromkeys(s.day for s in event.sessions))
    first = [s for s in event.sessions if s.day == days[0]] if days else []
    if len(days) > 1:
        first = [replace(s, code=s.code.removeprefix("d1-")) for s in first if s.code.startswith("d1-")]
    for n, day in enumerate(days, start=1):
        expected = [replace(s, day=day, code=f"d{n}-{s.code}" if len(days) > 1 else s.code) for s in first]
        if [s for s in event.sessions if s.day == day] != expected:
            raise DomainError("event_days_differ", event=event.name.ko or event.name.en)
    return days, first


def _session_setting(s: Session, minutes: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {"code": s.code, "name_ko": s.name.ko, "name_en": s.name.en, "start": _hm(s.start)}
    out |= {"end": _hm(s.end)} if s.end is not None else {"slots": s.slots}
    if s.slot_minutes != minutes:
        out["slot_minutes"] = s.slot_minutes
    out["breaks"] = [f"{_hm(a)}-{_hm(b)}" for a, b in s.breaks]
    return out


def _table_settings(tables: list[Table]) -> dict[str, int] | list[dict[str, Any]]:
    """``{count, seats}`` for tables T1 … TN of one size, as creation makes them; else one by one."""
    sizes = {t.seats for t in tables}
    if len(sizes) == 1 and [(t.number, t.name) for t in tables] == [(n, f"T{n}") for n in range(1, len(tables) + 1)]:
        return {"count": len(tables), "seats": sizes.pop()}
    return [{"number": t.number, "name": t.name, "seats": t.seats} for t in tables]


def _type_setting(t: ParticipationType) -> dict[str, Any]:
    out: dict[str, Any] = {"code": t.code, "name_ko": t.name.ko, "name_en": t.name.en}
    return out | ({} if t.max_meetings is None else {"max_meetings": t.max_meetings})


def _session_field(s: Session) -> str:
    start, end = s.span()
    name = " / ".join(x for x in (s.name.ko, s.name.en) if x)
    return f"{name}={_hm(start)}-{_hm(end)}" if name else f"{_hm(start)}-{_hm(end)}"


def _type_field(t: ParticipationType) -> str:
    name = "/".join(x for x in (t.name.ko, t.name.en) if x)
    return f"{t.code}={name}" + ("" if t.max_meetings is None else f":{t.max_meetings}")


def _hm(moment: time | datetime) -> str:
    return f"{moment:%H:%M}"
