"""Fixtures: a fresh database per test (an SQLite file copied from one migrated template, or,
with PARLEY_TEST_BACKEND=postgres, a PostgreSQL database cloned from a migrated template and
Redis for the bus and rate limits), a container on it, and the app served by a real uvicorn
server on a free loopback port."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
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

BACKEND = os.environ.get("PARLEY_TEST_BACKEND", "sqlite")
PG_URL = os.environ.get("PARLEY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("PARLEY_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_TEMPLATE = "parley_test_template"
_run_id = uuid.uuid4().hex[:8]
_db_numbers = itertools.count(1)


def pg_admin(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]  # fixed DDL built here


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file at the schema head; on PostgreSQL, also the template database."""
    path = tmp_path_factory.mktemp("template") / "parley.db"
    migrate.upgrade(f"sqlite:///{path}")
    if BACKEND == "postgres":
        pg_admin(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)",
                 f"CREATE DATABASE {PG_TEMPLATE}")  # fmt: skip
        migrate.upgrade(f"{PG_URL}/{PG_TEMPLATE}")
    return path


@pytest.fixture
def settings(tmp_path: Path, template_db: Path) -> Iterator[Settings]:
    common = {
        "env": "dev",
        "data": tmp_path,
        "secret_key": "test-secret-key-for-parley-tests-only-0123456789",
        "db_read_threads": 2,
        "run_jobs": False,  # tests run jobs themselves, with the frozen clock
    }
    if BACKEND != "postgres":
        shutil.copy(template_db, tmp_path / "parley.db")
        yield Settings(**common)
        return
    name = f"parley_t_{_run_id}_{next(_db_numbers)}"
    pg_admin(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}")
    try:
        yield Settings(**common, database_url=f"{PG_URL}/{name}", redis_url=REDIS_URL,
                       redis_prefix=f"parley-test:{name}:", db_pool_size=4)  # fmt: skip
    finally:
        pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


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
