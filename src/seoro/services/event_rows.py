"""The rows of an event's spreadsheets checked against the event: what each would register or ask.

Nothing here writes: :func:`plan_people` and :func:`plan_requests` return the records to save and
every problem found, each naming its file, sheet, row and column (``services.event_import`` saves,
or reports and writes nothing). A row registering someone again (same e-mail, else the same name)
updates them; a request already open from an earlier import is left as it is.

Participants are linked to the directory when it knows them: an expert by e-mail (or by a name only
one expert has), otherwise the organisation of the 소속 column by its name or an alias. A participant
without a language column speaks the languages of their expert record.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from seoro.domain.book import RequestBook
from seoro.domain.errors import DomainError, Location, Problem
from seoro.domain.events import Event, Slot
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Interpreter, Participant, stored_id
from seoro.domain.requests import accept, decline, make_request, recommend
from seoro.domain.text import BilingualText
from seoro.files.event_columns import EventSheet, EventSheetKind
from seoro.files.event_values import parse_availability, parse_priority, parse_status, parse_yes
from seoro.services.database import Unit
from seoro.services.resolve import RowCheck


@dataclass
class Outcome:
    """What one row did: ``entity`` participant / interpreter / request, ``action`` created / updated /
    unchanged, and the record as it should be saved."""

    location: Location
    entity: str
    action: str
    record: Participant | Interpreter | MeetingRequest
    label: str


@dataclass
class PeoplePlan:
    participants: list[Outcome] = field(default_factory=list)
    interpreters: list[Outcome] = field(default_factory=list)
    # index in ``participants`` → the table they keep as a booth (``None``: the row says no booth)
    booths: dict[int, int | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def counts(outcomes: Iterable[Outcome]) -> dict[tuple[str, str], int]:
    """``{(entity, action): n}``, as ``ImportReport.counts`` gives for the directory."""
    return dict(Counter((o.entity, o.action) for o in outcomes))


def _norm(text: str) -> str:
    return re.sub(r"[\s._\-()/·]+", "", unicodedata.normalize("NFKC", text)).casefold()


def ordered(problems: list[Problem], sheets: Sequence[EventSheet]) -> list[Problem]:
    """Problems sheet by sheet, then by row and column, as staff go through a file."""
    index = {(s.file, s.sheet): i for i, s in enumerate(sheets)}

    def key(p: Problem) -> tuple[int, int, int, str]:
        where = p.location
        return index.get((where.file, where.sheet), len(index)), where.row, len(where.column), where.column

    return sorted(problems, key=key)


# -- participants and interpreters ---------------------------------------------------------------


class _People:
    """One run over participant and interpreter sheets against an event's current state."""

    def __init__(
        self, unit: Unit, event: Event, participants: Sequence[Participant], interpreters: Sequence[Interpreter]
    ) -> None:
        self.unit, self.event = unit, event
        self.slots: list[Slot] = event.slots()
        self.existing = list(participants)
        self.interpreters = list(interpreters)
        self.types = {_norm(n): t.code for t in event.types for n in (t.code, t.name.ko, t.name.en) if n}
        self.hosts = {t.number: t.host for t in event.tables if t.host is not None}
        self.plan = PeoplePlan()
        self.matched: set[int | None] = set()  # ids of existing participants a row has updated already
        # a delegation's type: the first registered member's (a delegation has one type)
        self.delegation_types = {p.delegation: p.type_code for p in participants if p.delegation}

    def run(self, sheets: Sequence[EventSheet]) -> PeoplePlan:
        for sheet in sheets:
            self.plan.problems += sheet.problems
            for row in sheet.rows:
                check = RowCheck(row)
                if sheet.kind is EventSheetKind.INTERPRETERS:
                    self._interpreter(check)
                else:
                    self._participant(check)
                self.plan.problems += check.problems
        self.plan.problems = ordered(self.plan.problems, sheets)
        return self.plan

    def _participant(self, check: RowCheck) -> None:
        v = check.row.values
        expert_id, org_id = self._links(check)
        name = BilingualText(v.get("name_ko", ""), v.get("name_en", ""))
        if not name and expert_id is not None:
            name = self.unit.experts.get(expert_id).name
        if not name and "organisation" in v:
            name = BilingualText(v["organisation"]) if org_id is None else self.unit.organisations.get(org_id).name
        if not name:
            check.add("name_ko", "name_required")
            return
        old = self._existing(v.get("email", ""), name)
        if old is not None:
            self.matched.add(old.id)
        p = copy.deepcopy(old) if old else Participant(name=name)
        p.name = BilingualText(name.ko or p.name.ko, name.en or p.name.en)
        p.expert_id, p.organisation_id = (expert_id, None) if expert_id is not None else (None, org_id or None)
        if old is not None and expert_id is None and org_id is None:
            p.expert_id, p.organisation_id = old.expert_id, old.organisation_id
        self._apply(check, p)
        booth = self._booth(check, old)
        if not check.ok:
            return
        if "booth" in v:
            self.plan.booths[len(self.plan.participants)] = booth
            p.booth = booth is not None
        kept = "booth" not in v or booth == next((t.number for t in self.event.tables if t.host == p.id), None)
        action = "created" if old is None else "unchanged" if p == old and kept else "updated"
        self.plan.participants.append(Outcome(check.row.location, "participant", action, p, p.name.both()))

    def _apply(self, check: RowCheck, p: Participant) -> None:
        v = check.row.values
        p.email = v.get("email", p.email)
        if "type" in v:
            code = self.types.get(_norm(v["type"]))
            if code is None:
                choices = ", ".join(f"{t.code} ({t.name.both()})" for t in self.event.types) or "-"
                check.add("type", "unknown_participation_type", value=v["type"], choices=choices)
            else:
                p.type_code = code
        elif self.event.types and not p.type_code:
            check.add("type", "participant_type_required", choices=", ".join(t.code for t in self.event.types))
        if "languages" in v:
            p.languages = list(v["languages"])
        elif not p.languages and p.expert_id is not None:
            p.languages = list(self.unit.experts.get(p.expert_id).languages)
        if "availability" in v:
            p.availability = self._slots(check, "availability", v["availability"])
        if "max_meetings" in v:
            if v["max_meetings"] < 0:
                check.add(
                    "max_meetings", "setting_out_of_range", setting="max_meetings", value=v["max_meetings"], min=0
                )
            p.max_meetings = v["max_meetings"]
        p.delegation = v.get("delegation", p.delegation)
        if p.delegation and check.ok:
            self._same_type(check, p)

    def _same_type(self, check: RowCheck, p: Participant) -> None:
        assert p.delegation is not None
        if self.delegation_types.setdefault(p.delegation, p.type_code) != p.type_code:
            check.add("type", "delegation_mixed_types", delegation=p.delegation)

    def _slots(self, check: RowCheck, key: str, text: str) -> frozenset[int] | None:
        try:
            chosen = parse_availability(text, self.event, self.slots)
        except DomainError as error:
            check.add_error(key, error)
            return None
        return None if len(chosen) == len(self.slots) else chosen

    def _links(self, check: RowCheck) -> tuple[int | None, int | None]:
        """(expert id, organisation id) of the directory records the row names, when unambiguous."""
        v = check.row.values
        experts = self.unit.experts
        expert_id = experts.id_by_email(v["email"]) if v.get("email") else None
        if expert_id is None:
            ids = set().union(*(experts.ids_by_name(v[k]) for k in ("name_ko", "name_en") if v.get(k)))
            candidate = ids.pop() if len(ids) == 1 else None
            # the same name with another e-mail is someone else
            if candidate is not None and not (v.get("email") and experts.get(candidate).email):
                expert_id = candidate
        org_id = None
        if expert_id is None and v.get("organisation"):
            ids = self.unit.organisations.ids_by_name([v["organisation"]])
            org_id = ids.pop() if len(ids) == 1 else None
        return expert_id, org_id

    def _existing(self, email: str, name: BilingualText) -> Participant | None:
        """The participant this row registers again: same e-mail, else (without one) the same name."""
        people = [p for p in self.existing if p.id not in self.matched]
        if email:
            return next((p for p in people if p.email.casefold() == email.casefold()), None)
        names = {_norm(n) for n in (name.ko, name.en) if n}
        return next((p for p in people if not p.email and names & {_norm(p.name.ko), _norm(p.name.en)}), None)

    def _booth(self, check: RowCheck, old: Participant | None) -> int | None:
        """The table the row's participant keeps as a booth, if the 부스 column says so."""
        text = check.row.values.get("booth")
        if text is None:
            return None
        yes = parse_yes(text)
        if yes is False:
            return None
        own = stored_id(old) if old is not None and old.id is not None else None
        taken = {n for n, host in self.hosts.items() if host != own} | {n for n in self.plan.booths.values() if n}
        if yes:
            free = [t.number for t in reversed(self.event.tables) if t.number not in taken]
            if not free:
                check.add("booth", "no_free_booth_table")
                return None
            return free[0]
        number = self._table(text)
        if number is None:
            check.add(
                "booth", "unknown_booth_table", value=text, tables=", ".join(t.label() for t in self.event.tables)
            )
        elif number in taken:
            check.add("booth", "booth_table_taken", table=self.event.table(number).label())
        return number

    def _table(self, text: str) -> int | None:
        wanted = _norm(text)
        for t in self.event.tables:
            if wanted in {_norm(t.label()), _norm(str(t.number)), _norm(f"T{t.number}")}:
                return t.number
        digits = re.sub(r"\D", "", text)
        return next((t.number for t in self.event.tables if digits and t.number == int(digits)), None)

    def _interpreter(self, check: RowCheck) -> None:
        v = check.row.values
        if "name" not in v:
            check.add("name", "name_required")
            return
        old = next((i for i in self.interpreters if _norm(i.name) == _norm(v["name"])), None)
        i = copy.deepcopy(old) if old else Interpreter(v["name"])
        i.languages = list(v.get("languages", i.languages))
        if "availability" in v:
            i.availability = self._slots(check, "availability", v["availability"])
        if len(i.languages) < 2:
            check.add("languages", "interpreter_languages", name=i.name)
        if check.ok:
            action = "created" if old is None else "unchanged" if i == old else "updated"
            self.plan.interpreters.append(Outcome(check.row.location, "interpreter", action, i, i.name))


def plan_people(
    unit: Unit,
    event: Event,
    participants: Sequence[Participant],
    interpreters: Sequence[Interpreter],
    sheets: Sequence[EventSheet],
) -> PeoplePlan:
    """The participants and interpreters ``sheets`` register or update, and every problem found."""
    return _People(unit, event, participants, interpreters).run(sheets)


# -- meeting requests ----------------------------------------------------------------------------


@dataclass
class RequestsPlan:
    requests: list[Outcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def find_participants(people: Iterable[Participant], text: str) -> list[Participant]:
    """The attending participants ``text`` names: their number (``12``, ``#12``), e-mail or name."""
    present = [p for p in people if not p.cancelled]
    number = re.fullmatch(r"#?\s*(\d+)", text.strip())
    if number:
        return [p for p in present if p.id == int(number.group(1))]
    by_email = [p for p in present if p.email and p.email.casefold() == text.strip().casefold()]
    wanted = _norm(text)
    return by_email or [p for p in present if wanted in {_norm(p.name.ko), _norm(p.name.en), _norm(p.name.both())}]


def _find(people: Sequence[Participant], check: RowCheck, key: str) -> int | None:
    """The one participant the cell ``key`` names, or a problem saying why not."""
    text = str(check.row.values.get(key, ""))
    if not text:
        check.add(key, "participant_required")
        return None
    found = find_participants(people, text)
    if len(found) == 1:
        return stored_id(found[0])
    ids = ", ".join(str(stored_id(p)) for p in found)
    check.add(key, "ambiguous_participant" if found else "unknown_participant_ref", value=text, ids=ids)
    return None


def plan_requests(book: RequestBook, sheets: Sequence[EventSheet], *, now: datetime) -> RequestsPlan:
    """The requests ``sheets`` make, each checked by the request rules against those before it
    (``book`` is updated as it goes); a request already open from an earlier import is unchanged."""
    plan = RequestsPlan()
    people = list(book.participants.values())
    for sheet in sheets:
        plan.problems += sheet.problems
        for row in sheet.rows:
            check = RowCheck(row)
            outcome = _request(book, people, check, now)
            if outcome is not None and check.ok:
                plan.requests.append(outcome)
            plan.problems += check.problems
    plan.problems = ordered(plan.problems, sheets)
    return plan


def _request(book: RequestBook, people: list[Participant], check: RowCheck, now: datetime) -> Outcome | None:
    v = check.row.values
    a, b = _find(people, check, "requester"), _find(people, check, "requested")
    priority, status = _priority(check), _status(check)
    if a is None or b is None or not check.ok:
        return None
    label = f"{book.participant(a).name.both()} → {book.participant(b).name.both()}"
    if a == b:
        check.add("requested", "request_to_self")
        return None
    existing = _open_between(book, a, b)
    if existing is not None:
        return Outcome(check.row.location, "request", "unchanged", existing, label)
    try:
        made = make_request(book, a, b, now=now, priority=priority, message=v.get("message", ""))
        made = _answered(book, made, status, now)
    except DomainError as error:
        check.add_error("requested", error)
        return None
    book.record(made)
    return Outcome(check.row.location, "request", "created", made, label)


def _open_between(book: RequestBook, a: int, b: int) -> MeetingRequest | None:
    try:
        return book.open_request(book.party(a), book.party(b))
    except DomainError:
        return None


def _priority(check: RowCheck) -> Priority:
    text = check.row.values.get("priority")
    if text is None:
        return Priority.NORMAL
    try:
        return parse_priority(text)
    except DomainError as error:
        check.add_error("priority", error)
        return Priority.NORMAL


def _status(check: RowCheck) -> RequestStatus | None:
    text = check.row.values.get("status")
    try:
        return None if text is None else parse_status(text)
    except DomainError as error:
        check.add_error("status", error)
        return None


def _answered(book: RequestBook, r: MeetingRequest, status: RequestStatus | None, now: datetime) -> MeetingRequest:
    """``r`` as the row's status column says it was answered (the event's own rule when blank)."""
    if status is None or status is r.status:
        return r
    if status is RequestStatus.PENDING:
        return replace(r, status=RequestStatus.PENDING, answered_at=None)
    if r.status is RequestStatus.ACCEPTED:
        r = replace(r, status=RequestStatus.PENDING, answered_at=None)
    return accept(book, r, now=now) if status is RequestStatus.ACCEPTED else decline(r, now=now)


def staff_request(book: RequestBook, a: int, b: int, *, now: datetime, score: float | None) -> MeetingRequest:
    """A meeting staff recommend between participants ``a`` and ``b`` (accepted at once)."""
    return recommend(book, a, b, now=now, score=score, source=RequestSource.RECOMMENDED)
