"""Server-rendered pages (Jinja, plain forms; no build step), in Korean and English."""

from __future__ import annotations

from fastapi import APIRouter

from seoro.web import auth_pages, home, me_pages
from seoro.web.staff_checkin import router as staff_checkin
from seoro.web.staff_directory import router as staff_directory
from seoro.web.staff_event_import import router as staff_event_import
from seoro.web.staff_event_new import router as staff_event_new
from seoro.web.staff_events import router as staff_events
from seoro.web.staff_follow_ups import router as staff_follow_ups
from seoro.web.staff_import import router as staff_import
from seoro.web.staff_jobs import router as staff_jobs
from seoro.web.staff_lead_new import router as staff_lead_new
from seoro.web.staff_leads import router as staff_leads
from seoro.web.staff_match import router as staff_match
from seoro.web.staff_reminders import router as staff_reminders
from seoro.web.staff_report import router as staff_report
from seoro.web.staff_requests import router as staff_requests

web_router = APIRouter(include_in_schema=False)
web_router.include_router(auth_pages.router)
web_router.include_router(home.router)
web_router.include_router(me_pages.router)
web_router.include_router(staff_directory)
web_router.include_router(staff_import)
web_router.include_router(staff_jobs)
web_router.include_router(staff_match)
web_router.include_router(staff_event_new)  # before staff_events: /events/new is not an event id
web_router.include_router(staff_events)
web_router.include_router(staff_event_import)
web_router.include_router(staff_checkin)
web_router.include_router(staff_requests)
web_router.include_router(staff_follow_ups)
web_router.include_router(staff_lead_new)  # before staff_leads: /leads/new is not a lead id
web_router.include_router(staff_leads)
web_router.include_router(staff_reminders)
web_router.include_router(staff_report)
