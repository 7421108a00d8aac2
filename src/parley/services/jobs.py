"""Background jobs: periodic work (retention purges, due notices, …) that runs in whichever
server process holds the job's lease, so several processes never do the same job twice.

A job is an async function of the context. The scheduler wakes every `tick` seconds, and for
each job whose interval has passed tries to take its lease in the store; the holder runs it and
records the run. If the holder dies, its lease expires and another process takes over."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from parley.services.context import Ctx
from parley.store.tx import Tx

log = logging.getLogger(__name__)

JobFn = Callable[[Ctx], Awaitable[Any]]
LEASE_MIN = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    every: timedelta
    run: JobFn


class Scheduler:
    def __init__(self, ctx: Ctx, *, tick: float = 5.0) -> None:
        self._ctx = ctx
        self._tick = tick
        self._jobs: list[Job] = []
        self._task: asyncio.Task[None] | None = None
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"

    def add(self, job: Job) -> None:
        self._jobs.append(job)

    @property
    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="parley-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run_due(self) -> list[str]:
        """Run every job that is due and whose lease this process gets; return their names."""
        ran = []
        for job in self._jobs:
            if await self._claim(job):
                try:
                    await job.run(self._ctx)
                except Exception:
                    log.exception("background job %s failed", job.name)
                    continue
                await self._mark_run(job.name)
                ran.append(job.name)
        return ran

    async def _mark_run(self, name: str) -> None:
        now = self._ctx.clock.now()

        def mark(tx: Tx) -> None:
            tx.leases.mark_run(name, at=now)
            tx.leases.release(name, holder=self.holder)  # the interval now gates the next run

        await self._ctx.db.write(mark)

    async def _claim(self, job: Job) -> bool:
        now = self._ctx.clock.now()
        # The lease covers the run: a job is expected to finish well within LEASE_MIN; if its
        # process dies, the job waits at most that long for another process to take it.
        lease_until = now + max(job.every, LEASE_MIN)

        def claim(tx: Tx) -> bool:
            last = tx.leases.last_run(job.name)
            if last is not None and now - last < job.every:
                return False
            return tx.leases.acquire(job.name, holder=self.holder, now=now, until=lease_until)

        return await self._ctx.db.write(claim)

    async def _loop(self) -> None:
        while True:
            try:
                await self.run_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("scheduler tick failed")
            await asyncio.sleep(self._tick)
