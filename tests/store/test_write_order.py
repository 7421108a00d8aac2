"""Batched writes with an order key (`Database.write_many(..., key=)`, the send path): items of
one key commit in the order queued, on both backends. On PostgreSQL the batcher keeps two
batches in flight, but never two with the same key."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from typing import Any

from parley.container import Container
from parley.store.database import write_queued
from parley.store.tx import Tx


async def test_items_of_a_key_commit_in_queue_order(container: Container) -> None:
    db = container.ctx.db
    await db.write(lambda tx: tx.conn.exec_driver_sql("CREATE TABLE batch_probe (v TEXT)"))
    held, release = threading.Event(), threading.Event()
    spans: list[tuple[list[str], float, float]] = []

    def probe(tx: Tx, items: list[str]) -> list[Any]:
        start = time.monotonic()
        if "a0" in items:
            held.set()
            release.wait(5)
        for item in items:
            tx.conn.exec_driver_sql(
                "INSERT INTO batch_probe (v) VALUES (%s)" if not db.is_sqlite
                else "INSERT INTO batch_probe (v) VALUES (?)", (item,)
            )  # fmt: skip
        spans.append((list(items), start, time.monotonic()))
        return [f"ok {item}" for item in items]

    queued: list[str] = []

    async def submit(item: str, key: str) -> Any:
        write_queued.set(lambda: queued.append(item))
        return await db.write_many(probe, item, key=key)

    first = asyncio.create_task(submit("a0", "a"))
    assert await asyncio.to_thread(held.wait, 5)
    later = [asyncio.create_task(submit(item, item[0])) for item in ("a1", "b0", "a2", "b1")]
    await asyncio.sleep(0.3)
    if db.is_sqlite:  # one writer thread: everything waits behind the held batch
        assert not any(t.done() for t in later)
    else:  # the other chat's sends commit meanwhile; the held chat's wait for their turn
        assert later[1].done() and later[3].done()
        assert not later[0].done() and not later[2].done()
    release.set()
    results = await asyncio.gather(first, *later)
    assert results == ["ok a0", "ok a1", "ok b0", "ok a2", "ok b1"]
    assert sorted(queued) == ["a0", "a1", "a2", "b0", "b1"]  # each told the pipeline in turn

    batch_of = {item: i for i, (items, _, _) in enumerate(spans) for item in items}
    for key in ("a", "b"):
        order = [f"{key}{n}" for n in range(3) if f"{key}{n}" in batch_of]
        for earlier, after in itertools.pairwise(order):
            one, two = spans[batch_of[earlier]], spans[batch_of[after]]
            # the same batch (queue order inside it), or the later one began after the first
            same = one is two and one[0].index(earlier) < one[0].index(after)
            assert same or one[2] <= two[1]
    stored = await db.read(
        lambda tx: [r[0] for r in tx.conn.exec_driver_sql("SELECT v FROM batch_probe")]
    )
    assert sorted(stored) == ["a0", "a1", "a2", "b0", "b1"]
