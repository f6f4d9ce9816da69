"""The staff sheets of an event day as an Excel workbook: the table plan, the interpreter plan and the door list.

The layout helpers here (which meeting fills which cell, the order of the door list, how times read) are
shared with the printable sheets in :mod:`seoro.files.printable`, so that paper and spreadsheet agree.
Times are text ``HH:MM`` in the event's time zone (with the date in front when the event spans days).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from seoro.domain.sheets import DoorEntry, SheetMeeting, StaffSheets
from seoro.domain.text import BilingualText
from seoro.i18n import t

Grid = dict[tuple[int, str], SheetMeeting]  # (slot number, table label or interpreter) -> meeting
CellText = Callable[[SheetMeeting, str], str]

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")

# --- layout shared with the printable sheets ---------------------------------------------------


def clock(moment: datetime, timezone: str, *, with_date: bool = False) -> str:
    """``HH:MM`` (or ``YYYY-MM-DD HH:MM``) in the event's time zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    return local.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


def span(start: datetime, end: datetime, timezone: str, *, with_date: bool = False) -> str:
    """``09:00–09:30``, with the start's date in front when ``with_date``."""
    return f"{clock(start, timezone, with_date=with_date)}–{clock(end, timezone)}"


def spans_days(moments: Iterable[datetime], timezone: str) -> bool:
    """Whether the moments fall on more than one local date (then times need their date)."""
    zone = ZoneInfo(timezone)
    return len({m.astimezone(zone).date() for m in moments}) > 1


def slot_times(sheets: StaffSheets) -> dict[int, str]:
    """Each slot's time span as staff read it, by slot number."""
    days = spans_days((s.start for s in sheets.slots), sheets.timezone)
    return {s.number: span(s.start, s.end, sheets.timezone, with_date=days) for s in sheets.slots}


def table_grid(sheets: StaffSheets) -> Grid:
    return {(m.slot_number, m.table_label): m for m in sheets.meetings}


def interpreter_grid(sheets: StaffSheets) -> Grid:
    return {(m.slot_number, m.interpreter): m for m in sheets.meetings if m.interpreter}


def interpreters(sheets: StaffSheets) -> tuple[str, ...]:
    """The interpreters on the sheets, in the event's order, then any only named on a meeting."""
    extra = sorted({m.interpreter for m in sheets.meetings if m.interpreter} - set(sheets.interpreters))
    return (*sheets.interpreters, *extra)


def door_order(door: Iterable[DoorEntry], lang: str) -> list[DoorEntry]:
    """The door list alphabetical by the name as printed in ``lang`` (Hangul sorts 가나다 by code point)."""
    return sorted(door, key=lambda d: (d.name.pick(lang).casefold(), d.participant_id))


def side(name: BilingualText, organisation: BilingualText, lang: str) -> str:
    """``김민준 (한빛수소)``: one side of a meeting with its organisation."""
    org = organisation.pick(lang)
    return f"{name.pick(lang)} ({org})" if org else name.pick(lang)


def sides(meeting: SheetMeeting, lang: str) -> tuple[str, str]:
    return (
        side(meeting.left, meeting.left_organisation, lang),
        side(meeting.right, meeting.right_organisation, lang),
    )


def first_meeting(entry: DoorEntry, timezone: str, *, with_date: bool = False) -> str:
    return clock(entry.first_start, timezone, with_date=with_date) if entry.first_start else ""


def sheet_title(title: str) -> str:
    """A valid worksheet name: none of ``[]:*?/\\``, at most 31 characters, not empty."""
    return _BAD_SHEET_CHARS.sub(" ", title).strip()[:31].strip() or "Sheet"


# --- the workbook ------------------------------------------------------------------------------


def sheets_xlsx(sheets: StaffSheets, lang: str) -> bytes:
    """The three staff sheets as one ``.xlsx`` workbook in ``lang``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    _table_plan(book, sheets, lang)
    _interpreter_plan(book, sheets, lang)
    _door_list(book, sheets, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book: openpyxl.Workbook, key: str, sheets: StaffSheets, lang: str, header: Sequence[str]) -> Worksheet:
    ws = book.create_sheet(sheet_title(t(key, lang)))
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = _BOLD
    ws.oddHeader.center.text = f"{sheets.event_name.pick(lang)} · {t(key, lang)}"
    made = clock(sheets.made_at, sheets.timezone, with_date=True)
    ws.oddFooter.left.text = f"{t('doc.sheet.made_at', lang)} {made} ({sheets.timezone})"
    ws.oddFooter.right.text = "&P / &N"
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "1:1"
    return ws


def _grid_rows(
    sheets: StaffSheets, columns: Sequence[str], grid: Grid, cell: CellText, lang: str
) -> list[list[object]]:
    times = slot_times(sheets)
    rows: list[list[object]] = []
    for slot in sheets.slots:
        found = (grid.get((slot.number, column)) for column in columns)
        rows.append([slot.number, times[slot.number], *(cell(m, lang) if m else "" for m in found)])
    return rows


def _table_cell(meeting: SheetMeeting, lang: str) -> str:
    left, right = sides(meeting, lang)
    lines = [left, right]
    if meeting.interpreter:
        lines.append(f"{t('doc.sheet.interpreter', lang)}: {meeting.interpreter}")
    return "\n".join(lines)


def _interpreter_cell(meeting: SheetMeeting, lang: str) -> str:
    left, right = sides(meeting, lang)
    head = f"{t('doc.sheet.table', lang)} {meeting.table_label}"
    if meeting.languages:
        head += f" ({meeting.languages})"
    return "\n".join([head, left, right])


def _table_plan(book: openpyxl.Workbook, sheets: StaffSheets, lang: str) -> None:
    header = [t("doc.sheet.slot", lang), t("doc.sheet.time", lang), *sheets.tables]
    ws = _sheet(book, "doc.sheet.table_plan", sheets, lang, header)
    _fill_grid(ws, _grid_rows(sheets, sheets.tables, table_grid(sheets), _table_cell, lang))


def _interpreter_plan(book: openpyxl.Workbook, sheets: StaffSheets, lang: str) -> None:
    people = interpreters(sheets)
    header = [t("doc.sheet.slot", lang), t("doc.sheet.time", lang), *people]
    ws = _sheet(book, "doc.sheet.interpreter_plan", sheets, lang, header)
    _fill_grid(ws, _grid_rows(sheets, people, interpreter_grid(sheets), _interpreter_cell, lang))


def _fill_grid(ws: Worksheet, rows: list[list[object]]) -> None:
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows(min_row=2, min_col=3):
        for cell in line:
            cell.alignment = _WRAP
    ws.freeze_panes = "C2"
    _fit_columns(ws, minimum=6, maximum=36)


def _door_list(book: openpyxl.Workbook, sheets: StaffSheets, lang: str) -> None:
    keys = ("name", "organisation", "type", "meetings", "first_meeting", "first_table", "check_in", "no_show")
    ws = _sheet(book, "doc.sheet.door_list", sheets, lang, [t(f"doc.sheet.{k}", lang) for k in keys])
    days = spans_days((d.first_start for d in sheets.door if d.first_start), sheets.timezone)
    for entry in door_order(sheets.door, lang):
        checked = clock(entry.checked_in_at, sheets.timezone, with_date=days) if entry.checked_in_at else ""
        ws.append(
            [
                entry.name.pick(lang),
                entry.organisation.pick(lang),
                entry.type_name.pick(lang),
                entry.meetings,
                first_meeting(entry, sheets.timezone, with_date=days),
                entry.first_table,
                checked,
                t("doc.sheet.no_show", lang) if entry.no_show else "",
            ]
        )
    ws.freeze_panes = "B2"
    ws.page_setup.orientation = "portrait"
    ws.auto_filter.ref = ws.dimensions
    _fit_columns(ws, minimum=8, maximum=40)


def _fit_columns(ws: Worksheet, *, minimum: int, maximum: int) -> None:
    """Column widths from the longest line in each column; Hangul and other wide letters count double."""
    for index, column in enumerate(ws.iter_cols(), start=1):
        longest = max((_width(line) for cell in column for line in str(cell.value or "").splitlines()), default=0)
        ws.column_dimensions[get_column_letter(index)].width = max(minimum, min(maximum, longest + 2))


def _width(text: str) -> int:
    return sum(2 if ord(ch) >= 0x1100 else 1 for ch in text)
