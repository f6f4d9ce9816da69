from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from seoro.domain.agenda import AgendaView, EntryStatus, PartnerCard, Stage
from seoro.domain.text import BilingualText
from seoro.files.printable import agenda_html, agendas_html, pdf, sheets_html
from tests.files.test_calendar import SEOUL, agenda, entry
from tests.files.test_staff_sheets import sheets

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 10, 14, 0, tzinfo=SEOUL)


def full_agenda(**changes: Any) -> AgendaView:
    """A final agenda: one meeting as planned, one changed, one cancelled."""
    entries = (
        entry(START, key=1),
        entry(START + timedelta(minutes=30), key=2, changed=True, sequence=1, interpreter=""),
        entry(START + timedelta(hours=1), key=3, status=EntryStatus.CANCELLED, sequence=1),
    )
    return agenda(*entries, stage=Stage.FINAL, version=2, **changes)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    assert data.startswith(b"%PDF-")
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def well_formed(page: str) -> list[str]:
    """The tags that stay open at the end (an HTML page closes everything it opens but void elements)."""
    void = {"meta", "br", "img", "hr", "link", "input"}
    stack: list[str] = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in void:
                stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert stack and stack[-1] == tag, (stack, tag)
            stack.pop()

    Checker().feed(page)
    return stack


def test_a_korean_agenda_pdf_reads_in_korean(tmp_path: Path) -> None:
    text = pdf_text(pdf(agenda_html(full_agenda())), tmp_path)
    for part in ("2027 수소 상담회", "김민준", "한빛수소", "이서연", "토론토대학교", "테이블 T3", "슬롯 2", "추천 이유",
                 "같은 분야: 수소", "통역: 박지훈", "확정 일정", "변경됨", "취소", "14:00–14:30", "Asia/Seoul (UTC+09:00)"):  # fmt: skip
        assert part in text, part


def test_an_english_agenda_pdf_reads_in_english(tmp_path: Path) -> None:
    text = pdf_text(pdf(agenda_html(full_agenda(lang="en"))), tmp_path)
    for part in ("Hydrogen Brokerage 2027", "Minjun Kim", "Seoyeon Lee", "University of Toronto", "Table T3", "Slot 2",
                 "Why this match", "Final", "Changed", "Cancelled", "Interpreter: 박지훈", "All times are in Asia/Seoul"):  # fmt: skip
        assert part in text, part
    assert "테이블" not in text


def test_an_agenda_page_is_self_contained_and_marks_changes() -> None:
    page = agenda_html(full_agenda())
    assert page.startswith("<!DOCTYPE html>")
    assert well_formed(page) == []
    assert '<html lang="ko">' in page
    assert "<style>" in page and "@page" in page and 'name="viewport"' in page
    assert "<link" not in page and "<script" not in page
    assert page.count('class="entry"') == 1
    assert page.count('class="entry changed"') == 1
    assert page.count('class="entry cancelled"') == 1
    assert "text-decoration: line-through" in page


@pytest.mark.parametrize(
    ("stage", "label"), [(Stage.PRELIMINARY, "예비 일정"), (Stage.FINAL, "확정 일정"), (None, "초안")]
)
def test_the_stage_is_shown(stage: Stage | None, label: str) -> None:
    assert label in agenda_html(agenda(entry(START), stage=stage))


def test_an_agenda_without_meetings_says_so() -> None:
    assert "배정된 미팅이 없습니다." in agenda_html(agenda())


def test_names_are_escaped() -> None:
    evil = BilingualText("<script>alert(1)</script>", "<script>alert(1)</script>")
    card = PartnerCard(name=evil, organisation=BilingualText('"Quotes" & Co'))
    page = agenda_html(agenda(entry(START, partners=(card,)), participant=evil))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;Quotes&quot; &amp; Co" in page
    assert well_formed(page) == []
    s = sheets()
    sheet_page = sheets_html(replace(s, door=(replace(s.door[0], name=evil),)), "ko")
    assert "<script>" not in sheet_page and "&lt;script&gt;" in sheet_page


def test_everyones_agendas_start_each_on_a_new_page(tmp_path: Path) -> None:
    other = full_agenda(participant_id=12, participant=BilingualText("최유진", "Yujin Choi"), lang="en")
    page = agendas_html([full_agenda(), other])
    assert well_formed(page) == []
    pages = [p for p in pdf_text(pdf(page), tmp_path).split("\f") if p.strip()]
    assert len(pages) == 2
    assert "김민준" in pages[0] and "Yujin Choi" not in pages[0]
    assert "Yujin Choi" in pages[1] and "Why this match" in pages[1]


def test_the_sheets_pdf_shows_every_table_and_every_name(tmp_path: Path) -> None:
    labels = tuple(f"T{n}" for n in range(1, 12))  # 11 tables: the plan continues in a second grid
    page = sheets_html(sheets(tables=labels), "ko")
    assert well_formed(page) == []
    text = pdf_text(pdf(page), tmp_path)
    words = set(text.split())
    assert set(labels) <= words
    for part in ("테이블 배치표", "통역 배치표", "출입 명단", "김민준", "이서연", "박지훈", "테이블 T3 (ko–en)", "13:52",
                 "불참", "14:30–15:00", "Asia/Seoul (UTC+09:00)"):  # fmt: skip
        assert part in text, part


def test_the_door_list_is_sorted_in_print() -> None:
    page = sheets_html(sheets(), "ko")
    door = page[page.index('class="door"') :]
    assert door.index("김민준") < door.index("박서준") < door.index("최유진")


def test_the_sheets_in_english() -> None:
    page = sheets_html(sheets(), "en")
    for part in ("Table plan", "Interpreter plan", "Door list", "Check-in", "No-show", "Minjun Kim (Hanbit Hydrogen)"):
        assert part in page, part
