"""The technology taxonomy: a tree of fields with Korean and English labels and synonyms, and focus sets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from seoro.domain.errors import DomainError
from seoro.domain.text import BilingualText, clean

_CODE = re.compile(r"^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*$")


class FieldSource(StrEnum):
    NATIONAL = "national"  # shipped: Korea's 12 national strategic technologies and their sub-fields
    CUSTOM = "custom"  # added by an agency: regional focus industries, cluster fields


@dataclass(frozen=True)
class TechField:
    code: str
    label: BilingualText
    parent: str | None = None
    synonyms: tuple[str, ...] = ()
    source: FieldSource = FieldSource.CUSTOM

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise DomainError("bad_field_code", code=self.code)
        if not (self.label.ko and self.label.en):
            raise DomainError("field_label_required", code=self.code)


@dataclass(frozen=True)
class FocusSet:
    """A named selection of fields, e.g. one province's six focus industries."""

    code: str
    name: BilingualText
    fields: tuple[str, ...]
    description: str = ""


def _key(text: str) -> str:
    return clean(text).casefold().replace(" ", "")


@dataclass
class Taxonomy:
    fields: dict[str, TechField] = field(default_factory=dict)
    focus_sets: dict[str, FocusSet] = field(default_factory=dict)
    _index: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, fields: Iterable[TechField], focus_sets: Iterable[FocusSet] = ()) -> Taxonomy:
        taxonomy = cls()
        for tech_field in sorted(fields, key=lambda f: f.code.count(".")):
            taxonomy.add(tech_field)
        for focus in focus_sets:
            taxonomy.add_focus_set(focus)
        return taxonomy

    def add(self, tech_field: TechField) -> None:
        if tech_field.code in self.fields:
            raise DomainError("field_exists", code=tech_field.code)
        if tech_field.parent is not None and tech_field.parent not in self.fields:
            raise DomainError("unknown_field", value=tech_field.parent)
        index = self._lookup()
        clash = index.get(_key(tech_field.label.ko)) or index.get(_key(tech_field.label.en))
        if clash is not None:
            raise DomainError("field_label_taken", code=tech_field.code, other=clash)
        self.fields[tech_field.code] = tech_field
        self._index_field(index, tech_field)  # kept up to date: loading 1,500 fields stays linear

    def add_focus_set(self, focus: FocusSet) -> None:
        for code in focus.fields:
            self.get(code)
        self.focus_sets[focus.code] = focus

    def get(self, code: str) -> TechField:
        try:
            return self.fields[code]
        except KeyError:
            raise DomainError("unknown_field", value=code) from None

    def _lookup(self) -> dict[str, str]:
        """Every code, label and synonym by its key; built once, rebuilt after :meth:`add`."""
        if self._index is None:
            self._index = {}
            for f in self.fields.values():
                self._index_field(self._index, f)
        return self._index

    @staticmethod
    def _index_field(index: dict[str, str], f: TechField) -> None:
        for name in (f.code, f.label.ko, f.label.en, *f.synonyms):
            index.setdefault(_key(name), f.code)

    def resolve(self, text: str) -> str:
        """The field code meant by a code, a Korean or English label, or a synonym."""
        code = self._lookup().get(_key(text))
        if code is None:
            raise DomainError("unknown_field", value=text)
        return code

    def resolve_many(self, texts: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(self.resolve(t) for t in texts))

    def ancestors(self, code: str) -> list[str]:
        """Parent, grandparent, ... of ``code`` (nearest first)."""
        chain: list[str] = []
        parent = self.get(code).parent
        while parent is not None:
            chain.append(parent)
            parent = self.fields[parent].parent
        return chain

    def children(self, code: str | None) -> list[TechField]:
        return sorted((f for f in self.fields.values() if f.parent == code), key=lambda f: f.code)

    def walk(self, code: str | None = None, depth: int = 0) -> Iterator[tuple[int, TechField]]:
        """Depth-first over the tree (or a subtree), yielding ``(depth, field)``."""
        for child in self.children(code):
            yield depth, child
            yield from self.walk(child.code, depth + 1)
