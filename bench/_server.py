"""Shared by the benchmarks: run `parley serve` in its own process on a fresh data directory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BENCH_ENV = {
    "PARLEY_ENV": "dev",
    "PARLEY_LOG_LEVEL": "WARNING",
    "PARLEY_SEND_CODE_PER_IP_PER_HOUR": "1000000",
    "PARLEY_SEND_CODE_PER_PHONE_PER_HOUR": "1000000",
    "PARLEY_SIGN_IN_PER_IP_PER_HOUR": "1000000",
    "PARLEY_SENDS_PER_USER_PER_MINUTE": "1000000",
    "PARLEY_SENDS_PER_CHAT_PER_SECOND": "1000000",
    "PARLEY_REQUESTS_PER_USER_PER_MINUTE": "1000000",
}


SERVER_PIDS: dict[str, int] = {}


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(url: str, *, busy_below: float = 0.05, window: float = 1.0,
              timeout: float = 300.0) -> float:  # fmt: skip
    """Wait until the server's background work (search indexing, scanning, bot dispatch) has
    caught up: its process uses under `busy_below` of a core for `window` seconds. Measuring
    before that would time the catch-up, not the request. Returns the seconds waited."""
    pid = SERVER_PIDS[url]
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        before = _cpu_seconds(pid)
        time.sleep(window)
        if _cpu_seconds(pid) - before < busy_below * window:
            break
    return round(time.monotonic() - started, 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def parley(data: Path, *args: str, extra_env: dict[str, str] | None = None) -> None:
    env = {**os.environ, **BENCH_ENV, "PARLEY_DATA": str(data), **(extra_env or {})}
    subprocess.run([sys.executable, "-m", "parley", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


@contextmanager
def running_server(data: Path | None = None, extra_env: dict[str, str] | None = None
                   ) -> Iterator[tuple[str, Path]]:  # fmt: skip
    """Yield (base_url, data_dir) of a server process; stop it afterwards."""
    tmp = None
    if data is None:
        tmp = tempfile.TemporaryDirectory(prefix="parley-bench-")
        data = Path(tmp.name)
        parley(data, "db", "upgrade", extra_env=extra_env)
    port = free_port()
    env = {**os.environ, **BENCH_ENV, "PARLEY_DATA": str(data), **(extra_env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("server did not start")
            time.sleep(0.1)
        SERVER_PIDS[url] = proc.pid
        yield url, data
    finally:
        SERVER_PIDS.pop(url, None)
        proc.terminate()
        proc.wait(timeout=30)
        if tmp is not None:
            tmp.cleanup()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


@contextmanager
def backend(kind: str) -> Iterator[dict[str, str]]:
    """Environment for a server on the embedded default (`sqlite`) or the scaled deployment
    (`postgres`: a fresh PostgreSQL database, dropped afterwards, and Redis)."""
    if kind != "postgres":
        yield {}
        return
    import uuid

    import psycopg
    from psycopg import sql

    base = os.environ.get("PARLEY_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432")
    name = f"parley_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield {
            "PARLEY_DATABASE_URL": f"{base}/{name}",
            "PARLEY_REDIS_URL": os.environ.get(
                "PARLEY_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"
            ),
            "PARLEY_REDIS_PREFIX": f"{name}:",
        }
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def store_url(data: Path, env: dict[str, str]) -> str:
    return env.get("PARLEY_DATABASE_URL") or f"sqlite:///{data / 'parley.db'}"
