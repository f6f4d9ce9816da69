"""Field classification of directory records: suggestions from their texts, and staff decisions on them.

Records imported without field codes get suggested fields (``classify_records``), kept in
``field_suggestions`` with their confidence and evidence; staff confirm (the field is written onto the
record, audited like any edit), reject (that field is never suggested for that record again) or correct
(another field, kept as confirmed by staff). Until then, ``effective_fields`` lets field filters treat a
record without codes as being in its confident suggestions. See docs/classification.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from seoro.domain.audit import Action
from seoro.domain.directory import Expert, Organisation, Profile
from seoro.domain.errors import DomainError
from seoro.domain.taxonomy import Taxonomy
from seoro.matching.classify import (
    DEFAULT_PARAMS,
    MODEL_VERSION,
    Classification,
    Classifier,
    Document,
    Example,
    Suggestion,
)
from seoro.matching.engine import passage_texts
from seoro.matching.model import Candidate
from seoro.matching.semantic import Centring, Vectors, languages_of
from seoro.services.database import Database, Unit, require_current
from seoro.services.indexing import Progress, vectors_for
from seoro.services.matching import candidates, tools_for
from seoro.storage.suggestions import RECORD_KINDS, NewSuggestion, Status

# A suggestion counts for field filters from this confidence on (a calibrated probability: at 0.5 the
# classifier thinks it more likely right than wrong). Measured on the held-out test split of
# bench/data/fields_labelled.jsonl: 70 % of texts get a suggestion this confident, and 63 % of those are
# right (the field or its parent); see bench/RESULTS.md and docs/classification.md.
DEFAULT_THRESHOLD = DEFAULT_PARAMS.threshold
KINDS = RECORD_KINDS  # expert, organisation, profile


@dataclass(frozen=True)
class RecordClassification:
    key: str  # "expert:12"
    name: str
    fields: tuple[str, ...]  # the record's own field codes
    suggestions: list[Suggestion]

    @property
    def kind(self) -> str:
        return self.key.split(":")[0]

    @property
    def id(self) -> int:
        return int(self.key.split(":")[1])


@dataclass(frozen=True)
class ClassifyReport:
    results: list[RecordClassification]
    taxonomy: Taxonomy
    saved: int  # suggestion rows written (new or changed)


@dataclass(frozen=True)
class _Built:
    classifier: Classifier
    found: list[Candidate]
    texts: dict[str, tuple[str, ...]]  # by candidate key
    vectors: dict[str, Vectors]
    taxonomy: Taxonomy
    rejected: dict[str, set[str]]  # by candidate key


def kind_of(value: str) -> str:
    """``expert``, ``organisation`` or ``profile`` from what staff type (plural and Korean names too)."""
    names = {"experts": "expert", "전문가": "expert", "organisations": "organisation", "organizations": "organisation"}
    names |= {"organization": "organisation", "기관": "organisation", "profiles": "profile", "프로필": "profile"}
    kind = names.get(value.strip().lower(), value.strip().lower())
    if kind not in KINDS:
        raise DomainError("unknown_choice", value=value, choices=", ".join(KINDS))
    return kind


def classify_size(db: Database) -> int:
    """How many distinct texts the classifier reads (what the progress callback counts)."""
    with db.reading() as unit:
        return len(set(passage_texts(candidates(unit))))


def _build(db: Database, *, actor: str, progress: Progress | None) -> _Built:
    require_current(db)
    with db.reading() as unit:
        taxonomy = unit.fields.load()
        found = candidates(unit, suggested=False)
        rejected: dict[str, set[str]] = {}
        for kind in KINDS:
            for s in unit.suggestions.of(kind):
                if s.status is Status.REJECTED:
                    rejected.setdefault(s.key, set()).add(s.field_code)
    tools = tools_for(taxonomy)
    texts = {c.key: tuple(passage_texts([c])) for c in found}
    flat = [t for c in found for t in texts[c.key]]
    matrix, _ = vectors_for(db, tools.embedder, flat, actor=actor, progress=progress)
    vectors: dict[str, Vectors] = {}
    start = 0
    for c in found:
        vectors[c.key] = matrix[start : start + len(texts[c.key])]
        start += len(texts[c.key])
    examples = [Example(c.key, c.fields, texts[c.key], vectors[c.key]) for c in found if c.fields]
    centring = Centring.fit(matrix, languages_of(flat)) if flat else Centring()
    classifier = Classifier(taxonomy, tools.glossary, tools.embedder, examples=examples, centring=centring)
    return _Built(classifier, found, texts, vectors, taxonomy, rejected)


def classifier_for(db: Database, *, actor: str = "classifier", progress: Progress | None = None) -> Classifier:
    """The classifier as ``classify_records`` builds it: the directory's labelled records are its
    examples and its texts fit the language centring (bench/classify.py measures exactly this)."""
    return _build(db, actor=actor, progress=progress).classifier


def classify_records(
    db: Database,
    *,
    kinds: Collection[str] = KINDS,
    ids: Collection[int] | None = None,
    include_labelled: bool = False,
    top: int = 3,
    save: bool = False,
    actor: str = "classifier",
    progress: Progress | None = None,
) -> ClassifyReport:
    """Suggested fields for the records of ``kinds`` that have no field codes (all of them with
    ``include_labelled``, for checking the classifier against staff's codes), optionally only ``ids``.
    With ``save`` the suggestions of records without codes are stored; fields staff rejected for a record are never suggested
    for it, and decided rows are left as they are."""
    built = _build(db, actor=actor, progress=progress)
    chosen = [
        c
        for c in built.found
        if c.key.split(":")[0] in kinds
        and (include_labelled or not c.fields)
        and (ids is None or int(c.key.split(":")[1]) in ids)
    ]
    classified = built.classifier.classify([Document(built.texts[c.key], built.vectors[c.key], c.key) for c in chosen])
    results = [
        RecordClassification(c.key, c.name, c.fields, r.suggest(top, exclude=built.rejected.get(c.key, set())))
        for c, r in zip(chosen, classified, strict=True)
    ]
    saved = _save(db, results, actor=actor) if save else 0
    return ClassifyReport(results, built.taxonomy, saved)


def classify_text(db: Database, text: str, *, top: int = 3, actor: str = "classifier") -> list[Suggestion]:
    """Suggested fields for any text (Korean or English), against the directory's taxonomy and records."""
    built = _build(db, actor=actor, progress=None)
    result: Classification = built.classifier.classify([Document((text,))])[0]
    return result.suggest(top)


def _save(db: Database, results: Sequence[RecordClassification], *, actor: str) -> int:
    now = datetime.now(UTC)
    written = 0
    with db.unit(actor, "classify") as unit:
        for r in results:
            if r.fields:  # a labelled record is classified for checking only: its own codes are what counts
                continue
            new = [NewSuggestion(s.code, round(s.confidence, 6), evidence_json(s)) for s in r.suggestions]
            written += unit.suggestions.replace_open(r.kind, r.id, new, model=MODEL_VERSION, at=now)
    return written


def evidence_json(s: Suggestion) -> dict[str, Any]:
    e = s.evidence
    return {"similarity": round(e.similarity, 4), "terms": list(e.terms), "neighbours": list(e.neighbours)}


# -- staff decisions --------------------------------------------------------------------------------


def confirm(db: Database, *, kind: str, id_: int, field: str, actor: str) -> str:
    """The field is right: it is written onto the record (audited) and the suggestion marked confirmed."""
    with _deciding(db, actor, "classify confirm") as unit:
        return _decide(unit, kind_of(kind), id_, field, Status.CONFIRMED)


def reject(db: Database, *, kind: str, id_: int, field: str, actor: str) -> str:
    """The field is wrong for this record: it is never suggested for it again (and removed if it was set)."""
    with _deciding(db, actor, "classify reject") as unit:
        return _decide(unit, kind_of(kind), id_, field, Status.REJECTED)


def correct(db: Database, *, kind: str, id_: int, field: str, actor: str) -> str:
    """Staff's own field instead of the suggestions: it is confirmed (by staff) and written onto the
    record, and every suggestion still open for the record is rejected."""
    entity = kind_of(kind)
    with _deciding(db, actor, "classify correct") as unit:
        code = _decide(unit, entity, id_, field, Status.CONFIRMED)
        now = datetime.now(UTC)
        for s in unit.suggestions.of(entity, [id_]):
            if s.status is Status.SUGGESTED:
                unit.suggestions.decide(entity, id_, s.field_code, Status.REJECTED, by=actor, at=now)
        return code


@contextmanager
def _deciding(db: Database, actor: str, source: str) -> Iterator[Unit]:
    require_current(db)
    with db.unit(actor, source) as unit:
        yield unit


def _decide(unit: Unit, entity: str, id_: int, field: str, status: Status) -> str:
    code = unit.fields.load().resolve(field)
    if status is Status.CONFIRMED:
        before, after = _change_fields(unit, entity, id_, lambda fs: fs if code in fs else [*fs, code])
    else:
        before, after = _change_fields(unit, entity, id_, lambda fs: [f for f in fs if f != code])
    changes: dict[str, list[Any]] = {"fields": [before, after]} if before != after else {}
    changes[f"field_{status.value}"] = [None, code]
    unit.record(Action.UPDATE, entity, id_, changes)
    unit.suggestions.decide(entity, id_, code, status, by=unit.actor, at=datetime.now(UTC))
    return code


def _change_fields(
    unit: Unit, entity: str, id_: int, change: Callable[[list[str]], list[str]]
) -> tuple[list[str], list[str]]:
    """Apply ``change`` to one record's field codes and save it if they changed; (before, after)."""
    if entity == "expert":
        return _changed(unit.experts, id_, change)
    if entity == "organisation":
        return _changed(unit.organisations, id_, change)
    return _changed(unit.profiles, id_, change)


R = TypeVar("R", Expert, Organisation, Profile)


class _Records(Protocol[R]):
    def get(self, id_: int, /) -> R: ...

    def save(self, record: R, /) -> int: ...


def _changed(records: _Records[R], id_: int, change: Callable[[list[str]], list[str]]) -> tuple[list[str], list[str]]:
    record = records.get(id_)
    before, record.fields = list(record.fields), change(list(record.fields))
    if before != record.fields:
        records.save(record)
    return before, list(record.fields)


# -- reading ---------------------------------------------------------------------------------------


def effective_fields(unit: Unit, threshold: float = DEFAULT_THRESHOLD) -> dict[str, tuple[str, ...]]:
    """Fields of records that have no field codes of their own, keyed like matching candidates
    (``"expert:12"``, ``"organisation:3"``, ``"profile:40"``): their stored suggestions that staff have
    not rejected, at or above ``threshold`` confidence, best first. Records with codes are absent
    (their own codes are what counts); so are records with no such suggestion."""
    return unit.suggestions.effective(threshold)


def suggested_ids(unit: Unit, kind: str, codes: Collection[str], threshold: float = DEFAULT_THRESHOLD) -> set[int]:
    """Ids of the records of ``kind`` without codes whose effective fields include one of ``codes``."""
    wanted = set(codes)
    return {
        int(key.split(":")[1])
        for key, fields in effective_fields(unit, threshold).items()
        if key.split(":")[0] == kind and wanted & set(fields)
    }


def stored_suggestions(db: Database, *, kind: str, id_: int) -> list[tuple[str, float, str, str | None]]:
    """(field, confidence, status, decided by) of one record's stored suggestions, best first."""
    with db.reading() as unit:
        return [
            (s.field_code, s.confidence, s.status.value, s.decided_by)
            for s in unit.suggestions.of(kind_of(kind), [id_])
        ]
