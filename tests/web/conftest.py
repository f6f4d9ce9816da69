"""A real server for the web and API tests: uvicorn on a free loopback port, in a thread, over a real
database (SQLite and PostgreSQL), with a staff account and a signed-in HTTP client."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from seoro.app import create_app
from seoro.config import load_settings
from seoro.domain.accounts import Role
from seoro.services import accounts as acc
from seoro.services.database import Database
from tests.conftest import fill_with_demo
from tests.mail_server import free_port

STAFF = ("staff@agency.example", "correct horse battery")
ADMIN = ("admin@agency.example", "correct horse battery staple")


@dataclass
class Server:
    url: str
    db: Database
    database_url: str
    clients: list[httpx.Client] = field(default_factory=list)
    app: FastAPI | None = None  # the app served (a test may change its settings, e.g. a mail server)

    def client(self) -> httpx.Client:
        """A new HTTP client (its own cookies), closed when the test ends."""
        client = httpx.Client(base_url=self.url, follow_redirects=False, timeout=30)
        self.clients.append(client)
        return client


@pytest.fixture
def live_server(
    database_url: str, tmp_path: Path, request: pytest.FixtureRequest, demo_templates: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Server]:  # fmt: skip
    """The app served for real on 127.0.0.1 with a staff and an admin account; with the demo data
    already in the database when the test also asks for ``demo``."""
    if "demo" in request.fixturenames:
        fill_with_demo(database_url, demo_templates, tmp_path_factory)
    settings = load_settings({"SEORO_DATABASE_URL": database_url, "SEORO_LANG": "ko", "SEORO_DATA_DIR": str(tmp_path),
                              "SEORO_WARM_UP": "0"})  # fmt: skip
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    db: Database = app.state.db
    now = datetime.now(UTC)
    acc.create_account(db, email=STAFF[0], name="김담당", role=Role.STAFF, password=STAFF[1], now=now, actor="test")
    acc.create_account(db, email=ADMIN[0], name="관리자", role=Role.ADMIN, password=ADMIN[1], now=now, actor="test")
    served = Server(f"http://127.0.0.1:{port}", db, database_url, app=app)
    yield served
    for client in served.clients:
        client.close()
    server.should_exit = True
    thread.join(10)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def finished_job(client: httpx.Client, r: httpx.Response, timeout: float = 60) -> httpx.Response:
    """The page of the job ``r`` was sent to (a 303 to ``/jobs/N``) once the job is done or failed:
    until then the page must say it refreshes itself."""
    assert r.status_code == 303 and re.fullmatch(r"/jobs/\d+", r.headers["location"]), (r.status_code, r.text[:300])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = client.get(r.headers["location"])
        status = re.search(r'data-testid="job" data-status="(\w+)"', shown.text)
        assert shown.status_code == 200 and status, shown.text[:300]
        if status.group(1) in ("done", "failed"):
            return shown
        assert '<meta http-equiv="refresh" content="1">' in shown.text
        time.sleep(0.1)
    raise AssertionError(f"the job at {r.headers['location']} did not finish")


def signed_in(server: Server, email: str, password: str) -> httpx.Client:
    """An HTTP client with a session, signed in through the real sign-in form."""
    client = server.client()
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf": token, "email": email, "password": password})
    assert r.status_code == 303, r.text
    return client


def api_client(server: Server, email: str, password: str) -> tuple[httpx.Client, str]:
    """A client signed in through ``POST /api/session``, and the CSRF token for unsafe calls."""
    client = server.client()
    r = client.post("/api/session", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    return client, str(r.json()["csrf_token"])


# The browser fixtures, defined once for the whole folder: a second definition (an import in a test
# module) would start a second Playwright in the same thread, which Playwright refuses.
from tests.web.browser import browser, page, phone  # noqa: E402, F401


@pytest.fixture
def demo(live_server: Server) -> Server:
    """The server with the demo data (directory, event, requests) loaded, its texts encoded for
    search (see ``live_server``)."""
    return live_server


@pytest.fixture
def staff(demo: Server) -> httpx.Client:
    """A staff member signed in on the demo server."""
    return signed_in(demo, *STAFF)
