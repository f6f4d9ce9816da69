"""Reminders of overdue next actions on SQLite and PostgreSQL, e-mailed through a real SMTP server running
in the test (aiosmtpd): each is sent exactly once, only once the server took it, in Korean and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from seoro.config import Settings, load_settings
from seoro.domain.errors import DomainError
from seoro.domain.pipeline import Step
from seoro.domain.vocab import LeadStage
from seoro.i18n import t
from seoro.services import pipeline as pl
from seoro.services import reminders as rm
from seoro.services.database import Database
from tests.mail_server import Inbox, free_port
from tests.services.pipeline_rows import ACTOR, DAY, Held, counts, held_day

pytestmark = pytest.mark.integration
TODAY = date(2026, 4, 1)


def smtp_settings(port: int) -> Settings:
    return load_settings({"SEORO_SMTP_HOST": "127.0.0.1", "SEORO_SMTP_PORT": str(port), "SEORO_SMTP_STARTTLS": "0",
                          "SEORO_SMTP_FROM": "seoro@agency.example", "SEORO_LANG": "ko", "SEORO_DATA_DIR": "/tmp"})  # fmt: skip


@pytest.fixture
def overdue(db: Database) -> Held:
    """Three leads: two with an overdue next action (one owner each), one due only later."""
    held = held_day(db)
    m = held.meetings

    def lead(key: str, owner: str, action: str, due: date) -> None:
        details = pl.LeadDetails(owner=owner, next_action=action, due=due)
        pl.open_from_meeting(db, held.event_id, m[key], details, actor=ACTOR)

    lead("hanbit_grace", "kim@agency.example", "시험 데이터 보내기", DAY + timedelta(days=7))
    lead("saesol_hanbit", "lee@agency.example", "NDA draft", DAY + timedelta(days=14))
    lead("loner_saesol", "kim@agency.example", "call back", TODAY + timedelta(days=3))
    return held


def test_two_overdue_actions_make_two_messages_and_a_second_run_sends_none(
    overdue: Held, inbox: tuple[Inbox, int]
) -> None:
    db, (box, port) = overdue.db, inbox
    due = rm.due_reminders(db, TODAY)
    assert [(r.owner, r.action, r.due) for r in due] == [
        ("kim@agency.example", "시험 데이터 보내기", DAY + timedelta(days=7)),
        ("lee@agency.example", "NDA draft", DAY + timedelta(days=14)),
    ]
    report = rm.send_reminders(db, smtp_settings(port), TODAY, actor=ACTOR)
    assert [to for _r, to in report.sent] == ["kim@agency.example", "lee@agency.example"]
    assert (report.unowned, report.refused) == ([], [])
    assert [to for to, _m in box.messages] == [["kim@agency.example"], ["lee@agency.example"]]
    first = box.messages[0][1]
    n = due[0].lead_id
    assert first["Subject"] == (
        f"[서로] 기한 경과: 수소연료전지 스택 내구성 향상 (협력 건 {n}) / [Seoro] Overdue: Fuel-cell stack durability (lead {n})"
    )
    assert (first["From"], first["To"]) == ("seoro@agency.example", "kim@agency.example")
    body = first.get_content()
    assert (
        "다음 할 일 기한이 2026-03-17였습니다 (15일 지남)" in body and "was due on 2026-03-17 (15 day(s) ago)" in body
    )
    assert "시험 데이터 보내기" in body
    with db.reading() as unit:
        assert {(s.lead_id, s.step_index, s.to) for s in unit.reminders_sent.all()} == {
            (due[0].lead_id, 0, "kim@agency.example"),
            (due[1].lead_id, 0, "lee@agency.example"),
        }
        assert [e.changes for e in unit.audit.history("lead", due[0].lead_id, limit=1)] == [
            {"reminder_sent": [None, {"step": 0, "to": "kim@agency.example"}]}
        ]
    again = rm.send_reminders(db, smtp_settings(port), TODAY + timedelta(days=1), actor=ACTOR)
    assert (again.sent, len(box.messages), rm.due_reminders(db, TODAY)) == ([], 2, [])


def test_a_new_overdue_step_is_reminded_of_and_leads_without_an_owner_are_reported(
    overdue: Held, inbox: tuple[Inbox, int]
) -> None:
    db, (box, port) = overdue.db, inbox
    rm.send_reminders(db, smtp_settings(port), TODAY, actor=ACTOR)
    [first, *_] = pl.list_leads(db)
    assert first.id is not None
    pl.advance(db, first.id, Step(LeadStage.FOLLOW_UP, TODAY, next_action="visit", due=TODAY + timedelta(days=1)),
               actor=ACTOR)  # fmt: skip
    pl.update_lead(db, first.id, owner="", actor=ACTOR)
    later = TODAY + timedelta(days=3)  # the third lead is due that day: not overdue yet
    report = rm.send_reminders(db, smtp_settings(port), later, actor=ACTOR)
    assert ([r.lead_id for r in report.unowned], report.sent) == ([first.id], [])  # nobody to tell: not recorded
    pl.update_lead(db, first.id, owner="park@agency.example", actor=ACTOR)
    report = rm.send_reminders(db, smtp_settings(port), later, actor=ACTOR)
    assert [(r.lead_id, r.step_index, r.action, to) for r, to in report.sent] == [
        (first.id, 1, "visit", "park@agency.example")
    ]
    assert len(box.messages) == 3


def test_a_mail_server_that_is_down_is_a_clear_error_and_nothing_is_recorded(overdue: Held) -> None:
    db, before = overdue.db, counts(overdue.db)
    with pytest.raises(DomainError) as down:
        rm.send_reminders(db, smtp_settings(free_port()), TODAY, actor=ACTOR)
    assert (down.value.code, down.value.params["sent"], down.value.params["host"]) == ("smtp_failed", 0, "127.0.0.1")
    assert counts(db) == before and len(rm.due_reminders(db, TODAY)) == 2
    with pytest.raises(DomainError) as unset:
        rm.send_reminders(db, replace(smtp_settings(25), smtp_host=""), TODAY, actor=ACTOR)
    assert unset.value.code == "smtp_not_configured"


def test_a_refused_recipient_is_reported_and_tried_again_next_time(overdue: Held, inbox: tuple[Inbox, int]) -> None:
    db, (box, port) = overdue.db, inbox
    box.refuse.add("lee@agency.example")
    report = rm.send_reminders(db, smtp_settings(port), TODAY, actor=ACTOR)
    assert [to for _r, to in report.sent] == ["kim@agency.example"]
    assert [(r.owner, answer.startswith("550")) for r, answer in report.refused] == [("lee@agency.example", True)]
    box.refuse.clear()
    retried = rm.send_reminders(db, smtp_settings(port), TODAY, actor=ACTOR)
    assert [to for _r, to in retried.sent] == ["lee@agency.example"]
    assert [to for to, _m in box.messages] == [["kim@agency.example"], ["lee@agency.example"]]


def test_the_server_sign_in_is_used_and_a_refused_one_records_nothing(overdue: Held) -> None:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def check(server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"seoro", b"s3cret")
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 535 itself

    box, port = Inbox(), free_port()
    server = Controller(box, hostname="127.0.0.1", port=port, authenticator=check, auth_require_tls=False)
    server.start()
    try:
        signed = replace(smtp_settings(port), smtp_user="seoro", smtp_password="wrong")
        before = counts(overdue.db)
        with pytest.raises(DomainError) as refused:
            rm.send_reminders(overdue.db, signed, TODAY, actor=ACTOR)
        assert (refused.value.code, refused.value.params["reason"][:3]) == ("smtp_failed", "535")
        assert t("error.smtp_failed", "en", **refused.value.params).startswith("The mail server 127.0.0.1:")
        assert counts(overdue.db) == before and box.messages == []
        report = rm.send_reminders(overdue.db, replace(signed, smtp_password="s3cret"), TODAY, actor=ACTOR)
        assert len(report.sent) == len(box.messages) == 2
    finally:
        server.stop()
