"""services/wake.woken: a background loop stopped just as its wake-up event fires stops
(asyncio.wait_for on Python 3.11 swallowed that cancellation; the loop ran on and shutting the
scanner down hung a test run)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from parley.services.wake import woken


async def _stop_as_it_wakes(wait: Callable[[asyncio.Event], Awaitable[object]]) -> bool:
    """True if cancelling the loop at the moment its event is set ends it."""
    event = asyncio.Event()

    async def loop() -> None:
        while True:
            await wait(event)
            event.clear()

    task = asyncio.create_task(loop())
    await asyncio.sleep(0)  # the loop now waits on the event
    event.set()
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=0.5)
    if not done:
        task.cancel()
        await asyncio.wait({task}, timeout=0.5)
    return bool(done) and task.cancelled()


async def test_a_cancel_as_the_event_fires_ends_the_loop() -> None:
    assert await _stop_as_it_wakes(lambda event: woken(event, 1.0))


async def test_woken_reports_the_event_or_the_timeout() -> None:
    event = asyncio.Event()
    assert await woken(event, 0.01) is False
    event.set()
    assert await woken(event, 1.0) is True


async def test_wait_for_on_this_python_loses_that_cancel() -> None:
    """Why `woken` exists; when this starts failing (Python 3.12 fixed wait_for), the helper
    can go."""
    import sys

    if sys.version_info >= (3, 12):
        # There is nothing to show: 3.12's wait_for keeps the cancel, as `woken` does.
        pytest.skip("fixed in Python 3.12")
    assert not await _stop_as_it_wakes(lambda event: asyncio.wait_for(event.wait(), 1.0))
