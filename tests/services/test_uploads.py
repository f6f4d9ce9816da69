"""Uploaded spreadsheets: the import job previews them (problems with their places, or what would
change), imports them on confirmation, and keeps files only while they wait; uploads left behind (a
preview never confirmed nor cancelled) are removed after a day."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from seoro.domain.errors import DomainError
from seoro.services.database import Database
from seoro.services.uploads import KEEP_SECONDS, READ_SHARE, find_upload, forget_old_uploads, run_import, save_upload


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


GOOD = "기관명,기관유형,국가\n새솔테크,기업,대한민국\nMaple Labs,대학,캐나다\n"
BAD = "기관명,기관유형,국가\n새솔테크,기업,대한민국\n아틀란티스랩,연구기관,아틀란티스\n"


def _job(db: Database, root: Path, content: str, *, dry_run: bool, token: str | None = None) -> dict[str, Any]:
    steps: list[tuple[str, float]] = []
    token = token or save_upload(root, [("기관.csv", content.encode("cp949"))]).token
    params = {"root": str(root), "token": token, "kind": "organisations", "event_id": None, "dry_run": dry_run}
    result = run_import(db, params, actor="test", progress=lambda step, share: steps.append((step, share)))
    assert steps == [("read", 0.0), ("check" if dry_run else "write", READ_SHARE)]
    return {"token": token, **result}


def test_the_import_job_previews_then_imports_and_keeps_files_only_while_waiting(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "uploads"  # beside the test database
    before = len(db_names(db))
    bad = _job(db, root, BAD, dry_run=True)
    assert [(p["row"], p["column"], p["field"], p["code"]) for p in bad["problems"]] == [
        (3, "C", "country", "unknown_country")
    ]
    assert (bad["names"], list(root.iterdir()), len(db_names(db))) == (["기관.csv"], [], before)
    preview = _job(db, root, GOOD, dry_run=True)
    assert (preview["dry_run"], preview["totals"], preview["more"]) == (True, [["organisation", [2, 0, 0]]], 0)
    assert [(c["row"], c["action"], c["label"]) for c in preview["changes"]] == [
        (2, "created", "새솔테크"),
        (3, "created", "Maple Labs"),
    ]
    assert (len(list(root.iterdir())), len(db_names(db))) == (1, before)  # kept to be confirmed; nothing written
    done = _job(db, root, GOOD, dry_run=False, token=preview["token"])
    assert (done["dry_run"], done["totals"], list(root.iterdir()), len(db_names(db))) == (
        False, [["organisation", [2, 0, 0]]], [], before + 2
    )  # fmt: skip
    assert json.loads(json.dumps(done)) == done  # stored as the job's JSON result as it is


def db_names(db: Database) -> list[str]:
    with db.reading() as unit:
        return list(unit.organisations.names())
