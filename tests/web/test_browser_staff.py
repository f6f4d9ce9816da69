"""The staff pages in a real browser (headless Chromium), in Korean and in English: an import with a
bad row, matches with their reasons, the scheduler's progress page, check-in on a phone; with a
screenshot of each main page in build/screenshots.

The browser runs over SQLite only; the same pages are checked on PostgreSQL by test_staff_pages.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from seoro.services.event_import import overview
from tests.web.browser import PHONE, shot, sign_in
from tests.web.conftest import STAFF, Server

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]
LANGS = pytest.mark.parametrize("lang", ["ko", "en"])
GOOD_PEOPLE = "이름,소속,이메일,유형,언어\n홍길동,새솔테크,gildong.hong@saesol.example.com,지역기업,한국어\n" + (
    "Jane Doe,Maple Labs,jane.doe@maple.example.org,overseas,영어\n"
)
DEMO_PEOPLE = 63
BAD_CSV = "기관명,기관유형,국가\n새솔테크,기업,대한민국\n아틀란티스랩,연구기관,아틀란티스\n"
WORDS = {
    "ko": {"done": "완료", "preview_ok": "문제가 없습니다. 아래 내용으로 불러오려면 확인을 누르세요. 아직 저장되지 않았습니다.", "shared": "공통 분야", "invalid": "문제 1건이 있어 아무것도 저장하지 않았습니다. 파일을 고쳐서 다시 올리세요.",
           "check_in": "체크인", "in": r"\d\d:\d\d 도착"},
    "en": {"done": "Done", "preview_ok": "No problems found. Confirm to import what is shown below; nothing is saved yet.", "shared": "Shared fields",
           "invalid": "1 problem(s) found, so nothing was saved. Fix the file and upload it again.",
           "check_in": "Check in", "in": r"in at \d\d:\d\d"},
}  # fmt: skip


def _staff_in(p: Page, server: Server, lang: str) -> None:
    sign_in(p, server.url, *STAFF)
    if lang == "en":
        p.click("[data-testid=lang-switch]")
        p.wait_for_load_state("networkidle")
    assert p.get_attribute("html", "lang") == lang


def _fits(p: Page, width: int) -> None:
    assert p.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling


@LANGS
def test_an_import_with_a_bad_row_shows_the_problems(demo: Server, page: Page, lang: str) -> None:
    _staff_in(page, demo, lang)
    page.goto(f"{demo.url}/import")
    shot(page, f"staff-import-{lang}")
    page.select_option("[data-testid=kind]", "organisations")
    page.set_input_files(
        "[data-testid=files]", {"name": "기관.csv", "mimeType": "text/csv", "buffer": BAD_CSV.encode()}
    )
    page.click("[data-testid=preview]")
    page.wait_for_selector("[data-testid=nothing-written]")  # the preview job's page, refreshed until done
    assert page.url.startswith(f"{demo.url}/jobs/")
    assert page.inner_text("[data-testid=nothing-written]") == WORDS[lang]["invalid"]
    assert page.locator("[data-testid=problem-row]").all_inner_texts() == ["3"]
    shot(page, f"staff-import-problems-{lang}")


@LANGS
def test_an_event_list_is_previewed_then_imported(demo: Server, page: Page, lang: str) -> None:
    _staff_in(page, demo, lang)
    page.goto(f"{demo.url}/events/1/import")
    page.select_option("[data-testid=what]", "people")
    people = GOOD_PEOPLE.encode("cp949")
    page.set_input_files("[data-testid=files]", {"name": "참가자.csv", "mimeType": "text/csv", "buffer": people})
    page.click("[data-testid=preview]")
    page.wait_for_selector("[data-testid=confirm]")
    assert page.inner_text("[data-testid=preview-ok]") == WORDS[lang]["preview_ok"]
    shot(page, f"staff-event-import-preview-{lang}")
    page.click("[data-testid=confirm]")
    page.wait_for_selector("[data-testid=imported]")
    assert page.locator("[data-testid=changes] tbody tr").count() == 2
    assert len(overview(demo.db, 1).participants) == DEMO_PEOPLE + 2


@LANGS
def test_directory_search_and_a_record(demo: Server, page: Page, lang: str) -> None:
    _staff_in(page, demo, lang)
    page.goto(f"{demo.url}/directory")
    page.select_option("select[name=kind]", "expert")
    page.select_option("select[name=field]", "S07")
    page.fill("input[name=country]", "CA")
    page.click("form.filters button.primary")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("[data-testid=total]") == {"ko": "7건", "en": "7 found"}[lang]
    shot(page, f"staff-directory-{lang}")
    page.click("[data-testid=results] tbody tr:first-child a")
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(f"{demo.url}/directory/experts/")
    shot(page, f"staff-expert-{lang}")
    page.goto(f"{demo.url}/directory/organisations/2")
    shot(page, f"staff-organisation-{lang}")


@LANGS
def test_matches_come_with_their_reasons(demo: Server, page: Page, lang: str) -> None:
    _staff_in(page, demo, lang)
    page.goto(f"{demo.url}/directory/profiles/1")
    shot(page, f"staff-profile-{lang}")
    page.set_default_navigation_timeout(90_000)  # the first search encodes the directory's texts
    page.click("[data-testid=find-partners]", timeout=90_000)
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=match-name]").count() == 10
    first = page.locator("[data-testid=explanation]").first
    assert first.locator("dt").first.inner_text() == WORDS[lang]["shared"]
    shot(page, f"staff-matches-{lang}")


@LANGS
def test_the_scheduler_progress_page_reaches_the_summary(demo: Server, page: Page, lang: str) -> None:
    _staff_in(page, demo, lang)
    page.goto(f"{demo.url}/events")
    shot(page, f"staff-events-{lang}")
    page.click("[data-testid=event]")
    page.wait_for_load_state("networkidle")
    shot(page, f"staff-event-{lang}")
    page.click("[data-testid=run-scheduler]")
    page.wait_for_selector("[data-testid=summary]", timeout=60_000)  # the page refreshes itself until done
    assert page.inner_text("[data-testid=job-status]") == WORDS[lang]["done"]
    assert page.inner_text("[data-testid=sum-scheduled]") == "104"
    shot(page, f"staff-job-done-{lang}")
    page.click("[data-testid=to-timetable]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=meeting]").count() == 104
    shot(page, f"staff-timetable-{lang}")
    page.goto(f"{demo.url}/events/1/agendas")
    shot(page, f"staff-agendas-{lang}")


@LANGS
def test_check_in_on_a_phone(demo: Server, phone: Page, lang: str) -> None:
    _staff_in(phone, demo, lang)
    phone.goto(f"{demo.url}/events/1/checkin")
    _fits(phone, PHONE["width"])
    phone.fill("[data-testid=door-search]", "김도윤")
    phone.press("[data-testid=door-search]", "Enter")
    phone.wait_for_load_state("networkidle")
    assert phone.locator("[data-testid=person]").count() == 1
    assert phone.inner_text("[data-testid=check-in]") == WORDS[lang]["check_in"]
    phone.click("[data-testid=check-in]")
    phone.wait_for_load_state("networkidle")
    assert phone.get_attribute("[data-testid=person]", "data-state") == "in"
    assert re.fullmatch(WORDS[lang]["in"], phone.inner_text("[data-testid=state]"))
    assert phone.inner_text("[data-testid=count-in]") == "1"
    _fits(phone, PHONE["width"])
    shot(phone, f"staff-checkin-phone-{lang}")
    phone.goto(f"{demo.url}/events/1")
    _fits(phone, PHONE["width"])
    shot(phone, f"staff-event-phone-{lang}")
