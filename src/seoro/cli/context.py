"""What every command needs: settings, the chosen language, and the database (opened lazily)."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from seoro.config import Settings
from seoro.i18n import t
from seoro.services.database import Database
from seoro.services.setup import ensure_database


@dataclass
class Context:
    settings: Settings
    _db: Database | None = field(default=None, init=False)

    @property
    def lang(self) -> str:
        return self.settings.lang

    def t(self, key: str, /, **params: object) -> str:
        return t(key, self.lang, **params)

    def db(self, *, prepare: bool = True) -> Database:
        """The database; an empty one is set up on first use so a newcomer's first command just works."""
        if self._db is None:
            self._db = Database.open(self.settings.database_url)
            if prepare:
                ensure_database(self._db, actor=self.settings.actor)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def ctx_of(typer_ctx: typer.Context) -> Context:
    obj = typer_ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj
