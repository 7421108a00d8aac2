"""The bus between processes, over Redis pub/sub (PARLEY_REDIS_URL).

Every process publishes and subscribes on the same channels; an event sent through process A
reaches the WebSocket held by process B. Messages are JSON. `publish` queues; one task sends
what queued up meanwhile as one pipeline on one connection, so each process's events keep
their order and a burst costs one round trip, not one each. Pub/sub is fire-and-forget: a
process that was away (or a message dropped while Redis was unreachable) is caught up from
the store's event sequence, as any reconnecting client is.

The publishing process's own handlers run before `publish` returns, as on the in-process bus,
and its echo from Redis is skipped. Otherwise a sign-out or a role change would take effect in
the very process that made it only after a round trip through Redis: a request that raced the
echo was still served on the old session or the old roles."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import uuid
from typing import Any

import orjson
import redis.asyncio as aioredis

from parley.bus import Handler, dispatch

log = logging.getLogger(__name__)
POOL_WAIT_SECONDS = 10.0
OUTBOX_MAX = 100_000  # messages waiting for Redis; beyond this the oldest are dropped
PIPELINE_MAX = 1_000  # messages per round trip


def redis_client(url: str, *, max_connections: int) -> aioredis.Redis:
    """A client whose pool makes a burst wait for a free connection (up to POOL_WAIT_SECONDS)
    instead of failing: redis-py's default pool raises "Too many connections" at its cap,
    which under load turned sends into errors."""
    pool = aioredis.BlockingConnectionPool.from_url(
        url, max_connections=max_connections, timeout=POOL_WAIT_SECONDS
    )
    return aioredis.Redis.from_pool(pool)  # the client owns the pool and closes it


class RedisBus:
    def __init__(self, url: str, *, prefix: str = "parley:bus:", max_connections: int = 100
                 ) -> None:  # fmt: skip
        self._url = url
        self._prefix = prefix
        self._max_connections = max_connections
        self._handlers: dict[str, list[Handler]] = {}
        self._client: aioredis.Redis | None = None
        self._listener: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        # Each message is this process's tag, a space, then the JSON: an echo of our own is
        # recognised without decoding it.
        self._origin = uuid.uuid4().hex.encode() + b" "
        self._outbox: collections.deque[tuple[str, bytes]] = collections.deque()
        self._queued = asyncio.Event()
        self._sender: asyncio.Task[None] | None = None
        self.dropped = 0

    def subscribe(self, topic: str, handler: Handler) -> None:
        self._handlers.setdefault(topic, []).append(handler)

    async def start(self) -> None:
        if self._client is not None:
            return
        self._client = redis_client(self._url, max_connections=self._max_connections)
        self._ready.clear()
        self._listener = asyncio.create_task(self._listen(), name="parley-redis-bus")
        self._sender = asyncio.create_task(self._send_loop(), name="parley-redis-bus-send")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def close(self) -> None:
        if self._sender is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._flush(), timeout=5)
            self._sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._sender
            self._sender = None
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def publish(self, topic: str, message: dict[str, Any]) -> None:
        assert self._client is not None, "the bus was not started"
        await self._dispatch(topic, message)
        if len(self._outbox) >= OUTBOX_MAX:
            self._outbox.popleft()
            self.dropped += 1
        self._outbox.append((self._prefix + topic, self._origin + orjson.dumps(message)))
        self._queued.set()

    async def _send_loop(self) -> None:
        while True:
            await self._queued.wait()
            self._queued.clear()
            try:
                await self._flush()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("redis bus: publishing failed; retrying")
                await asyncio.sleep(0.5)
                self._queued.set()

    async def _flush(self) -> None:
        """Send everything queued, a pipeline at a time; a pipeline that fails stays queued."""
        assert self._client is not None
        while self._outbox:
            batch = [self._outbox.popleft() for _ in range(min(PIPELINE_MAX, len(self._outbox)))]
            try:
                async with self._client.pipeline(transaction=False) as pipe:
                    for channel, data in batch:
                        pipe.publish(channel, data)
                    await pipe.execute()
            except BaseException:
                self._outbox.extendleft(reversed(batch))
                raise

    async def _listen(self) -> None:
        """Subscribe, then dispatch; reconnect with backoff if Redis goes away."""
        delay = 0.1
        while True:
            assert self._client is not None
            pubsub = self._client.pubsub(ignore_subscribe_messages=True)
            try:
                channels = [self._prefix + t for t in self._handlers] or [self._prefix + "_"]
                await pubsub.subscribe(*channels)
                self._ready.set()
                delay = 0.1
                async for raw in pubsub.listen():
                    data: bytes = raw["data"]
                    if data.startswith(self._origin):
                        continue  # dispatched when it was published
                    topic = raw["channel"].decode().removeprefix(self._prefix)
                    try:
                        message = orjson.loads(data[len(self._origin) :])
                    except orjson.JSONDecodeError:
                        log.warning("redis bus: an undecodable message on %s was ignored", topic)
                        continue
                    await self._dispatch(topic, message)
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]  # redis-py lacks a hint
                raise
            except Exception:
                log.exception("redis bus connection lost; reconnecting")
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]  # redis-py lacks a hint
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _dispatch(self, topic: str, message: dict[str, Any]) -> None:
        await dispatch(self._handlers.get(topic, []), topic, message)
