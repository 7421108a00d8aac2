"""Test helpers: sign people in through the real API and call it as them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx
import sqlalchemy as sa

from parley.container import Container
from parley.store.catalog import metadata
from parley.store.tx import Tx

_numbers = itertools.count(1)


@dataclass
class Person:
    id: int
    token: str
    phone: str
    name: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class Api:
    """Thin wrappers over the HTTP API so tests read as scenarios."""

    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        self.http = http
        self.base_url = base_url

    async def signup(self, name: str = "Test User", *, phone: str | None = None,
                     username: str | None = None) -> Person:  # fmt: skip
        n = next(_numbers)
        dc = (n % 3) + 1
        phone = phone or f"+99966{dc}{n % 10000:04d}"
        code = phone[6] * 5
        r = await self.http.post("/api/v1/auth/send-code", json={"phone": phone})
        assert r.status_code == 200, r.text
        r = await self.http.post(
            "/api/v1/auth/sign-in", json={"phone": phone, "code": code, "display_name": name}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        person = Person(id=body["user"]["id"], token=body["token"], phone=phone, name=name)
        if username:
            r = await self.patch(person, "/api/v1/me", {"username": username})
            assert r.status_code == 200, r.text
        return person

    async def get(self, who: Person | None, path: str, **params: Any) -> httpx.Response:
        return await self.http.get(path, params=params or None,
                                   headers=who.headers if who else None)  # fmt: skip

    async def post(self, who: Person | None, path: str, body: Any = None) -> httpx.Response:
        return await self.http.post(path, json=body if body is not None else {},
                                    headers=who.headers if who else None)  # fmt: skip

    async def patch(self, who: Person, path: str, body: Any) -> httpx.Response:
        return await self.http.patch(path, json=body, headers=who.headers)

    async def delete(self, who: Person, path: str) -> httpx.Response:
        return await self.http.delete(path, headers=who.headers)

    async def create_chat(self, who: Person, kind: str = "group", title: str = "A group",
                          **extra: Any) -> dict[str, Any]:  # fmt: skip
        r = await self.post(who, "/api/v1/chats", {"kind": kind, "title": title, **extra})
        assert r.status_code == 201, r.text
        return dict(r.json())

    async def send(self, who: Person, chat_id: int, text: str, **extra: Any) -> dict[str, Any]:
        r = await self.post(who, f"/api/v1/chats/{chat_id}/messages", {"text": text, **extra})
        assert r.status_code == 200, r.text
        return dict(r.json()["message"])


def error_code(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"error"}, body
    assert {"code", "message"} <= set(body["error"]), body
    return str(body["error"]["code"])


async def stored_bytes(container: Container) -> bytes:
    """Everything the store holds, as bytes: the SQLite file and its write-ahead log, or every
    PostgreSQL table's rows. For checks that personal data never lands in the clear."""
    if container.db.is_sqlite:
        base = container.settings.data / "parley.db"
        wal = base.with_name("parley.db-wal")
        return base.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    def dump(tx: Tx) -> bytes:
        out = bytearray()
        for table in metadata.sorted_tables:
            for row in tx.conn.execute(sa.select(table)).all():
                for value in row:
                    out += (
                        bytes(value)
                        if isinstance(value, bytes | memoryview)
                        else (str(value).encode())
                    )
        return bytes(out)

    return await container.db.read(dump)
