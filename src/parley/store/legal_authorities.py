"""Registered authorities, their API key hashes and their Ed25519 signing keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.legal import Authority, AuthorityKey, AuthorityKind
from parley.store.schema import metadata
from parley.store.types import EpochMillis

legal_authorities = sa.Table(
    "legal_authorities",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("contact", sa.String(500), nullable=False),
    sa.Column("api_key_hash", sa.LargeBinary(32), nullable=False, unique=True),
    sa.Column("created_at", EpochMillis, nullable=False),
)

legal_authority_keys = sa.Table(
    "legal_authority_keys",
    metadata,
    sa.Column("authority_id", sa.String(64), primary_key=True),
    sa.Column("key_id", sa.String(64), primary_key=True),
    sa.Column("public_key", sa.LargeBinary(32), nullable=False),
    sa.Column("valid_from", EpochMillis, nullable=False),
    sa.Column("valid_until", EpochMillis),
    sa.Column("added_at", EpochMillis, nullable=False),
    sa.Column("revoked_at", EpochMillis),
    sa.Column("revoke_reason", sa.String(255)),
)


def _to_key(r: Row[Any]) -> AuthorityKey:
    return AuthorityKey(
        authority_id=r.authority_id,
        key_id=r.key_id,
        public_key=bytes(r.public_key),
        valid_from=r.valid_from,
        valid_until=r.valid_until,
        added_at=r.added_at,
        revoked_at=r.revoked_at,
        revoke_reason=r.revoke_reason,
    )


class AuthoritiesRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(
        self,
        *,
        authority_id: str,
        name: str,
        country: str,
        kind: AuthorityKind,
        contact: str,
        api_key_hash: bytes,
        at: datetime,
    ) -> None:
        self.conn.execute(
            legal_authorities.insert().values(
                id=authority_id,
                name=name,
                country=country,
                kind=kind.value,
                contact=contact,
                api_key_hash=api_key_hash,
                created_at=at,
            )
        )

    def add_key(self, key: AuthorityKey) -> None:
        self.conn.execute(
            legal_authority_keys.insert().values(
                authority_id=key.authority_id,
                key_id=key.key_id,
                public_key=key.public_key,
                valid_from=key.valid_from,
                valid_until=key.valid_until,
                added_at=key.added_at,
            )
        )

    def revoke_key(self, authority_id: str, key_id: str, *, at: datetime, reason: str) -> bool:
        result = self.conn.execute(
            legal_authority_keys.update()
            .where(
                legal_authority_keys.c.authority_id == authority_id,
                legal_authority_keys.c.key_id == key_id,
                legal_authority_keys.c.revoked_at.is_(None),
            )
            .values(revoked_at=at, revoke_reason=reason[:255])
        )
        return result.rowcount > 0

    def set_api_key_hash(self, authority_id: str, api_key_hash: bytes) -> None:
        self.conn.execute(
            legal_authorities.update()
            .where(legal_authorities.c.id == authority_id)
            .values(api_key_hash=api_key_hash)
        )

    def _keys(self, ids: list[str]) -> dict[str, list[AuthorityKey]]:
        rows = self.conn.execute(
            sa.select(legal_authority_keys)
            .where(legal_authority_keys.c.authority_id.in_(ids))
            .order_by(legal_authority_keys.c.added_at, legal_authority_keys.c.key_id)
        ).all()
        out: dict[str, list[AuthorityKey]] = {}
        for r in rows:
            out.setdefault(r.authority_id, []).append(_to_key(r))
        return out

    def _load(self, rows: list[Row[Any]]) -> list[Authority]:
        keys = self._keys([r.id for r in rows]) if rows else {}
        return [
            Authority(
                id=r.id,
                name=r.name,
                country=r.country,
                kind=AuthorityKind(r.kind),
                contact=r.contact,
                created_at=r.created_at,
                keys=tuple(keys.get(r.id, ())),
            )
            for r in rows
        ]

    def get(self, authority_id: str) -> Authority | None:
        row = self.conn.execute(
            sa.select(legal_authorities).where(legal_authorities.c.id == authority_id)
        ).first()
        return None if row is None else self._load([row])[0]

    def id_by_api_key_hash(self, api_key_hash: bytes) -> str | None:
        value = self.conn.execute(
            sa.select(legal_authorities.c.id).where(
                legal_authorities.c.api_key_hash == api_key_hash
            )
        ).scalar()
        return None if value is None else str(value)

    def all(self) -> list[Authority]:
        rows = self.conn.execute(sa.select(legal_authorities).order_by(legal_authorities.c.id))
        return self._load(list(rows.all()))
