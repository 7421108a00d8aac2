"""media hashes for hash-bank matching

Revision ID: 0007_media_hashes
Revises: 0006_legal
Create Date: 2026-11-28 19:25:01.379139
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import parley.store.types

revision = "0007_media_hashes"
down_revision = "0006_legal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_hashes",
        sa.Column("media_key", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pdq", sa.String(length=64), nullable=True),
        sa.Column("pdq_quality", sa.Integer(), nullable=True),
        sa.Column("computed_at", parley.store.types.EpochMillis(), nullable=False),
        sa.PrimaryKeyConstraint("media_key", name=op.f("pk_media_hashes")),
    )
    with op.batch_alter_table("media_hashes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_hashes_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("media_hashes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_hashes_sha256"))

    op.drop_table("media_hashes")
