"""Periodic jobs a serving process runs: owed legal notices, the IP retention purge.

Each job is idempotent and safe to run in several processes at once (they claim their work
inside a transaction), so every `parley serve` process may run them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from parley.services.context import Ctx

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[Ctx], Awaitable[object]]


class Scheduler:
    def __init__(self, ctx: Ctx, jobs: list[Job]) -> None:
        self._ctx = ctx
        self.jobs = jobs
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        if not self._tasks:
            self._tasks = [asyncio.create_task(self._loop(job)) for job in self.jobs]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

    async def _loop(self, job: Job) -> None:
        while True:
            await asyncio.sleep(job.every_seconds)
            try:
                await job.run(self._ctx)
            except Exception:  # a failed run is logged; the next one tries again
                log.exception("job %s failed", job.name)
