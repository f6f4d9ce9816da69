"""One participant's agenda as an iCalendar file (``.ics``, RFC 5545), to import into any calendar.

Each meeting is a VEVENT whose UID stays the same over publications and whose SEQUENCE grows each
time it changes, so a calendar that imports a newer file moves or cancels the meeting it already
has instead of adding a second one. Times carry the event's time zone (``TZID=Asia/Seoul``) and the
file brings its VTIMEZONE, so the meeting shows at the right hour wherever the reader is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from seoro.domain.agenda import AgendaView, EntryView, Stage
from seoro.i18n import t

PRODID = "-//Seoro//Seoro agenda//KO"
_MARGIN = timedelta(days=366)  # the VTIMEZONE covers the agenda's dates with a year either side


def agenda_ics(view: AgendaView) -> bytes:
    """The agenda as ``.ics`` bytes (UTF-8, CRLF lines folded at 75 octets)."""
    cal = Calendar()
    cal.prodid = PRODID
    cal.version = "2.0"
    cal.calscale = "GREGORIAN"
    cal.method = "PUBLISH"
    cal.calendar_name = view.event_name.pick(view.lang)  # NAME and X-WR-CALNAME
    cal.add("x-wr-timezone", view.timezone)
    for entry in view.entries:
        cal.add_component(_event(view, entry))
    first, last = _date_range(view)
    cal.add_missing_timezones(first_date=first, last_date=last)
    return bytes(cal.to_ical())


def status(view: AgendaView, entry: EntryView) -> str:
    """CANCELLED for a meeting no longer held, else CONFIRMED on a final agenda and TENTATIVE before."""
    if entry.cancelled:
        return "CANCELLED"
    return "CONFIRMED" if view.stage is Stage.FINAL else "TENTATIVE"


def summary(view: AgendaView, entry: EntryView) -> str:
    names = ", ".join(p.name.pick(view.lang) for p in entry.partners)
    return t("doc.agenda.summary", view.lang, partners=names)


def location(view: AgendaView, entry: EntryView) -> str:
    if not view.venue:
        return f"{t('doc.agenda.table', view.lang)} {entry.table_label}"
    return t("doc.agenda.location", view.lang, venue=view.venue, table=entry.table_label)


def description(view: AgendaView, entry: EntryView) -> str:
    """Who the partner is, why they were matched, the interpreter and the slot, as plain lines."""
    lang = view.lang
    lines: list[str] = []
    for partner in entry.partners:
        lines.append(partner.name.pick(lang))
        lines += _labelled(lang, ("organisation", partner.organisation.pick(lang)), ("country", partner.country))
        lines += _labelled(lang, ("fields", ", ".join(f.pick(lang) for f in partner.fields if f)))
        if partner.summary:
            lines.append(partner.summary.pick(lang))
        lines.append("")
    lines += _labelled(lang, ("reason", entry.reason.pick(lang)), ("interpreter", entry.interpreter))
    lines += _labelled(lang, ("slot", str(entry.slot_number)), ("table", entry.table_label))
    return "\n".join(lines).strip()


def _labelled(lang: str, *pairs: tuple[str, str]) -> list[str]:
    return [f"{t(f'doc.agenda.{key}', lang)}: {value}" for key, value in pairs if value]


def _event(view: AgendaView, entry: EntryView) -> Event:
    zone = ZoneInfo(view.timezone)  # TZID=<the event's zone>, whatever zone object the times came with
    event = Event()
    event.add("uid", entry.uid)
    event.add("sequence", entry.sequence)
    event.add("dtstamp", view.stamp.astimezone(UTC))
    event.add("dtstart", entry.start.astimezone(zone))
    event.add("dtend", entry.end.astimezone(zone))
    event.add("summary", summary(view, entry))
    event.add("location", location(view, entry))
    event.add("description", description(view, entry))
    event.add("status", status(view, entry))
    event.add("transp", "TRANSPARENT" if entry.cancelled else "OPAQUE")
    return event


def _date_range(view: AgendaView) -> tuple[date, date]:
    moments: list[datetime] = [view.stamp, *(e.start for e in view.entries), *(e.end for e in view.entries)]
    return (min(moments) - _MARGIN).date(), (max(moments) + _MARGIN).date()
