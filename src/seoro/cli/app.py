"""The root command, its global options, and how errors reach the user."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from seoro import __version__
from seoro.cli.context import Context
from seoro.cli.render import print_problems
from seoro.config import load_settings
from seoro.domain.errors import DomainError, InvalidInput
from seoro.i18n import t

app = typer.Typer(
    name="seoro",
    help="Seoro (서로): partners, brokerage events and follow-up for international R&D cooperation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
err = Console(stderr=True)


@app.callback()
def root(
    typer_ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL (default: SQLite in the user data folder; env SEORO_DATABASE_URL).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="ko|en",
            help="Language of messages and exports: ko or en (default from the locale; env SEORO_LANG).",
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor", metavar="NAME", help="Name recorded in the audit trail (default: login name; env SEORO_ACTOR)."
        ),
    ] = None,
) -> None:
    environ = dict(os.environ)
    for var, value in (("SEORO_DATABASE_URL", db), ("SEORO_LANG", lang), ("SEORO_ACTOR", actor)):
        if value:
            environ[var] = value
    try:
        settings = load_settings(environ)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    typer_ctx.obj = Context(settings)
    typer_ctx.call_on_close(typer_ctx.obj.close)


@app.command()
def version() -> None:
    """Print Seoro's version."""
    typer.echo(__version__)


def run(application: typer.Typer, args: list[str] | None = None) -> int:
    """Run the CLI; domain errors become messages in the user's language and a non-zero exit code."""
    argv = sys.argv[1:] if args is None else args
    lang = _lang_guess(argv)
    try:
        result = application(args=argv, standalone_mode=False)
    except InvalidInput as error:
        print_problems(err, error.problems, lang)
        return 1
    except DomainError as error:
        return _fail(lang, 1, "error." + error.code, **error.params)
    except OperationalError as error:
        return _fail(lang, 2, "error.db_unreachable", reason=str(error.orig).strip())
    except SQLAlchemyError as error:
        return _fail(lang, 2, "error.db_failed", reason=str(error).splitlines()[0])
    except OSError as error:
        return _fail(lang, 2, "error.os_error", file=error.filename or "", reason=error.strerror or str(error))
    except typer.Abort:
        return 1
    except Exception as error:  # a bug of ours: say so plainly, and how to see the details
        if _debug():
            raise
        return _fail(lang, 3, "error.unexpected", kind=type(error).__name__, reason=str(error))
    except typer.TyperException as error:  # usage errors (typer ships its own click; this is their base)
        show = getattr(error, "show", None)
        if show is None:
            raise
        show()
        return int(getattr(error, "exit_code", 2))
    return result if isinstance(result, int) else 0


def _fail(lang: str, exit_code: int, key: str, /, **params: object) -> int:
    err.print(Text.assemble((t("cli.error", lang), "bold red"), " ", t(key, lang, **params)))
    return exit_code


def _debug() -> bool:
    try:
        return load_settings().debug
    except ValueError:
        return False


def _lang_guess(args: list[str]) -> str:
    """The language for error messages, known before options are parsed (``--lang`` wins if given)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    try:
        return load_settings().lang
    except ValueError:
        return "en"


from seoro.cli import admin, classify, data, directory, eventday, events, match, pipeline, report, serve, show  # noqa: E402,F401  (register the commands)
