"""Loading a spreadsheet file into plain grids of raw cell values, one per sheet.

Korean CSV files come in UTF-8 (with or without BOM) or CP949/EUC-KR; guessing detectors get short
CP949 files wrong, so strict UTF-8 is tried first, then CP949 (see docs STACK.md §4).
"""

from __future__ import annotations

import csv
import io
import warnings
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import openpyxl

from seoro.domain.errors import DomainError

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
_DELIMITERS = (",", "\t", ";")  # preference order when two split a file equally well
_SNIFF_RECORDS = 20


@dataclass
class Grid:
    """One sheet: ``rows[r][c]`` is the cell at 0-based row ``r`` and column ``c``, all rows equally long."""

    name: str  # "" for a CSV file
    rows: list[list[Any]]


def load_grids(path: Path) -> list[Grid]:
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _load_workbook(path)
    if suffix in TEXT_SUFFIXES:
        text = _decode(_read_bytes(path), str(path))
        return [Grid("", _rectangle(_parse_csv(text, "\t" if suffix == ".tsv" else None, str(path))))]
    raise DomainError("unsupported_format", file=str(path), suffix=suffix)


def _decode(data: bytes, file: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export is UTF-16
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp949")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError("unknown_encoding", file=file)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DomainError("unreadable_file", file=str(path), reason=exc.strerror or type(exc).__name__) from exc


def _load_workbook(path: Path) -> list[Grid]:
    try:
        # openpyxl warns about every Excel feature it drops (data validation extensions, slicers);
        # none of them matter for reading values, and users cannot act on them.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=True)
    except OSError as exc:
        raise DomainError("unreadable_file", file=str(path), reason=exc.strerror or type(exc).__name__) from exc
    except Exception as exc:
        # A damaged or mislabelled file makes openpyxl fail with whatever its zip or XML layer raised.
        raise DomainError("unreadable_file", file=str(path), reason=str(exc) or type(exc).__name__) from exc
    try:
        # Hidden sheets hold lookup lists for drop-downs; staff cannot see them, so they are not data.
        return [_sheet_grid(sheet) for sheet in book.worksheets if sheet.sheet_state == "visible"]
    finally:
        book.close()


def _sheet_grid(sheet: Any) -> Grid:
    rows = [
        list(row)
        for row in sheet.iter_rows(
            min_row=1, min_col=1, max_row=sheet.max_row, max_col=sheet.max_column, values_only=True
        )
    ]
    for merged in sheet.merged_cells.ranges:
        # A value merged down over several rows (one organisation, several needs) belongs to each
        # row. Across columns it stays in the first one: that is the column its header names.
        column = merged.min_col - 1
        value = rows[merged.min_row - 1][column]
        for row in range(merged.min_row, min(merged.max_row, len(rows))):
            rows[row][column] = value
    return Grid(sheet.title, _rectangle(rows))


def _parse_csv(text: str, delimiter: str | None, file: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or _sniff_delimiter(text)))
    except csv.Error as exc:
        raise DomainError("unreadable_file", file=file, reason=str(exc)) from exc


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank records into the same number of fields most often."""
    return max(_DELIMITERS, key=lambda delimiter: _consistency(text, delimiter))


def _consistency(text: str, delimiter: str) -> tuple[int, int]:
    records = (record for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if any(record))
    try:
        widths = Counter(len(record) for record in islice(records, _SNIFF_RECORDS))
    except csv.Error:
        return 0, 0
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
    return (count, width) if width > 1 else (0, 0)


def _rectangle(rows: list[list[Any]]) -> list[list[Any]]:
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]
