"""services/pipeline.OrderedPipeline: a connection's requests overlap once the previous one has
queued its write, never before, and at most `depth` are in flight."""

from __future__ import annotations

import asyncio

from parley.services.pipeline import OrderedPipeline
from parley.store.database import write_queued


async def test_the_next_request_starts_when_the_previous_has_queued_its_write() -> None:
    pipeline = OrderedPipeline(depth=8)
    log: list[str] = []
    gate = asyncio.Event()

    async def first() -> None:
        log.append("first starts")
        await asyncio.sleep(0.01)
        hook = write_queued.get()
        assert hook is not None
        hook()  # what Database.write does once the job is in the writer's queue
        log.append("first queued")
        await gate.wait()
        log.append("first done")

    async def second() -> None:
        log.append("second starts")

    await pipeline.submit(first)
    await pipeline.submit(second)
    await asyncio.sleep(0.05)
    assert log == ["first starts", "first queued", "second starts"]
    gate.set()
    await pipeline.drain()
    assert log[-1] == "first done"


async def test_a_request_that_never_writes_hands_on_when_it_ends() -> None:
    pipeline = OrderedPipeline(depth=8)
    log: list[str] = []

    async def op(name: str, fail: bool = False) -> None:
        await asyncio.sleep(0.01)
        log.append(name)
        if fail:
            raise RuntimeError(name)

    await pipeline.submit(lambda: op("a", fail=True))
    await pipeline.submit(lambda: op("b"))
    await pipeline.submit(lambda: op("c"))
    await pipeline.drain()
    assert log == ["a", "b", "c"]
    assert write_queued.get() is None  # nothing leaked into the caller's context


async def test_depth_bounds_the_requests_in_flight() -> None:
    pipeline = OrderedPipeline(depth=2)
    gate = asyncio.Event()
    running = 0

    async def op() -> None:
        nonlocal running
        running += 1
        hook = write_queued.get()
        assert hook is not None
        hook()
        await gate.wait()
        running -= 1

    await pipeline.submit(op)
    await pipeline.submit(op)
    third = asyncio.ensure_future(pipeline.submit(op))
    await asyncio.sleep(0.05)
    assert running == 2 and not third.done()  # the reader waits: back-pressure on the client
    gate.set()
    await third
    await pipeline.drain()
    assert running == 0
