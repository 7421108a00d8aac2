"""Durable positions of consumers that tail the chat event sequence (scanners, indexers)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.store.schema import metadata

consumer_cursors = sa.Table(
    "consumer_cursors",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("last_event_id", sa.BigInteger, nullable=False),
)


class CursorsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, name: str) -> int | None:
        value = self.conn.execute(
            sa.select(consumer_cursors.c.last_event_id).where(consumer_cursors.c.name == name)
        ).scalar()
        return None if value is None else int(value)

    def set(self, name: str, last_event_id: int) -> None:
        updated = self.conn.execute(
            consumer_cursors.update().where(consumer_cursors.c.name == name)
            .values(last_event_id=last_event_id)
        )  # fmt: skip
        if not updated.rowcount:
            self.conn.execute(
                consumer_cursors.insert().values(name=name, last_event_id=last_event_id)
            )
