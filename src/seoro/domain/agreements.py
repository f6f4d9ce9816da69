"""Agreements (MOUs) and the follow-up each one promises."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText
from seoro.domain.vocab import AgreementStatus


@dataclass
class Party:
    organisation_id: int
    signatory: str = ""
    contact_name: str = ""
    contact_email: str = ""


@dataclass
class FollowUp:
    """A promise written into the agreement: 'a visit in March 2026', 'student exchange'."""

    description: BilingualText
    due: date | None = None
    done: bool = False


@dataclass
class Agreement:
    title: BilingualText
    parties: list[Party]
    signed_on: date | None = None
    place: str = ""
    scope: list[BilingualText] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    event: str = ""
    status: AgreementStatus = AgreementStatus.SIGNED
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.title:
            raise DomainError("title_required")
        ids = [p.organisation_id for p in self.parties]
        if len(set(ids)) < 2:
            raise DomainError("agreement_needs_two_parties")
        if len(set(ids)) != len(ids):
            raise DomainError("agreement_party_twice")

    def open_follow_ups(self, today: date) -> list[FollowUp]:
        """Promises not yet kept, the overdue ones first."""
        pending = [f for f in self.follow_ups if not f.done]
        return sorted(pending, key=lambda f: (f.due is None, f.due or today))
