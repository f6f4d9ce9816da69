"""The REST API under ``/api``: typed input and output models, pages of results, one error body."""

from __future__ import annotations

from fastapi import APIRouter

from seoro.api import session

api_router = APIRouter()
api_router.include_router(session.router)
