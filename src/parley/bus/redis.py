"""The bus between processes, over Redis pub/sub (PARLEY_REDIS_URL).

Every process publishes and subscribes on the same channels; an event sent through process A
reaches the WebSocket held by process B. Messages are JSON; one connection publishes, so each
process's events keep their order. Pub/sub is fire-and-forget: a process that was away catches
its clients up from the store's event sequence, as any reconnecting client does.

The publishing process's own handlers run before `publish` returns, as on the in-process bus,
and its echo from Redis is skipped. Otherwise a sign-out or a role change would take effect in
the very process that made it only after a round trip through Redis: a request that raced the
echo was still served on the old session or the old roles."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from typing import Any

import orjson
import redis.asyncio as aioredis

from parley.bus import Handler, dispatch

log = logging.getLogger(__name__)
POOL_WAIT_SECONDS = 10.0


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
        self._origin = uuid.uuid4().hex  # this process's tag on what it publishes

    def subscribe(self, topic: str, handler: Handler) -> None:
        self._handlers.setdefault(topic, []).append(handler)

    async def start(self) -> None:
        if self._client is not None:
            return
        self._client = redis_client(self._url, max_connections=self._max_connections)
        self._ready.clear()
        self._listener = asyncio.create_task(self._listen(), name="parley-redis-bus")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def close(self) -> None:
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
        envelope = {"o": self._origin, "m": message}
        await self._client.publish(self._prefix + topic, orjson.dumps(envelope))

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
                    envelope = orjson.loads(raw["data"])
                    if envelope.get("o") == self._origin:
                        continue  # dispatched when it was published
                    topic = raw["channel"].decode().removeprefix(self._prefix)
                    await self._dispatch(topic, envelope["m"])
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
