"""Regenerate docs/cli.md (from the commands' --help) and docs/import-templates.md (from the column specs).

Run: .venv/bin/python scripts/gen_docs.py      tests/test_docs.py fails when the committed files are stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from seoro.cli import app
from seoro.files.writing import templates_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    for name in sorted(getattr(command, "commands", {})):  # typer ships its own click: duck-type groups
        found += _commands(command.commands[name], [*path, name])
    return found


def render_cli() -> str:
    root = typer.main.get_command(app)
    parts = ["# Command reference\n", "Generated from `seoro --help` by `scripts/gen_docs.py`; do not edit by hand.\n"]
    for path, command in _commands(root, ["seoro"]):
        with command.context_class(command, info_name=" ".join(path), terminal_width=100) as ctx:
            parts.append(f"## `{' '.join(path)}`\n\n```\n{command.get_help(ctx)}\n```\n")
    return "\n".join(parts)


def render_templates() -> str:
    return templates_markdown()


def main() -> None:
    (DOCS / "cli.md").write_text(render_cli(), encoding="utf-8")
    (DOCS / "import-templates.md").write_text(render_templates(), encoding="utf-8")


if __name__ == "__main__":
    main()
