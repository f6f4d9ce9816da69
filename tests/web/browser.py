"""Headless Chromium (Debian's, driven by Playwright's sync API) for the end-to-end tests, and
screenshots of the pages kept as test artefacts in ``build/screenshots``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}  # a common phone, in CSS pixels
DESKTOP = {"width": 1280, "height": 860}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--disable-gpu", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, locale="ko-KR")
    p = context.new_page()
    p.set_default_timeout(15_000)
    yield p
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="ko-KR", is_mobile=True, has_touch=True)
    p = context.new_page()
    p.set_default_timeout(15_000)
    yield p
    context.close()


def shot(page: Page, name: str) -> Path:
    """Keep a full-page screenshot of the page as it is now."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button.primary")
    page.wait_for_load_state("networkidle")
