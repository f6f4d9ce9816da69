"""Two staff importing at once on a shared PostgreSQL database must not create one organisation twice."""

from __future__ import annotations

import threading

import pytest

from seoro.files.columns import RecordKind
from seoro.services.database import Database
from seoro.services.importing import import_sheets
from tests.services.sheets import sheet

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_simultaneous_imports_create_each_organisation_once(db: Database, database_url: str) -> None:
    needs = [
        {"organisation": f"(주)동시테크{i:03d}", "title_ko": f"동시 기술수요 {i}", "fields": ["S07"]}
        for i in range(150)
    ]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def staff(title_suffix: str) -> None:
        own = Database.open(database_url)
        rows = [{**row, "title_ko": row["title_ko"] + title_suffix} for row in needs]
        try:
            start.wait()
            import_sheets(own, [sheet(RecordKind.PROFILES, *rows)], actor=f"staff{title_suffix}")
        except BaseException as error:  # collected and re-raised by the test thread
            errors.append(error)
        finally:
            own.close()

    workers = [threading.Thread(target=staff, args=(suffix,)) for suffix in ("A", "B")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with db.reading() as unit:
        assert (unit.organisations.count(), unit.profiles.count()) == (150, 300)
