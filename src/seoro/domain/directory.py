"""The directory: organisations, experts and their publications, and profiles (what someone brings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind, ProfileKind, ProfileStatus


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class Organisation:
    kind: OrgKind
    name: BilingualText
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    region: str = ""
    website: str = ""
    parent_id: int | None = None
    fields: list[str] = field(default_factory=list)
    description: BilingualText = field(default_factory=BilingualText)
    contact: Contact = field(default_factory=Contact)
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name:
            raise DomainError("name_required")

    def all_names(self) -> list[str]:
        """Every name the organisation is known by, for recognising it in other files."""
        names = [self.name.ko, self.name.en, *self.aliases]
        return [n for n in dict.fromkeys(names) if n]


@dataclass
class Affiliation:
    organisation_id: int
    position: str = ""


@dataclass
class Publication:
    title: str
    abstract: str = ""
    year: int | None = None
    venue: str = ""
    doi: str = ""
    authors: str = ""
    id: int | None = None


@dataclass
class Expert:
    name: BilingualText
    email: str = ""
    phone: str = ""
    country: str = ""
    languages: list[str] = field(default_factory=list)
    expertise: BilingualText = field(default_factory=BilingualText)
    keywords: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    website: str = ""
    affiliations: list[Affiliation] = field(default_factory=list)
    memberships: list[int] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.name:
            raise DomainError("name_required")


@dataclass
class Profile:
    kind: ProfileKind
    title: BilingualText
    description: BilingualText = field(default_factory=BilingualText)
    fields: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    organisation_id: int | None = None
    expert_id: int | None = None
    status: ProfileStatus = ProfileStatus.ACTIVE
    valid_from: date | None = None
    valid_until: date | None = None
    contact: Contact = field(default_factory=Contact)
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.title:
            raise DomainError("title_required")
        if self.organisation_id is None and self.expert_id is None:
            raise DomainError("profile_owner_required")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise DomainError("validity_reversed", start=self.valid_from.isoformat(), end=self.valid_until.isoformat())

    def is_open_on(self, day: date) -> bool:
        starts_ok = self.valid_from is None or self.valid_from <= day
        ends_ok = self.valid_until is None or day <= self.valid_until
        return self.status is ProfileStatus.ACTIVE and starts_ok and ends_ok
