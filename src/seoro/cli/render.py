"""Rich output shared by the commands: tables, problem lists, bilingual labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from rich.cells import cell_len
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from seoro.domain.errors import Problem
from seoro.domain.text import BilingualText
from seoro.i18n import t


def name(text: BilingualText, lang: str) -> str:
    """The name in the reader's language, with the other one after it."""
    first, second = (text.ko, text.en) if lang == "ko" else (text.en, text.ko)
    if first and second and first != second:
        return f"{first} ({second})"
    return first or second


def table(title: str, headers: Sequence[str], rows: Iterable[Sequence[object]], *, show_header: bool = True) -> Table:
    # min_width keeps a long title on one line above a narrow table
    out = Table(
        title=title, title_justify="left", header_style="bold", show_header=show_header, min_width=cell_len(title) + 4
    )
    for header in headers:
        out.add_column(header, overflow="fold")
    for row in rows:
        out.add_row(*(Text("" if v is None else str(v)) for v in row))
    return out


def print_problems(console: Console, problems: list[Problem], lang: str, limit: int = 200) -> None:
    """Every problem with its file, sheet, row and column, and a note that nothing was changed."""
    rows = [
        (
            p.location.file,
            p.location.sheet,
            p.location.row or "",
            f"{p.location.column} {p.location.header}".strip(),
            p.field,
            t("error." + p.code, lang, **p.params),
        )
        for p in problems[:limit]
    ]
    headers = [t(f"cli.problem.{h}", lang) for h in ("file", "sheet", "row", "column", "field", "message")]
    console.print(table(t("cli.problems_title", lang, count=len(problems)), headers, rows))
    if len(problems) > limit:
        console.print(t("cli.problems_more", lang, count=len(problems) - limit))
    console.print(Text(t("cli.nothing_changed", lang), style="bold red"))


@contextmanager
def progress_bar(total: int, description: str, *, show: bool = True) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (it disappears when done); yields the function that advances it."""
    if not show:
        yield lambda _n: None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)
