"""What reading a spreadsheet yields: typed rows that remember where each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from seoro.domain.errors import Location, Problem
from seoro.files.columns import RecordKind


@dataclass
class SourceRow:
    """One data row. ``values`` holds parsed values by column key (blank cells are absent);
    ``cells`` says where each value sits, so later checks (unknown field, unknown organisation)
    can name the file, row and column too."""

    location: Location
    values: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, Location] = field(default_factory=dict)

    def where(self, key: str) -> Location:
        return self.cells.get(key, self.location)


@dataclass
class SourceSheet:
    file: str
    sheet: str
    kind: RecordKind
    header_row: int = 0
    columns: list[tuple[str, str, str]] = field(default_factory=list)  # (key, column letter, header)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (column letter, header) not recognised
    rows: list[SourceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
