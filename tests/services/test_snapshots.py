"""Read models are shared per data version: rebuilt after every commit, and only then."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from seoro.domain.audit import Action
from seoro.domain.directory import Organisation
from seoro.domain.text import BilingualText
from seoro.domain.vocab import OrgKind
from seoro.services.database import Database, Unit
from seoro.services.setup import init_database
from seoro.services.snapshots import read_model

pytestmark = pytest.mark.integration


def _names(unit: Unit) -> list[str]:
    return sorted(n.en for n in unit.organisations.names().values())


def _add(db: Database, name: str, **unit_options: bool) -> None:
    with db.unit("tester", **unit_options) as unit:
        org = Organisation(OrgKind.COMPANY, BilingualText("", name), country="KR")
        unit.record(Action.CREATE, "organisation", unit.organisations.save(org), {})


def test_a_model_is_reused_until_a_unit_commits(db: Database) -> None:
    first = read_model(db, ("names",), _names)
    assert read_model(db, ("names",), _names) is first

    _add(db, "Dry Run Works", dry_run=True)  # rolled back: nothing changed, nothing rebuilt
    assert read_model(db, ("names",), _names) is first
    with pytest.raises(RuntimeError), db.unit("tester") as unit:
        unit.organisations.save(Organisation(OrgKind.COMPANY, BilingualText("", "Failed Ltd"), country="KR"))
        raise RuntimeError("the unit fails after writing")
    assert read_model(db, ("names",), _names) is first

    _add(db, "Hanbit Hydrogen")
    after = read_model(db, ("names",), _names)
    assert after is not first and "Hanbit Hydrogen" in after and "Hanbit Hydrogen" not in first
    assert "Dry Run Works" not in after and "Failed Ltd" not in after


def test_models_of_two_databases_are_kept_apart(db: Database, tmp_path) -> None:
    other = Database.open(f"sqlite:///{tmp_path / 'other.db'}")
    init_database(other, actor="tester")
    _add(other, "Only In The Other")
    try:
        assert "Only In The Other" in read_model(other, ("names",), _names)
        assert "Only In The Other" not in read_model(db, ("names",), _names)
    finally:
        other.close()


def test_threads_asking_at_once_share_one_build(db: Database) -> None:
    builds = []
    gate = threading.Barrier(6)

    def slow(unit: Unit) -> list[str]:
        builds.append(1)
        time.sleep(0.3)
        return _names(unit)

    def ask(_: int) -> list[str]:
        gate.wait()
        return read_model(db, ("slow names",), slow)

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(ask, range(6)))
    assert len(builds) == 1
    assert all(r is results[0] for r in results)
