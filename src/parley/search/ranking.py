"""How relevance is weighed: bm25 from the engine, times boosts for recency and chat size, and
an exact @username match above everything else.

Backends rescore the engine's best candidates with these factors (a window of them at a time,
see RESCORE_WINDOW in the Tantivy backend), so the numbers here are the whole ranking policy."""

from __future__ import annotations

import math

DAY_MS = 86_400_000

RECENCY_HALF_LIFE_DAYS = 30.0  # a month-old post has half the recency bonus of a new one
RECENCY_WEIGHT = 0.5  # a brand-new post scores up to 1.5x
MESSAGE_SIZE_WEIGHT = 0.04  # posts in a chat of 1,000 members score ~1.4x, of 1,000,000 ~1.8x
PEER_SIZE_WEIGHT = 0.1  # chats of 1,000 members rank ~2x, of 1,000,000 ~3x
EXACT_USERNAME_SCORE = 1000.0  # added when the query is exactly a user's or chat's username


def recency(date_ms: int, now_ms: int) -> float:
    age_days = max(0, now_ms - date_ms) / DAY_MS
    return 1.0 + RECENCY_WEIGHT * math.pow(0.5, age_days / RECENCY_HALF_LIFE_DAYS)


def size(members: int, weight: float) -> float:
    return 1.0 + weight * math.log2(1 + max(0, members))


def message_score(bm25: float, *, date_ms: int, members: int, now_ms: int) -> float:
    return bm25 * recency(date_ms, now_ms) * size(members, MESSAGE_SIZE_WEIGHT)


def peer_score(bm25: float, *, members: int) -> float:
    return bm25 * size(members, PEER_SIZE_WEIGHT)
