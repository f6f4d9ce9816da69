"""The web application: the REST API under ``/api`` and the server-rendered pages, on one app.

``create_app(settings)`` builds it with no module-level state; ``seoro serve`` runs it with uvicorn.
A background-job worker thread runs inside each server process (``services.jobs``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

import anyio.to_thread
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from seoro import __version__
from seoro.api import api_router
from seoro.config import Settings, load_settings
from seoro.domain.errors import DomainError
from seoro.http.errors import json_error
from seoro.services.database import Database
from seoro.services.jobs import Worker
from seoro.services.participant_self import warm_up
from seoro.services.setup import ensure_database
from seoro.web import web_router
from seoro.web.errors import error_page

SESSION_DAYS = 14
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
}


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response that does not set its own (plain ASGI:
    Starlette's ``BaseHTTPMiddleware`` costs a task and a stream per request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


def _warm_up(db: Database) -> None:
    """Best effort: a failure here (the database closing as the server stops) only means the first
    visitor builds what the warm-up would have."""
    try:
        warm_up(db)
    except Exception:  # noqa: BLE001
        logging.getLogger("seoro").debug("warm-up stopped", exc_info=True)


def create_app(settings: Settings, *, worker: bool = True) -> FastAPI:
    """The app over ``settings.database_url`` (an empty database is set up on first start)."""
    settings.check_for_serving()
    db = Database.open(settings.database_url)
    ensure_database(db, actor="web")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Page handlers are plain functions run in anyio's thread pool (40 threads unless told): a
        # few threads contend less for the interpreter lock and answer a crowd sooner.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        jobs = Worker(db) if worker else None
        if worker and settings.warm_up:
            threading.Thread(target=_warm_up, args=(db,), name="seoro-warm-up", daemon=True).start()
        if jobs:
            jobs.start()
        try:
            yield
        finally:
            if jobs:
                jobs.stop()
            db.close()

    app = FastAPI(
        title="Seoro API",
        version=__version__,
        description="Directory, matching, brokerage events and agendas of Seoro (서로). Bilingual errors.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN, and there is no network at run time: the schema is enough
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = db
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="seoro_session",
        max_age=SESSION_DAYS * 24 * 3600,
        same_site="lax",
        https_only=settings.production,
    )

    app.add_middleware(SecurityHeaders)

    async def handle(request: Request, e: Exception) -> Response:
        return json_error(e) if request.url.path.startswith("/api") else error_page(request, e)

    for kind in (DomainError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)
    app.include_router(api_router, prefix="/api")
    app.include_router(web_router)
    static = resources.files("seoro").joinpath("web/static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def app_from_env() -> FastAPI:
    """The app from the environment's settings: what ``seoro serve`` runs in each worker process."""
    return create_app(load_settings())
