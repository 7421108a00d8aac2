"""Messaging core benchmark (issue 2). Prints JSON.

    .venv/bin/python bench/core.py            # the full run (about two minutes)
    .venv/bin/python bench/core.py --quick    # a smoke run with small numbers

Measures, against one `parley serve` process in its own OS process:
- persisted sends per second (acknowledged only after commit), over WebSocket and over HTTP;
- send -> delivered-over-WebSocket latency with N connected clients at a fixed send rate,
  and at a quarter of it;
- the time to post into a channel with 200,000 subscribers (1,000 of them online), and the
  time until a post reached every online subscriber.
The load generator runs in this process (the channel's online subscribers in a second one, so
that reading their frames does not delay reading the poster's acknowledgement); on a 2-core
machine it shares the CPU with the server, so the figures are a floor, not a ceiling."""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import multiprocessing
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import orjson
import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import backend, parley, percentile, running_server, store_url, wait_idle

_numbers = itertools.count(1)


async def signup(http: httpx.AsyncClient, name: str) -> dict[str, Any]:
    n = next(_numbers)
    phone = f"+99966{n // 10000}{n % 10000:04d}"
    await http.post("/api/v1/auth/send-code", json={"phone": phone})
    r = await http.post(
        "/api/v1/auth/sign-in", json={"phone": phone, "code": phone[6] * 5, "display_name": name}
    )
    r.raise_for_status()
    body = r.json()
    return {"id": body["user"]["id"], "token": body["token"]}


async def signup_many(http: httpx.AsyncClient, count: int) -> list[dict[str, Any]]:
    sem = asyncio.Semaphore(32)

    async def one(i: int) -> dict[str, Any]:
        async with sem:
            return await signup(http, f"bench {i}")

    return list(await asyncio.gather(*(one(i) for i in range(count))))


async def private_pairs(http: httpx.AsyncClient, users: list[dict[str, Any]]) -> list[int]:
    chats = []
    for a, b in zip(users[0::2], users[1::2], strict=True):
        r = await http.post(
            "/api/v1/chats/private",
            json={"user_id": b["id"]},
            headers={"Authorization": f"Bearer {a['token']}"},
        )
        r.raise_for_status()
        chats.append(r.json()["id"])
    return chats


def frames(raw: str | bytes) -> list[Any]:
    """A server message is one frame or a JSON array of frames."""
    data = orjson.loads(raw)
    return data if isinstance(data, list) else [data]


async def ws_connect(base: str, token: str) -> Any:
    ws = await websockets.connect(
        base.replace("http", "ws") + "/api/v1/updates/ws", max_queue=None, ping_interval=None
    )
    await ws.send(orjson.dumps({"op": "auth", "token": token}).decode())
    ready = orjson.loads(await ws.recv())
    assert ready["type"] == "ready", ready
    return ws


async def ws_throughput(base: str, users: list[dict[str, Any]], chats: list[int], *,
                        seconds: float, window: int) -> dict[str, float]:  # fmt: skip
    """Each sender keeps `window` sends in flight on its socket; count acknowledgements."""
    senders = users[0::2]
    sockets = [await ws_connect(base, u["token"]) for u in users]
    acked = 0
    failures = 0
    stop = time.monotonic() + seconds
    rid = itertools.count(1)

    async def drive(ws: Any, chat_id: int) -> None:
        nonlocal acked, failures
        inflight = 0
        while time.monotonic() < stop or inflight:
            while inflight < window and time.monotonic() < stop:
                await ws.send(
                    orjson.dumps(
                        {
                            "op": "send",
                            "req": 1,
                            "chat_id": chat_id,
                            "text": "throughput",
                            "random_id": next(rid),
                        }
                    ).decode()
                )
                inflight += 1
            for frame in frames(await ws.recv()):
                if frame.get("type") == "result":
                    inflight -= 1
                    if frame["ok"]:
                        acked += 1
                    else:
                        failures += 1

    async def drain(ws: Any) -> None:
        try:
            while True:
                await ws.recv()
        except (websockets.ConnectionClosed, asyncio.CancelledError):
            return

    receivers = [asyncio.create_task(drain(ws)) for ws in sockets[1::2]]
    started = time.monotonic()
    await asyncio.gather(*(drive(ws, c) for ws, c in zip(sockets[0::2], chats, strict=True)))
    elapsed = time.monotonic() - started
    for task in receivers:
        task.cancel()
    for ws in sockets:
        await ws.close()
    del senders
    return {
        "sends_per_s": acked / elapsed,
        "acked": acked,
        "failed": failures,
        "seconds": elapsed,
        "connections": len(sockets),
        "window": window,
    }


async def http_throughput(base: str, users: list[dict[str, Any]], chats: list[int], *,
                          seconds: float, concurrency: int) -> dict[str, float]:  # fmt: skip
    """Closed loop over keep-alive connections. The load generator is aiohttp: httpx's async
    pool costs several milliseconds a request under concurrency and would measure itself."""
    acked = 0
    latencies: list[float] = []
    stop = time.monotonic() + seconds
    rid = itertools.count(10_000_000)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(base, connector=connector) as http:

        async def drive(i: int) -> None:
            nonlocal acked
            user, chat_id = users[0::2][i % len(chats)], chats[i % len(chats)]
            headers = {"Authorization": f"Bearer {user['token']}"}
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                async with http.post(
                    f"/api/v1/chats/{chat_id}/messages",
                    headers=headers,
                    json={"text": "throughput", "random_id": next(rid)},
                ) as r:
                    await r.read()
                    if r.status == 200:
                        acked += 1
                latencies.append((time.perf_counter() - t0) * 1000)

        started = time.monotonic()
        await asyncio.gather(*(drive(i) for i in range(concurrency)))
        elapsed = time.monotonic() - started
    return {
        "sends_per_s": acked / elapsed,
        "acked": acked,
        "seconds": elapsed,
        "concurrency": concurrency,
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
    }


async def delivery_latency(base: str, users: list[dict[str, Any]], chats: list[int], *,
                           rate: float, seconds: float, run: int = 0
                           ) -> dict[str, float]:  # fmt: skip
    """Open loop: `rate` sends/s spread over all senders; latency from just before the send
    to the peer's socket receiving the message event."""
    sockets = []
    for u in users:
        sockets.append(await ws_connect(base, u["token"]))
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    warmup_until = time.monotonic() + 2

    async def listen(ws: Any) -> None:
        try:
            while True:
                received = frames(await ws.recv())
                now = time.monotonic()
                for frame in received:
                    if frame.get("kind") == "message.new":
                        t0 = sent_at.get(frame["message"]["text"])
                        if t0 is not None and t0 > warmup_until:
                            latencies.append((now - t0) * 1000)
        except (websockets.ConnectionClosed, asyncio.CancelledError):
            return

    # only the receiving side of each pair counts: listen on the odd sockets
    listeners = [asyncio.create_task(listen(ws)) for ws in sockets[1::2]]
    drains = [asyncio.create_task(_drain(ws)) for ws in sockets[0::2]]
    senders = sockets[0::2]
    interval = 1.0 / rate
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < seconds:
        i = n % len(senders)
        key = f"lat-{run}-{n}"
        sent_at[key] = time.monotonic()
        await senders[i].send(
            orjson.dumps(
                {
                    "op": "send",
                    "req": n,
                    "chat_id": chats[i],
                    "text": key,
                    "random_id": 50_000_000 + run * 10_000_000 + n,
                }
            ).decode()
        )
        n += 1
        next_at = start + n * interval
        delay = next_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
    await asyncio.sleep(1.0)
    achieved = n / (time.monotonic() - start - 1.0)
    for task in listeners + drains:
        task.cancel()
    for ws in sockets:
        await ws.close()
    return {
        "clients": len(sockets),
        "target_rate": rate,
        "achieved_rate": round(achieved, 1),
        "delivered": len(latencies),
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "max_ms": max(latencies, default=float("nan")),
    }


async def _drain(ws: Any) -> None:
    try:
        while True:
            await ws.recv()
    except (websockets.ConnectionClosed, asyncio.CancelledError):
        return


def seed_big_channel(url: str, subscribers: int) -> tuple[int, int]:
    """Create a channel with `subscribers` members straight in the store (signing up 200,000
    people through the API would measure sign-up, not posting). Returns (channel, owner)."""
    from datetime import UTC, datetime

    import sqlalchemy as sa

    from parley.domain.chats import ChatKind
    from parley.store.chats import chat_members, chats
    from parley.store.database import Database
    from parley.store.users import users

    db = Database(url)
    now = datetime.now(UTC)

    def run(tx: Any) -> tuple[int, int]:
        owner = tx.users.insert(kind=__import__("parley.domain.users", fromlist=["UserKind"]
                                                ).UserKind.USER, display_name="Owner",
                                created_at=now)  # fmt: skip
        chat_id = tx.chats.insert(kind=ChatKind.CHANNEL, title="Big channel", username="bigchan",
                                  owner_id=owner, at=now)  # fmt: skip
        first = int(tx.conn.execute(sa.select(sa.func.max(users.c.id))).scalar_one()) + 1
        tx.conn.execute(users.insert(), [
            {"kind": "user", "display_name": f"sub {i}", "bio": "", "status": "active",
             "created_at": now, "seq": 0} for i in range(subscribers)])  # fmt: skip
        tx.conn.execute(chat_members.insert(), [
            {"chat_id": chat_id, "user_id": uid, "status": "member", "can_send": True,
             "joined_at": now, "read_inbox_max_id": 0}
            for uid in range(first, first + subscribers)])  # fmt: skip
        tx.conn.execute(chat_members.insert(), [
            {"chat_id": chat_id, "user_id": owner, "status": "owner", "can_send": True,
             "joined_at": now, "read_inbox_max_id": 0,
             "rights": {"can_post_messages": True, "can_promote_members": True}}])  # fmt: skip
        tx.conn.execute(chats.update().where(chats.c.id == chat_id)
                        .values(member_count=subscribers + 1, owner_id=owner))  # fmt: skip
        return chat_id, owner

    result = db.write_sync(run)
    db.close()
    return result


def _listen_process(base: str, tokens: list[str], conn: Any) -> None:
    """Child process: hold one socket per token; report (text, time of the last arrival)
    once a post has reached every socket; stop when told."""
    asyncio.run(_listen(base, tokens, conn))


async def _listen(base: str, tokens: list[str], conn: Any) -> None:
    sockets = [await ws_connect(base, t) for t in tokens]
    counts: dict[str, int] = {}

    async def listen(ws: Any) -> None:
        try:
            while True:
                raw = await ws.recv()
                now = time.perf_counter()
                for frame in frames(raw):
                    if frame.get("kind") == "message.new":
                        text = frame["message"]["text"]
                        counts[text] = counts.get(text, 0) + 1
                        if counts[text] == len(sockets):
                            conn.send((text, now))
        except (websockets.ConnectionClosed, asyncio.CancelledError):
            return

    tasks = [asyncio.create_task(listen(ws)) for ws in sockets]
    conn.send("ready")
    await asyncio.to_thread(conn.recv)
    for task in tasks:
        task.cancel()
    for ws in sockets:
        await ws.close()


async def channel_post(
    base: str, url: str, chat_id: int, *, posts: int, online: int, spacing: float = 0.05
) -> dict[str, float]:
    """Post into the big channel: the poster's acknowledgement time (the target), and the time
    until the post reached every online subscriber's socket."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        owner = await signup(http, "channel owner")
        readers = await signup_many(http, online)
    # make the signed-up owner an owner of the big channel, and the readers subscribers
    from datetime import UTC, datetime

    from parley.domain.chats import AdminRights, Member, MemberStatus
    from parley.store.database import Database

    db = Database(url)
    now = datetime.now(UTC)

    def promote(tx: Any) -> None:
        tx.members.put(
            Member(
                chat_id=chat_id,
                user_id=owner["id"],
                status=MemberStatus.OWNER,
                joined_at=now,
                rights=AdminRights.full(),
            )
        )
        for r in readers:
            tx.members.put(
                Member(chat_id=chat_id, user_id=r["id"], status=MemberStatus.MEMBER, joined_at=now)
            )

    db.write_sync(promote)
    db.close()
    # The online subscribers listen in a process of their own: in this one, reading 1,000
    # frames per post would delay reading the poster's own acknowledgement and time the load
    # generator instead of the server. (perf_counter is the system's monotonic clock, so the
    # two processes' times compare.)
    mp = multiprocessing.get_context("spawn")
    ours, theirs = mp.Pipe()
    listener = mp.Process(target=_listen_process, args=(base, [r["token"] for r in readers],
                                                        theirs), daemon=True)  # fmt: skip
    listener.start()
    assert await asyncio.to_thread(ours.recv) == "ready"
    # the subscribers were written straight into the store: let the search index take them in
    settled = await asyncio.to_thread(wait_idle, base)
    acks, fanouts = [], []
    async with aiohttp.ClientSession(base) as poster:
        headers = {"Authorization": f"Bearer {owner['token']}"}
        async with poster.get(f"/api/v1/chats/{chat_id}", headers=headers) as r:
            member_count = (await r.json())["member_count"]
        for i in range(posts):
            text = f"post {i}"
            t0 = time.perf_counter()
            async with poster.post(
                f"/api/v1/chats/{chat_id}/messages",
                headers=headers,
                json={"text": text, "random_id": 90_000_000 + i},
            ) as r:
                await r.read()
                acks.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
            # a busy channel posts every few seconds; wait for the fan-out to reach every
            # online subscriber before the next post, so each post is timed on its own
            if online and await asyncio.to_thread(ours.poll, 10):
                done_text, last_arrival = ours.recv()
                assert done_text == text, (done_text, text)
                fanouts.append((last_arrival - t0) * 1000)
            await asyncio.sleep(spacing)
    ours.send("stop")
    listener.join(timeout=30)
    return {
        "subscribers": member_count,
        "online_subscribers": online,
        "posts": posts,
        "settle_s": settled,
        "p50_ms": percentile(acks, 50),
        "p99_ms": percentile(acks, 99),
        "fanout_complete": len(fanouts),
        "fanout_p50_ms": percentile(fanouts, 50),
        "fanout_p99_ms": percentile(fanouts, 99),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=1000)
    parser.add_argument("--subscribers", type=int, default=200_000)
    parser.add_argument(
        "--backend",
        choices=["sqlite", "postgres"],
        default="sqlite",
        help="postgres: PostgreSQL (PARLEY_BENCH_PG_URL, default "
        "postgresql://postgres@127.0.0.1:5432) and Redis (PARLEY_BENCH_REDIS_URL)",
    )
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.clients, args.rate, args.subscribers = 3, 100, 200, 5000
    result: dict[str, Any] = {"benchmark": "core", "python": platform.python_version(),
                              "machine": platform.machine(), "quick": args.quick,
                              "backend": args.backend, "cpus": os.cpu_count(),
                              "load_average_start": round(os.getloadavg()[0], 2)}  # fmt: skip
    with backend(args.backend) as env, running_server(extra_env=env) as (base, _data):
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            users = await signup_many(http, 64)
            chats = await private_pairs(http, users)
        result["settle_s"] = [wait_idle(base)]
        result["ws_sends"] = await ws_throughput(base, users, chats, seconds=args.seconds,
                                                 window=8)  # fmt: skip
        result["settle_s"].append(wait_idle(base))
        result["http_sends"] = await http_throughput(base, users, chats, seconds=args.seconds,
                                                     concurrency=32)  # fmt: skip
    with backend(args.backend) as env, running_server(extra_env=env) as (base, _data):
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            users = await signup_many(http, args.clients)
            chats = await private_pairs(http, users)
        result["settle_s"].append(wait_idle(base))
        result["delivery"] = await delivery_latency(base, users, chats, rate=args.rate,
                                                    seconds=args.seconds)  # fmt: skip
        # the same at a quarter of the rate: latency when the server is not near saturation
        result["settle_s"].append(wait_idle(base))
        result["delivery_quarter_rate"] = await delivery_latency(
            base, users, chats, rate=args.rate / 4, seconds=args.seconds, run=1
        )
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp, backend(args.backend) as env:
        data = Path(tmp)
        parley(data, "db", "upgrade", extra_env=env)
        url = store_url(data, env)
        chat_id, _ = seed_big_channel(url, args.subscribers)
        with running_server(data, extra_env=env) as (base, _):
            result["channel_post"] = await channel_post(base, url, chat_id, posts=50,
                                                        online=min(1000, args.clients))  # fmt: skip
    result["load_average_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    random.seed(1)
    # The load generator holds up to a thousand sockets in one process: with the default
    # collector its own pauses (a full pass took 50-300 ms) were timed as delivery latency.
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)
    asyncio.run(main())
    del statistics
