"""Durable positions of consumers that tail the chat event sequence (scanners, indexers)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.domain.events import EventPosition
from parley.store.schema import metadata
from parley.store.types import EpochMillis

consumer_cursors = sa.Table(
    "consumer_cursors",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("last_event_id", sa.BigInteger, nullable=False),
    sa.Column("last_xid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("updated_at", EpochMillis),
)


class CursorsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, name: str) -> EventPosition | None:
        row = self.conn.execute(
            sa.select(consumer_cursors.c.last_xid, consumer_cursors.c.last_event_id).where(
                consumer_cursors.c.name == name
            )
        ).first()
        return None if row is None else EventPosition(int(row.last_xid), int(row.last_event_id))

    def set(self, name: str, position: EventPosition, *, at: datetime | None = None) -> None:
        values: dict[str, object] = {"last_event_id": position.id, "last_xid": position.xid}
        if at is not None:
            values["updated_at"] = at
        updated = self.conn.execute(
            consumer_cursors.update().where(consumer_cursors.c.name == name).values(**values)
        )
        if not updated.rowcount:
            self.conn.execute(consumer_cursors.insert().values(name=name, **values))

    def with_prefix(self, prefix: str, *, since: datetime) -> list[EventPosition]:
        """Positions of the consumers named `prefix…` that moved since `since`."""
        rows = self.conn.execute(
            sa.select(consumer_cursors.c.last_xid, consumer_cursors.c.last_event_id).where(
                consumer_cursors.c.name.startswith(prefix), consumer_cursors.c.updated_at >= since
            )
        ).all()
        return [EventPosition(int(r.last_xid), int(r.last_event_id)) for r in rows]
