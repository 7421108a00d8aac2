"""The SQLite writer's group commit: jobs queued together share one transaction, and a job
that fails rolls back only its own writes (its savepoint), never its neighbours'."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.domain.errors import InvalidInput
from parley.store.database import Database
from parley.store.tx import Tx


@pytest.fixture
def batch_sizes() -> list[int]:
    """The size of every batch the writer ran, in order."""
    return []


@pytest.fixture
def db(tmp_path: Path, batch_sizes: list[int]) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'batches.db'}",
                        on_batch=lambda n, _s: batch_sizes.append(n))  # fmt: skip
    database.write_sync(lambda tx: tx.conn.exec_driver_sql("CREATE TABLE t (v INTEGER UNIQUE)"))
    yield database
    database.close()


def _insert(value: int) -> Any:
    def run(tx: Tx) -> int:
        tx.conn.exec_driver_sql("INSERT INTO t (v) VALUES (?)", (value,))
        return value

    return run


def _fail_after_insert(value: int) -> Any:
    def run(tx: Tx) -> int:
        tx.conn.exec_driver_sql("INSERT INTO t (v) VALUES (?)", (value,))
        raise InvalidInput("refused after writing", code="refused")

    return run


def _values(db: Database) -> list[int]:
    return db.read_sync(
        lambda tx: [r[0] for r in tx.conn.exec_driver_sql("SELECT v FROM t ORDER BY v")]
    )


async def _queued_together(db: Database, jobs: list[Any]) -> list[Any]:
    """Hold the writer on a first job so the others queue up and run as one batch."""
    started, gate = threading.Event(), threading.Event()

    def hold(_tx: Tx) -> None:
        started.set()
        gate.wait(5)

    held = asyncio.ensure_future(db.write(hold))
    assert await asyncio.to_thread(started.wait, 5)
    futures = [asyncio.ensure_future(job) for job in jobs]
    writer = db._writer
    assert writer is not None
    for _ in range(500):  # until every job sits in the writer's queue
        await asyncio.sleep(0.01)
        if writer._queue.qsize() == len(jobs):
            break
    gate.set()
    await held
    return await asyncio.gather(*futures, return_exceptions=True)


async def test_a_failing_job_rolls_back_alone(db: Database, batch_sizes: list[int]) -> None:
    outcomes = await _queued_together(db, [
        db.write(_insert(1)), db.write(_fail_after_insert(2)), db.write(_insert(3)),
        db.write(_insert(1)),  # a unique violation: the database refuses this one
        db.write(_insert(4)),
    ])  # fmt: skip
    assert outcomes[0] == 1 and outcomes[2] == 3 and outcomes[4] == 4
    assert isinstance(outcomes[1], InvalidInput)
    assert "UNIQUE" in str(outcomes[3])
    assert _values(db) == [1, 3, 4]
    for _ in range(100):  # the writer records a batch's size after answering its jobs
        if len(batch_sizes) == 3:
            break
        await asyncio.sleep(0.01)
    assert batch_sizes[-1] == 5  # the five queued jobs ran as one batch


def _batch(tx: Tx, items: list[int]) -> list[Any]:
    """A batch function: refuses odd items by returning their error, inserts the rest; item
    13 breaks the whole call (so the writer retries the items one by one)."""
    out: list[Any] = []
    for item in items:
        if item == 13:
            raise RuntimeError("unlucky")
        if item % 2:
            out.append(InvalidInput("odd", code="odd"))
            continue
        tx.conn.exec_driver_sql("INSERT INTO t (v) VALUES (?)", (item,))
        out.append(item)
    return out


async def test_a_batch_function_that_breaks_is_retried_item_by_item(db: Database) -> None:
    outcomes = await _queued_together(db, [db.write_many(_batch, i) for i in (2, 3, 4, 13, 6)])
    assert [o if not isinstance(o, Exception) else type(o).__name__ for o in outcomes] == [
        2, "InvalidInput", 4, "RuntimeError", 6,
    ]  # fmt: skip
    assert _values(db) == [2, 4, 6]


async def test_groups_of_different_kinds_in_one_batch(db: Database) -> None:
    outcomes = await _queued_together(db, [
        db.write_many(_batch, 10), db.write_many(_batch, 12), db.write(_fail_after_insert(11)),
        db.write_many(_batch, 14),
    ])  # fmt: skip
    assert outcomes[:2] == [10, 12] and outcomes[3] == 14
    assert isinstance(outcomes[2], InvalidInput)
    assert _values(db) == [10, 12, 14]
