"""``/api/events/{id}/participants/{pid}/agenda`` (JSON, ``.ics``, ``.pdf``): one person's agenda.

A participant may read only their own, and only once published (``agenda_not_published`` before);
staff anyone's, the published version or the current timetable as a draft while nothing is published; the
files are the same bytes ``seoro event agenda --format ics|pdf`` writes (``services.documents``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from seoro.api.events import EventId, ParticipantId, viewer
from seoro.api.schemas import ERRORS, JSON_ERRORS, AgendaEntryOut, AgendaOut, Bilingual, PartnerOut
from seoro.domain.agenda import AgendaView, EntryView
from seoro.domain.errors import DomainError
from seoro.http.access import SignedIn
from seoro.http.security import db_of
from seoro.services.agendas import agenda_views
from seoro.services.documents import AgendaFormat, agenda_documents
from seoro.services.event_access import participant_in, published_agenda

router = APIRouter(tags=["agendas"], responses=ERRORS)

Lang = Annotated[Literal["ko", "en"] | None, Query(description="Language of the agenda (default: the participant's).")]
PATH = "/events/{event_id}/participants/{participant_id}/agenda"


class CalendarResponse(Response):
    media_type = "text/calendar"


class PdfResponse(Response):
    media_type = "application/pdf"


def _file(media_type: str) -> dict[int | str, dict[str, Any]]:
    ok = {"content": {media_type: {"schema": {"type": "string", "format": "binary"}}}, "description": "The file"}
    return {200: ok, **JSON_ERRORS}


def view_of(request: Request, account: SignedIn, event_id: int, participant_id: int, lang: str | None) -> AgendaView:
    """The agenda, once it is known to be the caller's own (or the caller is staff)."""
    me = viewer(request, account, event_id)
    if me is not None and me != participant_id:
        raise DomainError("forbidden")
    db = db_of(request)
    participant_in(db, event_id, participant_id)
    if me is None:  # staff: the published agenda, or the draft while nothing is published
        return agenda_views(db, event_id, [participant_id], lang=lang, at=datetime.now(UTC))[0]
    view = published_agenda(db, event_id, participant_id, lang=lang, at=datetime.now(UTC))
    if view is None:
        raise DomainError("agenda_not_published")
    return view


def _entry(e: EntryView) -> AgendaEntryOut:
    partners = [
        PartnerOut(name=Bilingual.of(p.name), organisation=Bilingual.of(p.organisation), country=p.country,
                   summary=Bilingual.of(p.summary), fields=[Bilingual.of(f) for f in p.fields])
        for p in e.partners
    ]  # fmt: skip
    return AgendaEntryOut(
        uid=e.uid, sequence=e.sequence, status=e.status.value, start=e.start, end=e.end, slot_number=e.slot_number,
        table_label=e.table_label, partners=partners, reason=Bilingual.of(e.reason), interpreter=e.interpreter,
        changed=e.changed,
    )  # fmt: skip


def agenda_out(v: AgendaView) -> AgendaOut:
    return AgendaOut(
        event_id=v.event_id, event_name=Bilingual.of(v.event_name), venue=v.venue, timezone=v.timezone,
        participant_id=v.participant_id, participant=Bilingual.of(v.participant),
        organisation=Bilingual.of(v.organisation), lang=v.lang, stage=v.stage.value if v.stage else None,
        version=v.version, stamp=v.stamp, entries=[_entry(e) for e in v.entries],
    )  # fmt: skip


def _download(view: AgendaView, fmt: AgendaFormat, response: type[Response]) -> Response:
    (document,) = agenda_documents([view], fmt)
    # RFC 6266: a plain ASCII fallback name, and the real (Korean) name percent-encoded
    disposition = f"attachment; filename=\"agenda.{fmt.value}\"; filename*=UTF-8''{quote(document.name)}"
    return response(document.data, headers={"Content-Disposition": disposition})


@router.get(PATH, response_model=AgendaOut, summary="A participant's agenda (their own, or staff: anyone's)")
def agenda(
    request: Request, account: SignedIn, event_id: EventId, participant_id: ParticipantId, lang: Lang = None
) -> AgendaOut:
    return agenda_out(view_of(request, account, event_id, participant_id, lang))


@router.get(PATH + ".ics", response_class=CalendarResponse, responses=_file("text/calendar"),
            summary="The agenda as a calendar file (.ics)")  # fmt: skip
def agenda_ics(
    request: Request, account: SignedIn, event_id: EventId, participant_id: ParticipantId, lang: Lang = None
) -> Response:
    view = view_of(request, account, event_id, participant_id, lang)
    return _download(view, AgendaFormat.ICS, CalendarResponse)


@router.get(PATH + ".pdf", response_class=PdfResponse, responses=_file("application/pdf"),
            summary="The agenda to print (.pdf)")  # fmt: skip
def agenda_pdf(
    request: Request, account: SignedIn, event_id: EventId, participant_id: ParticipantId, lang: Lang = None
) -> Response:
    view = view_of(request, account, event_id, participant_id, lang)
    return _download(view, AgendaFormat.PDF, PdfResponse)
