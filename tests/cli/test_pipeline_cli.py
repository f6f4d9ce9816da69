"""``seoro lead``, ``seoro followup`` and ``seoro remind`` end to end through the real CLI (typer's CliRunner
around ``run``, so errors come out as users see them) on SQLite and PostgreSQL, with a real SMTP server."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from seoro.cli import app
from seoro.cli.app import run
from seoro.services.database import Database
from tests.cli.test_cli import rows
from tests.cli.test_events_cli import Ran
from tests.mail_server import Inbox, free_port
from tests.services.pipeline_rows import Held, counts, held_day

pytestmark = pytest.mark.e2e


def seoro(url: str, *args: str, lang: str = "ko", **env: str) -> Ran:
    environ = {"SEORO_DATABASE_URL": url, "SEORO_LANG": lang, "SEORO_ACTOR": "cli-test", "COLUMNS": "250", **env}
    with CliRunner().isolation(env=environ) as (out, err, _):
        code = run(app, list(args))
        return Ran(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture
def held(db: Database) -> Held:
    return held_day(db)


def test_follow_up_after_the_event_from_answers_to_an_arranged_meeting(held: Held, database_url: str) -> None:
    url, p, m, event = database_url, held.people, held.meetings, str(held.event_id)
    meeting = str(m["hanbit_grace"])
    for who, answer in ((p["hanbit"], ["--yes", "--how", "online"]), (p["grace"], ["--yes", "--note", "demo"])):
        done = seoro(url, "followup", "answer", event, meeting, str(who), *answer)
        assert done.code == 0, done.stderr
    assert seoro(url, "followup", "answer", event, str(m["saesol_hanbit"]), str(p["saesol"]), "--no").code == 0
    listed = seoro(url, "--lang", "en", "followup", "list", event)
    assert listed.code == 0, listed.stderr
    assert rows(listed.stdout) == [
        [meeting, "2026-03-10", "Doyun Kim (김도윤): wants more (online)",
         "Grace Lee: wants more (online or at an event) (demo)", ""],
    ]  # fmt: skip
    wrong = seoro(url, "followup", "answer", event, meeting, str(p["saesol"]), "--yes")
    assert (wrong.code, f"참가자 {p['saesol']}은(는) 미팅 {meeting}에 참여하지 않았습니다" in wrong.stderr) == (1, True)
    arranged = seoro(
        url, "followup", "arrange", event, meeting, "--online", "--on", "2026-03-12", "--due", "2026-04-15"
    )
    assert arranged.code == 0, arranged.stderr
    assert arranged.stdout.strip() == (
        "협력 건 1이(가) 후속 미팅 단계가 되었습니다: 온라인 후속 미팅 잡기 / Arrange the online follow-up meeting "
        "(기한 2026-04-15)."
    )
    again = seoro(url, "followup", "list", event, "--all")
    assert [r[0] for r in rows(again.stdout)][:2] == [meeting, str(m["saesol_hanbit"])]
    assert rows(again.stdout)[0][-1] == "1 후속 미팅"


def test_leads_are_opened_moved_on_and_an_illegal_step_changes_nothing(held: Held, database_url: str) -> None:
    url = database_url
    opened = seoro(url, "lead", "open", "--event", str(held.event_id), "--meeting", str(held.meetings["hanbit_grace"]),
                   "--owner", "kim@agency.example", "--next", "시험 데이터 송부", "--due", "2026-03-20")  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert (
        opened.stdout.strip()
        == "협력 건 1을(를) 열었습니다: 수소연료전지 스택 내구성 향상 (Fuel-cell stack durability) (미팅)."
    )
    by_hand = seoro(url, "--lang", "en", "lead", "open", "--party", f"org:{held.saesol}", "--party",
                    f"expert:{held.loner}", "--title", "배터리 소재", "--title", "Battery materials", "--field", "이차전지",
                    "--on", "2026-03-01", "--programme", "2026 글로벌")  # fmt: skip
    assert (by_hand.code, by_hand.stdout.strip()) == (0, "Opened lead 2: Battery materials (배터리 소재) (Contacted).")
    before = counts(held.db)
    illegal = seoro(url, "lead", "step", "2", "agreement", "--on", "2026-03-05")
    assert illegal.code == 1
    assert "'접촉' 단계에서 '협약(MOU)' 단계로 갈 수 없습니다 (가능한 다음 단계: 미팅, 종결)" in illegal.stderr
    english = seoro(url, "--lang", "en", "lead", "step", "2", "협약", "--on", "2026-03-05")
    assert (
        "A lead cannot go from 'Contacted' to 'Agreement (MOU)' (possible next stages: Met, Closed)." in english.stderr
    )
    assert counts(held.db) == before
    assert seoro(url, "lead", "step", "2", "미팅", "--on", "2026-03-05", "--note", "화상").code == 0
    mou = seoro(url, "lead", "step", "1", "agreement", "--on", "2026-04-02", "--scope", "스택 내구성 공동연구",
                "--contact", f"{held.toronto}=Grace Lee,grace@utoronto.example", "--plan", "토론토 방문@2026-09-01",
                "--next", "kick-off", "--due", "2026-05-01")  # fmt: skip
    assert mou.code == 0, mou.stderr
    assert "협약(MOU)을 협약 목록에 협약 1(으)로 기록했습니다" in mou.stdout
    agreements = seoro(url, "--lang", "en", "list", "agreements")
    assert "Fuel-cell stack durability" in agreements.stdout
    result = seoro(
        url, "lead", "step", "1", "result", "--on", "2026-06-01", "--kind", "투자 유치", "--amount", "300000000"
    )
    assert result.code == 0, result.stderr
    shown = seoro(url, "--lang", "en", "lead", "show", "1")
    assert shown.code == 0, shown.stderr
    steps = [r for r in rows(shown.stdout) if r and r[0] in ("1", "2", "3")]
    assert [r[1:3] + r[-2:] for r in steps] == [
        ["Met", "2026-03-10", "", ""],
        ["Agreement (MOU)", "2026-04-02", "agreement 1", ""],
        ["Result", "2026-06-01", "Investment; 300,000,000 won", ""],
    ]
    listed = seoro(url, "--lang", "en", "lead", "list", "--stage", "result")
    assert [r[0] for r in rows(listed.stdout)] == ["1"]
    programme = seoro(url, "lead", "list", "--programme", "2026 글로벌")
    assert [r[0] for r in rows(programme.stdout)] == ["2"]
    assert (
        seoro(url, "lead", "edit", "2", "--owner", "lee@agency.example").stdout.strip()
        == "협력 건 2을(를) 수정했습니다."
    )
    bad = seoro(url, "lead", "open", "--party", "org:1")
    assert (bad.code, "협력 건의 출처를 지정하세요" in bad.stderr) == (1, True)


def test_remind_lists_overdue_actions_and_sends_each_once(
    held: Held, database_url: str, inbox: tuple[Inbox, int]
) -> None:
    url, (box, port) = database_url, inbox
    for key, owner, due in (("hanbit_grace", "kim@agency.example", "2026-03-20"), ("saesol_hanbit", "", "2026-03-25")):
        opened = seoro(url, "lead", "open", "--event", str(held.event_id), "--meeting", str(held.meetings[key]),
                       "--owner", owner, "--next", "연락하기", "--due", due)  # fmt: skip
        assert opened.code == 0, opened.stderr
    listed = seoro(url, "remind", "--today", "2026-04-01")
    assert [r[0::5] for r in rows(listed.stdout)] == [["1", "kim@agency.example"], ["2", "-"]]
    assert "seoro remind --send" in listed.stdout
    overdue = seoro(url, "--lang", "en", "lead", "list", "--overdue", "--today", "2026-04-01")
    assert [r[0] for r in rows(overdue.stdout)] == ["1", "2"]
    smtp = {"SEORO_SMTP_HOST": "127.0.0.1", "SEORO_SMTP_PORT": str(port), "SEORO_SMTP_STARTTLS": "0",
            "SEORO_SMTP_FROM": "seoro@agency.example"}  # fmt: skip
    sent = seoro(url, "remind", "--send", "--today", "2026-04-01", **smtp)
    assert sent.code == 0, sent.stderr
    assert "알림 1건을 보냈습니다" in sent.stdout and "담당자가 없어 알림을 보내지 않은 협력 건: 2" in sent.stdout
    assert [to for to, _m in box.messages] == [["kim@agency.example"]]
    again = seoro(url, "remind", "--send", "--today", "2026-04-02", **smtp)
    assert "알림 0건을 보냈습니다" in again.stdout and len(box.messages) == 1
    down = seoro(url, "remind", "--send", "--today", "2026-04-02", **{**smtp, "SEORO_SMTP_PORT": str(free_port())})
    assert down.code == 0  # nothing due with an owner: the server is not even asked
    unset = seoro(url, "remind", "--send")
    assert (unset.code, "SEORO_SMTP_HOST" in unset.stderr) == (1, True)
