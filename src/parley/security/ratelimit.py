"""Rate limits: a sliding-window counter behind a small Protocol, in memory for one process and
in Redis when several processes share the limits (PARLEY_REDIS_URL)."""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from collections import deque
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from redis.exceptions import NoScriptError

PIPELINE_MAX = 1_000  # calls per round trip to Redis


class Limit(NamedTuple):
    key: str
    limit: int
    window: float  # seconds


class Refusal(NamedTuple):
    limit: Limit  # the first limit that was full
    retry_after: int  # whole seconds


class RateLimiter(Protocol):
    async def take(self, key: str, *, limit: int, window: float) -> int:
        """Count one event under `key`; return 0 when allowed, else whole seconds to wait.
        A refused event is not counted."""
        ...

    async def take_all(self, limits: Sequence[Limit]) -> Refusal | None:
        """Count one event under every limit at once, or under none when one of them is full
        (that one is returned). With Redis this is one round trip, not one per limit."""
        ...

    async def reset(self, key: str) -> None: ...


class MemoryRateLimiter:
    """Exact sliding window kept in process memory (the embedded default). Runs on the event
    loop only, so it needs no lock."""

    def __init__(self, max_keys: int = 200_000) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._max_keys = max_keys

    async def take(self, key: str, *, limit: int, window: float) -> int:
        refused = await self.take_all([Limit(key, limit, window)])
        return 0 if refused is None else refused.retry_after

    async def take_all(self, limits: Sequence[Limit]) -> Refusal | None:
        now = time.monotonic()
        logs = []
        for rule in limits:
            hits = self._hits.get(rule.key)
            if hits is None:
                if len(self._hits) >= self._max_keys:
                    self._evict(now, rule.window)
                hits = self._hits[rule.key] = deque()
            while hits and hits[0] <= now - rule.window:
                hits.popleft()
            if len(hits) >= rule.limit:
                return Refusal(rule, max(1, math.ceil(hits[0] + rule.window - now)))
            logs.append(hits)
        for hits in logs:
            hits.append(now)
        return None

    async def reset(self, key: str) -> None:
        self._hits.pop(key, None)

    def _evict(self, now: float, window: float) -> None:
        stale = [k for k, v in self._hits.items() if not v or v[-1] <= now - window]
        for k in stale:
            del self._hits[k]
        if len(self._hits) >= self._max_keys:
            self._hits.clear()


# Sliding-window logs in sorted sets, atomically: for each key drop entries older than its
# window; if one is full return {its position, the wait in ms}; else add this event to every
# key and return {0, 0}. ARGV: now, member, then window and limit per key. Members are unique
# per call.
_TAKE_ALL = """
local now, member = tonumber(ARGV[1]), ARGV[2]
for i = 1, #KEYS do
  local window, limit = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    return {i, math.max(1, math.ceil(tonumber(oldest[2]) + window - now))}
  end
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[1 + 2 * i]))
end
return {0, 0}
"""


class RedisRateLimiter:
    """The same sliding windows, shared by every process through Redis.

    Calls that arrive while a round trip is out wait and then go together, as one pipeline on
    one connection: under a send load, taking a pooled connection per call (a lock and a timer
    each in redis-py) cost more CPU than the send itself."""

    def __init__(self, client: Any, *, prefix: str = "parley:rl:") -> None:
        self._client = client
        self._prefix = prefix
        # SHA-1 is how Redis names a script
        self._sha = hashlib.sha1(_TAKE_ALL.encode(), usedforsecurity=False).hexdigest()
        self._counter = 0
        self._waiting: list[tuple[list[str], list[int | str], asyncio.Future[Any]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def take(self, key: str, *, limit: int, window: float) -> int:
        refused = await self.take_all([Limit(key, limit, window)])
        return 0 if refused is None else refused.retry_after

    async def take_all(self, limits: Sequence[Limit]) -> Refusal | None:
        self._counter += 1
        now_ms = int(time.time() * 1000)
        args: list[int | str] = [now_ms, f"{now_ms}-{id(self)}-{self._counter}"]
        for rule in limits:
            args += [int(rule.window * 1000), rule.limit]
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Any] = loop.create_future()
        self._waiting.append(([self._prefix + rule.key for rule in limits], args, fut))
        if self._sender is None:
            self._sender = loop.create_task(self._send())
        position, wait_ms = await fut
        if int(position) == 0:
            return None
        return Refusal(limits[int(position) - 1], max(1, math.ceil(int(wait_ms) / 1000)))

    async def _send(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[:PIPELINE_MAX]
                del self._waiting[:PIPELINE_MAX]
                try:
                    results = await self._run(batch)
                except Exception as error:  # Redis unreachable: every caller in it fails
                    results = [error] * len(batch)
                for (_, _, fut), result in zip(batch, results, strict=True):
                    if fut.done():  # the caller went away
                        continue
                    if isinstance(result, Exception):
                        fut.set_exception(result)
                    else:
                        fut.set_result(result)
        finally:
            self._sender = None

    async def _run(self, batch: list[tuple[list[str], list[int | str], Any]]) -> list[Any]:
        for attempt in range(2):
            async with self._client.pipeline(transaction=False) as pipe:
                for keys, args, _ in batch:
                    pipe.evalsha(self._sha, len(keys), *keys, *args)
                results: list[Any] = await pipe.execute(raise_on_error=False)
            if attempt == 0 and any(isinstance(r, NoScriptError) for r in results):
                await self._client.script_load(_TAKE_ALL)  # a restarted or flushed Redis
                continue
            return results
        return results

    async def reset(self, key: str) -> None:
        await self._client.delete(self._prefix + key)


class NoRateLimiter:
    """Allows everything: for seeding the demo world and for benchmarks that measure capacity."""

    async def take(self, key: str, *, limit: int, window: float) -> int:
        return 0

    async def take_all(self, limits: Sequence[Limit]) -> Refusal | None:
        return None

    async def reset(self, key: str) -> None:
        return None
