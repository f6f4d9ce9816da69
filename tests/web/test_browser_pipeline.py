"""The follow-up pipeline in a real browser (headless Chromium): the outcome report in Korean with its
stylesheet and charts under the app's Content-Security-Policy, a lead walked one step forward on its
page, and the pipeline pages on a phone; screenshots in build/screenshots.

The browser runs over SQLite only; the same pages are checked on PostgreSQL by test_staff_pipeline.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import ConsoleMessage, Page

from seoro.domain.pipeline import Step
from seoro.domain.vocab import LeadStage, ResultKind
from seoro.services import pipeline as pl
from tests.services.pipeline_rows import AFTER, Held, held_day
from tests.web.browser import PHONE, shot, sign_in
from tests.web.conftest import STAFF, Server

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]


@pytest.fixture
def leads(live_server: Server) -> tuple[Held, int]:
    """A partnering day held, one lead at *met* (to walk on) and one with an investment (for the report)."""
    held = held_day(live_server.db)
    details = pl.LeadDetails(programme="2026 글로벌", owner="kim@agency.example")
    walked = pl.open_from_meeting(live_server.db, held.event_id, held.meetings["hanbit_grace"], details,
                                  actor="test", at=AFTER)  # fmt: skip
    other = pl.open_from_meeting(live_server.db, held.event_id, held.meetings["saesol_hanbit"], details,
                                 actor="test", at=AFTER)  # fmt: skip
    assert walked.id is not None and other.id is not None
    step = Step(LeadStage.RESULT, date(2026, 6, 1), result_kind=ResultKind.INVESTMENT, amount_krw=300_000_000)
    pl.advance(live_server.db, other.id, step, actor="test")
    return held, walked.id


def _blocked(p: Page) -> list[str]:
    """What the browser reports the Content-Security-Policy blocked, from now on."""
    found: list[str] = []

    def seen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    p.on("console", seen)
    return found


def _fits(p: Page, width: int) -> None:
    assert p.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling


def test_the_report_in_korean_and_a_lead_walked_one_step_forward(
    live_server: Server, page: Page, leads: tuple[Held, int]
) -> None:
    _held, lead = leads
    blocked = _blocked(page)
    sign_in(page, live_server.url, *STAFF)
    page.click("[data-testid=nav-report]")
    page.wait_for_selector(".seoro-report figure svg")
    assert (page.get_attribute("html", "lang"), page.inner_text("h1")) == ("ko", "성과 보고서")
    # the report's own stylesheet (/report.css) is applied: its headings are underlined, its numbers right-aligned
    assert page.eval_on_selector(".seoro-report h2", "e => getComputedStyle(e).borderBottomStyle") == "solid"
    assert page.eval_on_selector(".seoro-report td.num", "e => getComputedStyle(e).textAlign") == "right"
    assert page.locator(".seoro-report figure svg").count() >= 2  # the funnel and the results by kind at least
    assert page.locator("[data-testid=download-pdf]").get_attribute("href") == "/report.pdf"
    shot(page, "staff-report-ko")
    assert blocked == []

    page.goto(f"{live_server.url}/leads/{lead}")
    assert page.inner_text("[data-testid=stage]") == "미팅"
    move = page.locator("[data-testid=move-follow_up]")
    move.locator("summary").click()
    due = (date.today() + timedelta(days=30)).isoformat()
    move.locator("[data-testid=next-action]").fill("화상 회의 일정 잡기")
    move.locator("[data-testid=due]").fill(due)
    move.locator("[data-testid=note]").fill("양쪽 모두 후속 미팅 희망")
    page.click("[data-testid=save-follow_up]")
    page.wait_for_selector("[data-testid=notice]")
    assert page.inner_text("[data-testid=stage]") == "후속 미팅"
    assert page.locator("[data-testid=step]").count() == 2
    step = pl.get_lead(live_server.db, lead).steps[-1]
    assert (step.stage, step.next_action, step.due) == (
        LeadStage.FOLLOW_UP,
        "화상 회의 일정 잡기",
        date.fromisoformat(due),
    )
    shot(page, "staff-lead-ko")
    assert blocked == []


def test_the_pipeline_pages_fit_a_phone(live_server: Server, phone: Page, leads: tuple[Held, int]) -> None:
    held, lead = leads
    sign_in(phone, live_server.url, *STAFF)
    for name, url in [("leads", "/leads"), ("lead", f"/leads/{lead}"), ("follow-ups", f"/events/{held.event_id}/follow-ups"),
                      ("report", "/report")]:  # fmt: skip
        phone.goto(f"{live_server.url}{url}")
        phone.wait_for_load_state("networkidle")
        _fits(phone, PHONE["width"])
        shot(phone, f"staff-{name}-phone-ko")
