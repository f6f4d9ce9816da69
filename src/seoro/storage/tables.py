"""Table definitions (the MetaData Alembic compares migrations against)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _fk(target: str, ondelete: str = "CASCADE") -> ForeignKey:
    return ForeignKey(target, ondelete=ondelete)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


tech_fields = Table(
    "tech_fields",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("parent_code", String(64), _fk("tech_fields.code", "RESTRICT"), nullable=True),
    Column("label_ko", String(200), nullable=False),
    Column("label_en", String(200), nullable=False),
    Column("synonyms", JSON, nullable=False),
    Column("source", String(20), nullable=False),
)

focus_sets = Table(
    "focus_sets",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name_ko", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("description", Text, nullable=False),
)

focus_set_fields = Table(
    "focus_set_fields",
    metadata,
    Column("focus_code", String(64), _fk("focus_sets.code"), primary_key=True),
    Column("field_code", String(64), _fk("tech_fields.code", "RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False),
)

organisations = Table(
    "organisations",
    metadata,
    _id(),
    Column("kind", String(40), nullable=False),
    Column("name_ko", String(300), nullable=False),
    Column("name_en", String(300), nullable=False),
    Column("country", String(2), nullable=False),
    Column("region", String(200), nullable=False),
    Column("website", String(500), nullable=False),
    Column("parent_id", Integer, _fk("organisations.id", "SET NULL"), nullable=True),
    Column("description_ko", Text, nullable=False),
    Column("description_en", Text, nullable=False),
    Column("contact_name", String(200), nullable=False),
    Column("contact_email", String(300), nullable=False),
    Column("contact_phone", String(100), nullable=False),
)

organisation_names = Table(
    "organisation_names",
    metadata,
    Column("organisation_id", Integer, _fk("organisations.id"), primary_key=True),
    Column("name", String(300), primary_key=True),
    Column("name_key", String(300), nullable=False, index=True),
    Column("is_alias", Boolean, nullable=False),
    Column("position", Integer, nullable=False),
)

organisation_fields = Table(
    "organisation_fields",
    metadata,
    Column("organisation_id", Integer, _fk("organisations.id"), primary_key=True),
    Column("field_code", String(64), _fk("tech_fields.code", "RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False),
)

experts = Table(
    "experts",
    metadata,
    _id(),
    Column("name_ko", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("email", String(300), nullable=True, unique=True),
    Column("phone", String(100), nullable=False),
    Column("country", String(2), nullable=False),
    Column("languages", JSON, nullable=False),
    Column("expertise_ko", Text, nullable=False),
    Column("expertise_en", Text, nullable=False),
    Column("keywords", JSON, nullable=False),
    Column("website", String(500), nullable=False),
)

expert_affiliations = Table(
    "expert_affiliations",
    metadata,
    Column("expert_id", Integer, _fk("experts.id"), primary_key=True),
    Column("organisation_id", Integer, _fk("organisations.id"), primary_key=True),
    Column("job_title", String(200), nullable=False),
    Column("position", Integer, nullable=False),
)

expert_memberships = Table(
    "expert_memberships",
    metadata,
    Column("expert_id", Integer, _fk("experts.id"), primary_key=True),
    Column("organisation_id", Integer, _fk("organisations.id"), primary_key=True),
    Column("position", Integer, nullable=False),
)

expert_fields = Table(
    "expert_fields",
    metadata,
    Column("expert_id", Integer, _fk("experts.id"), primary_key=True),
    Column("field_code", String(64), _fk("tech_fields.code", "RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False),
)

publications = Table(
    "publications",
    metadata,
    _id(),
    Column("expert_id", Integer, _fk("experts.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("abstract", Text, nullable=False),
    Column("year", Integer, nullable=True),
    Column("venue", String(500), nullable=False),
    Column("doi", String(300), nullable=False, index=True),
    Column("authors", Text, nullable=False),
)

profiles = Table(
    "profiles",
    metadata,
    _id(),
    Column("kind", String(40), nullable=False),
    Column("title_ko", Text, nullable=False),
    Column("title_en", Text, nullable=False),
    Column("description_ko", Text, nullable=False),
    Column("description_en", Text, nullable=False),
    Column("keywords", JSON, nullable=False),
    Column("organisation_id", Integer, _fk("organisations.id"), nullable=True, index=True),
    Column("expert_id", Integer, _fk("experts.id"), nullable=True, index=True),
    Column("status", String(20), nullable=False),
    Column("valid_from", Date, nullable=True),
    Column("valid_until", Date, nullable=True),
    Column("contact_name", String(200), nullable=False),
    Column("contact_email", String(300), nullable=False),
    Column("contact_phone", String(100), nullable=False),
)

profile_fields = Table(
    "profile_fields",
    metadata,
    Column("profile_id", Integer, _fk("profiles.id"), primary_key=True),
    Column("field_code", String(64), _fk("tech_fields.code", "RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False),
)

agreements = Table(
    "agreements",
    metadata,
    _id(),
    Column("title_ko", Text, nullable=False),
    Column("title_en", Text, nullable=False),
    Column("signed_on", Date, nullable=True),
    Column("place", String(300), nullable=False),
    Column("event", String(300), nullable=False),
    Column("status", String(20), nullable=False),
)

agreement_parties = Table(
    "agreement_parties",
    metadata,
    Column("agreement_id", Integer, _fk("agreements.id"), primary_key=True),
    Column("organisation_id", Integer, _fk("organisations.id", "RESTRICT"), primary_key=True),
    Column("signatory", String(200), nullable=False),
    Column("contact_name", String(200), nullable=False),
    Column("contact_email", String(300), nullable=False),
    Column("position", Integer, nullable=False),
)

agreement_scope = Table(
    "agreement_scope",
    metadata,
    Column("agreement_id", Integer, _fk("agreements.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text_ko", Text, nullable=False),
    Column("text_en", Text, nullable=False),
)

agreement_follow_ups = Table(
    "agreement_follow_ups",
    metadata,
    Column("agreement_id", Integer, _fk("agreements.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("description_ko", Text, nullable=False),
    Column("description_en", Text, nullable=False),
    Column("due", Date, nullable=True),
    Column("done", Boolean, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    _id(),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(20), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("changes", JSON, nullable=False),
    Column("source", String(500), nullable=False),
    Index("ix_audit_log_entity", "entity", "entity_id"),
)

text_vectors = Table(
    "text_vectors",
    metadata,
    # Keyed by content, not by record: a text is encoded once per model, whoever holds it, and an edited
    # profile gets new vectors for its changed texts only.
    Column("model", String(40), primary_key=True),
    Column("text_hash", String(64), primary_key=True),
    Column("dimension", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, little-endian
)

field_suggestions = Table(
    "field_suggestions",
    metadata,
    # One row per (record, field): what the classifier suggested and what staff decided about it. Records
    # are referred to by kind and id (no foreign key: three tables); a decided row is never overwritten.
    _id(),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("field_code", String(64), _fk("tech_fields.code"), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("status", String(20), nullable=False),  # suggested | confirmed | rejected
    Column("model", String(40), nullable=False),  # classifier version, or "staff" for a correction
    Column("evidence", JSON, nullable=False),
    Column("suggested_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(200), nullable=True),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("entity", "entity_id", "field_code", name="uq_field_suggestions_record_field"),
)

# Tables in an order that satisfies foreign keys, for loading, dumping and clearing.
ALL = tuple(metadata.sorted_tables)

# ---- brokerage events (issue 10)

events = Table(
    "events",
    metadata,
    _id(),
    Column("name_ko", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("venue", String(300), nullable=False),
    Column("scheduling_mode", String(20), nullable=False),
    Column("auto_accept", Boolean, nullable=False),
    Column("request_expiry_hours", Integer, nullable=True),
    Column("cross_type_only", Boolean, nullable=False),
    Column("max_in_a_row", Integer, nullable=False),
    Column("default_max_meetings", Integer, nullable=True),
)

event_sessions = Table(
    "event_sessions",
    metadata,
    Column("event_id", Integer, _fk("events.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("code", String(40), nullable=False),
    Column("day", Date, nullable=False),
    Column("start", String(5), nullable=False),
    Column("slot_minutes", Integer, nullable=False),
    Column("slots", Integer, nullable=True),
    Column("end", String(5), nullable=True),
    Column("name_ko", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("breaks", JSON, nullable=False),
)

event_tables = Table(
    "event_tables",
    metadata,
    Column("event_id", Integer, _fk("events.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", String(100), nullable=False),
    Column("seats", Integer, nullable=False),
    Column("host", Integer, nullable=True),
    Column("availability", JSON, nullable=True),
)

event_types = Table(
    "event_types",
    metadata,
    Column("event_id", Integer, _fk("events.id"), primary_key=True),
    Column("code", String(40), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name_ko", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("max_meetings", Integer, nullable=True),
)

event_participants = Table(
    "event_participants",
    metadata,
    _id(),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("name_ko", String(300), nullable=False),
    Column("name_en", String(300), nullable=False),
    Column("type_code", String(40), nullable=False),
    Column("expert_id", Integer, _fk("experts.id", "SET NULL"), nullable=True),
    Column("organisation_id", Integer, _fk("organisations.id", "SET NULL"), nullable=True),
    Column("delegation", String(200), nullable=True),
    Column("languages", JSON, nullable=False),
    Column("availability", JSON, nullable=True),
    Column("max_meetings", Integer, nullable=True),
    Column("booth", Boolean, nullable=False),
    Column("email", String(300), nullable=False),
    Column("cancelled", Boolean, nullable=False),
    Column("checked_in_at", DateTime(timezone=True), nullable=True),
    Column("no_show_at", DateTime(timezone=True), nullable=True),
)

event_interpreters = Table(
    "event_interpreters",
    metadata,
    _id(),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("name", String(300), nullable=False),
    Column("languages", JSON, nullable=False),
    Column("availability", JSON, nullable=True),
)

meeting_requests = Table(
    "meeting_requests",
    metadata,
    _id(),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("requester_id", Integer, _fk("event_participants.id"), nullable=False),
    Column("requested_id", Integer, _fk("event_participants.id"), nullable=False),
    Column("priority", Integer, nullable=False),
    Column("message", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("source", String(20), nullable=False),
    Column("score", Float, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("locked_slot", Integer, nullable=True),
    Column("locked_table", Integer, nullable=True),
    Column("picked_slot", Integer, nullable=True),
)

meetings = Table(
    "meetings",
    metadata,
    Column("request_id", Integer, _fk("meeting_requests.id"), primary_key=True),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("slot", Integer, nullable=False),
    Column("table_number", Integer, nullable=False),
    Column("interpreter_id", Integer, _fk("event_interpreters.id", "SET NULL"), nullable=True),
    Column("announced", Boolean, nullable=False),
    Column("locked", Boolean, nullable=False),
)

schedule_runs = Table(
    "schedule_runs",
    metadata,
    _id(),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("ran_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("requests", Integer, nullable=False),
    Column("scheduled", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("bound", Float, nullable=False),
    Column("idle_gaps", Integer, nullable=False),
    Column("seconds", Float, nullable=False),
    Column("moved", Integer, nullable=False),
    Column("dropped", Integer, nullable=False),
    Column("added", Integer, nullable=False),
)

# What participants have been told: one row per meeting per participant, updated by each publication.
agenda_entries = Table(
    "agenda_entries",
    metadata,
    _id(),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("participant_id", Integer, _fk("event_participants.id"), nullable=False),
    Column("meeting_key", Integer, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("slot", Integer, nullable=False),
    Column("table_number", Integer, nullable=False),
    Column("partner_ids", JSON, nullable=False),
    Column("interpreter_id", Integer, nullable=True),
    Column("stage", String(20), nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("participant_id", "meeting_key", name="uq_agenda_entries_participant_meeting"),
)

agenda_publications = Table(
    "agenda_publications",
    metadata,
    _id(),
    Column("event_id", Integer, _fk("events.id"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("stage", String(20), nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("meetings", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("participants", Integer, nullable=False),
    UniqueConstraint("event_id", "version", name="uq_agenda_publications_event_version"),
)

# Sign-in: accounts, one-time invitations, failed attempts (rate limiting across workers) and jobs.
accounts = Table(
    "accounts",
    metadata,
    _id(),
    Column("email", String(300), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("role", String(20), nullable=False),
    Column("lang", String(5), nullable=False),
    Column("password_hash", String(300), nullable=False),
    Column("participant_id", Integer, _fk("event_participants.id", "SET NULL"), nullable=True),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

invitations = Table(
    "invitations",
    metadata,
    _id(),
    Column("account_id", Integer, _fk("accounts.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    _id(),
    Column("key", String(300), nullable=False, index=True),  # "email:<address>" or "ip:<address>"
    Column("at", DateTime(timezone=True), nullable=False),
)

jobs = Table(
    "jobs",
    metadata,
    _id(),
    Column("kind", String(40), nullable=False),
    Column("params", JSON, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("progress", Float, nullable=False),
    Column("step", String(200), nullable=False),
    Column("result", JSON, nullable=True),
    Column("error", Text, nullable=True),
    Column("actor", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=True),
    Column("finished_at", DateTime(timezone=True), nullable=True),
)

# One row: a counter every writing unit of work raises as it commits. Readers compare it with the
# value their cached read models were built at (``services.snapshots``).
data_version = Table(
    "data_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)

# ---- the cooperation pipeline (issue 13)

# A lead and its two sides, each an organisation, an expert, or an expert at an organisation. The
# directory references are RESTRICT: a merge moves them (services.directory), nothing deletes them.
leads = Table(
    "leads",
    metadata,
    _id(),
    Column("title_ko", Text, nullable=False),
    Column("title_en", Text, nullable=False),
    Column("fields", JSON, nullable=False),  # taxonomy codes, in order
    Column("event_id", Integer, _fk("events.id", "SET NULL"), nullable=True, index=True),
    Column("request_id", Integer, _fk("meeting_requests.id", "SET NULL"), nullable=True),
    Column("profile_id", Integer, _fk("profiles.id", "SET NULL"), nullable=True),
    Column("programme", String(300), nullable=False),
    Column("owner", String(300), nullable=False),  # the staff member's e-mail address, or empty
    Column("a_organisation_id", Integer, _fk("organisations.id", "RESTRICT"), nullable=True),
    Column("a_expert_id", Integer, _fk("experts.id", "RESTRICT"), nullable=True),
    Column("b_organisation_id", Integer, _fk("organisations.id", "RESTRICT"), nullable=True),
    Column("b_expert_id", Integer, _fk("experts.id", "RESTRICT"), nullable=True),
    # one lead per meeting of an event (NULLs are distinct: leads from matches or by hand are not limited)
    UniqueConstraint("event_id", "request_id", name="uq_leads_event_meeting"),
)

lead_steps = Table(
    "lead_steps",
    metadata,
    Column("lead_id", Integer, _fk("leads.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("stage", String(20), nullable=False),
    Column("on", Date, nullable=False),
    Column("by", String(200), nullable=False),
    Column("note", Text, nullable=False),
    Column("next_action", Text, nullable=False),
    Column("due", Date, nullable=True),
    Column("result_kind", String(40), nullable=True),
    Column("reason", String(40), nullable=True),
    Column("agreement_id", Integer, _fk("agreements.id", "SET NULL"), nullable=True),
    Column("amount_krw", BigInteger, nullable=True),
)

# One answer per participant and meeting: do they want to follow up? Answering again replaces it.
follow_up_wishes = Table(
    "follow_up_wishes",
    metadata,
    Column("event_id", Integer, _fk("events.id"), primary_key=True),
    Column("request_id", Integer, _fk("meeting_requests.id"), primary_key=True),
    Column("participant_id", Integer, _fk("event_participants.id"), primary_key=True),
    Column("wants", Boolean, nullable=False),
    Column("online", Boolean, nullable=True),
    Column("note", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=True),
)

# The overdue next actions already reminded of: a lead's step is reminded of once, whoever sends.
reminders_sent = Table(
    "reminders_sent",
    metadata,
    Column("lead_id", Integer, _fk("leads.id"), primary_key=True),
    Column("step_index", Integer, primary_key=True),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    Column("to", String(300), nullable=False),
)
