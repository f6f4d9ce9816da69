"""The REST API's typed input and output models (``XxxIn`` / ``XxxOut`` / ``XxxPage``), and its error responses.

Outputs are plain values in both languages (``{"ko": …, "en": …}``) so that a client renders them in
its reader's language; nothing here knows about the database. Inputs are bounded (lengths, id ranges,
no NUL characters) so that a malformed value is a 422 with the one error body, never a 500.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from seoro.api.pagination import Page
from seoro.domain.text import BilingualText

MAX_ID = 2_147_483_647  # the database's integer ids
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Text = Annotated[str, StringConstraints(max_length=2000, pattern=r"^[^\x00]*$")]
Word = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
PriorityName = Literal["must", "high", "normal"]


# --- errors ------------------------------------------------------------------------------------


class Bilingual(BaseModel):
    ko: str
    en: str

    @classmethod
    def of(cls, text: BilingualText) -> Bilingual:
        return cls(ko=text.ko, en=text.en)


class ErrorDetail(BaseModel):
    code: str
    message: Bilingual
    params: dict[str, str | int | float | bool | None]
    problems: list[dict[str, Any]] | None = None


class ErrorOut(BaseModel):
    """Every failure: ``seoro.http.errors`` builds it for rule errors, bad input and unknown routes."""

    error: ErrorDetail


ERROR_STATUSES = {
    400: "A rule refused the request, or the body is not JSON",
    401: "Not signed in",
    403: "Signed in, but not allowed (or the CSRF token is missing)",
    404: "No such record",
    409: "In conflict with the current state (e.g. a schedule changed meanwhile)",
    422: "Invalid values (each one listed under problems)",
    429: "Too many failed sign-ins",
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text} for status, text in ERROR_STATUSES.items()
}
# For routes that answer a file: the error body stays JSON (``model`` would take the file's media type).
JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": text,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }
    for status, text in ERROR_STATUSES.items()
}


# --- directory ---------------------------------------------------------------------------------


class FieldLabel(BaseModel):
    code: str
    ko: str
    en: str


class ContactOut(BaseModel):
    name: str
    email: str
    phone: str


class OrganisationOut(BaseModel):
    id: int
    kind: str
    name: Bilingual
    aliases: list[str]
    country: str
    region: str
    website: str
    parent_id: int | None
    fields: list[FieldLabel]
    description: Bilingual
    contact: ContactOut


class AffiliationOut(BaseModel):
    organisation_id: int
    organisation: Bilingual
    position: str


class ExpertOut(BaseModel):
    id: int
    name: Bilingual
    email: str
    phone: str
    country: str
    languages: list[str]
    expertise: Bilingual
    keywords: list[str]
    fields: list[FieldLabel]
    website: str
    affiliations: list[AffiliationOut]
    publications: int


class ProfileOut(BaseModel):
    id: int
    kind: str
    status: str
    title: Bilingual
    description: Bilingual
    fields: list[FieldLabel]
    keywords: list[str]
    organisation_id: int | None
    organisation: Bilingual | None
    expert_id: int | None
    expert: Bilingual | None
    valid_from: date | None
    valid_until: date | None
    contact: ContactOut


class OrganisationPage(Page[OrganisationOut]):
    pass


class ExpertPage(Page[ExpertOut]):
    pass


class ProfilePage(Page[ProfileOut]):
    pass


# --- matching ----------------------------------------------------------------------------------


class RelatedFieldsOut(BaseModel):
    query: FieldLabel
    partner: FieldLabel


class TermOut(BaseModel):
    query: str
    partner: str
    translated: bool


class BestTextOut(BaseModel):
    text: str
    sentence: str
    kind: str
    year: int | None
    similarity: float


class WhyOut(BaseModel):
    """Why a partner matches: shared or related fields, words found in both (across languages
    through the glossary), the passage closest to the query, and each channel's share of the score."""

    shared_fields: list[FieldLabel]
    related_fields: list[RelatedFieldsOut]
    terms: list[TermOut]
    best_text: BestTextOut
    contributions: dict[str, float]


class MatchOut(BaseModel):
    rank: int
    key: str
    name: str
    kind: str
    country: str
    score: float
    fields: list[FieldLabel]
    why: WhyOut


class MatchesOut(BaseModel):
    record: str
    title: Bilingual
    query_fields: list[FieldLabel]
    matches: list[MatchOut]


# --- events ------------------------------------------------------------------------------------


class SessionOut(BaseModel):
    """``start``: wall-clock ``HH:MM`` in the event's time zone (JSON's "time" format wants an offset)."""

    code: str
    name: Bilingual
    day: date
    start: Annotated[str, StringConstraints(pattern=r"^[0-2][0-9]:[0-5][0-9]$")]
    slot_minutes: int


class TypeOut(BaseModel):
    code: str
    name: Bilingual
    max_meetings: int | None


class EventOut(BaseModel):
    id: int
    name: Bilingual
    timezone: str
    venue: str
    scheduling_mode: str
    auto_accept: bool
    cross_type_only: bool
    request_expiry_hours: int | None
    default_max_meetings: int | None
    sessions: list[SessionOut]
    slots: int
    tables: int
    types: list[TypeOut]


class EventPage(Page[EventOut]):
    pass


class ParticipantPrivateOut(BaseModel):
    """What only staff see of a participant: contact, links, availability and the day's marks."""

    email: str
    expert_id: int | None
    organisation_id: int | None
    delegation: str | None
    availability: str
    max_meetings: int | None
    booth: str
    cancelled: bool
    checked_in_at: datetime | None
    no_show_at: datetime | None


class ParticipantOut(BaseModel):
    """The public part (name, organisation, type, languages) for everyone in the event; ``private``
    only for staff (``null`` for a participant looking at others, and at themselves)."""

    id: int
    name: Bilingual
    organisation: Bilingual
    type_code: str
    languages: list[str]
    private: ParticipantPrivateOut | None


class ParticipantPage(Page[ParticipantOut]):
    pass


class RequestOut(BaseModel):
    id: int
    requester_id: int
    requested_id: int
    created_at: datetime
    priority: PriorityName
    message: str
    status: str
    answered_at: datetime | None
    source: str
    score: float | None
    locked_slot: int | None
    locked_table: int | None
    picked_slot: int | None


class RequestPage(Page[RequestOut]):
    pass


class RequestIn(BaseModel):
    """A new meeting request. A participant asks as themselves (``requester_id`` left out or their
    own id); staff name the requester."""

    requested_id: Id
    requester_id: Id | None = None
    priority: PriorityName = "normal"
    message: Text = ""


class AnswerIn(BaseModel):
    """In a self-service event, accepting names the slot (index from 0) to meet in."""

    slot: Annotated[int, Field(ge=0, le=10_000)] | None = None


# --- agendas -----------------------------------------------------------------------------------


class PartnerOut(BaseModel):
    name: Bilingual
    organisation: Bilingual
    country: str
    summary: Bilingual
    fields: list[Bilingual]


class AgendaEntryOut(BaseModel):
    uid: str
    sequence: int
    status: str
    start: datetime
    end: datetime
    slot_number: int
    table_label: str
    partners: list[PartnerOut]
    reason: Bilingual
    interpreter: str
    changed: bool


class AgendaOut(BaseModel):
    """One participant's agenda: the published version (``stage``, ``version``), or the current
    timetable as a draft (``stage`` null, ``version`` 0) while nothing is published."""

    event_id: int
    event_name: Bilingual
    venue: str
    timezone: str
    participant_id: int
    participant: Bilingual
    organisation: Bilingual
    lang: str
    stage: str | None
    version: int
    stamp: datetime
    entries: list[AgendaEntryOut]


# --- jobs --------------------------------------------------------------------------------------


class ScheduleIn(BaseModel):
    time_limit: Annotated[float, Field(ge=1, le=120)] = 30
    reschedule: bool = False
    since_published: bool = False


class JobOut(BaseModel):
    """A background job: ``progress`` from 0 to 1 with the current ``step``; when ``status`` is
    ``done`` the ``result``, when ``failed`` the ``error`` code (details stay in the server log)."""

    id: int
    kind: str
    status: str
    progress: float
    step: str
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
