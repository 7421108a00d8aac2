"""Rows by composite keys — (chat_id, id), (chat_id, user_id), (chat_id, sender_id, random_id)
— as one index search per key, on SQLite as on PostgreSQL.

A row-value `(a, b) IN ((?, ?), ...)` reads well but SQLite answers it by scanning the whole
table: a batch of sends looked its memberships and earlier random_ids up that way, so every
batch read all of `chat_members` and `messages`. Joining a VALUES list to the table instead
makes each key one search of the table's unique index. Statements are built once per size,
and sizes are rounded up to a power of two (the last key repeated), so a handful of compiled
statements serve every batch (one per size would crowd SQLAlchemy's compiled cache)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

CHUNK = 512


@cache
def _statement(table: sa.Table, key_names: tuple[str, ...], n: int) -> sa.TextualSelect:
    width = len(key_names)
    wanted = ", ".join("(" + ", ".join(f":k{j}_{i}" for j in range(width)) + ")" for i in range(n))
    slots = ", ".join(f"k{j}" for j in range(width))
    join = " AND ".join(f"{table.name}.{name} = wanted.k{j}" for j, name in enumerate(key_names))
    columns = ", ".join(f"{table.name}.{c.name}" for c in table.c)
    # (S608: only numbered placeholders and the table's own names are formatted in)
    return sa.text(
        f"WITH wanted({slots}) AS (VALUES {wanted}) "  # noqa: S608
        f"SELECT {columns} FROM wanted JOIN {table.name} ON {join}"
    ).columns(*table.c)


def _padded(keys: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The keys, the last repeated up to the next power of two (a repeat finds the same row)."""
    size = 1 << (len(keys) - 1).bit_length()
    return keys + [keys[-1]] * (size - len(keys))


def rows_by_keys(
    conn: Connection, table: sa.Table, key_names: Sequence[str], keys: Sequence[tuple[Any, ...]]
) -> list[Row[Any]]:
    """The rows of `table` whose `key_names` columns equal one of `keys` (each row once, in no
    particular order). The key columns should carry a unique index."""
    names = tuple(key_names)
    unique = list(dict.fromkeys(keys))
    rows: list[Row[Any]] = []
    for at in range(0, len(unique), CHUNK):
        chunk = _padded(unique[at : at + CHUNK])
        params = {f"k{j}_{i}": value for i, key in enumerate(chunk)
                  for j, value in enumerate(key)}  # fmt: skip
        found = conn.execute(_statement(table, names, len(chunk)), params).all()
        if len(chunk) != len(unique[at : at + CHUNK]):  # the padding repeats a key
            seen: set[tuple[Any, ...]] = set()
            for row in found:
                key = tuple(getattr(row, name) for name in names)
                if key not in seen:
                    seen.add(key)
                    rows.append(row)
        else:
            rows.extend(found)
    return rows
