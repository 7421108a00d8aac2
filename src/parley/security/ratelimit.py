"""Rate limits: a sliding-window counter behind a small Protocol, in memory for one process and
in Redis when several processes share the limits (PARLEY_REDIS_URL)."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from typing import Protocol


class RateLimiter(Protocol):
    def hit(self, key: str, *, limit: int, window: float) -> int:
        """Count one event under `key`; return 0 when allowed, else seconds to wait."""
        ...

    def reset(self, key: str) -> None: ...


class MemoryRateLimiter:
    """Exact sliding window kept in process memory (the embedded default)."""

    def __init__(self, max_keys: int = 200_000) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._max_keys = max_keys

    def hit(self, key: str, *, limit: int, window: float) -> int:
        now = time.monotonic()
        with self._lock:
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

    def reset(self, key: str) -> None:
        with self._lock:
            self._hits.pop(key, None)

    def _evict(self, now: float, window: float) -> None:
        stale = [k for k, v in self._hits.items() if not v or v[-1] <= now - window]
        for k in stale:
            del self._hits[k]
        if len(self._hits) >= self._max_keys:
            self._hits.clear()


class NoRateLimiter:
    """Allows everything: for seeding the demo world and for benchmarks that measure capacity."""

    def hit(self, key: str, *, limit: int, window: float) -> int:
        return 0

    def reset(self, key: str) -> None:
        return None
