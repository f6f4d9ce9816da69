"""event day: check-in and no-show times, published agenda entries and publications

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 06:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_participants") as batch:
        batch.add_column(sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("no_show_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "agenda_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("meeting_key", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("table_number", sa.Integer(), nullable=False),
        sa.Column("partner_ids", sa.JSON(), nullable=False),
        sa.Column("interpreter_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_agenda_entries_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["event_participants.id"],
            name=op.f("fk_agenda_entries_participant_id_event_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_entries")),
        sa.UniqueConstraint("participant_id", "meeting_key", name="uq_agenda_entries_participant_meeting"),
    )
    op.create_index(op.f("ix_agenda_entries_event_id"), "agenda_entries", ["event_id"], unique=False)
    op.create_table(
        "agenda_publications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_agenda_publications_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_publications")),
        sa.UniqueConstraint("event_id", "version", name="uq_agenda_publications_event_version"),
    )
    op.create_index(op.f("ix_agenda_publications_event_id"), "agenda_publications", ["event_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_agenda_publications_event_id"), table_name="agenda_publications")
    op.drop_table("agenda_publications")
    op.drop_index(op.f("ix_agenda_entries_event_id"), table_name="agenda_entries")
    op.drop_table("agenda_entries")
    with op.batch_alter_table("event_participants") as batch:
        batch.drop_column("no_show_at")
        batch.drop_column("checked_in_at")
