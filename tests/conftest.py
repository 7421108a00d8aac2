"""Fixtures: a fresh database file per test (copied from one migrated template), a container
on it, and the app served by a real uvicorn server on a free loopback port."""

from __future__ import annotations

import asyncio
import shutil
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from parley.api.app import attach, build_app
from parley.config import Settings
from parley.container import Container
from parley.domain.clock import FrozenClock
from parley.store import migrate
from tests.helpers import Api


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "parley.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def settings(tmp_path: Path, template_db: Path) -> Settings:
    shutil.copy(template_db, tmp_path / "parley.db")
    return Settings(
        env="dev",
        data=tmp_path,
        secret_key="test-secret-key-for-parley-tests-only-0123456789",
        db_read_threads=2,
    )


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
async def container(settings: Settings, clock: FrozenClock) -> AsyncIterator[Container]:
    c = Container(settings, clock=clock)
    await c.start()
    try:
        yield c
    finally:
        await c.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def app() -> FastAPI:
    """Built once: building FastAPI's routes and models costs more than a whole test."""
    return build_app()


@pytest.fixture(scope="session")
async def live_server(app: FastAPI) -> AsyncIterator[str]:
    """One real uvicorn server for the session; each test attaches its own container."""
    port = _free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
        ws="websockets-sansio", proxy_headers=False,  # X-Forwarded-For is Parley's to judge
        timeout_graceful_shutdown=5,  # a bot's long poll must not hold the session's end
    )  # fmt: skip
    srv = uvicorn.Server(config)
    task = asyncio.create_task(srv.serve())
    while not srv.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.005)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        await task


@pytest.fixture
async def server(app: FastAPI, container: Container, live_server: str) -> str:
    """The session's server, now serving this test's container."""
    attach(app, container)
    return live_server


@pytest.fixture
async def http(server: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        yield client


@pytest.fixture
def api(http: httpx.AsyncClient, server: str) -> Api:
    return Api(http, server)
