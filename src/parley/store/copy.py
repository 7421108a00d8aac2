"""Copying a whole store from one database to another (SQLite -> PostgreSQL, typically).

The source is read inside one transaction, so the copy is a consistent snapshot even while the
source is in use; writes made after the snapshot began are not copied (stop the server, or copy
again). The target is migrated to the current schema first and must be empty. Afterwards every
table's row count is compared, and PostgreSQL's id sequences are moved past the copied ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from parley.store import migrate
from parley.store.catalog import metadata
from parley.store.database import create_scratch_engine

Progress = Callable[[str, int, int], None]  # table, rows done, rows total


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


class TargetNotEmpty(Exception):
    pass


def copy_store(source_url: str, target_url: str, *, batch: int = 5000,
               progress: Progress | None = None) -> list[TableCount]:  # fmt: skip
    migrate.upgrade(target_url)
    src, dst = create_scratch_engine(source_url), create_scratch_engine(target_url)
    tables = list(metadata.sorted_tables)
    try:
        with dst.connect() as check:
            busy = [
                t.name
                for t in tables
                if check.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            ]
        if busy:
            raise TargetNotEmpty(f"the target already holds rows in: {', '.join(busy)}")
        with src.connect() as s, s.begin():
            if s.dialect.name == "sqlite":
                s.exec_driver_sql("BEGIN")  # a read snapshot (see store/database.py)
            totals = {t.name: s.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                      for t in tables}  # fmt: skip
            with dst.begin() as d:
                for table in tables:
                    _copy_table(s, d, table, totals[table.name], batch, progress)
                if d.dialect.name == "postgresql":
                    _advance_sequences(d)
        if dst.dialect.name == "postgresql":
            with dst.connect() as d:  # planner statistics for the freshly loaded tables
                d.exec_driver_sql("ANALYZE")
                d.commit()
        with dst.connect() as d:
            return [TableCount(t.name, totals[t.name],
                               d.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                    for t in tables]  # fmt: skip
    finally:
        src.dispose()
        dst.dispose()


def _copy_table(src: sa.Connection, dst: sa.Connection, table: sa.Table, total: int, batch: int,
                progress: Progress | None) -> None:  # fmt: skip
    order = list(table.primary_key.columns) or list(table.columns)
    done = 0
    if progress:
        progress(table.name, 0, total)
    result = src.execution_options(yield_per=batch).execute(sa.select(table).order_by(*order))
    # Feed rows keep their order but not the source's transaction ids: on a PostgreSQL target
    # they all count as settled history (xid 0), before anything written after the copy.
    settle = "xid" in table.c and dst.dialect.name == "postgresql"
    for rows in result.partitions(batch):
        copied = [dict(r._mapping) for r in rows]
        if settle:
            for row in copied:
                row["xid"] = 0
        dst.execute(table.insert(), copied)
        done += len(rows)
        if progress:
            progress(table.name, done, total)


def _advance_sequences(conn: sa.Connection) -> None:
    """Copied rows carry their ids; move each id sequence past the largest one."""
    for table in metadata.sorted_tables:
        if len(table.primary_key.columns) != 1:
            continue
        (column,) = table.primary_key.columns
        seq = conn.execute(sa.select(sa.func.pg_get_serial_sequence(table.name, column.name))
                           ).scalar()  # fmt: skip
        if seq:
            top = conn.execute(sa.select(sa.func.max(column))).scalar() or 0
            conn.execute(sa.select(sa.func.setval(seq, int(top) + 1, False)))
