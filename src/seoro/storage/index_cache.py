"""Trained vector-search indexes kept on disk, so a new process does not train again.

Training a faiss IVF index over a million passages takes minutes (bench/match_speed.py); the vectors
themselves stay in the database, the source of truth. A cache file is named by a fingerprint of
exactly what it indexes (model and passage texts), so a changed directory never loads a stale index;
only the newest file is kept.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

SUFFIX = ".faiss"


class IndexCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, fingerprint: str) -> Path:
        return self.folder / f"{fingerprint}{SUFFIX}"

    def load(self, fingerprint: str) -> Any | None:
        import faiss  # noqa: PLC0415 - only large directories need it

        path = self.path(fingerprint)
        if not path.is_file():
            return None
        try:
            return faiss.read_index(str(path))
        except RuntimeError:  # a truncated or foreign file: train again and overwrite it
            return None

    def save(self, fingerprint: str, index: Any) -> Path:
        import faiss  # noqa: PLC0415

        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        os.close(handle)
        faiss.write_index(index, temporary)
        target = self.path(fingerprint)
        os.replace(temporary, target)  # readers see the old file or the new one, never half of one
        for old in self.folder.glob(f"*{SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
        return target
