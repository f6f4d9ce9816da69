"""The stored taxonomy: shipped national fields plus an agency's custom fields and focus sets."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from seoro.domain.taxonomy import FieldSource, FocusSet, Taxonomy, TechField
from seoro.domain.text import BilingualText
from seoro.storage import tables as t
from seoro.storage.common import children_by_owner, replace_children


class Fields:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def load(self) -> Taxonomy:
        fields = [
            TechField(
                r.code, BilingualText(r.label_ko, r.label_en), r.parent_code, tuple(r.synonyms), FieldSource(r.source)
            )
            for r in self.conn.execute(select(t.tech_fields))
        ]
        codes = children_by_owner(self.conn, t.focus_set_fields, t.focus_set_fields.c.focus_code, self._focus_codes())
        focus_sets = [
            FocusSet(
                r.code,
                BilingualText(r.name_ko, r.name_en),
                tuple(c.field_code for c in codes.get(r.code, [])),
                r.description,
            )
            for r in self.conn.execute(select(t.focus_sets).order_by(t.focus_sets.c.code))
        ]
        return Taxonomy.of(fields, focus_sets)

    def _focus_codes(self) -> list[str]:
        return list(self.conn.execute(select(t.focus_sets.c.code)).scalars())

    def save_field(self, field: TechField, *, exists: bool) -> None:
        values = {
            "parent_code": field.parent,
            "label_ko": field.label.ko,
            "label_en": field.label.en,
            "synonyms": list(field.synonyms),
            "source": field.source.value,
        }
        if exists:
            self.conn.execute(update(t.tech_fields).where(t.tech_fields.c.code == field.code).values(values))
        else:
            self.conn.execute(insert(t.tech_fields).values(code=field.code, **values))

    def save_focus_set(self, focus: FocusSet, *, exists: bool) -> None:
        values = {"name_ko": focus.name.ko, "name_en": focus.name.en, "description": focus.description}
        if exists:
            self.conn.execute(update(t.focus_sets).where(t.focus_sets.c.code == focus.code).values(values))
        else:
            self.conn.execute(insert(t.focus_sets).values(code=focus.code, **values))
        rows = [{"field_code": c, "position": i} for i, c in enumerate(focus.fields)]
        replace_children(self.conn, t.focus_set_fields, t.focus_set_fields.c.focus_code, focus.code, rows)
