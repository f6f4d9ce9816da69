"""What staff write in an event's spreadsheets, read as values.

:func:`parse_availability` ("오전", "09:00-12:00", "1-6", "1일차 오후"), :func:`parse_priority`
(필수/높음/보통 or 1/2/3), :func:`parse_yes` (예/아니오) and :func:`parse_status` (수락/대기/거절).
Each raises a ``DomainError`` the import turns into a problem naming the cell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, time

from seoro.domain.errors import DomainError
from seoro.domain.events import Event, Slot
from seoro.domain.meetings import Priority, RequestStatus
from seoro.domain.text import clean


def _key(text: str) -> str:
    return re.sub(r"[\s._\-()]+", "", unicodedata.normalize("NFKC", text)).casefold()


_PRIORITIES = {
    Priority.MUST: ("필수", "반드시", "꼭", "최우선", "매우높음", "must", "required", "essential", "top", "1", "1순위"),
    Priority.HIGH: ("높음", "상", "우선", "중요", "high", "important", "2", "2순위"),
    Priority.NORMAL: ("보통", "중", "일반", "낮음", "하", "normal", "medium", "low", "3", "3순위"),
}
_PRIORITY_OF = {_key(w): p for p, words in _PRIORITIES.items() for w in words}
_YES = {_key(w) for w in ("예", "네", "o", "y", "yes", "true", "✓", "v", "부스", "있음", "운영")}
_NO = {_key(w) for w in ("아니오", "아니요", "n", "no", "false", "x", "없음")}
_STATUSES = {
    RequestStatus.ACCEPTED: ("수락", "승인", "확정", "accepted", "accept", "yes", "confirmed"),
    RequestStatus.PENDING: ("대기", "신청", "미정", "pending", "requested", "waiting"),
    RequestStatus.DECLINED: ("거절", "거부", "불가", "declined", "decline", "no", "rejected"),
}
_STATUS_OF = {_key(w): s for s, words in _STATUSES.items() for w in words}


def parse_priority(text: str) -> Priority:
    """필수/높음/보통, must/high/normal or 1/2/3 (낮음 / low counts as normal)."""
    found = _PRIORITY_OF.get(_key(text))
    if found is None:
        raise DomainError("bad_priority", value=text)
    return found


def parse_yes(text: str) -> bool | None:
    """``True`` for 예 / yes / O, ``False`` for 아니오 / no / X, ``None`` for anything else."""
    k = _key(text)
    return True if k in _YES else False if k in _NO else None


def parse_status(text: str) -> RequestStatus:
    found = _STATUS_OF.get(_key(text))
    if found is None:
        raise DomainError("bad_request_status", value=text)
    return found


_ALL = {_key(w) for w in ("전일", "종일", "하루종일", "전체", "모두", "전부", "all", "allday", "anytime", "any")}
_AM = {_key(w) for w in ("오전", "am", "a.m.", "morning")}
_PM = {_key(w) for w in ("오후", "pm", "p.m.", "afternoon")}
_SEPARATORS = re.compile(r"[,;、\n+]|(?<!\d)/|/(?!\d)")
_DAY = re.compile(
    r"^(?:(?P<n>\d{1,2})\s*일\s*차|day\s*(?P<n2>\d{1,2})|d(?P<n3>\d{1,2})\b"
    r"|(?P<y>\d{4})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})\.?"
    r"|(?P<m2>\d{1,2})\s*월\s*(?P<d2>\d{1,2})\s*일|(?P<m3>\d{1,2})\s*/\s*(?P<d3>\d{1,2}))\s*",
    re.IGNORECASE,
)
_CLOCK = r"(\d{1,2})\s*(?::\s*(\d{2})|시(?:\s*(\d{1,2})\s*분)?|h(\d{2})?)"
_TIMES = re.compile(rf"^{_CLOCK}\s*[-~–—]\s*{_CLOCK}$")
_SLOTS = re.compile(r"^(?:슬롯|slots?|#)?\s*(\d{1,4})(?:\s*[-~–—]\s*(\d{1,4}))?(?:\s*번)?$", re.IGNORECASE)


def parse_availability(text: str, event: Event, slots: Sequence[Slot] | None = None) -> frozenset[int]:
    """The slot indices ``text`` names, given as a list (``,`` ``;`` ``/`` or line breaks) of:

    - 전일 / 종일 / all: every slot; 오전 / am / morning and 오후 / pm / afternoon: slots starting
      before or from noon;
    - a time range, ``09:00-12:00``, ``9시~12시``: the slots lying inside it;
    - slot numbers as the agenda counts them from 1, ``3`` or ``1-6``;
    - a session's code or name, ``d1-am`` or ``오전 세션``;
    - any of these but slot numbers after a day, ``1일차 오후``, ``Day 2``, ``2026-07-15 09:00-12:00``,
      ``7/15 오전`` (a day alone is all of it).
    """
    every = list(slots if slots is not None else event.slots())
    days = sorted({s.start.date() for s in every})
    chosen: set[int] = set()
    for item in (clean(part) for part in _SEPARATORS.split(unicodedata.normalize("NFKC", text))):
        if item:
            chosen |= _item(item, event, every, days)
    if not chosen:
        raise DomainError("availability_no_slot", value=text)
    return frozenset(chosen)


def _item(item: str, event: Event, every: list[Slot], days: list[date]) -> set[int]:
    codes = {_key(s.code): s.code for s in event.sessions}
    codes |= {_key(n): s.code for s in event.sessions for n in (s.name.ko, s.name.en) if n}
    if _key(item) in codes:  # a session's own name wins over reading it as a day and a time
        return {s.index for s in every if s.session == codes[_key(item)]}
    day, rest = _day(item, days)
    pool = [s for s in every if day is None or s.start.date() == day]
    if day is not None and not pool:
        raise DomainError("availability_no_day", value=item, days=", ".join(map(str, days)))
    k = _key(rest)
    if not k or k in _ALL:
        return {s.index for s in pool}
    if k in _AM or k in _PM:
        return {s.index for s in pool if (s.start.hour < 12) == (k in _AM)}
    times = _TIMES.match(rest)
    if times:
        start, end = _clock(times.groups()[:4], item), _clock(times.groups()[4:], item)
        return {s.index for s in pool if start <= s.start.time() and s.end.time() <= end}
    numbers = _SLOTS.match(rest)
    if numbers and day is None:
        first = int(numbers.group(1))
        last = int(numbers.group(2) or first)
        if not 1 <= first <= last <= len(every):
            raise DomainError("availability_slot_range", value=item, count=len(every))
        return set(range(first - 1, last))
    if k in codes:
        return {s.index for s in pool if s.session == codes[k]}
    raise DomainError("bad_availability", value=item)


def _day(item: str, days: list[date]) -> tuple[date | None, str]:
    """The day ``item`` starts with (``1일차``, ``Day 2``, a date), and what follows it."""
    match = _DAY.match(item)
    if not match or not days:
        return None, item
    g = match.groupdict()
    rest = item[match.end() :]
    number = g["n"] or g["n2"] or g["n3"]
    if number:
        if not 1 <= int(number) <= len(days):
            raise DomainError("availability_no_day", value=item, days=", ".join(map(str, days)))
        return days[int(number) - 1], rest
    year = int(g["y"]) if g["y"] else days[0].year
    month, dom = (g["m"] or g["m2"] or g["m3"]), (g["d"] or g["d2"] or g["d3"])
    try:
        return date(year, int(month), int(dom)), rest
    except ValueError:
        raise DomainError("bad_availability", value=item) from None


def _clock(parts: Sequence[str | None], item: str) -> time:
    hour, *minutes = parts
    h, m = int(hour or 0), next((int(x) for x in minutes if x), 0)
    if (h, m) == (24, 0):
        return time.max  # "-24:00": to the end of the day
    try:
        return time(h, m)
    except ValueError:
        raise DomainError("bad_availability", value=item) from None


def format_availability(slots: frozenset[int] | None, every: Sequence[Slot]) -> str:
    """Availability as the import reads it back: ``전일`` or slot numbers ``1-4, 9``."""
    if slots is None or len(slots) == len(every):
        return "전일"
    runs: list[list[int]] = []
    for s in sorted(slots):
        if runs and runs[-1][-1] == s - 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    return ", ".join(f"{r[0] + 1}-{r[-1] + 1}" if len(r) > 1 else f"{r[0] + 1}" for r in runs)
