"""The ``seoro`` command: turns options into service calls and errors into messages (never tracebacks)."""

from __future__ import annotations

import sys

from seoro.cli.app import app, run


def main() -> None:
    sys.exit(run(app))


__all__ = ["app", "main"]
