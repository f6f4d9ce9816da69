"""Sign-in, sessions, CSRF, roles and error bodies against a real server (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from seoro.config import DEV_SECRET, load_settings
from seoro.domain.accounts import MAX_FAILURES, Role
from seoro.domain.errors import DomainError
from seoro.services import accounts as acc
from tests.web.conftest import ADMIN, STAFF, Server, api_client, csrf_of, signed_in

pytestmark = pytest.mark.e2e


def test_pages_need_a_sign_in_and_the_form_signs_in(live_server: Server) -> None:
    client = live_server.client()
    r = client.get("/?tab=events")
    assert (r.status_code, r.headers["location"]) == (303, "/login?next=/%3Ftab%3Devents")
    home = signed_in(live_server, *STAFF)
    page = home.get("/")
    assert page.status_code == 200 and "대시보드" in page.text and "김담당" in page.text
    assert page.headers["x-frame-options"] == "DENY" and "default-src 'self'" in page.headers["content-security-policy"]
    fresh = live_server.client()
    r = fresh.post("/login", data={"csrf": csrf_of(fresh.get("/login").text), "email": STAFF[0], "password": STAFF[1]})
    cookie = r.headers["set-cookie"].lower()
    assert cookie.startswith("seoro_session=") and "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie  # development: plain http on a laptop; production adds Secure


def test_a_wrong_password_says_so_in_both_languages_and_too_many_pause_sign_in(live_server: Server) -> None:
    client = live_server.client()
    token = csrf_of(client.get("/login").text)
    for _ in range(MAX_FAILURES):
        r = client.post("/login", data={"csrf": token, "email": STAFF[0], "password": "wrong password"})
        assert r.status_code == 401 and "이메일 또는 비밀번호가 틀렸습니다." in r.text
    r = client.post("/login", data={"csrf": token, "email": STAFF[0], "password": STAFF[1]})
    assert r.status_code == 429 and "로그인 실패가 너무 많습니다" in r.text
    api = live_server.client().post("/api/session", json={"email": STAFF[0], "password": STAFF[1]})
    assert api.status_code == 429
    assert api.json()["error"]["message"]["en"] == "Too many failed sign-ins: wait 15 minutes and try again."


def test_forms_and_unsafe_api_calls_need_the_csrf_token(live_server: Server) -> None:
    client = signed_in(live_server, *STAFF)
    r = client.post("/logout", data={"csrf": "forged"})
    assert r.status_code == 403 and "양식이 만료되었거나" in r.text
    api, token = api_client(live_server, *STAFF)
    assert api.delete("/api/session").status_code == 403
    assert api.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
    assert api.get("/api/session").status_code == 401


def test_the_language_switch_follows_the_account(live_server: Server) -> None:
    client = signed_in(live_server, *STAFF)
    token = csrf_of(client.get("/").text)
    assert client.post("/lang", data={"csrf": token, "lang": "en", "next": "/"}).status_code == 303
    assert "Dashboard" in client.get("/").text
    again = signed_in(live_server, *STAFF)  # a new session: the account remembers English
    assert "Dashboard" in again.get("/").text


def test_an_invitation_works_once_and_expires(live_server: Server) -> None:
    db, now = live_server.db, datetime.now(UTC)
    account = acc.create_account(db, email="new@agency.example", name="신입", role=Role.STAFF, now=now, actor="t")
    assert account.id is not None
    token = acc.invite(db, account.id, now=now, actor="t")
    client = live_server.client()
    page = client.get(f"/invitation/{token}")
    r = client.post(f"/invitation/{token}", data={"csrf": csrf_of(page.text), "password": "a long new password"})
    assert (r.status_code, r.headers["location"]) == (303, "/")
    again = live_server.client()
    page = again.get(f"/invitation/{token}")
    r = again.post(f"/invitation/{token}", data={"csrf": csrf_of(page.text), "password": "another password!"})
    assert r.status_code == 400 and "이미 사용된 초대 링크입니다" in r.text
    old = acc.invite(db, account.id, now=now - timedelta(days=15), actor="t")
    with pytest.raises(DomainError) as caught:
        acc.redeem(db, old, "a long new password", now=now)
    assert caught.value.code == "invitation_expired"


def test_errors_are_one_bilingual_body(live_server: Server) -> None:
    r = live_server.client().get("/api/no-such-thing")
    assert r.status_code == 404
    assert r.json() == {"error": {"code": "not_found_route", "params": {"status": 404},
                                  "message": {"ko": "없는 페이지입니다.", "en": "There is no such page."}}}  # fmt: skip
    admin, _ = api_client(live_server, *ADMIN)
    assert admin.get("/api/session").json()["role"] == "admin"


def test_production_refuses_the_default_secret() -> None:
    settings = load_settings({"SEORO_ENV": "production", "SEORO_DATABASE_URL": "sqlite://"})
    assert settings.secret_key == DEV_SECRET
    with pytest.raises(ValueError, match="SEORO_SECRET_KEY"):
        settings.check_for_serving()
    fine = load_settings({"SEORO_ENV": "production", "SEORO_SECRET_KEY": "x" * 40, "SEORO_DATABASE_URL": "sqlite://"})
    fine.check_for_serving()
