"""Rate limits: a sliding-window counter behind a small Protocol, in memory for one process and
in Redis when several processes share the limits (PARLEY_REDIS_URL)."""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Any, Protocol


class RateLimiter(Protocol):
    async def take(self, key: str, *, limit: int, window: float) -> int:
        """Count one event under `key`; return 0 when allowed, else whole seconds to wait.
        A refused event is not counted."""
        ...

    async def reset(self, key: str) -> None: ...


class MemoryRateLimiter:
    """Exact sliding window kept in process memory (the embedded default). Runs on the event
    loop only, so it needs no lock."""

    def __init__(self, max_keys: int = 200_000) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._max_keys = max_keys

    async def take(self, key: str, *, limit: int, window: float) -> int:
        now = time.monotonic()
        hits = self._hits.get(key)
        if hits is None:
            if len(self._hits) >= self._max_keys:
                self._evict(now, window)
            hits = self._hits[key] = deque()
        while hits and hits[0] <= now - window:
            hits.popleft()
        if len(hits) >= limit:
            return max(1, math.ceil(hits[0] + window - now))
        hits.append(now)
        return 0

    async def reset(self, key: str) -> None:
        self._hits.pop(key, None)

    def _evict(self, now: float, window: float) -> None:
        stale = [k for k, v in self._hits.items() if not v or v[-1] <= now - window]
        for k in stale:
            del self._hits[k]
        if len(self._hits) >= self._max_keys:
            self._hits.clear()


# Sliding-window log in a sorted set, atomically: drop entries older than the window, refuse
# (returning the wait in ms) when full, else add this event. Members are unique per call.
_TAKE = """
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]),
  tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return 0
"""


class RedisRateLimiter:
    """The same sliding window, shared by every process through Redis."""

    def __init__(self, client: Any, *, prefix: str = "parley:rl:") -> None:
        self._client = client
        self._prefix = prefix
        self._script = client.register_script(_TAKE)
        self._counter = 0

    async def take(self, key: str, *, limit: int, window: float) -> int:
        self._counter += 1
        now_ms = int(time.time() * 1000)
        member = f"{now_ms}-{id(self)}-{self._counter}"
        wait_ms = int(
            await self._script(
                keys=[self._prefix + key], args=[now_ms, int(window * 1000), limit, member]
            )
        )
        return 0 if wait_ms == 0 else max(1, math.ceil(wait_ms / 1000))

    async def reset(self, key: str) -> None:
        await self._client.delete(self._prefix + key)


class NoRateLimiter:
    """Allows everything: for seeding the demo world and for benchmarks that measure capacity."""

    async def take(self, key: str, *, limit: int, window: float) -> int:
        return 0

    async def reset(self, key: str) -> None:
        return None
