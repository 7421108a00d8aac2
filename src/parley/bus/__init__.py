"""Live events between processes: in-memory for one process, Redis for several.

A topic carries plain JSON-able dicts. Publishing is fire-and-forget: a subscriber that misses
an event (a crash, a reconnect) catches up from the store's event sequence, which is the truth."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

Handler = Callable[[dict[str, Any]], Awaitable[None] | None]
log = logging.getLogger(__name__)


async def dispatch(handlers: list[Handler], topic: str, message: dict[str, Any]) -> None:
    """Call each handler in turn; one that fails is logged and does not stop the others."""
    for handler in list(handlers):
        try:
            result = handler(message)
            if inspect.isawaitable(result):
                await result
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("bus handler for %s failed", topic)


class Bus(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def publish(self, topic: str, message: dict[str, Any]) -> None: ...

    def subscribe(self, topic: str, handler: Handler) -> None: ...


class Topics:
    # Chat and user events share one topic so their order survives the trip: a user's
    # "chat.joined" arrives before the chat's events that follow it.
    EVENTS = "events"
    AUTH = "auth"  # session revocations and account changes that caches must drop
