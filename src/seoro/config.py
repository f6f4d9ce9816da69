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
}


@dataclass(frozen=True)
class Settings:
    database_url: str
    lang: str
    actor: str
    data_dir: Path
    debug: bool = False


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
    return Settings(database_url=url, lang=lang, actor=actor, data_dir=data_dir, debug=debug)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no user name in containers without a passwd entry
        return "unknown"
