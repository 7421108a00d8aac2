"""Several `parley serve` processes on one store and one Redis: live delivery crosses processes,
and when a process dies its clients reconnect elsewhere and catch up with nothing lost or
duplicated. On the SQLite run both processes share the database file (WAL allows it); on the
PostgreSQL run they share the database."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from tests.conftest import BACKEND, PG_URL, REDIS_URL, pg_admin
from tests.helpers import Api, Person


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, data: Path, env: dict[str, str]) -> None:
        self.data = data
        self.env = env
        self.procs: dict[str, tuple[subprocess.Popen[bytes], str]] = {}

    def start(self, name: str) -> str:
        port = _port()
        proc = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--port", str(port)],
                                env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, "server exited"
            assert time.monotonic() < deadline, "server did not become ready"
            time.sleep(0.1)
        self.procs[name] = (proc, url)
        return url

    def kill(self, name: str) -> None:
        proc, _ = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

    def stop_all(self) -> None:
        for proc, _ in self.procs.values():
            proc.terminate()
            proc.wait(timeout=30)
        self.procs.clear()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    env = {**os.environ, "PARLEY_DATA": str(tmp_path), "PARLEY_ENV": "dev",
           "PARLEY_REDIS_URL": REDIS_URL, "PARLEY_LOG_LEVEL": "WARNING",
           "PARLEY_REDIS_PREFIX": f"parley-test:{uuid.uuid4().hex[:8]}:",
           "PARLEY_SECRET_KEY": "cluster-test-secret-key-0123456789-abcdefgh"}  # fmt: skip
    name = None
    if BACKEND == "postgres":
        name = f"parley_cluster_{uuid.uuid4().hex[:8]}"
        pg_admin(f"CREATE DATABASE {name}")
        env["PARLEY_DATABASE_URL"] = f"{PG_URL}/{name}"
    subprocess.run([sys.executable, "-m", "parley", "db", "upgrade"], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    c = Cluster(tmp_path, env)
    try:
        yield c
    finally:
        c.stop_all()
        if name:
            pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def _ws(url: str, who: Person) -> Any:
    ws = await websockets.connect(url.replace("http", "ws") + "/api/v1/updates/ws")
    await ws.send(json.dumps({"op": "auth", "token": who.token}))
    return ws


async def _frames(ws: Any, wait: float = 10) -> list[dict[str, Any]]:
    data = json.loads(await asyncio.wait_for(ws.recv(), wait))
    return data if isinstance(data, list) else [data]


async def _texts_until(ws: Any, count: int) -> list[tuple[int, str]]:
    got: list[tuple[int, str]] = []
    while len(got) < count:
        for f in await _frames(ws):
            if f.get("kind") == "message.new" and f["message"]["kind"] == "text":
                got.append((f["pts"], f["message"]["text"]))
    return got


async def test_live_across_processes_and_failover(cluster: Cluster) -> None:
    url_a, url_b = cluster.start("a"), cluster.start("b")
    async with httpx.AsyncClient(base_url=url_a) as http_a, httpx.AsyncClient(
        base_url=url_b) as http_b:  # fmt: skip
        alice = await Api(http_a, url_a).signup("Alice")
        bob = await Api(http_b, url_b).signup("Bob")
        chat = await Api(http_a, url_a).create_chat(alice, "group", "Across", member_ids=[bob.id])
        ws_alice, ws_bob = await _ws(url_a, alice), await _ws(url_b, bob)
        for ws in (ws_alice, ws_bob):
            assert (await _frames(ws))[0]["type"] == "ready"

        await Api(http_a, url_a).send(alice, chat["id"], "hello from A")
        assert [t for _, t in await _texts_until(ws_bob, 1)] == ["hello from A"]
        await Api(http_b, url_b).send(bob, chat["id"], "hello from B")
        seen = await _texts_until(ws_alice, 2)
        assert [t for _, t in seen] == ["hello from A", "hello from B"]
        held_pts = seen[-1][0]

        cluster.kill("a")  # alice's process dies without a goodbye
        await ws_alice.close()
        for i in range(3):
            await Api(http_b, url_b).send(bob, chat["id"], f"while A was down {i}")

        ws_alice = await _ws(url_b, alice)  # she reconnects to B and catches up from her pts
        assert (await _frames(ws_alice))[0]["type"] == "ready"
        r = await http_b.get("/api/v1/updates", params={"pts": f"{chat['id']}:{held_pts}"},
                             headers=alice.headers)  # fmt: skip
        caught_up = [(e["pts"], e["message"]["text"]) for e in r.json()["chats"][0]["events"]
                     if e["kind"] == "message.new"]  # fmt: skip
        assert [t for _, t in caught_up] == [f"while A was down {i}" for i in range(3)]
        await Api(http_b, url_b).send(bob, chat["id"], "after failover")
        live = await _texts_until(ws_alice, 1)
        assert live[0][1] == "after failover"
        pts_seen = [p for p, _ in seen] + [p for p, _ in caught_up] + [live[0][0]]
        assert len(pts_seen) == len(set(pts_seen)) and pts_seen == sorted(pts_seen)
        assert live[0][0] == caught_up[-1][0] + 1  # nothing lost, nothing twice
        await ws_alice.close()
        await ws_bob.close()
