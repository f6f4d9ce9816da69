"""A simulated event day on the demo event through the real CLI, on SQLite and PostgreSQL: publish,
check in, two no-shows, standby recommendations, a late request, a lost table; the calendar files keep
their UIDs and raise their SEQUENCE, the validator finds nothing, the PDF carries the Korean text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from tests.cli.test_events_cli import DEMO_EVENT, seoro

pytestmark = pytest.mark.e2e
KIM = "rnd@hanbit-h2tech.example.com"  # 김도윤, (주)한빛수소테크
ABSENT = ("Seungho Yoo", "Jiwon Jang")


def events_of(path: Path) -> dict[str, tuple[int, str, str]]:
    """UID → (SEQUENCE, STATUS, DTSTART as ISO) of a calendar file."""
    cal = Calendar.from_ical(path.read_bytes())
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), str(e["STATUS"]), e.decoded("DTSTART").isoformat())
        for e in cal.walk("VEVENT")
    }


def ok(url: str, *args: str, lang: str = "ko") -> str:
    ran = seoro(url, *args, lang=lang)
    assert ran.code == 0, ran.stdout + ran.stderr
    return ran.stdout


def test_a_simulated_day_keeps_every_agenda_valid(database_url: str, tmp_path: Path) -> None:
    url = database_url
    ok(url, "demo")
    ok(url, "event", "schedule", DEMO_EVENT, "--time-limit", "5")
    first = ok(url, "event", "publish", DEMO_EVENT, "--preliminary", "--at", "2026-10-07 10:00")
    assert first.startswith("일정표 버전 1(예비) 공개: 미팅 104건")
    final = ok(url, "event", "publish", DEMO_EVENT, "--at", "2026-10-13 17:00", lang="en")
    assert final.startswith("Published agendas version 2 (final): 104 meetings;")
    v2 = tmp_path / "v2"
    assert ok(url, "event", "agenda", DEMO_EVENT, "--format", "ics", "--out", str(v2)).startswith("파일 63개를")
    before = {p.name: events_of(p) for p in v2.iterdir()}
    assert all(seq == 1 and status == "CONFIRMED" for cal in before.values() for seq, status, _ in cal.values())

    ok(url, "event", "checkin", DEMO_EVENT, "--all", "--except", ABSENT[0], "--except", ABSENT[1], "--at", "08:50")
    absent = ok(url, "event", "noshow", DEMO_EVENT, "--at", "09:50", lang="en")
    assert absent.startswith("Marked absent (no-show): 2 — ")
    assert all(name in absent.splitlines()[0] for name in ABSENT)
    assert "Changes since the last publication: 27 (for 12 participants)" in absent
    assert "Nothing has been sent yet" in absent
    recommended = ok(url, "event", "standby", DEMO_EVENT, "--at", "09:52", "--recommend", "4", lang="en")
    assert recommended.startswith("Recommended matches added for people with free slots: ")
    made = int(recommended.splitlines()[0].rsplit(" ", 1)[1])
    assert made > 0
    filled = ok(url, "event", "reschedule", DEMO_EVENT, "--since-published", "--at", "09:52", lang="en")
    assert "recommended match" in filled
    ok(url, "event", "publish", DEMO_EVENT, "--at", "09:55")
    v3 = tmp_path / "v3"
    ok(url, "event", "agenda", DEMO_EVENT, "--changed", "--format", "ics", "--out", str(v3))
    changed = {p.name: events_of(p) for p in v3.iterdir()}
    assert changed and set(changed) <= set(before)
    cancelled = 0
    for name, cal in changed.items():
        for uid, (seq, status, start) in before[name].items():
            now = cal[uid]  # the same calendar entry: updated, never added beside the old one
            assert now == (seq, status, start) or now[0] > seq
            cancelled += now[1] == "CANCELLED"
    assert cancelled == 27  # each absent person's own entries and their partners'
    assert sum(status == "CONFIRMED" and seq == 0 for cal in changed.values() for seq, status, _ in cal.values()) > 0

    late = ok(url, "event", "request", DEMO_EVENT, KIM, "Grace Lee", "--priority", "high", "--at", "10:20")
    assert "현장 신청" in late and "13:30–13:50" in late
    ok(url, "event", "publish", DEMO_EVENT, "--at", "10:22")
    lost = ok(url, "event", "lose-table", DEMO_EVENT, "3", "--at", "12:30", lang="en")
    assert lost.startswith("Table T3 is gone from slot 8 on.")
    assert "table lost" in lost
    ok(url, "event", "publish", DEMO_EVENT, "--at", "12:35")
    checked = ok(url, "event", "check", DEMO_EVENT, lang="en")
    assert checked.startswith("Timetable check: 0 rule violation(s); published agendas: version 5, 0 change(s)")

    pdf = tmp_path / "kim.pdf"
    ok(url, "event", "agenda", DEMO_EVENT, "-p", KIM, "--format", "pdf", "--out", str(pdf))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "김도윤" in text.stdout and "테이블" in text.stdout and "Grace Lee" in text.stdout
    sheets = tmp_path / "sheets.xlsx"
    ok(url, "event", "sheets", DEMO_EVENT, "--out", str(sheets))
    book = openpyxl.load_workbook(sheets)
    assert book.sheetnames == ["테이블 배치표", "통역 배치표", "출입 명단"]
