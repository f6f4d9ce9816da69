"""Printable pages: personal agendas and the staff sheets as self-contained HTML, and PDF through WeasyPrint.

Every page carries its CSS inline, reads on a phone (one column of cards) and prints on A4. Korean
text uses NanumGothic (Debian ``fonts-nanum``); every value is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

import weasyprint  # type: ignore[import-untyped]

from seoro.domain.agenda import AgendaView, EntryView, PartnerCard, Stage
from seoro.domain.sheets import SheetMeeting, StaffSheets
from seoro.files.staff_sheets import (
    clock,
    door_order,
    first_meeting,
    interpreter_grid,
    interpreters,
    sides,
    slot_times,
    span,
    spans_days,
    table_grid,
)
from seoro.i18n import t

_Find = Callable[[int, str], SheetMeeting | None]  # (slot number, column) -> the meeting there
_Cell = Callable[[SheetMeeting], str]

GRID_COLUMNS = 8  # table or interpreter columns per printed grid; wider plans continue in another grid

_BASE_CSS = """
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "NanumGothic", sans-serif; color: #666; } }
* { box-sizing: border-box; }
html { font-family: "NanumGothic", sans-serif; font-size: 11pt; line-height: 1.45; color: #111; }
body { margin: 0 auto; padding: 12px; max-width: 52rem; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1em 0 .4em; }
dl.meta { display: grid; grid-template-columns: 6em 1fr 6em 1fr; gap: .15em 1em; margin: .4em 0 .8em; }
@media screen and (max-width: 40rem) { dl.meta { grid-template-columns: 6em 1fr; } }
dt { color: #555; white-space: nowrap; } dd { margin: 0; font-weight: bold; }
.note { color: #555; font-size: .9em; margin: .2em 0 .8em; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .3em; font-size: .85em; font-weight: bold;
  color: #fff; background: #555; }
.stage-final { background: #1a7f37; } .stage-preliminary { background: #9a6700; } .stage-draft { background: #6e7781; }
section.agenda + section.agenda { break-before: page; page-break-before: always; }
article.entry { border: 1px solid #bbb; border-left: 5px solid #0969da; border-radius: 6px; padding: .5em .8em;
  margin: 0 0 .7em; break-inside: avoid; page-break-inside: avoid; }
article.entry .when { display: flex; flex-wrap: wrap; gap: .2em 1em; font-weight: bold; }
article.entry .time { font-size: 1.1em; }
article.entry h3 { font-size: 1.05em; margin: .35em 0 .1em; }
article.entry p { margin: .15em 0; }
.label { color: #555; font-weight: normal; }
.changed { background: #fff8c5; border-left-color: #bf8700; }
.changed .badge { background: #bf8700; }
.cancelled { border-left-color: #cf222e; color: #666; }
.cancelled .badge { background: #cf222e; }
.cancelled .body, .cancelled .when .struck { text-decoration: line-through; }
@media print { body { padding: 0; max-width: none; } }
"""

_SHEET_CSS = """
@page wide { size: A4 landscape; margin: 10mm; }
body { max-width: none; }
section.grid { page: wide; }
section + section { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; font-size: 9pt; }
th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; text-align: left; }
thead th { background: #eaeef2; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.free { color: #aaa; text-align: center; }
td .right { display: block; border-top: 1px dotted #aaa; margin-top: 2px; padding-top: 2px; }
td .extra { display: block; color: #555; font-size: .9em; }
td.num { text-align: right; }
table.plan { table-layout: fixed; }
table.plan th.slot { width: 3.5em; } table.plan th.time { width: 8em; }
table.door td { padding: 6px 5px; }
.box { display: inline-block; width: 1.1em; height: 1.1em; border: 1px solid #333; vertical-align: middle; }
.noshow { color: #cf222e; font-weight: bold; }
"""

# --- agendas -----------------------------------------------------------------------------------


def agenda_html(view: AgendaView) -> str:
    """One participant's agenda as a complete HTML page in their language."""
    title = f"{view.event_name.pick(view.lang)} · {view.participant.pick(view.lang)}"
    return _document(title, view.lang, _BASE_CSS, _agenda_section(view))


def agendas_html(views: Sequence[AgendaView]) -> str:
    """Many agendas in one page, each starting on a new sheet when printed (for staff to print everyone's)."""
    langs = {v.lang for v in views}
    lang = langs.pop() if len(langs) == 1 else "ko"
    title = views[0].event_name.pick(lang) if views else t("doc.agenda.title", lang)
    return _document(title, lang, _BASE_CSS, "\n".join(_agenda_section(v) for v in views))


def _agenda_section(view: AgendaView) -> str:
    lang = view.lang
    days = spans_days((e.start for e in view.entries), view.timezone)
    entries = "\n".join(_entry(view, e, days) for e in view.entries)
    if not view.entries:
        entries = f'<p class="note">{_e(t("doc.agenda.no_meetings", lang))}</p>'
    zone = _zone_label(view.timezone, view.entries[0].start if view.entries else view.stamp)
    return (
        f'<section class="agenda" lang="{_e(lang)}">'
        f"<h1>{_e(view.event_name.pick(lang))}</h1>"
        f'<p class="note">{_e(t("doc.agenda.title", lang))} · {_e(t("doc.agenda.meetings", lang, count=_live(view)))}</p>'
        f"{_agenda_meta(view, zone)}"
        f'<p class="note">{_e(t("doc.agenda.times_in", lang, timezone=zone))}</p>'
        f"{entries}</section>"
    )


def _live(view: AgendaView) -> int:
    return sum(1 for e in view.entries if not e.cancelled)


def _agenda_meta(view: AgendaView, zone: str) -> str:
    lang = view.lang
    stage = view.stage.value if isinstance(view.stage, Stage) else "draft"
    badge = f'<span class="badge stage-{stage}">{_e(t(f"doc.agenda.{stage}", lang))}</span>'
    items = [
        ("participant", _e(view.participant.pick(lang))),
        ("organisation", _e(view.organisation.pick(lang))),
        ("stage", badge),
        ("version", _e(str(view.version))),
        ("stamp", _e(clock(view.stamp, view.timezone, with_date=True))),
        ("venue", _e(view.venue)),
        ("timezone", _e(zone)),
    ]
    return _meta((t(f"doc.agenda.{key}", lang), html) for key, html in items if html)


def _entry(view: AgendaView, entry: EntryView, days: bool) -> str:
    lang = view.lang
    classes = "entry" + (" cancelled" if entry.cancelled else "") + (" changed" if entry.changed else "")
    flags = ""
    if entry.cancelled:
        flags = f'<span class="badge">{_e(t("doc.agenda.cancelled", lang))}</span>'
    elif entry.changed:
        flags = f'<span class="badge">{_e(t("doc.agenda.changed", lang))}</span>'
    when = (
        f'<div class="when"><span class="time struck">{_e(span(entry.start, entry.end, view.timezone, with_date=days))}</span>'
        f'<span class="struck">{_e(t("doc.agenda.slot", lang))} {entry.slot_number}</span>'
        f'<span class="struck">{_e(t("doc.agenda.table", lang))} {_e(entry.table_label)}</span>{flags}</div>'
    )
    body = "".join(_partner(p, lang) for p in entry.partners)
    body += _line(t("doc.agenda.reason", lang), entry.reason.pick(lang))
    body += _line(t("doc.agenda.interpreter", lang), entry.interpreter)
    return f'<article class="{classes}">{when}<div class="body">{body}</div></article>'


def _partner(card: PartnerCard, lang: str) -> str:
    where = " · ".join(x for x in (card.organisation.pick(lang), card.country) if x)
    fields = ", ".join(f.pick(lang) for f in card.fields if f)
    return (
        f"<h3>{_e(card.name.pick(lang))}</h3>"
        + (f"<p>{_e(where)}</p>" if where else "")
        + _line(t("doc.agenda.fields", lang), fields)
        + _line(t("doc.agenda.profile", lang), card.summary.pick(lang))
    )


def _line(label: str, value: str) -> str:
    return f'<p><span class="label">{_e(label)}:</span> {_e(value)}</p>' if value else ""


def _zone_label(timezone: str, moment: datetime) -> str:
    """``Asia/Seoul (UTC+09:00)``: the zone's name and its offset on the event day."""
    offset = moment.astimezone(ZoneInfo(timezone)).strftime("%z")
    return f"{timezone} (UTC{offset[:3]}:{offset[3:]})" if offset else timezone


# --- staff sheets ------------------------------------------------------------------------------


def sheets_html(sheets: StaffSheets, lang: str) -> str:
    """The table plan, the interpreter plan and the door list as one printable page in ``lang``."""
    event = sheets.event_name.pick(lang)
    zone = _zone_label(sheets.timezone, sheets.slots[0].start if sheets.slots else sheets.made_at)
    meta = _meta(
        (t(f"doc.sheet.{key}", lang), _e(value))
        for key, value in (
            ("venue", sheets.venue),
            ("timezone", zone),
            ("made_at", clock(sheets.made_at, sheets.timezone, with_date=True)),
        )
        if value
    )
    head = f"<h1>{_e(event)}</h1>{meta}"
    body = _table_plan(sheets, lang, head) + _interpreter_plan(sheets, lang, head) + _door_list(sheets, lang, head)
    return _document(f"{event} · {t('doc.sheet.title', lang)}", lang, _BASE_CSS + _SHEET_CSS, body)


def _table_plan(sheets: StaffSheets, lang: str, head: str) -> str:
    grid = table_grid(sheets)

    def cell(m: SheetMeeting) -> str:
        left, right = sides(m, lang)
        extra = f"{t('doc.sheet.interpreter', lang)}: {m.interpreter}" if m.interpreter else ""
        return _pair(left, right, extra)

    grids = "".join(
        _grid(sheets, lang, t("doc.sheet.table", lang), chunk, lambda s, c: grid.get((s, c)), cell)
        for chunk in _chunks(sheets.tables)
    )
    return f'<section class="grid">{head}<h2>{_e(t("doc.sheet.table_plan", lang))}</h2>{grids}</section>'


def _interpreter_plan(sheets: StaffSheets, lang: str, head: str) -> str:
    grid = interpreter_grid(sheets)

    def cell(m: SheetMeeting) -> str:
        left, right = sides(m, lang)
        table = f"{t('doc.sheet.table', lang)} {m.table_label}" + (f" ({m.languages})" if m.languages else "")
        return f"<b>{_e(table)}</b>" + _pair(left, right, "")

    grids = "".join(
        _grid(sheets, lang, t("doc.sheet.interpreter", lang), chunk, lambda s, c: grid.get((s, c)), cell)
        for chunk in _chunks(interpreters(sheets))
    )
    return f'<section class="grid">{head}<h2>{_e(t("doc.sheet.interpreter_plan", lang))}</h2>{grids}</section>'


def _grid(sheets: StaffSheets, lang: str, corner: str, columns: Sequence[str], find: _Find, cell: _Cell) -> str:
    times = slot_times(sheets)
    header = (
        f'<th class="slot">{_e(t("doc.sheet.slot", lang))}</th><th class="time">{_e(t("doc.sheet.time", lang))}</th>'
    )
    header += "".join(f'<th title="{_e(corner)}">{_e(c)}</th>' for c in columns)
    rows = []
    for slot in sheets.slots:
        cells = []
        for column in columns:
            meeting = find(slot.number, column)
            cells.append(
                f"<td>{cell(meeting)}</td>" if meeting else f'<td class="free">{_e(t("doc.sheet.free", lang))}</td>'
            )
        rows.append(f'<tr><td class="num">{slot.number}</td><td>{_e(times[slot.number])}</td>{"".join(cells)}</tr>')
    return f'<table class="plan"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _pair(left: str, right: str, extra: str) -> str:
    out = f'<span class="left">{_e(left)}</span><span class="right">{_e(right)}</span>'
    return out + (f'<span class="extra">{_e(extra)}</span>' if extra else "")


def _door_list(sheets: StaffSheets, lang: str, head: str) -> str:
    keys = ("name", "organisation", "type", "meetings", "first_meeting", "first_table", "check_in", "no_show")
    header = "".join(f"<th>{_e(t(f'doc.sheet.{k}', lang))}</th>" for k in keys)
    days = spans_days((d.first_start for d in sheets.door if d.first_start), sheets.timezone)
    rows = []
    for d in door_order(sheets.door, lang):
        checked = (
            _e(clock(d.checked_in_at, sheets.timezone, with_date=days))
            if d.checked_in_at
            else '<span class="box"></span>'
        )
        no_show = f'<span class="noshow">{_e(t("doc.sheet.no_show", lang))}</span>' if d.no_show else ""
        values = (d.name.pick(lang), d.organisation.pick(lang), d.type_name.pick(lang))
        rows.append(
            "<tr>" + "".join(f"<td>{_e(v)}</td>" for v in values) + f'<td class="num">{d.meetings}</td>'
            f"<td>{_e(first_meeting(d, sheets.timezone, with_date=days))}</td><td>{_e(d.first_table)}</td>"
            f"<td>{checked}</td><td>{no_show}</td></tr>"
        )
    table = f'<table class="door"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return f'<section class="door">{head}<h2>{_e(t("doc.sheet.door_list", lang))}</h2>{table}</section>'


def _chunks(columns: Sequence[str]) -> list[Sequence[str]]:
    return [columns[i : i + GRID_COLUMNS] for i in range(0, len(columns), GRID_COLUMNS)] or [()]


# --- shared ------------------------------------------------------------------------------------


def pdf(html: str) -> bytes:
    """The page as PDF (WeasyPrint; fonts embedded and subset)."""
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _document(title: str, lang: str, css: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{css}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def _meta(items: Iterable[tuple[str, str]]) -> str:
    pairs = "".join(f"<dt>{_e(label)}</dt><dd>{html}</dd>" for label, html in items)
    return f'<dl class="meta">{pairs}</dl>'


def _e(text: str) -> str:
    return escape(text, quote=True)
