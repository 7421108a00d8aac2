"""The in-process bus of the embedded deployment."""

from __future__ import annotations

import logging
from typing import Any

from parley.bus import Handler, dispatch

log = logging.getLogger(__name__)


class MemoryBus:
    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = {}

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        self._handlers.clear()

    def subscribe(self, topic: str, handler: Handler) -> None:
        self._handlers.setdefault(topic, []).append(handler)

    async def publish(self, topic: str, message: dict[str, Any]) -> None:
        await dispatch(self._handlers.get(topic, []), topic, message)
