"""The bus: a publisher's own handlers have run when `publish` returns (on Redis as in memory),
so a sign-out or a role change holds at once in the process that made it; other processes get
each message once, in the order it was published."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from parley.bus.memory import MemoryBus
from parley.bus.redis import RedisBus
from tests.conftest import REDIS_URL


async def test_memory_bus_dispatches_before_publish_returns() -> None:
    bus = MemoryBus()
    got: list[dict[str, Any]] = []
    bus.subscribe("auth", got.append)
    await bus.publish("auth", {"user_id": 1})
    assert got == [{"user_id": 1}]


async def test_redis_bus_is_at_once_here_and_once_elsewhere() -> None:
    prefix = f"parley-test:{uuid.uuid4().hex[:8]}:bus:"
    here, there = RedisBus(REDIS_URL, prefix=prefix), RedisBus(REDIS_URL, prefix=prefix)
    mine: list[dict[str, Any]] = []
    theirs: list[dict[str, Any]] = []
    all_there = asyncio.Event()

    def arrive(message: dict[str, Any]) -> None:
        theirs.append(message)
        if len(theirs) == 20:
            all_there.set()

    here.subscribe("auth", mine.append)
    there.subscribe("auth", arrive)
    await here.start()
    await there.start()
    try:
        for i in range(20):
            await here.publish("auth", {"user_id": i})
            assert mine[-1] == {"user_id": i}  # before any trip through Redis
        await asyncio.wait_for(all_there.wait(), 5)
        await asyncio.sleep(0.1)  # time for an echo to arrive, if it were not skipped
        assert mine == theirs == [{"user_id": i} for i in range(20)]
    finally:
        await here.close()
        await there.close()


async def test_redis_bus_ignores_a_foreign_undecodable_message() -> None:
    prefix = f"parley-test:{uuid.uuid4().hex[:8]}:bus:"
    bus = RedisBus(REDIS_URL, prefix=prefix)
    got: list[dict[str, Any]] = []
    arrived = asyncio.Event()

    def on(message: dict[str, Any]) -> None:
        got.append(message)
        arrived.set()

    bus.subscribe("auth", on)
    await bus.start()
    other = RedisBus(REDIS_URL, prefix=prefix)
    await other.start()
    try:
        assert bus._client is not None
        await bus._client.publish(prefix + "auth", b"not a parley message")
        await other.publish("auth", {"user_id": 7})
        await asyncio.wait_for(arrived.wait(), 5)
        assert got == [{"user_id": 7}]  # the listener survived the garbage
    finally:
        await other.close()
        await bus.close()
