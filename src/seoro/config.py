"""Settings: read once from the environment (the only place that does), typed, and injectable in tests."""

from __future__ import annotations

import getpass
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir


@dataclass(frozen=True)
class Setting:
    env: str
    help: str
    default: str


DEV_SECRET = "dev-only-insecure-secret"  # fine on a laptop; `seoro serve` refuses it in production
DEFAULT_THREADS = 8

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
    )


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no user name in containers without a passwd entry
        return "unknown"
