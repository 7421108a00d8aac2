"""store/by_keys: composite-key lookups are index searches, never table scans (a row-value IN
made SQLite read all of `messages` and `chat_members` for every batch of sends)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from parley.container import Container
from parley.store.by_keys import _statement, rows_by_keys
from parley.store.chats import chat_members
from parley.store.messages import messages
from parley.store.tx import Tx

LOOKUPS = [
    (messages, ("chat_id", "id")),
    (messages, ("chat_id", "sender_id", "random_id")),
    (chat_members, ("chat_id", "user_id")),
]


@pytest.mark.parametrize(("table", "key"), LOOKUPS, ids=["message", "random_id", "member"])
async def test_lookups_search_an_index(container: Container, table: sa.Table,
                                       key: tuple[str, ...]) -> None:  # fmt: skip
    if not container.db.is_sqlite:
        # PostgreSQL searches the index for a row-value IN too; only SQLite scanned.
        pytest.skip("the plan checked here is SQLite's")
    statement = _statement(table, key, 4)
    params = {f"k{j}_{i}": i + j for i in range(4) for j in range(len(key))}

    def plan(tx: Tx) -> list[str]:
        compiled = statement.compile(dialect=tx.conn.dialect)
        sql = "EXPLAIN QUERY PLAN " + compiled.string
        rows = tx.conn.exec_driver_sql(sql, tuple(params[n] for n in compiled.positiontup or ()))
        return [str(r[-1]) for r in rows]

    steps = await container.db.read(plan)
    assert any(s.startswith(f"SEARCH {table.name}") for s in steps), steps
    assert not any(s.startswith(f"SCAN {table.name}") for s in steps), steps


async def test_each_row_once_whatever_the_padding(container: Container) -> None:
    def run(tx: Tx) -> list[tuple[int, int]]:
        tx.conn.execute(chat_members.insert(), [
            {"chat_id": 5, "user_id": u, "status": "member", "joined_at": datetime.now(UTC),
             "can_send": True, "read_inbox_max_id": 0} for u in range(1, 8)])  # fmt: skip
        keys = [(5, u) for u in (1, 2, 3, 2, 99)]  # a repeat, and one that does not exist
        return sorted(
            (r.chat_id, r.user_id)
            for r in rows_by_keys(tx.conn, chat_members, ("chat_id", "user_id"), keys)
        )

    assert await container.db.write(run) == [(5, 1), (5, 2), (5, 3)]
