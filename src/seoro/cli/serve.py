"""``seoro serve``, ``seoro worker`` and ``seoro user``: the web application and its accounts."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from typing import Annotated

import typer
import uvicorn
from rich.console import Console

from seoro.cli.app import app
from seoro.cli.context import ctx_of
from seoro.cli.events import EventArg, _event, _id, event_app
from seoro.domain.accounts import Role
from seoro.services import accounts as acc
from seoro.services import jobs
from seoro.services.event_import import find_participant

out = Console()
user_app = typer.Typer(help="Accounts for the web application: staff and admins.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", metavar="ADDR", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="N", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", metavar="N", help="Server processes (use PostgreSQL for more than one).")
    ] = 1,
) -> None:
    """Run the web application and the REST API (/api, schema at /api/openapi.json)."""
    c = ctx_of(ctx)
    c.settings.check_for_serving()
    os.environ.update({"SEORO_DATABASE_URL": c.settings.database_url, "SEORO_LANG": c.settings.lang})
    out.print(c.t("cli.web.serving", url=f"http://{host}:{port}/", db=c.db().url))
    # Idle connections are kept 75 s (nginx's default) rather than uvicorn's 5: a browser reusing one
    # just as the server drops it sees a failed request.
    uvicorn.run("seoro.app:app_from_env", factory=True, host=host, port=port, workers=workers, proxy_headers=True,
                timeout_keep_alive=75, log_level="warning")  # fmt: skip


@app.command()
def worker(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Run the jobs waiting now, then stop.")] = False,
) -> None:
    """Run background jobs (scheduling, index rebuilds) queued by the web application."""
    c = ctx_of(ctx)
    db = c.db()
    while True:
        done = jobs.run_one(db)
        if done is not None:
            out.print(c.t("cli.web.job_done", id=done))
        elif once:
            return
        else:
            time.sleep(0.5)


@user_app.command("add")
def add_user(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(metavar="EMAIL")],
    name: Annotated[str, typer.Argument(metavar="NAME")],
    role: Annotated[str, typer.Option("--role", metavar="staff|admin", help="What they may do.")] = "staff",
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            metavar="TEXT",
            help="Set it now (else an invitation link is printed).",
            envvar="SEORO_NEW_PASSWORD",
        ),
    ] = None,
) -> None:
    """Create a staff or admin account."""
    c = ctx_of(ctx)
    if role not in ("staff", "admin"):
        raise typer.BadParameter("staff or admin")
    now = datetime.now(UTC)
    account = acc.create_account(c.db(), email=email, name=name, role=Role(role), password=password, lang=c.lang,
                                 now=now, actor=c.settings.actor)  # fmt: skip
    out.print(c.t("cli.web.user_added", email=account.email, role=role))
    if password is None and account.id is not None:
        token = acc.invite(c.db(), account.id, now=now, actor=c.settings.actor)
        out.print(f"{c.settings.base_url}/invitation/{token}")


@event_app.command("invite")
def invite(
    ctx: typer.Context,
    event: EventArg,
    people: Annotated[list[str], typer.Argument(metavar="PARTICIPANT", help="Number, e-mail or name. Repeatable.")],
) -> None:
    """Invitation links for participants (valid 14 days, one use each): they set a password and sign in."""
    c = ctx_of(ctx)
    e = _event(c, event)
    for ref in people:
        pid = find_participant(c.db(), _id(e), ref)
        account, token = acc.invite_participant(c.db(), pid, now=datetime.now(UTC), actor=c.settings.actor)
        out.print(f"{account.email}\t{c.settings.base_url}/invitation/{token}")
