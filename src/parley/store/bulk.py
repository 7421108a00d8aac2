"""executemany for the hot write paths, without SQLAlchemy's per-row parameter work on SQLite.

For every row of an executemany SQLAlchemy builds a parameter dictionary and runs each value
through its type's processor, one Python call at a time; for the send path's inserts and
counter updates that was most of the writer thread's SQL cost. On SQLite, `execute_many`
compiles the statement once, looks the processors up once, and hands the driver plain tuples.
The processors are SQLAlchemy's own (JSON encoding, epoch milliseconds), so what is stored is
exactly what `Connection.execute` would store. Other dialects take SQLAlchemy's path: on
PostgreSQL it folds the rows of an INSERT into multi-row VALUES, which beats executemany."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import UpdateBase


@dataclass(frozen=True, slots=True)
class _Plan:
    sql: str
    names: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]


# (statement, the rows' keys) -> plan, or None where the statement needs a value the rows do
# not carry (a Python-side column default): those go through SQLAlchemy.
_plans: dict[tuple[UpdateBase, tuple[str, ...]], _Plan | None] = {}


def _plan(conn: Connection, statement: UpdateBase, keys: tuple[str, ...]) -> _Plan | None:
    dialect = conn.dialect
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup or ())
    if not set(names) <= set(keys):
        return None
    processors = tuple(
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return _Plan(compiled.string, names, processors)


def execute_many(conn: Connection, statement: UpdateBase, rows: Sequence[dict[str, Any]]) -> None:
    """`conn.execute(statement, rows)` for rows that all have the same keys."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(statement, list(rows))
        return
    key = (statement, tuple(rows[0]))
    if key not in _plans:
        _plans[key] = _plan(conn, statement, key[1])
    plan = _plans[key]
    if plan is None:
        conn.execute(statement, list(rows))
        return
    steps = list(zip(plan.names, plan.processors, strict=True))
    params = [
        tuple(row[name] if process is None else process(row[name]) for name, process in steps)
        for row in rows
    ]
    conn.exec_driver_sql(plan.sql, params)
