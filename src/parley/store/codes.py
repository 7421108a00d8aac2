"""One-time sign-in codes, and the development outbox that stands in for an SMS gateway."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis

login_codes = sa.Table(
    "login_codes",
    metadata,
    sa.Column("phone_hash", sa.LargeBinary(32), primary_key=True),
    sa.Column("code_hash", sa.LargeBinary(32), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("sent_at", EpochMillis, nullable=False),
    sa.Column("expires_at", EpochMillis, nullable=False),
)

code_outbox = sa.Table(
    "code_outbox",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("phone_enc", sa.LargeBinary, nullable=False),
    sa.Column("code", sa.String(16), nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False, index=True),
)


@dataclass(frozen=True, slots=True)
class PendingCode:
    code_hash: bytes
    attempts: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    phone_enc: bytes
    code: str
    created_at: datetime


class CodesRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put(
        self, *, phone_hash: bytes, code_hash: bytes, sent_at: datetime, expires_at: datetime
    ) -> None:
        self.conn.execute(login_codes.delete().where(login_codes.c.phone_hash == phone_hash))
        self.conn.execute(
            login_codes.insert().values(
                phone_hash=phone_hash, code_hash=code_hash, attempts=0, sent_at=sent_at,
                expires_at=expires_at,
            )
        )  # fmt: skip

    def get(self, phone_hash: bytes) -> PendingCode | None:
        row = self.conn.execute(
            sa.select(login_codes).where(login_codes.c.phone_hash == phone_hash)
        ).first()
        if row is None:
            return None
        return PendingCode(
            code_hash=bytes(row.code_hash), attempts=row.attempts, expires_at=row.expires_at
        )

    def count_attempt(self, phone_hash: bytes) -> None:
        self.conn.execute(
            login_codes.update()
            .where(login_codes.c.phone_hash == phone_hash)
            .values(attempts=login_codes.c.attempts + 1)
        )

    def delete(self, phone_hash: bytes) -> None:
        self.conn.execute(login_codes.delete().where(login_codes.c.phone_hash == phone_hash))

    def purge_expired(self, now: datetime) -> int:
        return int(
            self.conn.execute(login_codes.delete().where(login_codes.c.expires_at < now)).rowcount
        )

    def add_outbox(self, *, phone_enc: bytes, code: str, at: datetime) -> None:
        self.conn.execute(
            code_outbox.insert().values(phone_enc=phone_enc, code=code, created_at=at)
        )

    def outbox(self, limit: int = 50) -> list[OutboxEntry]:
        rows = self.conn.execute(
            sa.select(code_outbox).order_by(code_outbox.c.id.desc()).limit(limit)
        ).all()
        return [
            OutboxEntry(id=r.id, phone_enc=bytes(r.phone_enc), code=r.code, created_at=r.created_at)
            for r in rows
        ]
