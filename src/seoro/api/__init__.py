"""The REST API under ``/api``: typed input and output models, pages of results, one error body."""

from __future__ import annotations

from fastapi import APIRouter

from seoro.api import agendas, directory, events, jobs, matching, session
from seoro.api.schemas import ERRORS

api_router = APIRouter(responses=ERRORS)  # every route documents the one error body (and FastAPI's 400)
api_router.include_router(session.router)
api_router.include_router(directory.router)
api_router.include_router(matching.router)
api_router.include_router(events.router)
api_router.include_router(agendas.router)
api_router.include_router(jobs.router)
