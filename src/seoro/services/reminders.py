"""Reminders of overdue next actions: list them, and e-mail each one once to the lead's owner through
the agency's SMTP server (``SEORO_SMTP_*``), in Korean and English.

Exactly once: which reminders are due is decided in the same writing unit of work that records them,
and writers take turns, so two runs at once cannot both send one; a reminder is recorded only after
the mail server accepted it, so one the server refused is tried again next time. (If the database
commit failed after the server accepted a message, that one would be sent again: at most once more.)
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.header import Header
from email.message import Message
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid
from typing import Any

from seoro.config import Settings
from seoro.domain.audit import Action
from seoro.domain.errors import DomainError
from seoro.domain.pipeline import Reminder, reminders
from seoro.i18n import t
from seoro.services.database import Database, Unit, require_current
from seoro.storage.leads import Sent

TIMEOUT = 30  # seconds to wait for the mail server at each step; the unit holds the writers' turn meanwhile


@dataclass(frozen=True)
class ReminderReport:
    """What a run did: reminders sent (with the address), left for lack of an owner, refused by the server."""

    sent: list[tuple[Reminder, str]] = field(default_factory=list)
    unowned: list[Reminder] = field(default_factory=list)
    refused: list[tuple[Reminder, str]] = field(default_factory=list)  # with the server's answer


def due_reminders(db: Database, today: date) -> list[Reminder]:
    """The overdue next actions not yet reminded of, the longest overdue first."""
    require_current(db)
    with db.reading() as unit:
        return _due(unit, today)


def _due(unit: Unit, today: date) -> list[Reminder]:
    return reminders(unit.leads.all(open_only=True), today, unit.reminders_sent.reminded())


def send_reminders(db: Database, settings: Settings, today: date, *, actor: str) -> ReminderReport:
    """E-mail every due reminder to its lead's owner and record it as sent, once the server took it.
    A server that cannot be reached (or refuses the sign-in) raises ``smtp_failed``; the reminders
    it accepted before that stay recorded."""
    _check(settings)
    require_current(db)
    sent: list[tuple[Reminder, str]] = []
    refused: list[tuple[Reminder, str]] = []
    failure: Exception | None = None
    with db.unit(actor, "reminders") as unit:
        due = _due(unit, today)
        owned = [r for r in due if r.owner]
        try:
            if owned:
                with _connect(settings) as server:
                    for r in owned:
                        answer = _send(server, _message(unit, settings, r, today))
                        if answer:
                            refused.append((r, answer))
                            continue
                        _record(unit, r)
                        sent.append((r, r.owner))
        except (smtplib.SMTPException, OSError) as error:  # the server went away: keep what it accepted
            failure = error
    if failure is not None:
        raise DomainError("smtp_failed", host=settings.smtp_host, port=settings.smtp_port, sent=len(sent),
                          reason=_reason(failure))  # fmt: skip
    return ReminderReport(sent, [r for r in due if not r.owner], refused)


def _check(settings: Settings) -> None:
    if not settings.smtp_host or not settings.smtp_from:
        raise DomainError("smtp_not_configured")


def _connect(settings: Settings) -> smtplib.SMTP:
    server = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT)
    try:
        if settings.smtp_starttls:
            server.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            server.login(settings.smtp_user, settings.smtp_password)
    except BaseException:
        server.close()
        raise
    return server


def _send(server: smtplib.SMTP, message: Message) -> str:
    """Hand the message to the server: '' when it accepted it, else its answer (this message only:
    the connection is still good for the next)."""
    try:
        server.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        return "; ".join(f"{code} {_text(text)}" for code, text in error.recipients.values())
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return ""


def _record(unit: Unit, r: Reminder) -> None:
    unit.reminders_sent.add(Sent(r.lead_id, r.step_index, datetime.now(UTC), r.owner))
    unit.record(Action.UPDATE, "lead", r.lead_id, {"reminder_sent": [None, {"step": r.step_index, "to": r.owner}]})


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return str(error) or type(error).__name__


def _text(answer: bytes | str) -> str:
    return answer.decode(errors="replace") if isinstance(answer, bytes) else answer


def _message(unit: Unit, settings: Settings, r: Reminder, today: date) -> Message:
    """One reminder: the subject and the body in Korean, then in English."""
    account = unit.accounts.by_email(r.owner)
    params = {
        "id": r.lead_id,
        "action": r.action,
        "due": r.due.isoformat(),
        "days": (today - r.due).days,
        "name": account.name if account else r.owner,
        "url": settings.base_url,
    }
    body = [t("pipeline.mail.body", lang, title=r.title.pick(lang), **params) for lang in ("ko", "en")]
    message: Message[Any, Any] = MIMEText("\n\n----\n\n".join(body) + "\n", "plain", "utf-8")
    # The legacy Header folds a long Korean subject into encoded words that keep their spaces (the
    # modern email policy of Python 3.11 drops a space where it folds).
    subject = " / ".join(
        t("pipeline.mail.subject", lang, title=r.title.pick(lang), id=r.lead_id) for lang in ("ko", "en")
    )
    message["Subject"] = Header(subject, "utf-8")
    message["From"] = settings.smtp_from
    message["To"] = r.owner
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    return message
