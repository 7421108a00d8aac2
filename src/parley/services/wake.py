"""Waiting for a background task's wake-up event, cancellably.

On Python 3.11 `asyncio.wait_for(event.wait(), timeout)` swallows a cancellation that arrives
just as the event fires: the task runs on, and whoever stops it (awaiting its end) waits for
ever. A test run hung that way on shutting the content scanner down. `asyncio.timeout` keeps
the cancellation."""

from __future__ import annotations

import asyncio


async def woken(event: asyncio.Event, seconds: float) -> bool:
    """Wait until `event` is set, at most `seconds`; True if it was set."""
    try:
        async with asyncio.timeout(seconds):
            await event.wait()
    except TimeoutError:
        return False
    return True
