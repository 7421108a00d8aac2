"""Helpers for bot tests: create a bot through the client API and call the Bot API as it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from tests.helpers import Api, Person

T = TypeVar("T")


@dataclass
class Bot:
    id: int
    token: str
    username: str
    http: httpx.AsyncClient

    async def raw(self, method: str, **params: Any) -> httpx.Response:
        return await self.http.post(f"/bot{self.token}/{method}", json=params)

    async def call(self, method: str, **params: Any) -> Any:
        r = await self.raw(method, **params)
        body = r.json()
        assert r.status_code == 200 and body["ok"] is True, (method, r.status_code, body)
        return body["result"]

    async def updates(self, **params: Any) -> list[dict[str, Any]]:
        """Fetch and confirm pending updates."""
        got: list[dict[str, Any]] = await self.call("getUpdates", **params)
        if got:
            await self.call("getUpdates", offset=got[-1]["update_id"] + 1, timeout=0)
        return got


async def create_bot(api: Api, owner: Person, username: str, name: str = "Test Bot") -> Bot:
    r = await api.post(owner, "/api/v1/bots", {"username": username, "name": name})
    assert r.status_code == 201, r.text
    body = r.json()
    return Bot(id=body["bot"]["id"], token=body["token"], username=username, http=api.http)


async def eventually(check: Callable[[], Awaitable[T | None]], *, within: float = 10.0,
                     interval: float = 0.02) -> T:  # fmt: skip
    """Poll `check` until it returns something truthy, or fail after `within` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        value = await check()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(interval)


async def texts_seen(api: Api, who: Person, chat_id: int) -> list[str]:
    r = await api.get(who, f"/api/v1/chats/{chat_id}/messages", limit=50)
    assert r.status_code == 200, r.text
    return [m["text"] for m in reversed(r.json()) if m["kind"] == "text" and not m["deleted"]]
