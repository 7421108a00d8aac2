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


media_hashes = sa.Table(
    "media_hashes",
    metadata,
    # The group key of an uploaded file (all sizes of one photo share it; see store/media.py).
    sa.Column("media_key", sa.String(64), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),  # of the bytes uploaded
    sa.Column("pdq", sa.String(64)),  # photos only
    sa.Column("pdq_quality", sa.Integer),
    sa.Column("computed_at", EpochMillis, nullable=False),
)


@dataclass(frozen=True, slots=True)
class MediaHashes:
    media_key: str
    sha256: str
    pdq: str | None
    pdq_quality: int | None


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

    def put_media(self, hashes: MediaHashes, *, at: datetime) -> None:
        self.conn.execute(media_hashes.delete().where(media_hashes.c.media_key == hashes.media_key))
        self.conn.execute(media_hashes.insert().values(
            media_key=hashes.media_key, sha256=hashes.sha256, pdq=hashes.pdq,
            pdq_quality=hashes.pdq_quality, computed_at=at))  # fmt: skip

    def media(self, keys: list[str]) -> dict[str, MediaHashes]:
        if not keys:
            return {}
        rows = self.conn.execute(
            sa.select(media_hashes).where(media_hashes.c.media_key.in_(keys))
        ).all()
        return {r.media_key: MediaHashes(media_key=r.media_key, sha256=r.sha256, pdq=r.pdq,
                                         pdq_quality=r.pdq_quality) for r in rows}  # fmt: skip
