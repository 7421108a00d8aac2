"""Rate limits, in memory and in Redis: a sliding window per key, and several limits taken at
once (one Redis round trip) where a refused event counts under none of them."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from parley.security.ratelimit import Limit, MemoryRateLimiter, RateLimiter, RedisRateLimiter
from tests.conftest import REDIS_URL


@pytest.fixture(params=["memory", "redis"])
async def limiter(request: pytest.FixtureRequest) -> AsyncIterator[RateLimiter]:
    if request.param == "memory":
        yield MemoryRateLimiter()
        return
    client = aioredis.Redis.from_url(REDIS_URL)
    prefix = f"parley-test:{uuid.uuid4().hex[:8]}:rl:"
    try:
        yield RedisRateLimiter(client, prefix=prefix)
    finally:
        keys = [k async for k in client.scan_iter(match=prefix + "*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


async def test_sliding_window(limiter: RateLimiter) -> None:
    assert [await limiter.take("k", limit=2, window=60) for _ in range(2)] == [0, 0]
    assert 0 < await limiter.take("k", limit=2, window=60) <= 60
    await limiter.reset("k")
    assert await limiter.take("k", limit=2, window=60) == 0


async def test_take_all_refuses_with_the_full_limit_and_counts_nothing(
    limiter: RateLimiter,
) -> None:
    user, chat = Limit("user", 3, 60), Limit("chat", 2, 1)
    assert await limiter.take_all([user, chat]) is None
    assert await limiter.take_all([user, chat]) is None
    refused = await limiter.take_all([user, chat])
    assert refused is not None and refused.limit == chat and refused.retry_after == 1
    # the refused event was not counted under `user`: one more is still allowed there
    assert await limiter.take_all([user]) is None
    refused = await limiter.take_all([user, Limit("other", 5, 60)])
    assert refused is not None and refused.limit == user and 1 <= refused.retry_after <= 60
    assert await limiter.take("other", limit=1, window=60) == 0  # "other" was not counted


async def test_concurrent_calls_share_round_trips_and_the_count_stays_exact(
    limiter: RateLimiter,
) -> None:
    results = await asyncio.gather(*(limiter.take("burst", limit=10, window=60) for _ in range(50)))
    assert results.count(0) == 10 and all(r > 0 for r in results if r)


async def test_redis_limiter_survives_a_flushed_script_cache() -> None:
    client = aioredis.Redis.from_url(REDIS_URL)
    limiter = RedisRateLimiter(client, prefix=f"parley-test:{uuid.uuid4().hex[:8]}:rl:")
    try:
        await client.script_flush()
        assert await limiter.take("k", limit=1, window=60) == 0
        assert await limiter.take("k", limit=1, window=60) > 0
        await limiter.reset("k")
    finally:
        await client.aclose()
