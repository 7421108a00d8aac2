"""Commit-safe tailing of append-only feeds (the chat event sequence, the search outbox).

A consumer remembers an EventPosition and asks for what came after it. On SQLite one writer
commits at a time, so rows become visible in id order and the id alone is the position. On
PostgreSQL concurrent transactions commit in any order: rows carry their transaction id (`xid`),
consumers read in (xid, id) order and only rows of transactions older than the oldest one still
running — so no row can ever appear behind a consumer's position."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.domain.events import EventPosition

CURRENT_XID: sa.ColumnElement[int] = sa.literal_column("pg_current_xact_id()::text::bigint")
XMIN: sa.ColumnElement[int] = sa.literal_column(
    "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
)


def on_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def stamped(conn: Connection, insert: sa.Insert) -> sa.Insert:
    """An insert that records the writing transaction's id on PostgreSQL."""
    return insert.values(xid=CURRENT_XID) if on_postgres(conn) else insert


def after(conn: Connection, table: sa.Table, position: EventPosition) -> sa.Select[Any]:
    """Rows after `position`, in consumption order."""
    if not on_postgres(conn):
        return sa.select(table).where(table.c.id > position.id).order_by(table.c.id)
    return (
        sa.select(table)
        .where(
            sa.tuple_(table.c.xid, table.c.id)
            > sa.tuple_(sa.literal(position.xid), sa.literal(position.id)),
            table.c.xid < XMIN,
        )
        .order_by(table.c.xid, table.c.id)
    )


def head(conn: Connection, table: sa.Table) -> EventPosition:
    """The position of the newest settled row: where a consumer starting now begins."""
    if not on_postgres(conn):
        value = conn.execute(sa.select(sa.func.max(table.c.id))).scalar()
        return EventPosition(0, int(value or 0))
    row = conn.execute(
        sa.select(table.c.xid, table.c.id)
        .where(table.c.xid < XMIN)
        .order_by(table.c.xid.desc(), table.c.id.desc())
        .limit(1)
    ).first()
    return EventPosition() if row is None else EventPosition(int(row.xid), int(row.id))


def position_of(row: Any) -> EventPosition:
    return EventPosition(int(row.xid or 0), int(row.id))
