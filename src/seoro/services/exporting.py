"""Lists out to .xlsx/.csv, in the same columns the importer reads, so an export can be edited and re-imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seoro.domain.agreements import Agreement, Party
from seoro.domain.directory import Expert, Organisation, Profile, Publication
from seoro.domain.text import BilingualText
from seoro.domain.vocab import label
from seoro.files.columns import RecordKind
from seoro.files.writing import Table, format_value, template_columns, write_table
from seoro.i18n import t
from seoro.services.database import Database, Unit, require_current

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


def _rows(unit: Unit, kind: RecordKind, lang: str, ids: set[int] | None) -> list[Row]:
    names = unit.organisations.names()

    def wanted(record: Any) -> bool:
        return ids is None or record.id in ids

    if kind is RecordKind.ORGANISATIONS:
        return [_organisation(o, names, lang) for o in unit.organisations.find() if wanted(o)]
    experts = unit.experts.find()
    if kind is RecordKind.EXPERTS:
        return [_expert(e, names, lang) for e in experts if wanted(e)]
    if kind is RecordKind.PUBLICATIONS:
        return [_publication(e, p) for e in experts for p in e.publications if wanted(p)]
    by_id = {e.id: e for e in experts if e.id is not None}
    return [_profile(p, names, by_id, lang) for p in unit.profiles.find() if wanted(p)]


_SHEETS = {
    RecordKind.ORGANISATIONS: ("기관", "Organisations"),
    RecordKind.EXPERTS: ("전문가", "Experts"),
    RecordKind.PUBLICATIONS: ("논문", "Publications"),
    RecordKind.PROFILES: ("프로필", "Profiles"),
}


def build_tables(db: Database, kinds: list[RecordKind], lang: str, ids: set[int] | None = None) -> list[Table]:
    """One table per kind, in the importer's columns; ``ids`` keeps only those records (a filtered list)."""
    require_current(db)
    tables = []
    with db.reading() as unit:
        for kind in kinds:
            columns = template_columns(kind)
            headers = [c.header_ko if lang == "ko" else c.header_en for c in columns]
            rows = [[_cell(c, row.get(c.key), lang) for c in columns] for row in _rows(unit, kind, lang, ids)]
            tables.append(Table(_SHEETS[kind][0 if lang == "ko" else 1], headers, rows))
    return tables


def _cell(column: Any, value: Any, lang: str) -> Any:
    return None if value in (None, "", []) else format_value(column, value, lang)


def export(
    db: Database,
    kinds: list[RecordKind],
    path: Path,
    *,
    lang: str,
    encoding: str = "utf-8-sig",
    ids: set[int] | None = None,
) -> dict[str, int]:
    """Write the lists to ``path``; returns rows written per sheet."""
    tables = build_tables(db, kinds, lang, ids)
    write_table(path, tables, encoding=encoding)
    return {t.name: len(t.rows) for t in tables}


def _party(party: Party, names: dict[int, BilingualText], lang: str) -> str:
    details = "; ".join(filter(None, (party.signatory, f"{party.contact_name} {party.contact_email}".strip())))
    return (
        f"{_name(names[party.organisation_id], lang)} ({details})"
        if details
        else _name(names[party.organisation_id], lang)
    )


def export_agreements(
    db: Database, agreements: list[Agreement], path: Path, *, lang: str, encoding: str = "utf-8-sig"
) -> int:
    """Agreements as a report table (one row each; parties, scope and follow-ups in their cells)."""
    require_current(db)
    with db.reading() as unit:
        names = unit.organisations.names()
    keys = ("id", "title", "signed_on", "place", "event", "status", "parties", "scope", "follow_ups")
    rows = [
        [
            a.id, a.title.pick(lang), a.signed_on, a.place, a.event, label(a.status).pick(lang),
            "\n".join(_party(p, names, lang) for p in a.parties),
            "\n".join(s.pick(lang) for s in a.scope),
            "\n".join(f"{f.due or ''} {f.description.pick(lang)}".strip() for f in a.follow_ups),
        ]
        for a in agreements
    ]  # fmt: skip
    write_table(
        path, [Table(t("cli.title.agreements", lang), [t(f"cli.col.{k}", lang) for k in keys], rows)], encoding=encoding
    )
    return len(rows)
