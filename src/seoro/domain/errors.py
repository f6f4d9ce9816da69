"""Errors the core raises; adapters render them in the user's language through ``seoro.i18n``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


class DomainError(Exception):
    """A rule was broken. ``code`` is an i18n key under ``error.``; ``params`` fill its placeholders."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}({details})"


@dataclass(frozen=True)
class Location:
    """Where a bad value sits in a source file: file, sheet, 1-based row, column letter and header."""

    file: str
    row: int
    column: str = ""
    header: str = ""
    sheet: str = ""


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is, which field it was meant for, and what is wrong (an i18n code)."""

    location: Location
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class InvalidInput(DomainError):
    """Raised with every problem found, so a user fixes a file in one pass, not one error at a time."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("invalid_input", count=len(problems))
        self.problems = problems
