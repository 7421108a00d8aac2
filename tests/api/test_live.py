"""Live delivery over a real WebSocket connection to a real server."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import websockets
from websockets.asyncio.client import ClientConnection

from tests.helpers import Api, Person

_pending: dict[int, list[Any]] = {}


async def _one(ws: ClientConnection, wait: float) -> Any:
    """One server frame; a message may carry a JSON array of frames."""
    queue = _pending.setdefault(id(ws), [])
    if not queue:
        data = json.loads(await asyncio.wait_for(ws.recv(), wait))
        queue.extend(data if isinstance(data, list) else [data])
    return queue.pop(0)


@asynccontextmanager
async def connect(server: str, who: Person) -> AsyncIterator[ClientConnection]:
    url = server.replace("http://", "ws://") + "/api/v1/updates/ws"
    async with websockets.connect(url) as ws:
        await ws.send(json.dumps({"op": "auth", "token": who.token}))
        ready = await _one(ws, 5)
        assert ready["type"] == "ready", ready
        yield ws


async def next_frame(ws: ClientConnection, *, kind: str | None = None, wait: float = 5) -> Any:
    """The next frame of a kind; for message.new, the next text message (service messages such
    as 'group created' are skipped)."""
    while True:
        frame = await _one(ws, wait)
        if kind == "message.new" and frame.get("kind") == kind:
            if frame["message"]["kind"] == "text":
                return frame
            continue
        if kind is None or frame.get("kind") == kind or frame.get("type") == kind:
            return frame


async def test_two_clients_see_each_others_messages_live(api: Api, server: str) -> None:
    alice, bob = await api.signup("Alice"), await api.signup("Bob")
    chat = await api.create_chat(alice, "group", "Live", member_ids=[bob.id])
    async with connect(server, alice) as wa, connect(server, bob) as wb:
        await api.send(alice, chat["id"], "hello bob")
        got = await next_frame(wb, kind="message.new")
        assert got["message"]["text"] == "hello bob" and got["chat_id"] == chat["id"]
        await wb.send(
            json.dumps(
                {
                    "op": "send",
                    "req": "r1",
                    "chat_id": chat["id"],
                    "text": "hi alice",
                    "random_id": 77,
                }
            )
        )
        result = await next_frame(wb, kind="result")
        assert result["ok"] is True and result["req"] == "r1"
        got = await next_frame(wa, kind="message.new")
        assert got["message"]["text"] == "hello bob"  # her own message, echoed in order
        got = await next_frame(wa, kind="message.new")
        assert got["message"]["text"] == "hi alice"
        assert got["pts"] > 0


async def test_reconnecting_client_catches_up_from_pts(api: Api, server: str) -> None:
    alice, bob = await api.signup("Alice"), await api.signup("Bob")
    chat = await api.create_chat(alice, "group", "Live", member_ids=[bob.id])
    async with connect(server, bob) as wb:
        await api.send(alice, chat["id"], "before the drop")
        seen = await next_frame(wb, kind="message.new")
    held_pts = seen["pts"]
    for text in ("while away 1", "while away 2"):
        await api.send(alice, chat["id"], text)
    async with connect(server, bob) as wb:
        diff = (await api.get(bob, "/api/v1/updates", pts=f"{chat['id']}:{held_pts}")).json()
        texts = [
            e["message"]["text"] for e in diff["chats"][0]["events"] if e["kind"] == "message.new"
        ]
        assert texts == ["while away 1", "while away 2"]
        await api.send(alice, chat["id"], "after reconnect")
        live = await next_frame(wb, kind="message.new")
        assert live["message"]["text"] == "after reconnect"
        assert live["pts"] == diff["chats"][0]["pts"] + 1  # no gap, no duplicate


async def test_new_chat_is_followed_live_and_outsiders_see_nothing(api: Api, server: str) -> None:
    alice, bob, eve = await api.signup("A"), await api.signup("B"), await api.signup("E")
    async with connect(server, bob) as wb, connect(server, eve) as we:
        chat = await api.create_chat(alice, "group", "New", member_ids=[bob.id])
        joined = await next_frame(wb, kind="chat.joined")
        assert joined["data"]["chat_id"] == chat["id"]
        await api.send(alice, chat["id"], "welcome")
        got = await next_frame(wb, kind="message.new")
        assert got["message"]["text"] == "welcome"
        await we.send(json.dumps({"op": "ping", "req": "p"}))
        pong = await next_frame(we, kind="result")
        assert pong["result"] == {"pong": True}  # eve got nothing before her pong


async def test_ws_rejects_bad_auth_and_bad_frames(api: Api, server: str) -> None:
    url = server.replace("http://", "ws://") + "/api/v1/updates/ws"
    async with websockets.connect(url) as ws:
        await ws.send(json.dumps({"op": "auth", "token": "forged"}))
        frame = await _one(ws, 5)
        assert frame["type"] == "error"
        await asyncio.wait_for(ws.wait_closed(), 5)
        assert ws.close_code == 4001
    alice = await api.signup("A")
    async with connect(server, alice) as ws:
        await ws.send("not json")
        frame = await next_frame(ws, kind="result")
        assert frame["ok"] is False and frame["error"]["code"] == "invalid_frame"
        await ws.send(json.dumps({"op": "send", "req": 1, "chat_id": 12345, "text": "x"}))
        frame = await next_frame(ws, kind="result")
        assert frame["ok"] is False and frame["error"]["code"] == "chat_not_found"
        await ws.send(json.dumps({"op": "launch_missiles", "req": 2}))
        frame = await next_frame(ws, kind="result")
        assert frame["error"]["code"] == "unknown_op"


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def server_errors() -> Iterator[list[logging.LogRecord]]:
    """What uvicorn logs as errors (it does not propagate to the root logger)."""
    handler = _Errors()
    logger = logging.getLogger("uvicorn.error")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


async def test_revoked_session_is_disconnected(
    api: Api, server: str, server_errors: list[logging.LogRecord]
) -> None:
    alice = await api.signup("A")
    async with connect(server, alice) as ws:
        await api.post(alice, "/api/v1/auth/sign-out")
        await asyncio.wait_for(ws.wait_closed(), 5)
    await asyncio.sleep(0.2)  # the server's side of the socket winds down
    # the server closed the socket itself: its reading loop ends quietly, not with an error
    assert [r.getMessage() for r in server_errors] == []


async def test_sending_socket_gets_result_not_echo_other_devices_get_event(
    api: Api, server: str
) -> None:
    alice, bob = await api.signup("Alice", phone="+9996610777"), await api.signup("Bob")
    laptop = await api.signup("Alice", phone="+9996610777")  # a second session of alice
    chat = await api.create_chat(alice, "group", "Sync", member_ids=[bob.id])
    async with connect(server, alice) as phone, connect(server, laptop) as other:
        await phone.send(
            json.dumps(
                {
                    "op": "send",
                    "req": "s",
                    "chat_id": chat["id"],
                    "text": "from my phone",
                    "random_id": 5,
                }
            )
        )
        result = await next_frame(phone, kind="result")
        assert result["ok"] and result["result"]["pts"] > 0
        echo = await next_frame(other, kind="message.new")
        assert echo["pts"] == result["result"]["pts"]
        await phone.send(json.dumps({"op": "ping", "req": "p"}))
        after = await next_frame(phone, wait=5)
        assert after["type"] == "result" and after["req"] == "p"  # no echo came before it


async def test_pipelined_sends_land_in_the_order_sent(api: Api, server: str) -> None:
    """A client may keep many sends in flight on its one socket (more than the server runs at
    once): every one is answered, the bad ones refused alone, and the chat holds them in the
    order they were sent."""
    alice, bob = await api.signup("Alice"), await api.signup("Bob")
    chat = await api.create_chat(alice, "group", "Pipe", member_ids=[bob.id])
    texts = [f"m{i}" for i in range(40)]
    async with connect(server, alice) as wa, connect(server, bob) as wb:
        for i, text in enumerate(texts):
            frame = {"op": "send", "req": i, "chat_id": chat["id"], "text": text,
                     "random_id": 1000 + i}  # fmt: skip
            if i == 7:
                frame["text"] = ""  # refused: empty
            if i == 9:
                frame["chat_id"] = 999_999  # refused: no such chat
            await wa.send(json.dumps(frame))
        await wa.send(json.dumps({"op": "ping", "req": "last"}))
        results: dict[Any, Any] = {}
        while len(results) < 41:  # answers come as each op finishes, not in request order
            frame = await next_frame(wa, kind="result")
            results[frame["req"]] = frame
        assert sorted(k for k in results if k != "last") == list(range(40))
        refused = {k for k, r in results.items() if not r["ok"]}
        assert refused == {7, 9}
        ids = [results[i]["result"]["message"]["id"] for i in range(40) if i not in refused]
        assert ids == sorted(ids)
        seen = [(await next_frame(wb, kind="message.new"))["message"]["text"] for _ in ids]
    kept = [t for i, t in enumerate(texts) if i not in (7, 9)]
    assert seen == kept
    history = (await api.get(alice, f"/api/v1/chats/{chat['id']}/messages", limit=50)).json()
    assert [m["text"] for m in reversed(history) if m["kind"] == "text"] == kept
