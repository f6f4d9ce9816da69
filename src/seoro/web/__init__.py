"""Server-rendered pages (Jinja, plain forms; no build step), in Korean and English."""

from __future__ import annotations

from fastapi import APIRouter

from seoro.web import auth_pages, home

web_router = APIRouter(include_in_schema=False)
web_router.include_router(auth_pages.router)
web_router.include_router(home.router)
