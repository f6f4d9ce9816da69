"""The outcome report as a self-contained bilingual HTML page with inline SVG charts, and as PDF.

The page is in ``lang``; every heading and headline figure also carries its name in the other
language, so one printed copy serves Korean and foreign partners alike. The tables are those of
:mod:`seoro.files.report_tables` (the workbook's sheets). Korean text uses NanumGothic (Debian
``fonts-nanum``), as the agendas do; every value is HTML-escaped.
"""

from __future__ import annotations

from datetime import date
from html import escape

from seoro.domain.outcomes import OutcomeReport, Scope
from seoro.files.printable import pdf
from seoro.files.report_charts import report_charts
from seoro.files.report_tables import Section, report_tables
from seoro.i18n import LANGS, t

# the page around the report (the file and the PDF); a web page embedding the report has its own
PAGE_CSS = """
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "NanumGothic", sans-serif; color: #666; } }
* { box-sizing: border-box; }
html { font-family: "NanumGothic", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
body { margin: 0 auto; padding: 12px; max-width: 56rem; }
@media print { body { padding: 0; max-width: none; } }
"""
# the report itself, every rule scoped to it: what a web page embeds with the report's body
REPORT_CSS = """
.seoro-report h1 { font-size: 1.5em; margin: 0 0 .3em; }
.seoro-report h2 { font-size: 1.15em; margin: 1.2em 0 .4em; border-bottom: 1px solid #ccc; padding-bottom: .15em; }
.seoro-report .other { color: #666; font-weight: normal; font-size: .85em; margin-left: .4em; }
.seoro-report dl.meta { display: grid; grid-template-columns: 7em 1fr; gap: .15em 1em; margin: .4em 0 .8em; }
.seoro-report dt { color: #555; } .seoro-report dd { margin: 0; font-weight: bold; }
.seoro-report .note { color: #555; font-size: .9em; }
.seoro-report section { break-inside: avoid; page-break-inside: avoid; }
.seoro-report section.long { break-inside: auto; page-break-inside: auto; }
.seoro-report table { border-collapse: collapse; width: 100%; margin: 0 0 .6em; font-size: .95em; }
.seoro-report th, .seoro-report td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
.seoro-report thead th { background: #eaeef2; }
.seoro-report thead { display: table-header-group; }
.seoro-report tr { break-inside: avoid; page-break-inside: avoid; }
.seoro-report td.num { text-align: right; white-space: nowrap; }
.seoro-report figure { margin: .3em 0 .6em; }
.seoro-report figure svg { max-width: 100%; height: auto; }
"""
_LONG = frozenset({"successes", "agreements"})  # lists that may run over pages


def report_page(report: OutcomeReport, lang: str, *, made_on: date | None = None) -> str:
    """The whole report as one HTML page in ``lang`` (with the other language beside the headings)."""
    title = t("doc.report.title", lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{PAGE_CSS}{REPORT_CSS}</style></head>\n"
        f"<body>\n{report_body(report, lang, made_on=made_on)}\n</body></html>\n"
    )


def report_body(report: OutcomeReport, lang: str, *, made_on: date | None = None) -> str:
    """The report without the page around it (for a web page to embed with :data:`REPORT_CSS`)."""
    charts = report_charts(report, lang)
    figures = "".join(_figure_row(name, value, lang) for name, value in report.figures.items())
    sections = "\n".join(
        _section(s, lang, charts.get(s.key, ""), figures if s.key == "figures" else "")
        for s in report_tables(report, lang)
    )
    head = f"<h1>{_both('doc.report.title', lang)}</h1>{_meta(report, lang, made_on)}"
    return f'<div class="seoro-report">{head}<p class="note">{_e(t("doc.report.note", lang))}</p>\n{sections}</div>'


def report_pdf(report: OutcomeReport, lang: str, *, made_on: date | None = None) -> bytes:
    return pdf(report_page(report, lang, made_on=made_on))


def _meta(report: OutcomeReport, lang: str, made_on: date | None) -> str:
    events = " · ".join(e.pick(lang) for e in report.events) or t("doc.report.none", lang)
    items = [
        ("doc.report.scope", scope_text(report.scope, lang)),
        ("doc.report.events", events),
        ("doc.report.made_at", made_on.isoformat() if made_on else ""),
    ]
    pairs = "".join(f"<dt>{_e(t(key, lang))}</dt><dd>{_e(value)}</dd>" for key, value in items if value)
    return f'<dl class="meta">{pairs}</dl>'


def scope_text(scope: Scope, lang: str) -> str:
    """``사업: X · 행사 3 · 기간: 2026-01-01 ~ 2026-12-31``, or 'everything'."""
    parts = []
    if scope.programme is not None:
        parts.append(f"{t('doc.report.programme', lang)}: {scope.programme}")
    if scope.event_id is not None:
        parts.append(f"{t('doc.report.events', lang)} #{scope.event_id}")
    if scope.start or scope.end:
        parts.append(f"{t('doc.report.period', lang)}: {_period(scope, lang)}")
    return " · ".join(parts) or t("doc.report.everything", lang)


def _period(scope: Scope, lang: str) -> str:
    if scope.start and scope.end:
        return f"{scope.start.isoformat()} ~ {scope.end.isoformat()}"
    if scope.start:
        return t("doc.report.since", lang, start=scope.start.isoformat())
    return t("doc.report.until", lang, end=scope.end.isoformat() if scope.end else "")


def _section(section: Section, lang: str, chart: str, rows: str) -> str:
    """A heading in both languages, the chart if there is one, and the table (``rows``: the table's
    body, when it is not simply the table's values)."""
    figure = f'<figure role="img" aria-label="{_e(section.table.name)}">{chart}</figure>' if chart else ""
    table = section.table
    header = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
    rows = rows or "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in table.rows)
    if not table.rows:
        rows = f'<tr><td colspan="{len(table.headers)}" class="note">{_e(t("doc.report.none", lang))}</td></tr>'
    long = ' class="long"' if section.key in _LONG else ""
    return (
        f'<section id="report-{section.key}"{long}><h2>{_both(f"doc.report.section.{section.key}", lang)}</h2>'
        f"{figure}<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _figure_row(name: str, value: int, lang: str) -> str:
    return f"<tr><td>{_both(f'doc.report.figure.{name}', lang)}</td>{_cell(value)}</tr>"


def _cell(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return '<td class="num">–</td>' if value is None else f"<td>{_e(str(value))}</td>"
    if isinstance(value, int):
        return f'<td class="num">{value:,}</td>'
    if isinstance(value, float):
        return f'<td class="num">{value:.1f}</td>'
    if isinstance(value, date):
        return f'<td class="num">{value.isoformat()}</td>'
    return f"<td>{_e(str(value))}</td>"


def _both(key: str, lang: str) -> str:
    """The label in ``lang``, then in the other language (smaller)."""
    other = next(code for code in LANGS if code != lang) if lang in LANGS else "ko"
    first, second = t(key, lang), t(key, other)
    return _e(first) + (f'<span class="other" lang="{other}">{_e(second)}</span>' if second != first else "")


def _e(text: str) -> str:
    return escape(text, quote=True)
