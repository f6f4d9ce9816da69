"""Uploads left behind (a preview never confirmed nor cancelled) are removed after a day."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from seoro.domain.errors import DomainError
from seoro.services.uploads import KEEP_SECONDS, find_upload, forget_old_uploads, save_upload


def test_old_uploads_are_forgotten_and_recent_ones_kept(tmp_path: Path) -> None:
    old = save_upload(tmp_path, [("기관.csv", b"a,b\n")])
    stamp = time.time() - KEEP_SECONDS - 60
    os.utime(tmp_path / old.token, (stamp, stamp))
    (tmp_path / "notes").mkdir()  # not an upload folder: left alone
    os.utime(tmp_path / "notes", (stamp, stamp))
    new = save_upload(tmp_path, [("전문가.xlsx", b"x")])  # each new upload tidies up first
    with pytest.raises(DomainError) as gone:
        find_upload(tmp_path, old.token)
    assert gone.value.code == "upload_expired"
    assert [p.name for p in find_upload(tmp_path, new.token).files] == ["전문가.xlsx"]
    assert (tmp_path / "notes").is_dir()
    assert forget_old_uploads(tmp_path, now=time.time() + KEEP_SECONDS + 60) == 1  # the new one, a day later
    assert forget_old_uploads(tmp_path / "missing") == 0
