"""The first page after signing in: the staff dashboard, or the participant's own page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from seoro.domain.vocab import OrgKind, ProfileKind, label
from seoro.http.access import SignedIn
from seoro.http.security import db_of
from seoro.services import directory, jobs
from seoro.services import events as ev
from seoro.services.event_import import overview
from seoro.services.pipeline import pipeline_counts
from seoro.web.pipeline_common import today
from seoro.web.templates import render

router = APIRouter()


@router.get("/")
def dashboard(request: Request, account: SignedIn) -> Response:
    if not account.role.is_staff:
        return RedirectResponse("/me", status_code=303)
    db = db_of(request)
    s = directory.summarise(db)
    counts = [(label(OrgKind(k)), n) for k, n in s.organisations.items()]
    counts += [(label(ProfileKind(k)), n) for k, n in s.profiles.items()]
    events = [(e, overview(db, e.id)) for e in ev.list_events(db) if e.id is not None]
    pipeline = pipeline_counts(db, today())
    return render(request, "dashboard.html", {"summary": s, "counts": counts, "events": events, "pipeline": pipeline,
                                              "jobs": jobs.recent(db, 8)})  # fmt: skip
