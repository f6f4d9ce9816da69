"""The data version rises with a commit that changed data, and only then (not for a job's progress)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from seoro.domain.audit import Action
from seoro.domain.directory import Organisation
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind
from seoro.services import jobs
from seoro.services.database import Database, Unit
from seoro.services.snapshots import read_model
from seoro.storage.jobs import Job

pytestmark = pytest.mark.integration

NOW = datetime(2025, 7, 28, 9, 0, tzinfo=UTC)


def _version(db: Database) -> int:
    with db.reading() as unit:
        return unit.changes.version()


def _names(unit: Unit) -> list[str]:
    return sorted(n.en for n in unit.organisations.names().values())


def _queue(db: Database) -> int:
    with db.unit("tester") as unit:
        return unit.jobs.add(Job("test", {}, "tester", NOW))


def test_a_unit_that_writes_nothing_leaves_the_version(db: Database) -> None:
    before = _version(db)
    with db.unit("tester"):
        pass
    with db.unit("tester") as unit:  # reading inside a writing unit is no change either
        unit.organisations.names()
        unit.jobs.recent()
        unit.changes.version()
    assert _version(db) == before


def test_job_bookkeeping_leaves_the_version_and_the_read_models(db: Database) -> None:
    first = read_model(db, ("names",), _names)
    before = _version(db)
    job_id = _queue(db)
    with db.unit("worker") as unit:
        assert unit.jobs.claim(NOW) is not None
    with db.unit("worker") as unit:
        unit.jobs.report(job_id, 0.5, "halfway")
    with db.unit("worker") as unit:
        unit.jobs.finish(job_id, NOW, {"done": True}, None)
    assert _version(db) == before
    assert read_model(db, ("names",), _names) is first
    assert jobs.job(db, job_id).progress == 1.0  # the writes themselves were committed


def test_a_failed_sign_in_leaves_the_version(db: Database) -> None:
    before = _version(db)
    with db.unit("tester") as unit:
        unit.accounts.add_failure("someone@example.kr", NOW)
    with db.unit("tester") as unit:
        unit.accounts.clear_failures("someone@example.kr")
    assert _version(db) == before


def test_a_real_write_raises_the_version_once(db: Database) -> None:
    first = read_model(db, ("names",), _names)
    job_id = _queue(db)
    before = _version(db)
    with db.unit("tester") as unit:
        unit.jobs.report(job_id, 0.1, "first step")  # bookkeeping first: the data write still counts
        org = Organisation(OrgKind.COMPANY, BilingualText("", "Hanbit Hydrogen"), country="KR")
        unit.record(Action.CREATE, "organisation", unit.organisations.save(org), {})
    assert _version(db) == before + 1
    assert "Hanbit Hydrogen" in read_model(db, ("names",), _names) and "Hanbit Hydrogen" not in first


def test_sql_text_counts_as_a_change(db: Database) -> None:
    before = _version(db)
    with db.unit("tester") as unit:
        unit.conn.execute(text("UPDATE tech_fields SET label_en = label_en"))
    assert _version(db) == before + 1


def test_a_dry_run_leaves_the_version(db: Database) -> None:
    before = _version(db)
    with db.unit("tester", dry_run=True) as unit:
        unit.organisations.save(Organisation(OrgKind.COMPANY, BilingualText("", "Dry Run Works"), country="KR"))
    assert _version(db) == before
