"""Fixtures: a real database per test, on SQLite and on PostgreSQL (the same tests run on both)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from seoro.services.database import Database
from seoro.services.demo import load_demo
from seoro.services.matching import rebuild_index
from seoro.services.setup import init_database
from tests.mail_server import Inbox, running_inbox

# pytest-xdist's workers start with COLUMNS=80 and LINES=24 set; rich consoles created at import would
# then keep 80 columns for good, and the CLI tests give their own COLUMNS to each run.
for _var in ("COLUMNS", "LINES"):
    os.environ.pop(_var, None)

# CI runs the same examples every time (a new counterexample should be found on a developer's machine,
# not turn an unrelated submission red); local runs keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The server CI starts (see .ci/run); override to point the suite at another one.
PG_ADMIN_URL = os.environ.get("SEORO_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session, dropped at the end."""
    name = f"seoro_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The demo loaded once per test process, on each database, to copy from: loading it and
    encoding its texts take seconds; copying it takes a fraction of that."""
    built: dict[str, str] = {}
    yield built
    if "postgresql" in built:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(built["postgresql"]).database}" WITH (FORCE)'))
        admin.dispose()


def _build_demo(url: str) -> None:
    """The demo as ``seoro demo`` leaves it, with its texts' vectors stored (as the first search, or an
    index rebuild, would store them): encoding them is what takes a search test its seconds."""
    database = Database.open(url)
    init_database(database, actor="tester")
    load_demo(database, actor="test")
    rebuild_index(database, actor="test")
    database.close()


def fill_with_demo(database_url: str, templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> None:
    """Make the (fresh, empty) database at ``database_url`` a copy of the demo as ``load_demo`` leaves it."""
    if database_url.startswith("sqlite"):
        if "sqlite" not in templates:
            templates["sqlite"] = str(tmp_path_factory.mktemp("demo") / "demo.db")
            _build_demo(f"sqlite:///{templates['sqlite']}")
        shutil.copyfile(templates["sqlite"], make_url(database_url).database or "")
        return
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    if "postgresql" not in templates:
        name = f"seoro_demo_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
        templates["postgresql"] = make_url(database_url).set(database=name).render_as_string(hide_password=False)
        _build_demo(templates["postgresql"])
    target, template = make_url(database_url).database, make_url(templates["postgresql"]).database
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{target}" TEMPLATE "{template}"'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a new SQLite file, or the session's PostgreSQL database with a fresh schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'seoro.db'}"
    url: str = request.getfixturevalue("pg_database")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A migrated database with the shipped taxonomy loaded."""
    database = Database.open(database_url)
    init_database(database, actor="tester")
    yield database
    database.close()


@pytest.fixture
def demo_db(
    database_url: str, demo_templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A database holding the demo data set and its texts' vectors (copied from a template)."""
    fill_with_demo(database_url, demo_templates, tmp_path_factory)
    database = Database.open(database_url)
    yield database
    database.close()


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server (aiosmtpd) on a free port: what it received, and the port."""
    with running_inbox() as found:
        yield found
