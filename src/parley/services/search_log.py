"""What people search for, counted without who asked: the data behind moderators' "top
queries" view.

Counts gather in memory and are written in one transaction every few seconds (and when the
process stops), so a burst of searches costs the store one small write, not one each."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime, timedelta

from parley.domain.clock import to_ms
from parley.domain.errors import InvalidInput
from parley.services.context import Ctx
from parley.store.search_stats import QueryCount
from parley.store.tx import Tx

DAY_MS = 86_400_000
TOP_MAX = 500
DAYS_MAX = 366


def epoch_day(when: datetime) -> int:
    return to_ms(when) // DAY_MS


class QueryLog:
    """Pending counts per (day, normalized query); thread-safe."""

    def __init__(self) -> None:
        self._pending: Counter[tuple[int, str]] = Counter()
        self._lock = threading.Lock()

    def count(self, when: datetime, query: str) -> None:
        with self._lock:
            self._pending[(epoch_day(when), query)] += 1

    def drain(self) -> dict[int, dict[str, int]]:
        with self._lock:
            pending, self._pending = self._pending, Counter()
        by_day: dict[int, dict[str, int]] = {}
        for (day, query), n in pending.items():
            by_day.setdefault(day, {})[query] = n
        return by_day

    def restore(self, by_day: dict[int, dict[str, int]]) -> None:
        """Put counts back after a failed write, so they are not lost."""
        with self._lock:
            for day, counts in by_day.items():
                for query, n in counts.items():
                    self._pending[(day, query)] += n


async def flush_query_log(ctx: Ctx, log: QueryLog) -> None:
    by_day = log.drain()
    if not by_day:
        return

    def run(tx: Tx) -> None:
        for day, counts in sorted(by_day.items()):
            tx.search_stats.add(day, counts)

    try:
        await ctx.db.write(run)
    except Exception:
        log.restore(by_day)
        raise


async def top_queries(
    ctx: Ctx, log: QueryLog, *, days: int = 7, limit: int = 50
) -> tuple[datetime, list[QueryCount]]:
    """The most searched queries of the last `days` days (today included), most first, and
    the start of that period. Counts not yet written are written first."""
    if not 1 <= days <= DAYS_MAX:
        raise InvalidInput(f"days must be 1–{DAYS_MAX}", code="invalid_days")
    if not 1 <= limit <= TOP_MAX:
        raise InvalidInput(f"limit must be 1–{TOP_MAX}", code="invalid_limit")
    await flush_query_log(ctx, log)
    now = ctx.clock.now()
    until = epoch_day(now)
    since = until - days + 1
    found = await ctx.db.read(
        lambda tx: tx.search_stats.top(since_day=since, until_day=until, limit=limit)
    )
    start = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days - 1)
    return start, found
