"""Loading the demo data set (built from the field's facts; people synthetic) through the normal importer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from seoro.demo.dataset import DemoAgreement, build_demo
from seoro.demo.event import build_demo_event
from seoro.demo.pipeline import PROGRAMME as PROGRAMME  # the programme the demo's leads are reported under
from seoro.domain.agreements import Agreement, FollowUp, Party
from seoro.domain.errors import DomainError, Location
from seoro.domain.taxonomy import TechField
from seoro.files.columns import RecordKind
from seoro.files.records import SourceRow, SourceSheet
from seoro.services.agreements import save_agreement
from seoro.services.database import Database, Unit, require_current
from seoro.services.demo_pipeline import DemoPipelineResult, load_demo_pipeline
from seoro.services.event_import import DemoEventResult, load_demo_event
from seoro.services.importing import ImportReport, Progress, import_into
from seoro.services.taxonomy import add_field, save_focus_set

SOURCE = "seoro demo"
DEMO_REQUESTS_AT = datetime(2026, 9, 30, 9, 0, tzinfo=UTC)  # when the demo event's requests were made


@dataclass(frozen=True)
class DemoResult:
    report: ImportReport
    fields_added: int
    focus_sets_changed: int
    agreements: dict[str, int]  # by outcome: created / updated / unchanged
    event: DemoEventResult | None = None  # the demo brokerage event
    pipeline: DemoPipelineResult | None = None  # the spring event held and the year's leads


def demo_sheets() -> list[SourceSheet]:
    """The demo records as sheets, exactly as the spreadsheet reader would hand them over."""
    data = build_demo()
    records = {
        RecordKind.ORGANISATIONS: data.organisations,
        RecordKind.EXPERTS: data.experts,
        RecordKind.PUBLICATIONS: data.publications,
        RecordKind.PROFILES: data.profiles,
    }
    return [
        SourceSheet(
            SOURCE,
            kind.value,
            kind,
            1,
            rows=[
                SourceRow(Location(SOURCE, i, sheet=kind.value), dict(values)) for i, values in enumerate(rows, start=2)
            ],
        )
        for kind, rows in records.items()
    ]


def demo_size() -> int:
    """How many rows loading the demo goes through (for a progress bar)."""
    return sum(len(s.rows) for s in demo_sheets())


def load_demo(db: Database, *, actor: str, progress: Progress | None = None) -> DemoResult:
    """Load (or refresh) the demo data set in one transaction: the directory, the agreements, the October
    event (to schedule), and the year of follow-up (a spring event held, the leads); running it again
    changes nothing."""
    require_current(db)
    data = build_demo()
    with db.unit(actor, SOURCE) as unit:
        fields_added = _add_custom_fields(unit, data.custom_fields)
        focus_changed = sum(save_focus_set(unit, focus) for focus in data.focus_sets)
        report = ImportReport(sheets=demo_sheets())
        import_into(unit, report, progress)
        outcomes = Counter(save_agreement(unit, _agreement(unit, a))[1] for a in data.agreements)
        event = load_demo_event(unit, build_demo_event(), source=SOURCE, now=DEMO_REQUESTS_AT)
        pipeline = load_demo_pipeline(unit, source=SOURCE, next_event_id=event.event_id)
    return DemoResult(report, fields_added, focus_changed, dict(outcomes), event, pipeline)


def _add_custom_fields(unit: Unit, fields: list[TechField]) -> int:
    stored = unit.fields.load().fields
    added = 0
    for tech_field in sorted(fields, key=lambda f: f.code.count(".")):
        if tech_field.code not in stored:
            add_field(unit, tech_field)
            added += 1
        elif stored[tech_field.code] != tech_field:
            unit.fields.save_field(tech_field, exists=True)
            added += 1
    return added


def _agreement(unit: Unit, demo: DemoAgreement) -> Agreement:
    parties = []
    for org_name, signatory, contact_name, contact_email in demo.parties:
        ids = unit.organisations.ids_by_name([org_name])
        if len(ids) != 1:
            raise DomainError("unknown_organisation", value=org_name, ids="")
        parties.append(Party(ids.pop(), signatory, contact_name, contact_email))
    follow_ups = [FollowUp(text, due) for text, due in demo.follow_ups]
    return Agreement(demo.title, parties, demo.signed_on, demo.place, list(demo.scope), follow_ups, demo.event)
