"""The whole cycle in a real browser, in Korean and in English: staff invite a participant, who sets
a password from the link on their phone and asks another participant for a meeting; that one accepts
in another browser; staff schedule and publish; the first downloads their calendar file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import icalendar
import pytest
from playwright.sync_api import Browser, Page

from seoro.domain.agenda import Stage
from seoro.services import events as ev
from seoro.services.accounts import invite_participant, redeem
from seoro.services.agendas import publish_agendas
from seoro.services.scheduling import schedule_event
from tests.web.browser import DESKTOP, PHONE, shot, sign_in
from tests.web.conftest import Server

pytestmark = pytest.mark.e2e

A, B = 1, 45  # 김도윤 of (주)한빛수소테크 (regional) and Grace Lee of Maple Circuit Labs (overseas)
PASSWORD = "participant pass 2026"
LOCALES = {"ko": "ko-KR", "en": "en-US"}
TEXT = {
    "ko": {"hello": "김도윤 님, 반갑습니다", "asked": "미팅을 신청했습니다. 상대방이 답하면 여기에 표시됩니다.",
           "stage": "확정 일정", "count": "1명"},
    "en": {"hello": "Welcome, 김도윤", "asked": "Meeting requested. Their answer will show here.",
           "stage": "Final", "count": "1 people"},
}  # fmt: skip


def new_page(browser: Browser, lang: str, *, phone: bool) -> Page:
    """A fresh browser context (its own cookies) reading ``lang``, a phone or a desktop."""
    if phone:
        context = browser.new_context(viewport=PHONE, locale=LOCALES[lang], is_mobile=True, has_touch=True)
    else:
        context = browser.new_context(viewport=DESKTOP, locale=LOCALES[lang])
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


@pytest.fixture
def pages(browser: Browser) -> Iterator[list[Page]]:
    opened: list[Page] = []
    yield opened
    for p in opened:
        p.context.close()


def fits(page: Page) -> bool:
    """Nothing is wider than the phone's screen: no sideways scrolling."""
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width <= PHONE["width"]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.usefixtures("demo")
def test_invite_request_accept_schedule_download(
    live_server: Server,
    browser: Browser,
    pages: list[Page],
    lang: str,
) -> None:
    db, base = live_server.db, live_server.url
    kind = live_server.database_url.split(":")[0].split("+")[0]
    ev.update_event(db, replace(ev.get_event(db, 1), auto_accept=False), actor="test")  # B answers by hand
    now = datetime.now(UTC)
    _, token = invite_participant(db, A, now=now, lang=lang, actor="staff")

    # A opens the invitation on a phone, sets a password and lands on their page
    a = new_page(browser, lang, phone=True)
    pages.append(a)
    a.goto(f"{base}/invitation/{token}")
    shot(a, f"me-{lang}-1-invitation-{kind}")
    a.fill("input[name=password]", PASSWORD)
    a.click("button.primary")
    a.wait_for_url(f"{base}/me")
    assert a.inner_text("h1") == TEXT[lang]["hello"]
    assert fits(a)
    shot(a, f"me-{lang}-2-home-{kind}")

    a.goto(f"{base}/me/partners")
    assert a.locator("[data-testid^=person-]").count() == 8
    assert fits(a)
    shot(a, f"me-{lang}-3-partners-{kind}")

    a.goto(f"{base}/me/participants")
    a.fill("input[name=q]", "Grace Lee")
    a.click(".me-filter button.primary")
    a.wait_for_load_state("networkidle")
    assert a.inner_text("[data-testid=count]") == TEXT[lang]["count"]
    assert fits(a)
    shot(a, f"me-{lang}-4-participants-{kind}")
    a.click("[data-testid=person-45] summary")
    a.fill("[data-testid=person-45] textarea[name=message]", "수소 센서 협력 / hydrogen sensors")
    a.click(f"[data-testid=ask-{B}]")
    a.wait_for_load_state("networkidle")
    assert a.inner_text("[data-testid=notice]") == TEXT[lang]["asked"]
    assert a.locator(f"[data-testid=state-{B}]").count() == 1
    a.goto(f"{base}/me/requests")
    shot(a, f"me-{lang}-5-requests-sent-{kind}")

    # B signs in in another browser and accepts
    b_account, b_token = invite_participant(db, B, now=now, lang=lang, actor="staff")
    redeem(db, b_token, PASSWORD, now=now)
    b = new_page(browser, lang, phone=True)
    pages.append(b)
    sign_in(b, base, b_account.email, PASSWORD)
    assert b.url == f"{base}/me"
    shot(b, f"me-{lang}-6-home-to-answer-{kind}")
    b.click(".me-alert a.button")
    b.wait_for_url(f"{base}/me/requests")
    request_id = b.locator("[data-testid^=accept-]").first.get_attribute("data-testid")
    assert request_id is not None
    b.click(f"[data-testid={request_id}]")
    b.wait_for_load_state("networkidle")
    assert b.get_attribute(f"[data-testid=status-{request_id.removeprefix('accept-')}]", "class") == "badge go"
    assert fits(b)
    shot(b, f"me-{lang}-7-requests-accepted-{kind}")

    # staff schedule and publish; A downloads the calendar file from their agenda
    schedule_event(db, 1, time_limit=10, actor="staff")
    publish_agendas(db, 1, stage=Stage.FINAL, at=datetime.now(UTC), actor="staff")
    a.goto(f"{base}/me/agenda")
    assert a.inner_text("[data-testid=stage]") == TEXT[lang]["stage"]
    assert fits(a)
    shot(a, f"me-{lang}-8-agenda-{kind}")
    with a.expect_download() as download:
        a.click("[data-testid=ics]")
    data = download.value.path().read_bytes()
    meetings = icalendar.Calendar.from_ical(data).walk("VEVENT")
    with_b = [m for m in meetings if "Grace Lee" in str(m["SUMMARY"])]
    assert [m.decoded("DTSTART").isoformat() for m in with_b] == ["2026-10-14T13:30:00+09:00"]
    a.goto(f"{base}/me")
    assert fits(a)
    shot(a, f"me-{lang}-9-home-agenda-{kind}")
