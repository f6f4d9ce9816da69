"""Schemathesis against the live server's ``/api/openapi.json``, signed in as staff over the demo data:
generated calls to every operation never get a server error, and every answer (status, content type,
body) is one the schema documents. The number of examples is bounded to keep the run short."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.web.conftest import STAFF, Server

pytestmark = pytest.mark.e2e

EXAMPLES = 12
# Each match builds the search engine and each PDF is rendered: fewer examples keep the run short.
FEWER = {"/matches": 4, "agenda.pdf": 4}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
SKIPPED = {("DELETE", "/api/session")}  # signing out would end the session every later call uses


def staff_session(server: Server) -> tuple[requests.Session, str]:
    session = requests.Session()
    r = session.post(f"{server.url}/api/session", json={"email": STAFF[0], "password": STAFF[1]}, timeout=30)
    assert r.status_code == 200, r.text
    return session, str(r.json()["csrf_token"])


def examples(path: str) -> int:
    return next((n for end, n in FEWER.items() if path.endswith(end)), EXAMPLES)


def runner(server: Server, session: requests.Session, token: str) -> Callable[[st.SearchStrategy[Case], int], None]:
    """Runs the generated cases of one operation against the server, with every check."""

    def run(strategy: st.SearchStrategy[Case], count: int) -> None:
        @settings(max_examples=count, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(case=strategy)
        def one(case: Case) -> None:
            case.call_and_validate(base_url=server.url, session=session, headers={"X-CSRF-Token": token},
                                   checks=CHECKS, timeout=60)  # fmt: skip

        one()

    return run


@pytest.mark.usefixtures("demo")
def test_every_operation_answers_as_documented(live_server: Server) -> None:
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")
    session, token = staff_session(live_server)
    run = runner(live_server, session, token)
    tested = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        run(operation.as_strategy(), examples(operation.path))
        tested.append((operation.method.upper(), operation.path))
    assert len(tested) == len({(m, p) for m, p in tested}) and ("GET", "/api/events/{event_id}/requests") in tested
    assert session.get(f"{live_server.url}/api/session", timeout=30).json()["email"] == STAFF[0]
