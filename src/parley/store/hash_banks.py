"""Hash banks: known-bad media hashes imported from CSV (as in Meta's Hasher-Matcher-Actioner)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.store.schema import metadata
from parley.store.types import EpochMillis

hash_entries = sa.Table(
    "hash_entries",
    metadata,
    sa.Column("bank", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(8), primary_key=True),
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("source", sa.String(255), nullable=False, server_default=""),
    sa.Column("added_at", EpochMillis, nullable=False),
)


@dataclass(frozen=True, slots=True)
class StoredHash:
    bank: str
    kind: str  # pdq | sha256
    hash: str  # 64 lowercase hex characters
    category: str
    source: str


class HashBanksRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, entries: list[StoredHash], *, at: datetime) -> int:
        """Insert entries not already in their bank; return how many were new."""
        if not entries:
            return 0
        existing = {
            (r.bank, r.kind, r.hash)
            for r in self.conn.execute(
                sa.select(hash_entries.c.bank, hash_entries.c.kind, hash_entries.c.hash).where(
                    hash_entries.c.bank.in_({e.bank for e in entries})
                )
            ).all()
        }
        unique = {(e.bank, e.kind, e.hash.lower()): e for e in entries}
        new = [e for key, e in unique.items() if key not in existing]
        rows = [
            {"bank": e.bank, "kind": e.kind, "hash": e.hash.lower(), "category": e.category,
             "source": e.source, "added_at": at}
            for e in new
        ]  # fmt: skip
        if rows:
            self.conn.execute(hash_entries.insert(), rows)
        return len(rows)

    def all(self) -> list[StoredHash]:
        rows = self.conn.execute(sa.select(hash_entries)).all()
        return [StoredHash(bank=r.bank, kind=r.kind, hash=r.hash, category=r.category,
                           source=r.source) for r in rows]  # fmt: skip

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute(
            sa.select(hash_entries.c.bank, sa.func.count()).group_by(hash_entries.c.bank)
        ).all()
        return {r[0]: int(r[1]) for r in rows}
