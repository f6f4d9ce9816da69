"""Signing in and switching language in a real browser (headless Chromium), on a desktop and a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.web.browser import shot, sign_in
from tests.web.conftest import STAFF, Server

pytestmark = pytest.mark.e2e


def test_staff_signs_in_and_switches_to_english(live_server: Server, page: Page) -> None:
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/login?next=/")
    page.fill("input[name=email]", STAFF[0])
    page.fill("input[name=password]", "wrong password")
    page.click("button.primary")
    assert page.inner_text("[data-testid=error]") == "이메일 또는 비밀번호가 틀렸습니다."
    shot(page, f"sign-in-error-ko-{live_server.database_url.split(':')[0]}")
    sign_in(page, live_server.url, *STAFF)
    assert page.inner_text("h1") == "대시보드"
    shot(page, "dashboard-ko")
    page.click("[data-testid=lang-switch]")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("h1") == "Dashboard"
    assert page.get_attribute("html", "lang") == "en"
    shot(page, "dashboard-en")


def test_the_sign_in_page_fits_a_phone(live_server: Server, phone: Page) -> None:
    phone.goto(f"{live_server.url}/login")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the screen: no sideways scrolling
    shot(phone, "sign-in-phone-ko")
