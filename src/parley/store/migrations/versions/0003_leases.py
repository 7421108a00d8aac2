"""job leases

Revision ID: 0003_leases
Revises: 0002_violations
Create Date: 2026-11-28 18:05:08.754948
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import parley.store.types

revision = "0003_leases"
down_revision = "0002_violations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_leases",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=128), nullable=False),
        sa.Column("expires_at", parley.store.types.EpochMillis(), nullable=False),
        sa.Column("last_run_at", parley.store.types.EpochMillis(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_leases")),
    )


def downgrade() -> None:
    op.drop_table("job_leases")
