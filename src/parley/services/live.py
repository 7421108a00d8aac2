"""Live delivery: pushes committed events to the WebSocket connections held by this process.

Every process subscribes to the bus and keeps, for the users connected to it, an index from
chat to online members. An event for a chat costs a lookup and one queue put per online
member — the 200,000 offline subscribers of a channel cost nothing. The wire form is rendered
once per event by the front room's renderer and shared by every connection."""

from __future__ import annotations

import asyncio
import collections
import itertools
import logging
import os
from collections.abc import Callable
from typing import Any

from parley.bus import Bus, Topics
from parley.domain.chats import MemberStatus
from parley.store.database import Database
from parley.store.tx import Tx

log = logging.getLogger(__name__)

Renderer = Callable[[dict[str, Any]], bytes]


class Subscriber:
    """One live connection's outgoing queue. When a slow client falls too far behind, the
    subscriber is marked lagging and closed; the client reconnects and catches up from pts."""

    _keys = itertools.count(1)

    def __init__(self, user_id: int, session_id: int, *, max_queue: int) -> None:
        self.user_id = user_id
        self.session_id = session_id
        self.key = f"{os.getpid()}-{next(self._keys)}"  # names this connection as an origin
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=max_queue)
        self.lagging = False
        self.closed = False

    def push(self, frame: bytes) -> None:
        if self.closed:
            return
        try:
            self.queue.put_nowait(frame)
        except asyncio.QueueFull:
            self.lagging = True
            self.close()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.queue.put_nowait(None)
        except asyncio.QueueFull:
            self.queue.get_nowait()
            self.queue.put_nowait(None)


class Hub:
    def __init__(self, db: Database, bus: Bus, *, max_queue: int = 2000) -> None:
        self._db = db
        self._max_queue = max_queue
        self._subs: dict[int, set[Subscriber]] = {}
        self._chat_users: dict[int, dict[int, bool]] = {}  # chat -> {online user: is admin}
        self._user_chats: dict[int, set[int]] = {}
        self._renderers: list[Renderer] = []
        self._backlog: collections.deque[dict[str, Any]] = collections.deque()
        self._scheduled = False
        bus.subscribe(Topics.EVENTS, self._on_event)
        bus.subscribe(Topics.AUTH, self._on_auth)

    def set_renderer(self, renderer: Renderer) -> None:
        self._renderers = [renderer]

    @property
    def online_users(self) -> int:
        return len(self._subs)

    @property
    def connections(self) -> int:
        return sum(len(s) for s in self._subs.values())

    async def connect(self, user_id: int, session_id: int) -> Subscriber:
        sub = Subscriber(user_id, session_id, max_queue=self._max_queue)
        if user_id not in self._subs:
            self._subs[user_id] = set()

            def load(tx: Tx) -> dict[int, bool]:
                ids = tx.members.chat_ids_of(user_id)
                members = tx.members.memberships_of(user_id, ids)
                return {cid: m.is_admin for cid, m in members.items()}

            chats = await self._db.read(load)
            if user_id not in self._subs:  # every connection closed while loading
                self._subs[user_id] = set()
            self._user_chats[user_id] = set(chats)
            for chat_id, is_admin in chats.items():
                self._chat_users.setdefault(chat_id, {})[user_id] = is_admin
        self._subs[user_id].add(sub)
        return sub

    def disconnect(self, sub: Subscriber) -> None:
        sub.close()
        subs = self._subs.get(sub.user_id)
        if subs is None:
            return
        subs.discard(sub)
        if subs:
            return
        del self._subs[sub.user_id]
        for chat_id in self._user_chats.pop(sub.user_id, set()):
            users = self._chat_users.get(chat_id)
            if users is not None:
                users.pop(sub.user_id, None)
                if not users:
                    del self._chat_users[chat_id]

    def _render(self, message: dict[str, Any]) -> bytes | None:
        if not self._renderers:
            return None
        return self._renderers[0](message)

    def _on_event(self, message: dict[str, Any]) -> None:
        """Queue the event; the fan-out runs on the loop's next turn, events in the order they
        came. The request that published it answers first: pushing a channel post to 1,000
        online subscribers inside `publish` added about 15 ms to the poster's wait."""
        self._backlog.append(message)
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._fan_out)

    def _fan_out(self) -> None:
        self._scheduled = False
        while self._backlog:
            message = self._backlog.popleft()
            try:
                if message.get("t") == "user":
                    self._on_user_event(message)
                else:
                    self._on_chat_event(message)
            except Exception:
                log.exception("live delivery of a %s event failed", message.get("kind"))

    def _on_chat_event(self, message: dict[str, Any]) -> None:
        chat_id = message["chat_id"]
        if message["kind"] == "member.update":
            self._track_admin(chat_id, message["data"])
        users = self._chat_users.get(chat_id)
        if not users:
            return
        frame = self._render(message)
        if frame is None:
            return
        admins_only = message["audience"] == "admins"
        origin = message.get("origin")
        for user_id, is_admin in list(users.items()):
            if admins_only and not is_admin:
                continue
            for sub in list(self._subs.get(user_id, ())):
                if sub.key != origin:
                    sub.push(frame)

    def _track_admin(self, chat_id: int, data: dict[str, Any]) -> None:
        users = self._chat_users.get(chat_id)
        user_id = data.get("user_id")
        if users is not None and user_id in users:
            users[user_id] = data.get("status") in (MemberStatus.ADMIN, MemberStatus.OWNER)

    def _on_user_event(self, message: dict[str, Any]) -> None:
        user_id = message["user_id"]
        subs = self._subs.get(user_id)
        if not subs:
            return
        chat_id = message["data"].get("chat_id")
        if message["kind"] == "chat.joined" and chat_id is not None:
            self._user_chats.setdefault(user_id, set()).add(chat_id)
            self._chat_users.setdefault(chat_id, {})[user_id] = bool(message["data"].get("admin"))
        elif message["kind"] == "chat.left" and chat_id is not None:
            self._user_chats.get(user_id, set()).discard(chat_id)
            self._chat_users.get(chat_id, {}).pop(user_id, None)
        frame = self._render(message)
        if frame is not None:
            for sub in list(subs):
                sub.push(frame)

    def _on_auth(self, message: dict[str, Any]) -> None:
        session_id = message.get("session_id")
        if session_id is None:
            return
        for subs in list(self._subs.values()):
            for sub in list(subs):
                if sub.session_id == session_id:
                    sub.close()
