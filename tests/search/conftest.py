"""Fixtures for search: the real API and a way to wait for the index deterministically."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from parley.container import Container
from parley.search.protocol import Position
from tests.helpers import Api, Person


class Search:
    """Search through the real HTTP API, as a client would."""

    def __init__(self, api: Api, container: Container) -> None:
        self.api = api
        self.container = container

    async def caught_up(self) -> Position:
        """Wait until the index has applied everything the store holds now."""
        indexer = self.container.search.indexer
        assert indexer is not None, "the test process must hold the index"
        return await indexer.catch_up()

    async def get(self, who: Person, q: str, **params: Any) -> dict[str, Any]:
        r = await self.api.get(who, "/api/v1/search", q=q, **params)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    async def results(self, who: Person, q: str, **params: Any) -> list[dict[str, Any]]:
        return list((await self.get(who, q, **params))["results"])

    async def texts(self, who: Person, q: str, **params: Any) -> list[str]:
        """The messages found (a global search's first page also leads with chats and people)."""
        found = await self.results(who, q, **params)
        return [r["message"]["text"] for r in found if r["kind"] == "message"]

    async def titles(self, who: Person, q: str, **params: Any) -> list[str]:
        return [r["chat"]["title"] for r in await self.results(who, q, scope="chats", **params)]

    async def users(self, who: Person, q: str) -> list[int]:
        return [r["user"]["id"] for r in await self.results(who, q, scope="users")]

    async def within(self, seconds: float, who: Person, q: str, want: bool,
                     **params: Any) -> float:  # fmt: skip
        """Poll, without touching the indexer, until a search finds `q` (or stops finding
        it); returns how long that took, failing past `seconds`."""
        started = time.monotonic()
        while True:
            found = (
                bool(await self.texts(who, q, **params))
                if params.get("scope") in (None, "global", "mine", "messages")
                else bool(await self.results(who, q, **params))
            )
            elapsed = time.monotonic() - started
            if found == want:
                return elapsed
            assert elapsed < seconds, f"{q!r} still {'missing' if want else 'found'}"
            await asyncio.sleep(0.02)


@pytest.fixture
def search(api: Api, container: Container) -> Search:
    container.settings.search_per_user_per_minute = 10_000  # tests search in tight loops
    return Search(api, container)
