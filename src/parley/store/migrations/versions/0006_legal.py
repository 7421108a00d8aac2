"""legal requests: authorities, requests, targets, packages, notices

Revision ID: 0006_legal
Revises: 0005_bots
Create Date: 2026-11-28 18:37:23.283193
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import parley.store.types

revision = "0006_legal"
down_revision = "0005_bots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "legal_authorities",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("contact", sa.String(length=500), nullable=False),
        sa.Column("api_key_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_authorities")),
        sa.UniqueConstraint("api_key_hash", name=op.f("uq_legal_authorities_api_key_hash")),
    )
    op.create_table(
        "legal_authority_keys",
        sa.Column("authority_id", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("valid_from", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("valid_until", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("added_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("revoked_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("revoke_reason", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("authority_id", "key_id", name=op.f("pk_legal_authority_keys")),
    )
    op.create_table(
        "legal_notices",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("request_pk", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("due_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("sent_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_notices")),
        sa.UniqueConstraint(
            "request_pk", "user_id", name=op.f("uq_legal_notices_request_pk_user_id")
        ),
    )
    with op.batch_alter_table("legal_notices", schema=None) as batch_op:
        batch_op.create_index(
            "ix_legal_notices_sent_at_due_at", ["sent_at", "due_at"], unique=False
        )

    op.create_table(
        "legal_packages",
        sa.Column("request_pk", sa.BigInteger(), nullable=False),
        sa.Column("package_enc", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("retrievals", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_retrieved_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("request_pk", name=op.f("pk_legal_packages")),
    )
    op.create_table(
        "legal_requests",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("authority_id", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("request_id", sa.String(length=128), nullable=True),
        sa.Column("replay_key", sa.String(length=128), nullable=True),
        sa.Column("key_id", sa.String(length=64), nullable=True),
        sa.Column("basis_type", sa.String(length=16), nullable=True),
        sa.Column("basis_reference", sa.String(length=256), nullable=True),
        sa.Column("basis_issued_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("basis_issued_by", sa.String(length=256), nullable=True),
        sa.Column("offence_category", sa.String(length=32), nullable=True),
        sa.Column("emergency", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column(
            "data_requested",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("period_from", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("period_to", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("nondisclosure_until", parley.store.types.EpochMillis(), nullable=True),
        sa.Column(
            "envelope",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("envelope_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_ip_enc", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "checks",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("refusal_reason", sa.String(length=64), nullable=True),
        sa.Column("received_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("due_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column(
            "approval",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("approved_by", sa.BigInteger(), nullable=True),
        sa.Column("approved_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("confirmed_by", sa.BigInteger(), nullable=True),
        sa.Column("confirmed_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("decided_by", sa.BigInteger(), nullable=True),
        sa.Column("decided_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("decision_reason", sa.String(length=500), nullable=True),
        sa.Column("released_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("outcome", sa.String(length=8), nullable=True),
        sa.Column("rereview_due_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("rereviewed_by", sa.BigInteger(), nullable=True),
        sa.Column("rereviewed_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("rereview", sa.String(length=16), nullable=True),
        sa.Column("rereview_note", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_requests")),
        sa.UniqueConstraint(
            "authority_id", "replay_key", name=op.f("uq_legal_requests_authority_id_replay_key")
        ),
    )
    with op.batch_alter_table("legal_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_legal_requests_authority_id_id", ["authority_id", "id"], unique=False
        )
        batch_op.create_index("ix_legal_requests_received_at", ["received_at"], unique=False)
        batch_op.create_index("ix_legal_requests_status_due_at", ["status", "due_at"], unique=False)

    op.create_table(
        "legal_targets",
        sa.Column("request_pk", sa.BigInteger(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column(
            "spec",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column(
            "violation_ids",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "released_items",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("ip_records", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("request_pk", "idx", name=op.f("pk_legal_targets")),
    )
    with op.batch_alter_table("legal_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legal_targets_user_id"), ["user_id"], unique=False)

    op.create_table(
        "legal_unattributed",
        sa.Column("half_year", sa.String(length=7), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("half_year", name=op.f("pk_legal_unattributed")),
    )


def downgrade() -> None:
    op.drop_table("legal_unattributed")
    with op.batch_alter_table("legal_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_targets_user_id"))

    op.drop_table("legal_targets")
    with op.batch_alter_table("legal_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_legal_requests_status_due_at")
        batch_op.drop_index("ix_legal_requests_received_at")
        batch_op.drop_index("ix_legal_requests_authority_id_id")

    op.drop_table("legal_requests")
    op.drop_table("legal_packages")
    with op.batch_alter_table("legal_notices", schema=None) as batch_op:
        batch_op.drop_index("ix_legal_notices_sent_at_due_at")

    op.drop_table("legal_notices")
    op.drop_table("legal_authority_keys")
    op.drop_table("legal_authorities")
