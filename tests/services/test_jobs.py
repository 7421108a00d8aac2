from __future__ import annotations

from datetime import timedelta

from parley.container import Container
from parley.domain.clock import FrozenClock
from parley.services.jobs import Job, Scheduler


async def test_job_runs_once_per_interval_across_processes(
    container: Container, clock: FrozenClock
) -> None:
    """Two schedulers stand for two server processes on one store."""
    runs: list[str] = []

    async def work(_: object) -> None:
        runs.append("ran")

    first, second = Scheduler(container.ctx), Scheduler(container.ctx)
    for s in (first, second):
        s.add(Job("demo", timedelta(minutes=10), work))
    assert await first.run_due() == ["demo"]
    assert await second.run_due() == []  # ran a moment ago elsewhere: not due
    clock.advance(minutes=11)
    assert await second.run_due() == ["demo"]  # due again: whoever comes first runs it
    assert await first.run_due() == []
    assert runs == ["ran", "ran"]


async def test_a_running_job_is_not_started_twice(container: Container, clock: FrozenClock) -> None:
    started: list[str] = []
    other = Scheduler(container.ctx)
    other.add(Job("slow", timedelta(minutes=1), lambda ctx: _noop()))

    async def slow(_: object) -> None:
        started.append("first")
        clock.advance(minutes=2)  # the job outlives its interval...
        assert await other.run_due() == []  # ...but its lease keeps the other process out

    first = Scheduler(container.ctx)
    first.add(Job("slow", timedelta(minutes=1), slow))
    assert await first.run_due() == ["slow"]
    assert started == ["first"]


async def _noop() -> None:
    return None


async def test_container_registers_retention_purge(container: Container) -> None:
    assert "purge_ip_records" in {j.name for j in container.scheduler.jobs}
