"""The append-only, hash-chained audit log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis, Json

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("at", EpochMillis, nullable=False),
    sa.Column("actor_kind", sa.String(16), nullable=False),
    sa.Column("actor_id", sa.String(64)),
    sa.Column("action", sa.String(64), nullable=False, index=True),
    sa.Column("subject_kind", sa.String(32), nullable=False),
    sa.Column("subject_id", sa.String(64), nullable=False),
    sa.Column("data", Json, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Index("ix_audit_log_subject", "subject_kind", "subject_id"),
)

# A fixed key for pg_advisory_xact_lock: appends to the chain are serialized on PostgreSQL,
# so two concurrent transactions can never both link to the same previous entry.
_CHAIN_LOCK = 0x5041524C4559


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    actor_kind: str
    actor_id: str | None
    action: str
    subject_kind: str
    subject_id: str
    data: dict[str, Any]
    prev_hash: str
    hash: str


def _to_row(r: Row[Any]) -> AuditRow:
    return AuditRow(
        id=r.id, at=r.at, actor_kind=r.actor_kind, actor_id=r.actor_id, action=r.action,
        subject_kind=r.subject_kind, subject_id=r.subject_id, data=r.data, prev_hash=r.prev_hash,
        hash=r.hash,
    )  # fmt: skip


class AuditRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def lock_chain(self) -> None:
        if self.conn.dialect.name == "postgresql":
            self.conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_CHAIN_LOCK)))

    def last(self) -> tuple[int, str] | None:
        row = self.conn.execute(
            sa.select(audit_log.c.id, audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)
        ).first()
        return None if row is None else (int(row.id), str(row.hash))

    def insert(self, row: AuditRow) -> None:
        self.conn.execute(
            audit_log.insert().values(
                id=row.id, at=row.at, actor_kind=row.actor_kind, actor_id=row.actor_id,
                action=row.action, subject_kind=row.subject_kind, subject_id=row.subject_id,
                data=row.data, prev_hash=row.prev_hash, hash=row.hash,
            )
        )  # fmt: skip

    def iterate(self, *, batch: int = 1000) -> Iterator[AuditRow]:
        after = 0
        while True:
            rows = self.conn.execute(
                sa.select(audit_log).where(audit_log.c.id > after).order_by(audit_log.c.id)
                .limit(batch)
            ).all()  # fmt: skip
            if not rows:
                return
            for r in rows:
                yield _to_row(r)
            after = rows[-1].id

    def for_subject(self, subject_kind: str, subject_id: str, limit: int = 200) -> list[AuditRow]:
        rows = self.conn.execute(
            sa.select(audit_log)
            .where(audit_log.c.subject_kind == subject_kind, audit_log.c.subject_id == subject_id)
            .order_by(audit_log.c.id)
            .limit(limit)
        ).all()
        return [_to_row(r) for r in rows]

    def recent(self, *, limit: int = 100, action_prefix: str | None = None) -> list[AuditRow]:
        query = sa.select(audit_log)
        if action_prefix:
            query = query.where(audit_log.c.action.startswith(action_prefix))
        rows = self.conn.execute(query.order_by(audit_log.c.id.desc()).limit(limit)).all()
        return [_to_row(r) for r in rows]
