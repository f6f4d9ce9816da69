"""Build SourceSheets as the reader would, so service tests need no files."""

from __future__ import annotations

from typing import Any

from seoro.domain.errors import Location
from seoro.files.columns import RecordKind
from seoro.files.records import SourceRow, SourceSheet


def sheet(kind: RecordKind, *rows: dict[str, Any], file: str = "test.xlsx") -> SourceSheet:
    source_rows = []
    for number, values in enumerate(rows, start=2):
        cells = {key: Location(file, number, chr(ord("A") + i), key, kind.value) for i, key in enumerate(values)}
        source_rows.append(SourceRow(Location(file, number, sheet=kind.value), dict(values), cells))
    return SourceSheet(file, kind.value, kind, 1, rows=source_rows)
