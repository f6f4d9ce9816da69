import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from seoro.services.database import Database
from seoro.storage import migrate
from seoro.storage.tables import metadata

pytestmark = pytest.mark.integration


def test_upgrade_creates_exactly_the_modelled_schema(database_url: str) -> None:
    db = Database.open(database_url)
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        drift = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert drift == []
    assert migrate.current(db.engine) == migrate.head()
    db.close()


def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(database_url: str) -> None:
    db = Database.open(database_url)
    migrate.upgrade(db.engine)
    migrate.downgrade(db.engine, "base")
    assert [t for t in inspect(db.engine).get_table_names() if t != "alembic_version"] == []
    assert migrate.current(db.engine) is None
    migrate.upgrade(db.engine)
    assert sorted(inspect(db.engine).get_table_names()) == sorted([*metadata.tables, "alembic_version"])
    db.close()
