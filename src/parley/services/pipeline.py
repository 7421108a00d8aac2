"""Pipelined requests on one connection, kept in their order of writing.

A client that keeps several requests in flight on its one connection (Telegram clients do,
and so does the WebSocket session here) should not wait for each to commit before the next is
looked at: under load a commit takes a group-commit round, and one request at a time per
connection caps what the writer can batch. Yet two sends to a chat must land in the order
they were sent. So each request runs in a task of its own, and starts only once the previous
one has taken its place in a write queue that keeps its order (store/database.write_queued) or
has finished. On SQLite that is every write: the one writer thread runs them in queue order.
On a server database it is only a send, whose batcher keeps the order of the sends to a chat;
any other write finishes before the next request starts, because concurrent transactions
promise no order until they commit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from parley.store.database import write_queued

log = logging.getLogger(__name__)


class OrderedPipeline:
    def __init__(self, *, depth: int) -> None:
        self._slots = asyncio.Semaphore(depth)
        self._previous: asyncio.Future[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, run: Callable[[], Awaitable[None]]) -> None:
        """Start `run` once the previous request has queued its write; waits while `depth`
        requests are in flight (back-pressure on a client that sends faster than it commits)."""
        await self._slots.acquire()
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(self._run(run, self._previous, turn))
        self._previous = turn
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, run: Callable[[], Awaitable[None]], previous: asyncio.Future[None] | None,
                   turn: asyncio.Future[None]) -> None:  # fmt: skip
        def pass_turn() -> None:
            if not turn.done():
                turn.set_result(None)

        try:
            if previous is not None:
                await previous
            write_queued.set(pass_turn)  # this task's own context: no other request sees it
            await run()
        except Exception:  # the caller answers its own errors; this is a bug in it
            log.exception("a pipelined request failed")
        finally:
            pass_turn()
            self._slots.release()

    async def drain(self) -> None:
        """Wait for every request in flight (their writes stand whether or not anyone waits)."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
