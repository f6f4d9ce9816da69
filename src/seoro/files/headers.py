"""Finding the header row of a messy sheet, and which file column holds which field.

Agency sheets put title rows above the header, merge a group header ("담당자") over sub-headers
("성명 | 이메일"), and spell headers many ways. A header row is the row (or pair of rows) whose cells
match the most known headers of a kind; see :data:`seoro.files.columns.COLUMNS`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from seoro.domain.errors import DomainError
from seoro.domain.text import clean
from seoro.files.cleaning import cell_text
from seoro.files.columns import COLUMNS, IMPORT_ORDER, SHEET_NAMES, RecordKind

_SCAN_ROWS = 20
_MIN_MATCHES = 2  # one matching cell is not enough: a title or a help text can name a column too
_NOT_KEY = re.compile(r"[\s\u200b\u2060\ufeff]+")

# Sheets that explain a workbook (our templates have one) hold column names as text, not a header.
GUIDE_SHEETS = ("안내", "Guide", "작성방법", "작성요령", "설명", "도움말", "README", "Instructions", "Help")


def header_key(text: str) -> str:
    """What a header is compared by: NFKC, case-folded, without spaces, line breaks or ``*`` marks."""
    return _NOT_KEY.sub("", unicodedata.normalize("NFKC", text)).casefold().strip("*")


HEADER_INDEX: dict[RecordKind, dict[str, str]] = {
    kind: {header_key(header): column.key for column in columns for header in column.headers}
    for kind, columns in COLUMNS.items()
}
_SHEET_KINDS = {header_key(name): kind for kind, names in SHEET_NAMES.items() for name in names}
_GUIDE_KEYS = {header_key(name) for name in GUIDE_SHEETS}


def kind_of_sheet(name: str) -> RecordKind | None:
    return _SHEET_KINDS.get(header_key(name))


def is_guide_sheet(name: str) -> bool:
    return header_key(name) in _GUIDE_KEYS


@dataclass(frozen=True)
class HeaderCell:
    index: int  # 0-based column
    text: str  # the header as written (cleaned), "담당자 이메일" for a sub-header under "담당자"
    key: str | None  # None when no column of the kind has this header


@dataclass(frozen=True)
class Header:
    row: int  # 0-based index of the (first) header row
    depth: int  # 2 when a group header row sits over a sub-header row
    cells: tuple[HeaderCell, ...]

    @property
    def score(self) -> tuple[int, int]:
        """(cells recognised, distinct fields recognised): bigger is a better match."""
        keys = [cell.key for cell in self.cells if cell.key]
        return len(keys), len(set(keys))


def column_letter(index: int) -> str:
    """``A`` for 0, ``Z`` for 25, ``AA`` for 26: the letters Excel shows above a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def find_header(
    rows: Sequence[Sequence[object]], kind: RecordKind | None, sheet: str, file: str
) -> tuple[RecordKind, Header] | None:
    """The kind of a sheet and its header, or ``None`` when no row looks like a header.

    The kind is ``kind`` if given, else the one the sheet name says, else the kind whose headers
    match best; two kinds matching equally well raise ``unknown_kind``.
    """
    named = kind or kind_of_sheet(sheet)
    scan = _scan(rows)
    found = [
        (header.score, k, header) for k in ([named] if named else IMPORT_ORDER) if (header := _best_header(scan, k))
    ]
    if not found:
        return None
    found.sort(key=lambda item: item[0], reverse=True)
    if len(found) > 1 and found[0][0] == found[1][0]:
        raise DomainError("unknown_kind", file=file, sheet=sheet)
    return found[0][1], found[0][2]


def _line(row: Sequence[object]) -> list[str]:
    return [clean(cell_text(value)) for value in row]


def _scan(rows: Sequence[Sequence[object]]) -> list[tuple[int, list[str], list[str]]]:
    """(index, cell texts, cell texts of the row below) for the first non-blank rows."""
    scan: list[tuple[int, list[str], list[str]]] = []
    for index, row in enumerate(rows):
        line = _line(row)
        if any(line):
            scan.append((index, line, _line(rows[index + 1]) if index + 1 < len(rows) else []))
            if len(scan) == _SCAN_ROWS:
                break
    return scan


def _best_header(scan: list[tuple[int, list[str], list[str]]], kind: RecordKind) -> Header | None:
    index = HEADER_INDEX[kind]
    best: Header | None = None
    for row, top, below in scan:
        candidates = [_single(row, top, index)]
        pair = _pair(row, top, below, index)
        # A title row over the real header also looks like a group header; the pair must beat both rows.
        if pair and pair.score > max(candidates[0].score, _single(row + 1, below, index).score):
            candidates.append(pair)
        for header in candidates:
            if _plausible(header, top) and (best is None or header.score > best.score):
                best = header
    return best


def _plausible(header: Header, top: list[str]) -> bool:
    recognised = header.score[0]
    return recognised >= _MIN_MATCHES or (recognised == 1 and header.depth == 1 and sum(map(bool, top)) == 1)


def _single(row: int, top: list[str], index: dict[str, str]) -> Header:
    cells = tuple(HeaderCell(i, text, index.get(header_key(text))) for i, text in enumerate(top) if text)
    return Header(row, 1, cells)


def _pair(row: int, top: list[str], below: list[str], index: dict[str, str]) -> Header | None:
    """A group header ("담당자") over sub-headers ("성명 | 이메일"), or ``None`` if ``below`` is not one.

    A merged group header leaves the cells to its right blank, with the sub-headers under them;
    elsewhere the row below is blank (or repeats the header, where a cell was merged downwards).
    """
    groups = _groups(top, below)
    if not groups:
        return None
    cells: list[HeaderCell] = []
    for i, text in enumerate(top):
        sub = below[i] if i < len(below) else ""
        anchor = groups.get(i)
        if anchor is None:
            if sub and sub != text:
                return None  # the row below is data, not sub-headers
            if text:
                cells.append(HeaderCell(i, text, index.get(header_key(text))))
        else:
            cells.append(_sub_header(i, top[anchor], sub, i == anchor, index))
    return Header(row, 2, tuple(cells))


def _groups(top: list[str], below: list[str]) -> dict[int, int]:
    """Column → column of its group header, for columns under a group header that spans blanks."""
    groups: dict[int, int] = {}
    for i in range(1, len(top)):
        under = i < len(below) and bool(below[i])
        if not top[i] and under and (i - 1 in groups or top[i - 1]):
            groups[i] = groups.get(i - 1, i - 1)
            groups[i - 1] = groups[i]
    return groups


def _sub_header(i: int, group: str, sub: str, first: bool, index: dict[str, str]) -> HeaderCell:
    # "담당자 이메일" is the most specific; the bare sub-header next; the group header itself names
    # only its first column ("담당자" over "성명" is the contact's name).
    candidates = [f"{group} {sub}", sub] if sub else []
    if first or not sub:
        candidates.append(group)
    for text in candidates:
        key = index.get(header_key(text))
        if key:
            return HeaderCell(i, text, key)
    return HeaderCell(i, candidates[0], None)
