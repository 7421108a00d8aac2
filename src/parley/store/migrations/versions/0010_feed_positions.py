"""commit-safe search outbox; consumer cursor timestamps

Revision ID: 0010_feed_positions
Revises: 0009_search
Create Date: 2026-11-28 19:40:42.739144
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import parley.store.types

revision = "0010_feed_positions"
down_revision = "0009_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consumer_cursors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("updated_at", parley.store.types.EpochMillis(), nullable=True)
        )

    with op.batch_alter_table("search_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("xid", sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":  # SQLite tails by id alone
        op.create_index("ix_search_outbox_xid_id", "search_outbox", ["xid", "id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_search_outbox_xid_id", table_name="search_outbox")
    with op.batch_alter_table("search_outbox", schema=None) as batch_op:
        batch_op.drop_column("xid")

    with op.batch_alter_table("consumer_cursors", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
