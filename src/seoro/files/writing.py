"""Writing lists back out as .xlsx or .csv, and the import templates staff fill in.

Everything written here reads back through :func:`seoro.files.reading.read_sheets` to the same
values: :func:`format_value` is the inverse of :func:`seoro.files.cleaning.parse_value`.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from seoro.domain.errors import DomainError
from seoro.domain.vocab import LANGUAGES, label, words
from seoro.files.cleaning import cell_text
from seoro.files.columns import COLUMNS, GENERIC, IMPORT_ORDER, SHEET_NAMES, Column, RecordKind, ValueType
from seoro.files.grids import TEXT_SUFFIXES
from seoro.files.headers import column_letter

_MIN_WIDTH, _MAX_WIDTH = 8, 60
_WIDTH_SAMPLE = 1000  # rows looked at to size a column; enough to see its typical width
_BAD_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)


@dataclass(frozen=True)
class Table:
    """One sheet to write: a header row, then rows of plain values (str, int, float, date, None)."""

    name: str
    headers: list[str]
    rows: Sequence[Sequence[object]] = field(default_factory=list)

    def lines(self) -> list[Sequence[object]]:
        """The header row followed by the data rows."""
        return [self.headers, *self.rows]


def write_table(path: Path, sheets: Sequence[Table], *, encoding: str = "utf-8-sig") -> None:
    """Write ``sheets`` to ``path`` (.xlsx: one sheet each; .csv/.tsv/.txt: exactly one).

    CSV is written as UTF-8 with a BOM by default, which is what makes Excel open Korean text
    correctly; ``encoding="cp949"`` suits older tools and fails on characters CP949 lacks.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(path, sheets)
    elif suffix in TEXT_SUFFIXES:
        if len(sheets) != 1:
            raise DomainError("csv_one_sheet", file=str(path), count=len(sheets))
        _write_csv(path, sheets[0], encoding, "\t" if suffix == ".tsv" else ",")
    else:
        raise DomainError("unsupported_format", file=str(path), suffix=suffix)


def format_value(column: Column, value: object, lang: str) -> object:
    """A parsed value as a cell: lists joined, choices as their label in ``lang``, the rest as is."""
    if value is None or value == []:
        return None
    if column.type in (ValueType.LIST, ValueType.LANGUAGES):
        return ", ".join(_strings(value))
    if column.type is ValueType.NAMES:
        return "; ".join(_strings(value))
    if column.type is ValueType.CHOICE and column.choices is not None:
        return label(column.choices(str(value))).pick(lang)
    return value


def _strings(value: object) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise TypeError(f"expected a list of texts, got {value!r}")
    return [str(item) for item in value]


def _write_xlsx(path: Path, tables: Sequence[Table]) -> None:
    if not tables:
        raise ValueError("a workbook needs at least one sheet")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in tables:
        _fill_sheet(book.create_sheet(_sheet_title(table.name, book.sheetnames)), table)
    try:
        book.save(path)
    except OSError as exc:  # typically: the file is open in Excel
        raise DomainError("unwritable_file", file=str(path), reason=exc.strerror or type(exc).__name__) from exc
    finally:
        book.close()


def _sheet_title(name: str, taken: list[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of ``[]:*?/\\``, unique in the workbook."""
    base = name.translate(_BAD_SHEET_CHARS)[:31] or "Sheet"
    title, number = base, 1
    while title.casefold() in (t.casefold() for t in taken):
        number += 1
        title = f"{base[: 31 - len(str(number)) - 3]} ({number})"
    return title


def _fill_sheet(ws: Any, table: Table) -> None:
    for r, values in enumerate(table.lines(), start=1):
        for c, value in enumerate(values, start=1):
            _set_cell(ws.cell(row=r, column=c), value)
    for cell in ws[1]:
        cell.font = _BOLD
    ws.freeze_panes = "A2"
    if table.headers:
        ws.auto_filter.ref = f"A1:{column_letter(len(table.headers) - 1)}{len(table.rows) + 1}"
    for index, width in enumerate(_column_widths(table)):
        ws.column_dimensions[column_letter(index)].width = width


def _set_cell(target: Any, value: object) -> None:
    if isinstance(value, str):
        target.value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters cannot be stored in .xlsx
        target.data_type = "s"  # a text that starts with "=" stays text, not a formula
        if "\n" in value:
            target.alignment = _WRAP
    elif isinstance(value, datetime):
        target.value = value
        target.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        target.value = value
        target.number_format = "yyyy-mm-dd"
    elif value is None or isinstance(value, int | float):
        target.value = value
    else:
        target.value = str(value)


def _column_widths(table: Table) -> list[float]:
    widths = [_display_width(header) + 4 for header in table.headers]  # + room for the filter button
    for values in table.rows[:_WIDTH_SAMPLE]:
        for index, value in enumerate(values):
            if index >= len(widths):
                widths.append(0)
            widths[index] = max(widths[index], _display_width(cell_text(value)) + 2)
    return [min(max(width, _MIN_WIDTH), _MAX_WIDTH) for width in widths]


def _display_width(text: str) -> int:
    """Hangul and other wide characters take two columns in Excel's default font, Latin one."""
    return max(
        (sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.splitlines()),
        default=0,
    )


def _write_csv(path: Path, table: Table, encoding: str, delimiter: str) -> None:
    rows = [[cell_text(value) for value in values] for values in table.lines()]
    _check_encodable(path, table, rows, encoding)
    try:
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(rows)
    except OSError as exc:
        raise DomainError("unwritable_file", file=str(path), reason=exc.strerror or type(exc).__name__) from exc


def _check_encodable(path: Path, table: Table, rows: list[list[str]], encoding: str) -> None:
    for number, values in enumerate(rows, start=1):
        for index, text in enumerate(values):
            try:
                text.encode(encoding)
            except UnicodeEncodeError as exc:
                header = table.headers[index] if index < len(table.headers) else ""
                raise DomainError(
                    "not_encodable",
                    file=str(path),
                    encoding=encoding,
                    row=number,
                    column=column_letter(index),
                    header=header,
                    character=text[exc.start],
                ) from None


# --- Import templates -------------------------------------------------------------------------

_TYPE_HELP: dict[ValueType, tuple[str, str]] = {
    ValueType.TEXT: ("글자", "Text"),
    ValueType.LONGTEXT: ("글자(줄바꿈 가능)", "Text (line breaks kept)"),
    ValueType.LIST: ("목록: 쉼표(,)·세미콜론(;)·줄바꿈으로 구분", "List: separated by , ; or line breaks"),
    ValueType.NAMES: ("이름 목록: 세미콜론(;)이나 줄바꿈으로 구분", "Names: separated by ; or line breaks"),
    ValueType.INT: ("정수", "Whole number"),
    ValueType.YEAR: ("연도(예: 2024)", "Year (e.g. 2024)"),
    ValueType.DATE: ("날짜(예: 2025.07.28, 2025년 7월 28일)", "Date (e.g. 2025-07-28, 2025.07.28)"),
    ValueType.EMAIL: ("이메일 주소", "E-mail address"),
    ValueType.URL: ("웹 주소", "Web address"),
    ValueType.DOI: ("DOI(10.으로 시작)", "DOI (starts with 10.)"),
    ValueType.COUNTRY: ("국가명 또는 ISO 코드", "Country name or ISO code"),
    ValueType.LANGUAGES: ("언어, 쉼표로 구분", "Languages, comma-separated"),
    ValueType.CHOICE: ("다음 중 하나", "One of"),
}
_GUIDE = {
    "ko": ("안내", ["열 이름", "필수", "형식", "설명", "예시"], "예"),
    "en": ("Guide", ["Column", "Required", "Format", "Help", "Example"], "Yes"),
}


def template_columns(kind: RecordKind) -> tuple[Column, ...]:
    """The columns of a template: all but the generic ones that have explicit Korean and English columns."""
    keys = {column.key for column in COLUMNS[kind]}
    generic = GENERIC[kind]
    return tuple(c for c in COLUMNS[kind] if not (c.key in generic and set(generic[c.key]) <= keys))


def template_sheet_name(kind: RecordKind, lang: str) -> str:
    """A sheet name that says the kind (so the template reads back as that kind)."""
    names = SHEET_NAMES[kind]
    return names[0] if lang == "ko" else next(name for name in names if name.isascii())


def write_template(kind: RecordKind, path: Path, lang: str) -> None:
    """An .xlsx template: the header row (required columns marked ``*``) and a guide sheet."""
    columns = template_columns(kind)
    guide_name, guide_headers, yes = _GUIDE["ko" if lang == "ko" else "en"]
    guide = [
        [_template_header(c, lang), yes if c.required else "", _type_help(c, lang), c.help.pick(lang), c.example]
        for c in columns
    ]
    data = Table(template_sheet_name(kind, lang), [_template_header(c, lang) for c in columns])
    write_table(path, [data, Table(guide_name, guide_headers, guide)])


def _template_header(column: Column, lang: str) -> str:
    header = column.header_ko if lang == "ko" else column.header_en
    return f"{header}*" if column.required else header


def _type_help(column: Column, lang: str) -> str:
    ko, en = _TYPE_HELP[column.type]
    text = ko if lang == "ko" else en
    choices = _choice_words(column, lang)
    return f"{text}: {', '.join(choices)}" if choices else text


def _choice_words(column: Column, lang: str) -> list[str]:
    position = 0 if lang == "ko" else 1
    if column.type is ValueType.CHOICE and column.choices is not None:
        return [str(words(member)[position]) for member in column.choices]
    if column.type is ValueType.LANGUAGES:
        return [f"{names[position]} ({code})" for code, names in LANGUAGES.items()]
    return []


_KIND_TITLES = {
    RecordKind.ORGANISATIONS: "기관 · Organisations",
    RecordKind.EXPERTS: "전문가 · Experts",
    RecordKind.PUBLICATIONS: "논문 · Publications",
    RecordKind.PROFILES: "프로필(기술수요·기술공급) · Profiles (technology needs and offers)",
}
_MARKDOWN_INTRO = """\
# 불러오기 양식 · Import templates

<!-- Generated by seoro.files.writing.templates_markdown(); edit columns.py, not this file. -->

Seoro는 .xlsx와 .csv(UTF-8, UTF-8 BOM, CP949/EUC-KR) 파일을 읽습니다. 제목 행, 빈 행·빈 열,
병합된 셀, 두 줄 머리글(예: "담당자" 아래 "성명 | 이메일")이 있어도 됩니다. 머리글은 대소문자, 띄어쓰기,
줄바꿈, 끝의 `*`를 무시하고 비교합니다. 시트 이름(아래)이 종류를 알려 주며, 없으면 머리글로 판단합니다.

Seoro reads .xlsx and .csv files (UTF-8, UTF-8 with BOM, CP949/EUC-KR). Title rows, blank rows and
columns, merged cells and two-row headers are fine. Headers are compared ignoring case, spaces, line
breaks and a trailing `*` (the templates' mark for a required column). A sheet's name says what it
holds (names below); otherwise its headers do.

Dates may be written `2025.07.28`, `2025. 7. 28.`, `2025-07-28`, `2025/07/28`, `2025년 7월 28일 (월)`,
`20250728` or `25.07.28`. Columns marked *language detected* take Korean or English text and put it
in the Korean or English field by its script.
"""


def templates_markdown() -> str:
    """Markdown describing every kind's columns (docs/import-templates.md)."""
    parts = [_MARKDOWN_INTRO]
    for kind in IMPORT_ORDER:
        sheet_names = ", ".join(f"`{name}`" for name in SHEET_NAMES[kind])
        parts.append(f"## {_KIND_TITLES[kind]}\n\n시트 이름 · Sheet names: {sheet_names}\n")
        parts.append(
            "| 한국어 머리글 | English header | 다른 머리글 · Also accepted | 형식 · Type | 필수 · Required"
            " | 설명 | Help | 예시 · Example |\n|---|---|---|---|---|---|---|---|"
        )
        parts.extend(_markdown_row(kind, column) for column in COLUMNS[kind])
        parts.append("")
    return "\n".join(parts)


def _markdown_row(kind: RecordKind, column: Column) -> str:
    in_template = column in template_columns(kind)
    type_text = f"{_type_help(column, 'ko')} · {_type_help(column, 'en')}"
    if column.key in GENERIC[kind]:
        type_text += " · 언어 자동 판별 · *language detected*"
        type_text += "" if in_template else " (양식에는 없음 · not in the template)"
    cells = [
        column.header_ko,
        column.header_en,
        ", ".join(column.headers[2:]),
        type_text,
        "예 · yes" if column.required else "",
        column.help.ko,
        column.help.en,
        column.example,
    ]
    return "| " + " | ".join(_markdown_cell(cell) for cell in cells) + " |"


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
