"""Leases: which process runs a background job right now. A holder renews before expiry; when
it dies, the lease runs out and another process takes over. No job runs twice at once."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.domain.clock import EPOCH
from parley.store.schema import metadata
from parley.store.types import EpochMillis

job_leases = sa.Table(
    "job_leases",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("holder", sa.String(128), nullable=False),
    sa.Column("expires_at", EpochMillis, nullable=False),
    sa.Column("last_run_at", EpochMillis),
)


class LeasesRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def acquire(self, name: str, *, holder: str, now: datetime, until: datetime) -> bool:
        """Take or renew the lease; False when another live holder has it."""
        taken = self.conn.execute(
            job_leases.update()
            .where(
                job_leases.c.name == name,
                sa.or_(job_leases.c.holder == holder, job_leases.c.expires_at < now),
            )
            .values(holder=holder, expires_at=until)
        )
        if taken.rowcount:
            return True
        exists = self.conn.execute(
            sa.select(job_leases.c.name).where(job_leases.c.name == name)
        ).first()
        if exists is not None:
            return False
        self.conn.execute(job_leases.insert().values(name=name, holder=holder, expires_at=until))
        return True

    def release(self, name: str, *, holder: str) -> None:
        """Let the lease lapse now (the row stays: it remembers the last run)."""
        self.conn.execute(
            job_leases.update()
            .where(job_leases.c.name == name, job_leases.c.holder == holder)
            .values(expires_at=EPOCH)
        )

    def mark_run(self, name: str, *, at: datetime) -> None:
        self.conn.execute(
            job_leases.update().where(job_leases.c.name == name).values(last_run_at=at)
        )

    def last_run(self, name: str) -> datetime | None:
        value = self.conn.execute(
            sa.select(job_leases.c.last_run_at).where(job_leases.c.name == name)
        ).scalar()
        return value if isinstance(value, datetime) else None
