"""moderation: cases, reports, decisions, appeals, hash banks, scan queue, cursors

Revision ID: 0004_moderation
Revises: 0003_leases
Create Date: 2026-11-28 18:20:00.842035
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import parley.store.types

revision = "0004_moderation"
down_revision = "0003_leases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appeals",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("decision_id", sa.BigInteger(), nullable=False),
        sa.Column("appellant_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("decider_id", sa.BigInteger(), nullable=True),
        sa.Column("outcome_reasons", sa.String(length=2000), nullable=True),
        sa.Column("decided_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
        sa.UniqueConstraint("decision_id", name=op.f("uq_appeals_decision_id")),
    )
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.create_index("ix_appeals_state_created_at", ["state", "created_at"], unique=False)

    op.create_table(
        "case_events",
        sa.Column("case_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("actor_kind", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("case_id", "seq", name=op.f("pk_case_events")),
    )
    op.create_table(
        "cases",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("subject_kind", sa.String(length=8), nullable=False),
        sa.Column("subject_key", sa.String(length=48), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("author_id", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("rule_id", sa.String(length=64), nullable=True),
        sa.Column("priority", sa.Float(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reach", sa.Integer(), server_default="0", nullable=False),
        sa.Column("report_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "snapshot",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "scores",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("assignee_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("updated_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("resolved_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("first_action_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("event_seq", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_author_id"), ["author_id"], unique=False)
        batch_op.create_index("ix_cases_state_priority", ["state", "priority"], unique=False)
        batch_op.create_index(
            "ix_cases_subject", ["subject_kind", "subject_key", "state"], unique=False
        )

    op.create_table(
        "consumer_cursors",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("last_event_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_consumer_cursors")),
    )
    op.create_table(
        "decisions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("case_id", sa.BigInteger(), nullable=True),
        sa.Column("subject_kind", sa.String(length=8), nullable=False),
        sa.Column("subject_key", sa.String(length=48), nullable=False),
        sa.Column("affected_user_id", sa.BigInteger(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("rule_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("automated", sa.Boolean(), nullable=False),
        sa.Column("moderator_id", sa.BigInteger(), nullable=True),
        sa.Column("reasons", sa.String(length=2000), server_default="", nullable=False),
        sa.Column(
            "statement",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "restore",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("reversed_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decisions_affected_user_id"), ["affected_user_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_decisions_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_decisions_created_at"), ["created_at"], unique=False)

    op.create_table(
        "hash_entries",
        sa.Column("bank", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=255), server_default="", nullable=False),
        sa.Column("added_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("bank", "kind", "hash", name=op.f("pk_hash_entries")),
    )
    op.create_table(
        "reports",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("case_id", sa.BigInteger(), nullable=False),
        sa.Column("reporter_id", sa.BigInteger(), nullable=False),
        sa.Column("subject_kind", sa.String(length=8), nullable=False),
        sa.Column("subject_key", sa.String(length=48), nullable=False),
        sa.Column("rule_id", sa.String(length=64), nullable=False),
        sa.Column("comment", sa.String(length=1000), server_default="", nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("notified_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.UniqueConstraint(
            "reporter_id",
            "subject_kind",
            "subject_key",
            "case_id",
            name=op.f("uq_reports_reporter_id_subject_kind_subject_key_case_id"),
        ),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "ix_reports_reporter_id_created_at", ["reporter_id", "created_at"], unique=False
        )

    op.create_table(
        "scan_queue",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("subject_kind", sa.String(length=8), nullable=False),
        sa.Column("subject_key", sa.String(length=48), nullable=False),
        sa.Column("queued_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_queue")),
    )


def downgrade() -> None:
    op.drop_table("scan_queue")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index("ix_reports_reporter_id_created_at")
        batch_op.drop_index(batch_op.f("ix_reports_case_id"))

    op.drop_table("reports")
    op.drop_table("hash_entries")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_created_at"))
        batch_op.drop_index(batch_op.f("ix_decisions_case_id"))
        batch_op.drop_index(batch_op.f("ix_decisions_affected_user_id"))

    op.drop_table("decisions")
    op.drop_table("consumer_cursors")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_subject")
        batch_op.drop_index("ix_cases_state_priority")
        batch_op.drop_index(batch_op.f("ix_cases_author_id"))

    op.drop_table("cases")
    op.drop_table("case_events")
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.drop_index("ix_appeals_state_created_at")

    op.drop_table("appeals")
