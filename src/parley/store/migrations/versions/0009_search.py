"""search: index outbox and query counts

Revision ID: 0009_search
Revises: 0008_event_positions
Create Date: 2026-11-28 18:05:36.926345
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_search"
down_revision = "0008_event_positions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_outbox",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("ref_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_outbox")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "search_query_counts",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("query", sa.String(length=256), nullable=False),
        sa.Column("count", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("day", "query", name=op.f("pk_search_query_counts")),
    )


def downgrade() -> None:
    op.drop_table("search_query_counts")
    op.drop_table("search_outbox")
