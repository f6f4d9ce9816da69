"""The outcome report as tables, one per part: what the workbook (one sheet each), the HTML page and
the PDF all show, so the three always agree. Values stay numbers and dates; labels are in ``lang``."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from seoro.domain.outcomes import Breakdown, Case, Count, OutcomeReport
from seoro.domain.text import BilingualText
from seoro.domain.vocab import label
from seoro.files.writing import Table, write_table
from seoro.i18n import t

SECTIONS = (
    "figures",
    "participants_by_type",
    "participants_by_country",
    "funnel",
    "by_kind",
    "by_field",
    "by_country",
    "by_region",
    "successes",
    "agreements",
)


@dataclass(frozen=True)
class Section:
    key: str  # one of SECTIONS
    table: Table  # named by the section's title in the language asked for


def report_tables(report: OutcomeReport, lang: str) -> list[Section]:
    """Every part of the report as a table, in :data:`SECTIONS` order."""
    rows: dict[str, tuple[tuple[str, ...], list[list[object]]]] = {
        "figures": (("figure", "value"), _figures(report, lang)),
        "participants_by_type": (("type", "people"), _counts(report.participants_by_type, lang)),
        "participants_by_country": (("country", "people"), _counts(report.participants_by_country, lang)),
        "funnel": (
            ("stage", "leads", "conversion"),
            [[s.label.pick(lang), s.leads, s.conversion] for s in report.funnel],
        ),
        "by_kind": (
            ("kind", "results", "amount"),
            [[k.label.pick(lang), k.results, k.amount_krw] for k in report.by_kind],
        ),
        "by_field": (("field", *_TALLY), _breakdown(report.by_field, lang)),
        "by_country": (("country", *_TALLY), _breakdown(report.by_country, lang)),
        "by_region": (("region", *_TALLY), _breakdown(report.by_region, lang)),
        "successes": (
            ("date", "title", "party_a", "party_b", "kind", "amount", "lead"),
            [
                [*_case(c, lang), label(c.kind).pick(lang) if c.kind else "", c.amount_krw, c.lead_id]
                for c in report.successes
            ],
        ),
        "agreements": (
            ("date", "title", "party_a", "party_b", "lead"),
            [[*_case(c, lang), c.lead_id] for c in report.agreements],
        ),
    }
    return [Section(key, _table(key, rows[key][0], rows[key][1], lang)) for key in SECTIONS]


_TALLY = ("leads", "agreements", "results", "amount")


def _table(key: str, columns: Sequence[str], rows: list[list[object]], lang: str) -> Table:
    headers = [t(f"doc.report.col.{c}", lang) for c in columns]
    return Table(t(f"doc.report.section.{key}", lang), headers, rows)


def _figures(report: OutcomeReport, lang: str) -> list[list[object]]:
    return [[t(f"doc.report.figure.{name}", lang), value] for name, value in report.figures.items()]


def _counts(rows: Sequence[Count], lang: str) -> list[list[object]]:
    return [[named(r.label, lang), r.count] for r in rows]


def _breakdown(rows: Sequence[Breakdown], lang: str) -> list[list[object]]:
    return [[named(r.label, lang), r.leads, r.agreements, r.results, r.amount_krw] for r in rows]


def _case(case: Case, lang: str) -> list[object]:
    return [case.on, case.title.pick(lang), case.parties[0].pick(lang), case.parties[1].pick(lang)]


def named(text: BilingualText, lang: str) -> str:
    """A group's name in ``lang``; the group of records whose country, region or field is not known
    has none, and reads 'unknown'."""
    return text.pick(lang) or t("doc.report.unknown", lang)


def report_xlsx(report: OutcomeReport, lang: str) -> bytes:
    """The report as a workbook, one sheet per table (titles in ``lang``, at most 31 characters)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.xlsx"
        write_table(path, [s.table for s in report_tables(report, lang)])  # the exports' sheet rules
        return path.read_bytes()
