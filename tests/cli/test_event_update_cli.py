"""``seoro event update`` end to end (SQLite and PostgreSQL): only the options given change, what changed
is printed, registered people follow the clock, and a change that would strand someone is refused
with its message, changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import rows
from tests.cli.test_events_cli import seoro
from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e
PEOPLE = "이름,유형,참가 가능 시간,부스,언어\n김오후,regional,오후,,ko\nAnna Lee,overseas,,,en\n박부스,regional,,4,ko\n"


@pytest.fixture
def event(database_url: str, tmp_path: Path) -> str:
    """The fixture day (20-minute slots, 10-12 and 14-16, four tables) with an afternoon-only participant,
    one for the whole day and a booth at T4."""
    assert seoro(database_url, "event", "create", "--file", str(FIXTURES / "event.toml")).code == 0
    people = tmp_path / "참가자.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    imported = seoro(database_url, "event", "import-participants", "1", str(people))
    assert imported.code == 0, imported.stderr
    return database_url


def _show(url: str) -> str:
    shown = seoro(url, "event", "show", "1", lang="en")
    assert shown.code == 0, shown.stderr
    return shown.stdout


def test_only_the_options_given_change_and_the_changes_are_printed(event: str) -> None:
    changed = seoro(
        event, "event", "update", "새솔", "--slot-minutes", "30", "--tables", "6", "--name-en", "Saesol Day"
    )
    assert changed.code == 0, changed.stderr
    lines = changed.stdout.strip().splitlines()
    assert lines[0] == "행사 1의 설정을 바꿨습니다: 2026 새솔 기술협력 상담회 (Saesol Day) (슬롯 7개, 테이블 6개)."
    assert [r for r in rows(changed.stdout) if len(r) == 3] == [
        ["행사명 (영어)", "2026 Saesol Technology Partnering Day", "Saesol Day"],
        ["미팅 한 건 (분)", "20", "30"],
        ["테이블 수", "4", "6"],
        ["테이블 (좌석)", "T1 (4), T2 (4), T3 (4), T4 (4)", "T1 (4), T2 (4), T3 (4), T4 (4), T5 (4), T6 (4)"],
        ["슬롯 수", "11", "7"],
    ]
    shown = _show(event)
    # the rest kept: the sessions' codes, names and break, the booth at T4, the rules
    assert [r[:3] + r[-1:] for r in rows(shown) if r[0] in ("am", "pm")] == [
        ["am", "Morning", "2026-03-10", "11:00–11:20"], ["pm", "Afternoon", "2026-03-10", ""]]  # fmt: skip
    assert "T4 (4, #3)" in shown and "only across types" in shown
    # the afternoon-only participant is still free in the afternoon: now slots 4-7 (14:00 … 15:30)
    assert [r[5] for r in rows(shown) if r[1:2] == ["김오후"]] == ["4-7"]
    again = seoro(event, "event", "update", "1", "--tables", "6", lang="en")
    assert (again.code, again.stdout.strip()) == (
        0, "Event 1: the settings of Saesol Day (2026 새솔 기술협력 상담회) are as they were (nothing changed).")  # fmt: skip


def test_a_file_changes_what_it_says_and_options_override_it(event: str, tmp_path: Path) -> None:
    file = tmp_path / "변경.toml"
    file.write_text('venue = "해오름홀"\nmax_in_a_row = 2\n[[types]]\ncode = "regional"\nname = "지역기업"\n'
                    '[[types]]\ncode = "overseas"\nname = "해외 파트너"\nmax_meetings = 3\n', encoding="utf-8")  # fmt: skip
    changed = seoro(event, "event", "update", "1", "--file", str(file), "--max-in-a-row", "4", lang="en")
    assert changed.code == 0, changed.stderr
    assert [r for r in rows(changed.stdout) if len(r) == 3] == [
        ["Venue", "새솔컨벤션센터", "해오름홀"],
        ["Participation types", "regional=지역기업/Regional firm:5", "regional=지역기업"],  # one type a line
        ["", "overseas=해외 파트너/Overseas partner:6", "overseas=해외 파트너:3"],
        ["Most meetings back to back", "3", "4"],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--tables", "3"], "박부스은(는) 부스를 운영하는데, 그를 운영자로 지정한 테이블이 없습니다."),
        (
            ["--session", "오전=10:00-12:00"],
            "'김오후: 2026-03-10 14:00–16:00'에 해당하는 미팅 슬롯이 이 행사에 없습니다.",
        ),
        (
            ["--type", "regional=지역기업/Regional firm:5"],
            "알 수 없는 참가 유형 'overseas' (이 행사의 유형: regional).",
        ),
    ],
)
def test_a_change_that_strands_someone_is_refused(event: str, options: list[str], message: str) -> None:
    before = _show(event)
    refused = seoro(event, "event", "update", "1", *options)
    assert (refused.code, refused.stderr.strip(), refused.stdout) == (1, f"오류: {message}", "")
    assert _show(event) == before
