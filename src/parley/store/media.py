"""Stored files (photos, their thumbnails, documents): what they are and where their bytes are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis

media_files = sa.Table(
    "media_files",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    # file_id: the opaque, unguessable handle clients and bots pass around; holding it is the
    # permission to reuse or download the file, as in Telegram.
    sa.Column("file_id", sa.String(64), nullable=False, unique=True),
    sa.Column("unique_id", sa.String(32), nullable=False, index=True),  # same bytes, same id
    sa.Column("kind", sa.String(16), nullable=False),  # photo | document
    sa.Column("mime_type", sa.String(128), nullable=False),
    sa.Column("file_name", sa.String(255)),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("width", sa.Integer),
    sa.Column("height", sa.Integer),
    sa.Column("storage_key", sa.String(64), nullable=False, unique=True),
    # The sizes of one photo share a group key (the full size's file_id).
    sa.Column("group_key", sa.String(64), nullable=False, index=True),
    sa.Column("uploader_id", sa.BigInteger, nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False),
)


@dataclass(frozen=True, slots=True)
class StoredFile:
    file_id: str
    unique_id: str
    kind: str
    mime_type: str
    file_name: str | None
    size: int
    width: int | None
    height: int | None
    storage_key: str
    group_key: str
    uploader_id: int
    created_at: datetime


def _to_file(row: Row[Any]) -> StoredFile:
    return StoredFile(
        file_id=row.file_id, unique_id=row.unique_id, kind=row.kind, mime_type=row.mime_type,
        file_name=row.file_name, size=row.size, width=row.width, height=row.height,
        storage_key=row.storage_key, group_key=row.group_key, uploader_id=row.uploader_id,
        created_at=row.created_at,
    )  # fmt: skip


class MediaRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, f: StoredFile) -> None:
        self.conn.execute(
            media_files.insert().values(
                file_id=f.file_id, unique_id=f.unique_id, kind=f.kind, mime_type=f.mime_type,
                file_name=f.file_name, size=f.size, width=f.width, height=f.height,
                storage_key=f.storage_key, group_key=f.group_key, uploader_id=f.uploader_id,
                created_at=f.created_at,
            )
        )  # fmt: skip

    def by_file_id(self, file_id: str) -> StoredFile | None:
        row = self.conn.execute(
            sa.select(media_files).where(media_files.c.file_id == file_id)
        ).first()
        return None if row is None else _to_file(row)

    def by_storage_key(self, key: str) -> StoredFile | None:
        row = self.conn.execute(
            sa.select(media_files).where(media_files.c.storage_key == key)
        ).first()
        return None if row is None else _to_file(row)

    def group(self, group_key: str) -> list[StoredFile]:
        rows = self.conn.execute(
            sa.select(media_files)
            .where(media_files.c.group_key == group_key)
            .order_by(media_files.c.size)
        ).all()
        return [_to_file(r) for r in rows]
