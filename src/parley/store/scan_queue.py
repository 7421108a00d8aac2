"""Work for the content scanner that the chat event sequence does not carry: profile edits
(a user's names and bio can reach search). Written in the same transaction as the edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis

scan_queue = sa.Table(
    "scan_queue",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("subject_kind", sa.String(8), nullable=False),
    sa.Column("subject_key", sa.String(48), nullable=False),
    sa.Column("queued_at", EpochMillis, nullable=False),
)


@dataclass(frozen=True, slots=True)
class QueuedScan:
    id: int
    subject_kind: str
    subject_key: str


class ScanQueueRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put(self, *, subject_kind: str, subject_key: str, at: datetime) -> None:
        self.conn.execute(
            scan_queue.insert().values(
                subject_kind=subject_kind, subject_key=subject_key, queued_at=at
            )
        )

    def take(self, *, limit: int) -> list[QueuedScan]:
        rows = self.conn.execute(sa.select(scan_queue).order_by(scan_queue.c.id).limit(limit)).all()
        if rows:
            self.conn.execute(scan_queue.delete().where(scan_queue.c.id <= rows[-1].id))
        return [QueuedScan(id=r.id, subject_kind=r.subject_kind, subject_key=r.subject_key)
                for r in rows]  # fmt: skip
