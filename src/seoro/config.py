"""Settings: read once from the environment (the only place that does), typed, and injectable in tests."""

from __future__ import annotations

import getpass
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir


@dataclass(frozen=True)
class Setting:
    env: str
    help: str
    default: str


DEV_SECRET = "dev-only-insecure-secret"  # fine on a laptop; `seoro serve` refuses it in production
DEFAULT_THREADS = 8
DEFAULT_SMTP_PORT = 587  # mail submission; with STARTTLS, what agency mail servers expect

SETTINGS: dict[str, Setting] = {
    "database_url": Setting(
        "SEORO_DATABASE_URL",
        "SQLAlchemy URL of the database, e.g. postgresql+psycopg://seoro@127.0.0.1/seoro.",
        "sqlite:///<user data dir>/seoro.db",
    ),
    "lang": Setting(
        "SEORO_LANG", "Language of messages and exports: ko or en.", "from the locale (ko if it is Korean, else en)"
    ),
    "actor": Setting(
        "SEORO_ACTOR", "Name recorded in the audit trail for changes made from this shell.", "the login name"
    ),
    "data_dir": Setting(
        "SEORO_DATA_DIR", "Folder for the default SQLite database and caches.", "the platform's user data folder"
    ),
    "secret_key": Setting(
        "SEORO_SECRET_KEY",
        "Secret that signs web session cookies and forms. Required (and not the default) in production.",
        DEV_SECRET,
    ),
    "environment": Setting(
        "SEORO_ENV",
        "development or production. Production refuses the default secret and sends cookies over HTTPS only.",
        "development",
    ),
    "base_url": Setting(
        "SEORO_BASE_URL", "The address people open, used in invitation links.", "http://127.0.0.1:8000"
    ),
    "threads": Setting(
        "SEORO_THREADS",
        "Pages each server process works on at once (the rest wait their turn). Python runs one thread at a "
        "time, so a few threads answer a crowd faster than many (bench/RESULTS.md).",
        str(DEFAULT_THREADS),
    ),
    "warm_up": Setting(
        "SEORO_WARM_UP",
        "1: as a server starts, compute the participants' partner suggestions ahead, so the first visitor "
        "does not wait; 0: compute them on the first visit.",
        "1",
    ),
    "smtp_host": Setting(
        "SEORO_SMTP_HOST", "The agency's mail server that sends reminders (empty: no e-mail is sent).", ""
    ),
    "smtp_port": Setting("SEORO_SMTP_PORT", "Its port.", str(DEFAULT_SMTP_PORT)),
    "smtp_user": Setting("SEORO_SMTP_USER", "User name to sign in to the mail server (empty: no sign-in).", ""),
    "smtp_password": Setting("SEORO_SMTP_PASSWORD", "Password for that user.", ""),
    "smtp_from": Setting("SEORO_SMTP_FROM", "Sender address of the e-mails, e.g. seoro@agency.example.", ""),
    "smtp_starttls": Setting(
        "SEORO_SMTP_STARTTLS", "1: switch to TLS (STARTTLS) before signing in and sending; 0: plain.", "1"
    ),
}


@dataclass(frozen=True)
class Settings:
    database_url: str
    lang: str
    actor: str
    data_dir: Path
    debug: bool = False
    secret_key: str = DEV_SECRET
    environment: str = "development"
    base_url: str = "http://127.0.0.1:8000"
    threads: int = DEFAULT_THREADS
    warm_up: bool = True
    smtp_host: str = ""
    smtp_port: int = DEFAULT_SMTP_PORT
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_from: str = ""
    smtp_starttls: bool = True

    @property
    def production(self) -> bool:
        return self.environment == "production"

    def check_for_serving(self) -> None:
        """Refuse to serve in production with the default or a short secret."""
        if self.production and (self.secret_key == DEV_SECRET or len(self.secret_key) < 32):
            raise ValueError("SEORO_SECRET_KEY must be set to a random value of 32+ characters in production")


def _default_lang(environ: Mapping[str, str]) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(var):
            return "ko" if environ[var].lower().startswith("ko") else "en"
    code = locale.getlocale()[0] or ""
    return "ko" if code.lower().startswith("ko") else "en"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    data_dir = Path(env.get("SEORO_DATA_DIR") or user_data_dir("seoro", appauthor=False))
    url = env.get("SEORO_DATABASE_URL") or f"sqlite:///{data_dir / 'seoro.db'}"
    lang = env.get("SEORO_LANG") or _default_lang(env)
    if lang not in ("ko", "en"):
        raise ValueError(f"SEORO_LANG must be ko or en, not {lang!r}")
    actor = env.get("SEORO_ACTOR") or _login_name()
    debug = env.get("SEORO_DEBUG", "0") not in ("", "0", "false", "no")
    environment = env.get("SEORO_ENV") or "development"
    if environment not in ("development", "production"):
        raise ValueError(f"SEORO_ENV must be development or production, not {environment!r}")
    threads = env.get("SEORO_THREADS") or str(DEFAULT_THREADS)
    if not threads.isdigit() or int(threads) < 1:
        raise ValueError(f"SEORO_THREADS must be a whole number of 1 or more, not {threads!r}")
    smtp_port = env.get("SEORO_SMTP_PORT") or str(DEFAULT_SMTP_PORT)
    if not smtp_port.isdigit() or not 0 < int(smtp_port) < 65536:
        raise ValueError(f"SEORO_SMTP_PORT must be a port number (1-65535), not {smtp_port!r}")
    return Settings(
        database_url=url,
        lang=lang,
        actor=actor,
        data_dir=data_dir,
        debug=debug,
        secret_key=env.get("SEORO_SECRET_KEY") or DEV_SECRET,
        environment=environment,
        base_url=(env.get("SEORO_BASE_URL") or "http://127.0.0.1:8000").rstrip("/"),
        threads=int(threads),
        warm_up=env.get("SEORO_WARM_UP", "1") not in ("", "0", "false", "no"),
        smtp_host=(env.get("SEORO_SMTP_HOST") or "").strip(),
        smtp_port=int(smtp_port),
        smtp_user=env.get("SEORO_SMTP_USER") or "",
        smtp_password=env.get("SEORO_SMTP_PASSWORD") or "",
        smtp_from=(env.get("SEORO_SMTP_FROM") or "").strip(),
        smtp_starttls=env.get("SEORO_SMTP_STARTTLS", "1").strip().lower() not in ("0", "false", "no"),
    )


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no user name in containers without a passwd entry
        return "unknown"
