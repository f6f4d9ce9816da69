"""Agendas and staff sheets as files: ``.ics``, HTML, PDF and ``.xlsx`` (renderers in ``seoro.files``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from seoro.domain.agenda import AgendaView
from seoro.domain.sheets import StaffSheets
from seoro.files.calendar import agenda_ics
from seoro.files.printable import agenda_html, agendas_html, pdf, sheets_html
from seoro.files.staff_sheets import sheets_xlsx


class AgendaFormat(StrEnum):
    ICS = "ics"
    HTML = "html"
    PDF = "pdf"


class SheetFormat(StrEnum):
    XLSX = "xlsx"
    HTML = "html"
    PDF = "pdf"


@dataclass(frozen=True)
class Document:
    name: str  # a file name, no folder
    data: bytes


def _slug(text: str) -> str:
    """A file-name-safe form of a name; Hangul is kept (file systems take it), spaces become dashes."""
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-")[:60] or "agenda"


def agenda_name(view: AgendaView, fmt: AgendaFormat) -> str:
    return f"{view.participant_id:04d}-{_slug(view.participant.pick(view.lang))}.{fmt.value}"


def agenda_documents(
    views: Sequence[AgendaView],
    fmt: AgendaFormat,
    *,
    combined: bool = False,
    advance: Callable[[int], None] | None = None,
) -> list[Document]:
    """One file per participant; with ``combined`` (HTML, PDF) also one file of everyone's, to print.
    ``advance(1)`` is called after each file (a PDF takes about half a second)."""
    out = []
    for v in views:
        out.append(Document(agenda_name(v, fmt), _agenda(v, fmt)))
        if advance:
            advance(1)
    if combined and fmt is not AgendaFormat.ICS and views:
        page = agendas_html(list(views))
        out.append(Document(f"all.{fmt.value}", pdf(page) if fmt is AgendaFormat.PDF else page.encode()))
    return out


def _agenda(view: AgendaView, fmt: AgendaFormat) -> bytes:
    if fmt is AgendaFormat.ICS:
        return agenda_ics(view)
    page = agenda_html(view)
    return pdf(page) if fmt is AgendaFormat.PDF else page.encode()


def sheets_document(sheets: StaffSheets, fmt: SheetFormat, lang: str, event_id: int) -> Document:
    name = f"sheets-event-{event_id}.{fmt.value}"
    if fmt is SheetFormat.XLSX:
        return Document(name, sheets_xlsx(sheets, lang))
    page = sheets_html(sheets, lang)
    return Document(name, pdf(page) if fmt is SheetFormat.PDF else page.encode())
