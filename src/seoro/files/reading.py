"""Reading agency spreadsheets (.xlsx, .csv) into typed rows that remember where each value came from.

Bad cells do not stop the reading: each becomes a :class:`~seoro.domain.errors.Problem` naming its
file, sheet, row and column, so a user can fix a whole file in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seoro.domain.errors import DomainError, Location, Problem
from seoro.domain.text import language_of
from seoro.files.cleaning import cell_text, is_blank, parse_value
from seoro.files.columns import COLUMNS, GENERIC, IMPORT_ORDER, RecordKind
from seoro.files.grids import Grid, load_grids
from seoro.files.headers import Header, HeaderCell, column_letter, find_header, is_guide_sheet
from seoro.files.records import SourceRow, SourceSheet


def read_sheets(path: Path, kind: RecordKind | None = None) -> list[SourceSheet]:
    """Every sheet of ``path`` that holds records, in import order (organisations first).

    ``kind`` forces the kind of every sheet; otherwise a sheet's name or its headers say it.
    """
    file = str(path)
    grids = [grid for grid in load_grids(path) if _has_values(grid.rows) and not is_guide_sheet(grid.name)]
    sheets: list[SourceSheet] = []
    for grid in grids:
        found = find_header(grid.rows, kind, grid.name, file)
        if found:
            sheets.append(_SheetReader(file, grid, *found).read())
    if not sheets:
        if not grids:
            raise DomainError("empty_file", file=file)
        raise DomainError("no_header", file=file)
    return sorted(sheets, key=lambda sheet: IMPORT_ORDER.index(sheet.kind))


def _has_values(rows: Sequence[Sequence[Any]]) -> bool:
    return any(not is_blank(value) for row in rows for value in row)


class _SheetReader:
    """Reads the data rows under one header."""

    def __init__(self, file: str, grid: Grid, kind: RecordKind, header: Header) -> None:
        self.file, self.grid, self.kind, self.header = file, grid, kind, header
        self.sheet = SourceSheet(file, grid.name, kind, header_row=header.row + 1)
        self.data = grid.rows[header.row + header.depth :]
        self.first_data_row = header.row + header.depth + 1  # 1-based, as Excel numbers rows
        self.columns = {column.key: column for column in COLUMNS[kind]}
        self.generic = GENERIC[kind]
        self.problems = self.sheet.problems

    def read(self) -> SourceSheet:
        used = self._choose_columns()
        self.sheet.columns = [(cell.key or "", column_letter(cell.index), cell.text) for cell in used]
        self._check_required(used)
        for offset, values in enumerate(self.data):
            if any(not is_blank(values[cell.index]) for cell in used):
                self.sheet.rows.append(self._read_row(self.first_data_row + offset, values, used))
        self.sheet.problems.sort(key=lambda p: (p.location.row, len(p.location.column), p.location.column))
        return self.sheet

    def _choose_columns(self) -> list[HeaderCell]:
        """The header cells whose columns are read; the rest go to ``ignored`` or become problems."""
        by_key: dict[str, list[HeaderCell]] = defaultdict(list)
        ignored = [cell for cell in self.header.cells if cell.key is None]
        for cell in self.header.cells:
            if cell.key:
                by_key[cell.key].append(cell)
        used: list[HeaderCell] = []
        for key, cells in by_key.items():
            if key in self.generic:  # "기관명" and "Organisation" side by side: each cell finds its language
                used.extend(cells)
                continue
            filled = [cell for cell in cells if self._has_data(cell.index)] or cells[:1]
            used.append(filled[0])
            ignored.extend(cell for cell in cells if cell not in filled)
            for extra in filled[1:]:
                self._duplicate(extra, filled[0])
        ignored.extend(HeaderCell(i, "", None) for i in self._unnamed_columns())
        self.sheet.ignored = [(column_letter(cell.index), cell.text) for cell in sorted(ignored, key=lambda c: c.index)]
        return sorted(used, key=lambda cell: cell.index)

    def _has_data(self, index: int) -> bool:
        return any(not is_blank(values[index]) for values in self.data)

    def _unnamed_columns(self) -> list[int]:
        named = {cell.index for cell in self.header.cells}
        width = len(self.grid.rows[0]) if self.grid.rows else 0
        return [i for i in range(width) if i not in named and self._has_data(i)]

    def _duplicate(self, extra: HeaderCell, kept: HeaderCell) -> None:
        params = {"header": extra.text, "other_header": kept.text, "other_column": column_letter(kept.index)}
        self.problems.append(Problem(self._header_location(extra), extra.key or "", "duplicate_column", params))

    def _check_required(self, used: list[HeaderCell]) -> None:
        present = {cell.key for cell in used}
        for column in COLUMNS[self.kind]:
            if column.required and column.key not in present:
                where = Location(self.file, self.sheet.header_row, sheet=self.grid.name)
                params = {"header_ko": column.header_ko, "header_en": column.header_en}
                self.problems.append(Problem(where, column.key, "missing_column", params))

    def _header_location(self, cell: HeaderCell) -> Location:
        return Location(self.file, self.sheet.header_row, column_letter(cell.index), cell.text, self.grid.name)

    def _read_row(self, number: int, values: list[Any], used: list[HeaderCell]) -> SourceRow:
        row = SourceRow(Location(self.file, number, sheet=self.grid.name))
        # Explicit Korean/English columns first, so a generic column only fills the slot left free.
        for cell in sorted(used, key=lambda c: c.key in self.generic):
            self._read_cell(row, cell, values[cell.index])
        return row

    def _read_cell(self, row: SourceRow, cell: HeaderCell, raw: object) -> None:
        key = cell.key or ""
        where = Location(self.file, row.location.row, column_letter(cell.index), cell.text, self.grid.name)
        try:
            value = parse_value(self.columns[key], raw)
        except DomainError as err:
            self.problems.append(Problem(where, key, err.code, err.params | {"value": cell_text(raw)}))
            return
        if value is None:
            return
        if key in self.generic:
            self._route(row, key, value, where)
        else:
            row.values[key], row.cells[key] = value, where

    def _route(self, row: SourceRow, key: str, value: Any, where: Location) -> None:
        """Put a generic text into its language's slot, or the other one if that is taken."""
        ko, en = self.generic[key]
        slots = (ko, en) if language_of(value) == "ko" else (en, ko)
        if value in (row.values.get(ko), row.values.get(en)):
            return
        for slot in slots:
            if slot not in row.values:
                row.values[slot], row.cells[slot] = value, where
                return
        params = {"value": value, "ko": row.values[ko], "en": row.values[en]}
        self.problems.append(Problem(where, key, "conflicting_text", params))
