"""Spreadsheets uploaded through the web pages: kept in a private folder until staff confirm them,
read with the same readers as ``seoro import`` and ``seoro event import-*`` and imported with
``services.importing`` (the directory) or ``services.event_import`` (an event's lists).

A preview (dry run) and the real import read the very same saved files, so what staff confirm is
exactly what they saw. The folder is named by a random token that only the uploader's session holds.

Both steps run as a background job (``run_import``, job kind ``import``), whose result is the
summary a page shows: counts, the rows that would change, or every problem with its place.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from seoro.domain.errors import DomainError, InvalidInput, Problem
from seoro.files.columns import IMPORT_ORDER, RecordKind
from seoro.files.event_columns import EventSheet, EventSheetKind, read_event_sheets
from seoro.files.reading import read_sheets
from seoro.files.records import SourceSheet
from seoro.services.database import Database
from seoro.services.event_import import PEOPLE, EventImportReport, import_people, import_requests
from seoro.services.importing import ImportReport, import_sheets

SUFFIXES = (".xlsx", ".csv")
MAX_BYTES = 20 * 1024 * 1024  # a directory spreadsheet is far smaller; more is a mistake
KEEP_SECONDS = 24 * 3600  # an unconfirmed preview is kept a day: longer than a session's pause, not forever
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
EVENT_LISTS: dict[str, tuple[EventSheetKind, ...]] = {"people": PEOPLE, "requests": (EventSheetKind.REQUESTS,)}
ACTIONS = ("created", "updated", "unchanged")
DIRECTORY_ENTITIES = ("organisation", "expert", "publication", "profile")
EVENT_ENTITIES = ("participant", "interpreter", "request")
SHOWN_CHANGES = 100  # a page lists this many changed rows; the counts cover them all
READ_SHARE = 0.6  # of a job's progress: reading the files; the rest is checking and writing them
_Sheet = TypeVar("_Sheet")
Progress = Callable[[str, float], None]  # (step, share done), as background jobs report it


@dataclass(frozen=True)
class Upload:
    token: str
    files: list[Path]


def _safe_name(name: str) -> str:
    """The file's own name without any folder part (never ``../``), Hangul kept."""
    base = re.split(r"[\\/]", name)[-1].strip().lstrip(".")
    return re.sub(r"[^\w.\- ()]+", "_", base, flags=re.UNICODE)[:120] or "upload"


def save_upload(root: Path, files: list[tuple[str, bytes]]) -> Upload:
    """Keep ``(name, content)`` pairs in a new folder under ``root``; refuses other types and huge files."""
    if not files:
        raise DomainError("upload_missing")
    for name, data in files:
        if not name.lower().endswith(SUFFIXES):
            raise DomainError("upload_type", file=_safe_name(name), types=", ".join(SUFFIXES))
        if len(data) > MAX_BYTES:
            raise DomainError("upload_too_large", file=_safe_name(name), limit=MAX_BYTES // (1024 * 1024))
    forget_old_uploads(root)
    token = secrets.token_urlsafe(24)
    folder = root / token
    folder.mkdir(parents=True)
    saved = []
    for name, data in files:
        path = folder / _safe_name(name)
        path.write_bytes(data)
        saved.append(path)
    return Upload(token, saved)


def forget_old_uploads(root: Path, *, older_than: float = KEEP_SECONDS, now: float | None = None) -> int:
    """Remove the uploads previewed but never confirmed nor cancelled (a closed tab) once they are
    ``older_than`` seconds old; how many were removed. Run at each new upload, so nothing piles up."""
    if not root.is_dir():
        return 0
    cutoff = (time.time() if now is None else now) - older_than
    old = [f for f in root.iterdir() if f.is_dir() and _TOKEN.match(f.name) and f.stat().st_mtime < cutoff]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    return len(old)


def find_upload(root: Path, token: str | None) -> Upload:
    """The files saved under ``token`` (``upload_expired`` when the folder is gone or the token odd)."""
    folder = root / token if token and _TOKEN.match(token) else None
    if folder is None or not folder.is_dir():
        raise DomainError("upload_expired")
    return Upload(str(token), sorted(p for p in folder.iterdir() if p.is_file()))


def discard_upload(root: Path, upload: Upload) -> None:
    shutil.rmtree(root / upload.token, ignore_errors=True)


def record_kind(value: str | None) -> RecordKind | None:
    """What the files hold, as chosen on the form (``None``: guess from sheet names and headers)."""
    return RecordKind(value) if value in {k.value for k in IMPORT_ORDER} else None


def import_upload(
    db: Database, upload: Upload, *, kind: RecordKind | None = None, actor: str, dry_run: bool,
    progress: Progress | None = None,
) -> ImportReport:  # fmt: skip
    """Read every saved file (as ``kind``, or guessed from sheet names and headers) and import it, all
    or nothing (``dry_run``: check everything, write nothing)."""
    sheets = _read_all(upload, lambda p: read_sheets(p, kind), progress)
    _tell(progress, "check" if dry_run else "write", READ_SHARE)
    return import_sheets(db, sheets, actor=actor, dry_run=dry_run)


def import_event_upload(
    db: Database, event_id: int, upload: Upload, *, what: str, actor: str, now: datetime, dry_run: bool,
    progress: Progress | None = None,
) -> EventImportReport:  # fmt: skip
    """Read every saved file as the event's participants and interpreters (``what="people"``) or its
    meeting requests (``"requests"``) and import it into ``event_id``, all or nothing, as
    :func:`import_upload` does."""
    if what not in EVENT_LISTS:
        raise DomainError("unknown_choice", value=what, choices=", ".join(EVENT_LISTS))
    kinds = EVENT_LISTS[what]
    sheets = _read_all(upload, lambda p: read_event_sheets(p, kinds), progress)
    _tell(progress, "check" if dry_run else "write", READ_SHARE)
    if what == "people":
        return import_people(db, event_id, sheets, actor=actor, dry_run=dry_run)
    return import_requests(db, event_id, sheets, actor=actor, now=now, dry_run=dry_run)


def run_import(
    db: Database, params: Mapping[str, Any], *, actor: str, progress: Progress | None = None
) -> dict[str, Any]:
    """The ``import`` job: import the upload ``params["token"]`` under ``params["root"]`` into the
    directory (``kind``) or into event ``event_id`` (``what``), or only check it (``dry_run``).

    The result is JSON-plain: ``{"names", "dry_run", "totals", "changes", ...}`` or, when any row is
    wrong, ``{"names", "problems"}``. The files are kept only after a good dry run (to be confirmed);
    otherwise nothing is left behind."""
    root, dry_run = Path(str(params["root"])), bool(params.get("dry_run", True))
    upload = find_upload(root, str(params.get("token", "")))
    names = [p.name for p in upload.files]
    keep = False
    try:
        if params.get("event_id") is not None:
            event_id, what = int(params["event_id"]), str(params.get("what", ""))
            found = import_event_upload(db, event_id, upload, what=what, actor=actor, now=datetime.now(UTC),
                                        dry_run=dry_run, progress=progress)  # fmt: skip
            summary = event_summary(found)
        else:
            kind = record_kind(str(params.get("kind", "")))
            summary = directory_summary(import_upload(db, upload, kind=kind, actor=actor, dry_run=dry_run,
                                                      progress=progress))  # fmt: skip
        keep = dry_run
    except InvalidInput as e:
        return {"names": names, "problems": plain_problems(e.problems)}
    finally:
        if not keep:
            discard_upload(root, upload)
    return {"names": names, "dry_run": dry_run, **summary}


def directory_summary(report: ImportReport) -> dict[str, Any]:
    """What ``seoro import`` prints: counts by record kind and action, the rows that would change (the
    first :data:`SHOWN_CHANGES`), and columns nobody reads."""
    changes = [_change(c.location.file, c.location.sheet, c.location.row, c.action, c.entity, c.label, c.changed)
               for c in report.changes if c.action != "unchanged"]  # fmt: skip
    return _summary(report.counts(), DIRECTORY_ENTITIES, changes, report.sheets)


def event_summary(report: EventImportReport) -> dict[str, Any]:
    """What ``seoro event import-*`` prints: as :func:`directory_summary`, plus how many participants
    were found in the directory and who could meet no one for want of a language."""
    changes = [_change(o.location.file, o.location.sheet, o.location.row, o.action, o.entity, o.label, ())
               for o in report.outcomes if o.action != "unchanged"]  # fmt: skip
    people = report.participants()
    linked = [sum(p.expert_id is not None for p in people), sum(p.organisation_id is not None for p in people)]
    return {**_summary(report.counts(), EVENT_ENTITIES, changes, report.sheets),
            "linked": [*linked, len(people)] if people else None, "without_language": report.without_language()}  # fmt: skip


def _change(
    file: str, sheet: str, row: int, action: str, entity: str, label: str, changed: tuple[str, ...]
) -> dict[str, Any]:
    return {"file": Path(file).name, "sheet": sheet, "row": row or "", "action": action, "entity": entity,
            "label": label, "changed": list(changed)}  # fmt: skip


def _summary(counts: dict[tuple[str, str], int], entities: tuple[str, ...], changes: list[dict[str, Any]],
             sheets: Sequence[SourceSheet] | Sequence[EventSheet]) -> dict[str, Any]:  # fmt: skip
    totals = [[e, [counts.get((e, a), 0) for a in ACTIONS]] for e in entities if any(k[0] == e for k in counts)]
    ignored = [[s.sheet or Path(s.file).name, ", ".join(f"{col} {h}" for col, h in s.ignored)]
               for s in sheets if s.ignored]  # fmt: skip
    return {"totals": totals, "changes": changes[:SHOWN_CHANGES], "more": max(0, len(changes) - SHOWN_CHANGES),
            "ignored": ignored}  # fmt: skip


def plain_problems(problems: list[Problem]) -> list[dict[str, Any]]:
    """Every problem with its place (the file as uploaded), its field and its message code, JSON-plain."""
    return [{"file": Path(p.location.file).name, "sheet": p.location.sheet, "row": p.location.row or "",
             "column": p.location.column, "header": p.location.header, "field": p.field, "code": p.code,
             "params": {k: v if isinstance(v, (int, float, str, bool)) or v is None else str(v)
                        for k, v in p.params.items()}}
            for p in problems]  # fmt: skip


def _tell(progress: Progress | None, step: str, share: float) -> None:
    if progress is not None:
        progress(step, share)


def _read_all(upload: Upload, reader: Callable[[Path], list[_Sheet]], progress: Progress | None) -> list[_Sheet]:
    """Every saved file's sheets, telling ``progress`` as each file is read (a large .xlsx takes a while)."""
    sheets: list[_Sheet] = []
    for i, path in enumerate(upload.files):
        _tell(progress, "read", READ_SHARE * i / len(upload.files))
        sheets += _read(path, reader)
    return sheets


def _read(path: Path, reader: Callable[[Path], list[_Sheet]]) -> list[_Sheet]:
    """``reader(path)``, with reading errors naming the file as uploaded: the private folder it sits
    in is nobody's business, and its token must not leak into a page."""
    try:
        return reader(path)
    except DomainError as e:
        if "file" not in e.params:
            raise
        raise DomainError(e.code, **{**e.params, "file": path.name}) from None
