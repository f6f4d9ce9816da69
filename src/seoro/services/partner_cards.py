"""The few lines an agenda says about each partner (who they are) and about the meeting (why it was
made), from the directory records participants are linked to and the requests between them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from seoro.domain.agenda import PartnerCard
from seoro.domain.directory import Expert, Organisation
from seoro.domain.meetings import MeetingRequest, Priority, RequestSource, RequestStatus
from seoro.domain.participants import Participant
from seoro.domain.taxonomy import Taxonomy
from seoro.domain.text import BilingualText, has_hangul
from seoro.i18n import t
from seoro.services.database import Unit
from seoro.services.taxonomy import taxonomy_in

SUMMARY_CHARS = 220
MAX_FIELDS = 4


def language_of_participant(p: Participant) -> str:
    """The language to write to ``p`` in: the first of Korean or English they speak, else by the
    script of their name."""
    spoken = [lang for lang in p.languages if lang in ("ko", "en")]
    if spoken:
        return spoken[0]
    return "ko" if has_hangul(p.name.ko or p.name.en) else "en"


def _short(text: BilingualText) -> BilingualText:
    def cut(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= SUMMARY_CHARS else s[: SUMMARY_CHARS - 1].rstrip() + "…"

    return BilingualText(cut(text.ko), cut(text.en))


@dataclass
class Cards:
    """The directory records of an event's linked participants, loaded once."""

    experts: dict[int, Expert]
    organisations: dict[int, Organisation]
    taxonomy: Taxonomy
    people: dict[int, Participant]

    @classmethod
    def load(cls, unit: Unit, people: Iterable[Participant]) -> Cards:
        listed = {p.id: p for p in people if p.id is not None}
        experts = unit.experts.without_publications(p.expert_id for p in listed.values() if p.expert_id is not None)
        org_ids = {p.organisation_id for p in listed.values() if p.organisation_id is not None}
        org_ids |= {a.organisation_id for e in experts.values() for a in e.affiliations[:1]}
        orgs = unit.organisations.get_many(org_ids)
        return cls(experts, orgs, taxonomy_in(unit), listed)

    def organisation_of(self, p: Participant) -> BilingualText:
        org = self._organisation(p)
        return org.name if org else BilingualText()

    def _organisation(self, p: Participant) -> Organisation | None:
        if p.organisation_id is not None:
            return self.organisations.get(p.organisation_id)
        expert = self.experts.get(p.expert_id) if p.expert_id is not None else None
        if expert and expert.affiliations:
            return self.organisations.get(expert.affiliations[0].organisation_id)
        return None

    def _codes(self, p: Participant) -> list[str]:
        expert = self.experts.get(p.expert_id) if p.expert_id is not None else None
        if expert:
            return expert.fields
        org = self.organisations.get(p.organisation_id) if p.organisation_id is not None else None
        return org.fields if org else []

    def _field_names(self, codes: Iterable[str]) -> tuple[BilingualText, ...]:
        known = [self.taxonomy.fields[c].label for c in codes if c in self.taxonomy.fields]
        return tuple(known[:MAX_FIELDS])

    def card(self, p: Participant) -> PartnerCard:
        expert = self.experts.get(p.expert_id) if p.expert_id is not None else None
        org = self._organisation(p)
        summary = expert.expertise if expert and expert.expertise else org.description if org else BilingualText()
        country = (expert.country if expert else "") or (org.country if org else "")
        return PartnerCard(
            name=p.name,
            organisation=org.name if org else BilingualText(),
            country=country,
            summary=_short(summary),
            fields=self._field_names(self._codes(p)),
        )

    def _shared_fields(self, me: Participant, theirs: set[int]) -> list[str]:
        """My technology fields that someone on the other side also has, in my order."""
        other = {c for q in theirs if q in self.people for c in self._codes(self.people[q])}
        return [c for c in self._codes(me) if c in other]

    def reason(self, pid: int, partner_ids: Sequence[int], requests: Iterable[MeetingRequest]) -> BilingualText:
        """Why ``pid`` meets ``partner_ids``, in both languages: who asked (and what they wrote), a
        recommendation's score, a must-meet, and the technology fields they share."""
        me = self.people.get(pid)
        mine = {pid, *(q for q, p in self.people.items() if me and me.delegation and p.delegation == me.delegation)}
        theirs = set(partner_ids)
        between = [r for r in requests if r.status is RequestStatus.ACCEPTED and _links(r, mine, theirs)]
        parts = [_asked(between, mine, lang) for lang in ("ko", "en")]
        names = self._field_names(self._shared_fields(me, theirs) if me else [])
        out = []
        for lang, text in zip(("ko", "en"), parts, strict=True):
            bits = [text] if text else []
            if names:
                bits.append(t("doc.reason.shared", lang, fields=", ".join(n.pick(lang) for n in names)))
            out.append(" · ".join(bits))
        return BilingualText(*out)


def _links(r: MeetingRequest, mine: set[int], theirs: set[int]) -> bool:
    return (r.requester_id in mine and r.requested_id in theirs) or (
        r.requester_id in theirs and r.requested_id in mine
    )


def _asked(between: Sequence[MeetingRequest], mine: set[int], lang: str) -> str:
    if not between:
        return ""
    recommended = [r for r in between if r.source is RequestSource.RECOMMENDED]
    if recommended:
        return t("doc.reason.recommended", lang, score=f"{max(r.score or 0 for r in recommended):.2f}")
    if any(r.source is RequestSource.STAFF for r in between):
        said = t("doc.reason.staff", lang)
    else:
        by_me = any(r.requester_id in mine for r in between)
        by_them = any(r.requester_id not in mine for r in between)
        key = "mutual" if by_me and by_them else "you_asked" if by_me else "they_asked"
        said = t(f"doc.reason.{key}", lang)
    if any(r.priority is Priority.MUST for r in between):
        said += " · " + t("doc.reason.must", lang)
    message = next((r.message for r in between if r.message), "")
    return f"{said}: “{message}”" if message else said
