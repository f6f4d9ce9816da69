"""Lists out to .xlsx/.csv, in the same columns the importer reads, so an export can be edited and re-imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seoro.domain.directory import Expert, Organisation, Profile, Publication
from seoro.domain.text import BilingualText
from seoro.files.columns import RecordKind
from seoro.files.writing import Table, format_value, template_columns, write_table
from seoro.services.database import Database, Unit, require_current
from seoro.services.directory import organisation_names

Row = dict[str, Any]


def _name(text: BilingualText, lang: str) -> str:
    return text.pick(lang)


def _organisation(o: Organisation, names: dict[int, BilingualText], lang: str) -> Row:
    return {
        "id": o.id, "name_ko": o.name.ko, "name_en": o.name.en, "aliases": o.aliases, "kind": o.kind, "country": o.country,
        "region": o.region, "website": o.website, "parent": _name(names[o.parent_id], lang) if o.parent_id else None,
        "fields": o.fields, "description_ko": o.description.ko, "description_en": o.description.en,
        "contact_name": o.contact.name, "contact_email": o.contact.email, "contact_phone": o.contact.phone,
    }  # fmt: skip


def _expert(e: Expert, names: dict[int, BilingualText], lang: str) -> Row:
    return {
        "id": e.id, "name_ko": e.name.ko, "name_en": e.name.en, "email": e.email, "phone": e.phone,
        "affiliations": [_name(names[a.organisation_id], lang) for a in e.affiliations],
        "position": e.affiliations[0].position if e.affiliations else None, "country": e.country, "languages": e.languages,
        "expertise_ko": e.expertise.ko, "expertise_en": e.expertise.en, "keywords": e.keywords, "fields": e.fields,
        "memberships": [_name(names[m], lang) for m in e.memberships], "website": e.website,
    }  # fmt: skip


def _publication(e: Expert, p: Publication) -> Row:
    return {
        "expert_email": e.email, "expert_name": e.name.en or e.name.ko, "title": p.title, "abstract": p.abstract,
        "year": p.year, "venue": p.venue, "doi": p.doi, "authors": p.authors,
    }  # fmt: skip


def _profile(p: Profile, names: dict[int, BilingualText], experts: dict[int, Expert], lang: str) -> Row:
    owner = experts.get(p.expert_id) if p.expert_id else None
    return {
        "id": p.id, "kind": p.kind, "title_ko": p.title.ko, "title_en": p.title.en, "description_ko": p.description.ko,
        "description_en": p.description.en, "fields": p.fields, "keywords": p.keywords,
        "organisation": _name(names[p.organisation_id], lang) if p.organisation_id else None,
        "expert": (owner.email or owner.name.en or owner.name.ko) if owner else None, "status": p.status,
        "valid_from": p.valid_from, "valid_until": p.valid_until, "contact_name": p.contact.name,
        "contact_email": p.contact.email, "contact_phone": p.contact.phone,
    }  # fmt: skip


def _rows(unit: Unit, kind: RecordKind, lang: str) -> list[Row]:
    names = organisation_names(unit)
    if kind is RecordKind.ORGANISATIONS:
        return [_organisation(o, names, lang) for o in unit.organisations.find()]
    experts = unit.experts.find()
    if kind is RecordKind.EXPERTS:
        return [_expert(e, names, lang) for e in experts]
    if kind is RecordKind.PUBLICATIONS:
        return [_publication(e, p) for e in experts for p in e.publications]
    by_id = {e.id: e for e in experts if e.id is not None}
    return [_profile(p, names, by_id, lang) for p in unit.profiles.find()]


_SHEETS = {
    RecordKind.ORGANISATIONS: ("기관", "Organisations"),
    RecordKind.EXPERTS: ("전문가", "Experts"),
    RecordKind.PUBLICATIONS: ("논문", "Publications"),
    RecordKind.PROFILES: ("프로필", "Profiles"),
}


def build_tables(db: Database, kinds: list[RecordKind], lang: str) -> list[Table]:
    require_current(db)
    tables = []
    with db.unit("reader") as unit:
        for kind in kinds:
            columns = template_columns(kind)
            headers = [c.header_ko if lang == "ko" else c.header_en for c in columns]
            rows = [[_cell(c, row.get(c.key), lang) for c in columns] for row in _rows(unit, kind, lang)]
            tables.append(Table(_SHEETS[kind][0 if lang == "ko" else 1], headers, rows))
    return tables


def _cell(column: Any, value: Any, lang: str) -> Any:
    return None if value in (None, "", []) else format_value(column, value, lang)


def export(
    db: Database, kinds: list[RecordKind], path: Path, *, lang: str, encoding: str = "utf-8-sig"
) -> dict[str, int]:
    """Write the lists to ``path``; returns rows written per sheet."""
    tables = build_tables(db, kinds, lang)
    write_table(path, tables, encoding=encoding)
    return {t.name: len(t.rows) for t in tables}
