"""brokerage events: sessions, tables, types, participants, interpreters, requests, meetings, runs

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name_ko", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("scheduling_mode", sa.String(length=20), nullable=False),
        sa.Column("auto_accept", sa.Boolean(), nullable=False),
        sa.Column("request_expiry_hours", sa.Integer(), nullable=True),
        sa.Column("cross_type_only", sa.Boolean(), nullable=False),
        sa.Column("max_in_a_row", sa.Integer(), nullable=False),
        sa.Column("default_max_meetings", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_table(
        "event_interpreters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("availability", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_interpreters_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_interpreters")),
    )
    op.create_index(op.f("ix_event_interpreters_event_id"), "event_interpreters", ["event_id"], unique=False)
    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name_ko", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("type_code", sa.String(length=40), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("delegation", sa.String(length=200), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("availability", sa.JSON(), nullable=True),
        sa.Column("max_meetings", sa.Integer(), nullable=True),
        sa.Column("booth", sa.Boolean(), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_participants_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"], ["experts.id"], name=op.f("fk_event_participants_expert_id_experts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_event_participants_organisation_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
    )
    op.create_index(op.f("ix_event_participants_event_id"), "event_participants", ["event_id"], unique=False)
    op.create_table(
        "event_sessions",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start", sa.String(length=5), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("slots", sa.Integer(), nullable=True),
        sa.Column("end", sa.String(length=5), nullable=True),
        sa.Column("name_ko", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("breaks", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_sessions_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "position", name=op.f("pk_event_sessions")),
    )
    op.create_table(
        "event_tables",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("host", sa.Integer(), nullable=True),
        sa.Column("availability", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_tables_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "number", name=op.f("pk_event_tables")),
    )
    op.create_table(
        "event_types",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_ko", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("max_meetings", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_types_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "code", name=op.f("pk_event_types")),
    )
    op.create_table(
        "schedule_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("scheduled", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("bound", sa.Float(), nullable=False),
        sa.Column("idle_gaps", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("moved", sa.Integer(), nullable=False),
        sa.Column("dropped", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_schedule_runs_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_runs")),
    )
    op.create_index(op.f("ix_schedule_runs_event_id"), "schedule_runs", ["event_id"], unique=False)
    op.create_table(
        "meeting_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("requested_id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_slot", sa.Integer(), nullable=True),
        sa.Column("locked_table", sa.Integer(), nullable=True),
        sa.Column("picked_slot", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_meeting_requests_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["requested_id"],
            ["event_participants.id"],
            name=op.f("fk_meeting_requests_requested_id_event_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requester_id"],
            ["event_participants.id"],
            name=op.f("fk_meeting_requests_requester_id_event_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_requests")),
    )
    op.create_index(op.f("ix_meeting_requests_event_id"), "meeting_requests", ["event_id"], unique=False)
    op.create_table(
        "meetings",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("table_number", sa.Integer(), nullable=False),
        sa.Column("interpreter_id", sa.Integer(), nullable=True),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_meetings_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["interpreter_id"],
            ["event_interpreters.id"],
            name=op.f("fk_meetings_interpreter_id_event_interpreters"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["meeting_requests.id"],
            name=op.f("fk_meetings_request_id_meeting_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_meetings")),
    )
    op.create_index(op.f("ix_meetings_event_id"), "meetings", ["event_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_meetings_event_id"), table_name="meetings")
    op.drop_table("meetings")
    op.drop_index(op.f("ix_meeting_requests_event_id"), table_name="meeting_requests")
    op.drop_table("meeting_requests")
    op.drop_index(op.f("ix_schedule_runs_event_id"), table_name="schedule_runs")
    op.drop_table("schedule_runs")
    op.drop_table("event_types")
    op.drop_table("event_tables")
    op.drop_table("event_sessions")
    op.drop_index(op.f("ix_event_participants_event_id"), table_name="event_participants")
    op.drop_table("event_participants")
    op.drop_index(op.f("ix_event_interpreters_event_id"), table_name="event_interpreters")
    op.drop_table("event_interpreters")
    op.drop_table("events")
