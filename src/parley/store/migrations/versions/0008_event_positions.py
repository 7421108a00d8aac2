"""event positions: transaction ids for commit-safe tailing on PostgreSQL

Revision ID: 0008_event_positions
Revises: 0007_media_hashes
Create Date: 2026-11-28 19:33:00.110343
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_event_positions"
down_revision = "0007_media_hashes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bot_dispatch", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_xid", sa.BigInteger(), server_default="0", nullable=False)
        )

    with op.batch_alter_table("chat_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("xid", sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":  # SQLite tails by id alone
        op.create_index("ix_chat_events_xid_id", "chat_events", ["xid", "id"], unique=False)

    with op.batch_alter_table("consumer_cursors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_xid", sa.BigInteger(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("consumer_cursors", schema=None) as batch_op:
        batch_op.drop_column("last_xid")

    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_chat_events_xid_id", table_name="chat_events")
    with op.batch_alter_table("chat_events", schema=None) as batch_op:
        batch_op.drop_column("xid")

    with op.batch_alter_table("bot_dispatch", schema=None) as batch_op:
        batch_op.drop_column("last_xid")
