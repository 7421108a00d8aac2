"""Commit-safe tailing of append-only feeds (the chat event sequence, the search outbox).

A consumer remembers an EventPosition and asks for what came after it. On SQLite one writer
commits at a time, so rows become visible in id order and the id alone is the position. On
PostgreSQL concurrent transactions commit in any order: rows carry their transaction id (`xid`),
consumers read in (xid, id) order and only rows of transactions older than the oldest Parley
write transaction still running (the horizon) — so no row can ever appear behind a consumer's
position.

The horizon must not wait for other programs' transactions on the same server (one idle
transaction elsewhere would stall every consumer). So every Parley write transaction first
takes a shared advisory lock (WRITER_LOCK, no contention between writers), and the horizon is
the oldest transaction of the reading statement's snapshot that is not a known outsider: a
backend that has a transaction id and does not hold the lock. A transaction that finished since
the snapshot cannot be told apart and counts, conservatively, until the next read."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.domain.events import EventPosition

CURRENT_XID: sa.ColumnElement[int] = sa.literal_column("pg_current_xact_id()::text::bigint")
WRITER_LOCK = 0x5041524C  # "PARL": pg_advisory_xact_lock_shared(WRITER_LOCK), see above
# A bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits.
HORIZON: sa.ColumnElement[int] = sa.literal_column(f"""(
  WITH snap AS (SELECT pg_current_snapshot() AS s),
  outsiders AS (
    SELECT a.backend_xid::text::bigint AS x FROM pg_stat_activity a
    WHERE a.backend_xid IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory'
        AND l.classid = 0 AND l.objid = {WRITER_LOCK} AND l.objsubid = 1 AND l.granted))
  SELECT COALESCE(
    (SELECT min(x::text::bigint) FROM snap, pg_snapshot_xip(snap.s) AS x
     WHERE x::text::bigint NOT IN (SELECT x FROM outsiders)),
    (SELECT pg_snapshot_xmax(snap.s)::text::bigint FROM snap)))""")  # noqa: S608  # a constant key, no input


def writer_lock_sql() -> sa.TextClause:
    """The first statement of every write transaction on PostgreSQL."""
    return sa.text(f"SELECT pg_advisory_xact_lock_shared({WRITER_LOCK})")


def on_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def stamped(conn: Connection, insert: sa.Insert) -> sa.Insert:
    """An insert that records the writing transaction's id on PostgreSQL."""
    return insert.values(xid=CURRENT_XID) if on_postgres(conn) else insert


def after(conn: Connection, table: sa.Table, position: EventPosition,
          columns: tuple[sa.ColumnElement[Any], ...] = ()) -> sa.Select[Any]:  # fmt: skip
    """Rows after `position`, in consumption order (all columns, or just `columns`)."""
    query = sa.select(*columns) if columns else sa.select(table)
    if not on_postgres(conn):
        return query.where(table.c.id > position.id).order_by(table.c.id)
    return query.where(
        sa.tuple_(table.c.xid, table.c.id)
        > sa.tuple_(sa.literal(position.xid), sa.literal(position.id)),
        table.c.xid < HORIZON,
    ).order_by(table.c.xid, table.c.id)


def through(conn: Connection, table: sa.Table, last: EventPosition) -> sa.ColumnElement[bool]:
    """Rows up to and including `last`. A position a consumer has read is below the horizon, so
    this bounds a second read of the same window even if the horizon moved on meanwhile."""
    if not on_postgres(conn):
        return table.c.id <= last.id
    return sa.tuple_(table.c.xid, table.c.id) <= sa.tuple_(
        sa.literal(last.xid), sa.literal(last.id)
    )


def head(conn: Connection, table: sa.Table) -> EventPosition:
    """The position of the newest settled row: where a consumer starting now begins."""
    if not on_postgres(conn):
        value = conn.execute(sa.select(sa.func.max(table.c.id))).scalar()
        return EventPosition(0, int(value or 0))
    row = conn.execute(
        sa.select(table.c.xid, table.c.id)
        .where(table.c.xid < HORIZON)
        .order_by(table.c.xid.desc(), table.c.id.desc())
        .limit(1)
    ).first()
    return EventPosition() if row is None else EventPosition(int(row.xid), int(row.id))


def position_of(row: Any) -> EventPosition:
    return EventPosition(int(row.xid or 0), int(row.id))
