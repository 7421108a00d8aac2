"""violations

Revision ID: 0002_violations
Revises: 0001_core
Create Date: 2026-11-28 17:41:08.194286
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import parley.store.types

revision = "0002_violations"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "violations",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("rule_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("decision_id", sa.BigInteger(), nullable=False),
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("voided_at", parley.store.types.EpochMillis(), nullable=True),
        sa.Column("void_reason", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_violations")),
    )
    with op.batch_alter_table("violations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_violations_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            "ix_violations_user_id_category", ["user_id", "category"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("violations", schema=None) as batch_op:
        batch_op.drop_index("ix_violations_user_id_category")
        batch_op.drop_index(batch_op.f("ix_violations_decision_id"))

    op.drop_table("violations")
