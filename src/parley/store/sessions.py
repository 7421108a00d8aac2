"""Sign-in sessions and the client IP addresses seen on each (encrypted, purged on schedule)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.users import Session
from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("token_hash", sa.LargeBinary(32), nullable=False, unique=True),
    sa.Column("user_agent", sa.String(256), nullable=False, server_default=""),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("last_active_at", EpochMillis, nullable=False),
    sa.Column("revoked_at", EpochMillis),
)

session_ips = sa.Table(
    "session_ips",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.BigInteger, nullable=False),
    sa.Column("user_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("ip_hash", sa.LargeBinary(32), nullable=False),
    sa.Column("ip_enc", sa.LargeBinary, nullable=False),
    sa.Column("first_seen", EpochMillis, nullable=False),
    sa.Column("last_seen", EpochMillis, nullable=False, index=True),
    sa.UniqueConstraint("session_id", "ip_hash"),
)


@dataclass(frozen=True, slots=True)
class SessionAuth:
    """What a bearer token resolves to."""

    session_id: int
    user_id: int
    revoked: bool


@dataclass(frozen=True, slots=True)
class IpRecord:
    user_id: int
    session_id: int
    ip_enc: bytes
    first_seen: datetime
    last_seen: datetime


def _to_session(row: Row[Any]) -> Session:
    return Session(
        id=row.id,
        user_id=row.user_id,
        created_at=row.created_at,
        last_active_at=row.last_active_at,
        user_agent=row.user_agent,
        revoked_at=row.revoked_at,
    )


class SessionsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, *, user_id: int, token_hash: bytes, user_agent: str, at: datetime) -> int:
        result = self.conn.execute(
            sessions.insert().values(
                user_id=user_id,
                token_hash=token_hash,
                user_agent=user_agent[:256],
                created_at=at,
                last_active_at=at,
            )
        )
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def by_token_hash(self, token_hash: bytes) -> SessionAuth | None:
        row = self.conn.execute(
            sa.select(sessions.c.id, sessions.c.user_id, sessions.c.revoked_at).where(
                sessions.c.token_hash == token_hash
            )
        ).first()
        if row is None:
            return None
        return SessionAuth(
            session_id=row.id, user_id=row.user_id, revoked=row.revoked_at is not None
        )

    def get(self, session_id: int) -> Session | None:
        row = self.conn.execute(sa.select(sessions).where(sessions.c.id == session_id)).first()
        return None if row is None else _to_session(row)

    def active_for_user(self, user_id: int) -> list[Session]:
        rows = self.conn.execute(
            sa.select(sessions)
            .where(sessions.c.user_id == user_id, sessions.c.revoked_at.is_(None))
            .order_by(sessions.c.last_active_at.desc())
        ).all()
        return [_to_session(r) for r in rows]

    def revoke(self, session_id: int, at: datetime) -> bool:
        result = self.conn.execute(
            sessions.update()
            .where(sessions.c.id == session_id, sessions.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return result.rowcount > 0

    def revoke_all(self, user_id: int, at: datetime) -> list[int]:
        ids = (
            self.conn.execute(
                sa.select(sessions.c.id).where(
                    sessions.c.user_id == user_id, sessions.c.revoked_at.is_(None)
                )
            )
            .scalars()
            .all()
        )
        if ids:
            self.conn.execute(sessions.update().where(sessions.c.id.in_(ids)).values(revoked_at=at))
        return [int(i) for i in ids]

    def touch(self, session_id: int, at: datetime) -> None:
        self.conn.execute(
            sessions.update().where(sessions.c.id == session_id).values(last_active_at=at)
        )

    def record_ip(
        self, *, session_id: int, user_id: int, ip_hash: bytes, ip_enc: bytes, at: datetime
    ) -> None:
        """Insert the (session, ip) pair, or move its last_seen forward."""
        updated = self.conn.execute(
            session_ips.update()
            .where(session_ips.c.session_id == session_id, session_ips.c.ip_hash == ip_hash)
            .values(last_seen=at)
        )
        if updated.rowcount == 0:
            self.conn.execute(
                session_ips.insert().values(
                    session_id=session_id, user_id=user_id, ip_hash=ip_hash, ip_enc=ip_enc,
                    first_seen=at, last_seen=at,
                )
            )  # fmt: skip

    def ips_for_user(
        self, user_id: int, *, since: datetime | None = None, until: datetime | None = None
    ) -> list[IpRecord]:
        query = sa.select(session_ips).where(session_ips.c.user_id == user_id)
        if since is not None:
            query = query.where(session_ips.c.last_seen >= since)
        if until is not None:
            query = query.where(session_ips.c.first_seen <= until)
        rows = self.conn.execute(query.order_by(session_ips.c.first_seen)).all()
        return [
            IpRecord(user_id=r.user_id, session_id=r.session_id, ip_enc=bytes(r.ip_enc),
                     first_seen=r.first_seen, last_seen=r.last_seen)
            for r in rows
        ]  # fmt: skip

    def purge_ips_before(self, cutoff: datetime) -> int:
        result = self.conn.execute(session_ips.delete().where(session_ips.c.last_seen < cutoff))
        return int(result.rowcount)
