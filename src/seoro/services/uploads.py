"""Spreadsheets uploaded through the web pages: kept in a private folder until staff confirm them,
read with the same readers as ``seoro import`` and ``seoro event import-*`` and imported with
``services.importing`` (the directory) or ``services.event_import`` (an event's lists).

A preview (dry run) and the real import read the very same saved files, so what staff confirm is
exactly what they saw. The folder is named by a random token that only the uploader's session holds.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from seoro.domain.errors import DomainError
from seoro.files.columns import RecordKind
from seoro.files.event_columns import EventSheetKind, read_event_sheets
from seoro.files.reading import read_sheets
from seoro.services.database import Database
from seoro.services.event_import import PEOPLE, EventImportReport, import_people, import_requests
from seoro.services.importing import ImportReport, import_sheets

SUFFIXES = (".xlsx", ".csv")
MAX_BYTES = 20 * 1024 * 1024  # a directory spreadsheet is far smaller; more is a mistake
KEEP_SECONDS = 24 * 3600  # an unconfirmed preview is kept a day: longer than a session's pause, not forever
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
EVENT_LISTS: dict[str, tuple[EventSheetKind, ...]] = {"people": PEOPLE, "requests": (EventSheetKind.REQUESTS,)}
_Sheet = TypeVar("_Sheet")


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


def import_upload(
    db: Database, upload: Upload, *, kind: RecordKind | None = None, actor: str, dry_run: bool
) -> ImportReport:
    """Read every saved file (as ``kind``, or guessed from sheet names and headers) and import it, all
    or nothing (``dry_run``: check everything, write nothing)."""
    sheets = [sheet for path in upload.files for sheet in _read(path, lambda p: read_sheets(p, kind))]
    return import_sheets(db, sheets, actor=actor, dry_run=dry_run)


def import_event_upload(
    db: Database, event_id: int, upload: Upload, *, what: str, actor: str, now: datetime, dry_run: bool
) -> EventImportReport:
    """Read every saved file as the event's participants and interpreters (``what="people"``) or its
    meeting requests (``"requests"``) and import it into ``event_id``, all or nothing, as
    :func:`import_upload` does."""
    if what not in EVENT_LISTS:
        raise DomainError("unknown_choice", value=what, choices=", ".join(EVENT_LISTS))
    kinds = EVENT_LISTS[what]
    sheets = [sheet for path in upload.files for sheet in _read(path, lambda p: read_event_sheets(p, kinds))]
    if what == "people":
        return import_people(db, event_id, sheets, actor=actor, dry_run=dry_run)
    return import_requests(db, event_id, sheets, actor=actor, now=now, dry_run=dry_run)


def _read(path: Path, reader: Callable[[Path], list[_Sheet]]) -> list[_Sheet]:
    """``reader(path)``, with reading errors naming the file as uploaded: the private folder it sits
    in is nobody's business, and its token must not leak into a page."""
    try:
        return reader(path)
    except DomainError as e:
        if "file" not in e.params:
            raise
        raise DomainError(e.code, **{**e.params, "file": path.name}) from None
