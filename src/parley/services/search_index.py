"""Keeping the search index in step with the store.

The indexer tails the chat event sequence (messages, membership, chat info) and the search
outbox (users and chats changed without an event, store/search_feed.py), loads the current
rows, and upserts or removes their documents. It is woken by the bus when something is
published and polls the store besides, commits after every batch, and records the position it
reached with the index, so a restart resumes where it stopped. A new post is findable within
a fraction of a second.

The index is a copy: `rebuild` makes it again from the store (the first start does this by
itself), and the visibility rules are applied to every hit against the store at query time
(services/search.py), so nothing here decides who sees what."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

from parley.bus import Topics
from parley.domain.chats import Chat, ChatKind, ChatStatus
from parley.domain.clock import to_ms
from parley.domain.errors import Conflict
from parley.domain.events import ChatEventKind
from parley.domain.messages import Message, MessageKind
from parley.domain.users import User, UserStatus
from parley.search.protocol import (
    Batch,
    MessageDoc,
    MessageKey,
    PeerDoc,
    PeerKey,
    PeerKind,
    Position,
    SearchIndex,
)
from parley.search.tantivy_backend import IndexBusy, TantivyIndex
from parley.services.context import Ctx
from parley.services.search_log import QueryLog, flush_query_log
from parley.services.wake import woken
from parley.store.search_feed import FeedKind, MessageRow
from parley.store.tx import Tx

log = logging.getLogger(__name__)
T = TypeVar("T")

EVENT_BATCH = 2000
FEED_BATCH = 2000
SCAN_PAGE = 5000
LOG_FLUSH_SECONDS = 10.0
DEBOUNCE_SECONDS = 0.05
Progress = Callable[[int, int], None]  # (done, total), called from the indexing thread

_MESSAGE_EVENTS = frozenset(
    {
        ChatEventKind.MESSAGE_NEW,
        ChatEventKind.MESSAGE_EDIT,
        ChatEventKind.MESSAGE_DELETE,
        ChatEventKind.MESSAGE_VISIBILITY,
    }
)
_CHAT_EVENTS = frozenset({ChatEventKind.CHAT_UPDATE, ChatEventKind.MEMBER_JOIN,
                          ChatEventKind.MEMBER_LEAVE, ChatEventKind.MEMBER_UPDATE})  # fmt: skip


def files_public(chat: Chat) -> bool:
    """Whether a chat's messages belong in global search: a public group or channel that
    moderation has not delisted or banned."""
    return chat.is_public and chat.status is ChatStatus.LISTED


def message_doc(message: Message, chat: Chat) -> MessageDoc:
    return MessageDoc(chat_id=message.chat_id, message_id=message.id,
                      sender_id=message.sender_id, text=message.text, date_ms=to_ms(message.date),
                      public=files_public(chat), chat_size=chat.member_count)  # fmt: skip


_PUBLIC_KINDS = frozenset({ChatKind.GROUP.value, ChatKind.CHANNEL.value})
_LISTED = ChatStatus.LISTED.value


def row_doc(row: MessageRow) -> MessageDoc:
    """The same as message_doc, from a bulk row (the rule of files_public, on raw columns)."""
    chat_id, message_id, sender_id, text, date_ms, kind, username, status, size = row
    public = kind in _PUBLIC_KINDS and username is not None and status == _LISTED
    return MessageDoc(chat_id, message_id, sender_id, text, date_ms, public, size)


def chat_doc(chat: Chat) -> PeerDoc:
    return PeerDoc(
        kind=PeerKind.CHAT, id=chat.id, username=chat.username, name=chat.title,
        about=chat.description, size=chat.member_count, public=files_public(chat),
    )  # fmt: skip


def user_doc(user: User) -> PeerDoc:
    return PeerDoc(kind=PeerKind.USER, id=user.id, username=user.username,
                   name=user.display_name)  # fmt: skip


@dataclass(slots=True)
class _Snapshot:
    """What one indexing batch read from the store."""

    position: Position
    full: bool
    message_keys: set[tuple[int, int]] = field(default_factory=set)
    chat_ids: set[int] = field(default_factory=set)
    user_ids: set[int] = field(default_factory=set)
    messages: dict[tuple[int, int], Message] = field(default_factory=dict)
    chats: dict[int, Chat] = field(default_factory=dict)
    users: dict[int, User] = field(default_factory=dict)


def _ids(data: dict[str, Any]) -> list[int]:
    found = [data.get("message_id"), *list(data.get("message_ids") or [])]
    return [i for i in found if isinstance(i, int) and not isinstance(i, bool)]


class Indexer:
    """Applies the store's changes to the index, in one background thread of its own."""

    def __init__(self, ctx: Ctx, index: SearchIndex, *, poll_seconds: float) -> None:
        self.ctx = ctx
        self.index = index
        self.poll_seconds = poll_seconds
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="parley-search-index")
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._position = index.position()

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self.ctx.bus.subscribe(Topics.EVENTS, self._on_bus)
        self.ctx.bus.subscribe(Topics.AUTH, self._on_bus)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="search-indexer")

    def _on_bus(self, _message: dict[str, Any]) -> None:
        self._wake.set()

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None
        self._pool.shutdown(wait=True)

    async def _run(self) -> None:
        while not self._stopping:
            more = False
            try:
                more = await self._step()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("search indexing failed; retrying")
                await asyncio.sleep(1.0)
            if more:
                continue
            await woken(self._wake, self.poll_seconds)
            if self._wake.is_set() and not self._stopping:
                # Let a burst of writes land so one commit covers them: fewer, larger segments.
                await asyncio.sleep(DEBOUNCE_SECONDS)
            self._wake.clear()

    async def _in_thread(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn)

    async def _step(self) -> bool:
        async with self._lock:
            if self._stopping:
                return False
            if self._position is None:
                await self._in_thread(lambda: self._rebuild_sync(None))
                return True
            return await self._in_thread(self._cycle_sync)

    # -- for callers -------------------------------------------------------------------------
    async def catch_up(self) -> Position:
        """Apply everything the store holds now; returns the position reached. Tests and
        tools use it to wait for the index deterministically."""
        target = await self.ctx.db.read(
            lambda tx: Position(tx.events.head(), tx.search_feed.head())
        )
        while True:
            async with self._lock:
                if self._position is None:
                    await self._in_thread(lambda: self._rebuild_sync(None))
                else:
                    await self._in_thread(self._cycle_sync)
                reached = self._position
            assert reached is not None
            if reached.covers(target):
                return reached

    async def rebuild(self, progress: Progress | None = None) -> Position:
        """Build the index again from the store; searches see the old one until it is done."""
        async with self._lock:
            await self._in_thread(lambda: self._rebuild_sync(progress))
            assert self._position is not None
            return self._position

    # -- the work, in the indexing thread ----------------------------------------------------
    def _cycle_sync(self) -> bool:
        """One batch: read changes, apply, commit. True when more are waiting."""
        assert self._position is not None
        snap = self.ctx.db.read_sync(lambda tx: _read_changes(tx, self._position_or_zero()))
        if snap.position == self._position:
            return False
        batch = Batch()
        refile: list[int] = []
        for chat_id in sorted(snap.chat_ids):
            chat = snap.chats.get(chat_id)
            if chat is None:
                batch.removed_peers.append(PeerKey(PeerKind.CHAT, chat_id))
                continue
            if chat.kind is ChatKind.PRIVATE:
                continue
            filed = self.index.filed_public(chat_id)
            if filed is not None and filed != files_public(chat):
                refile.append(chat_id)
            batch.peers.append(chat_doc(chat))
        for key in sorted(snap.message_keys):
            message, chat = snap.messages.get(key), snap.chats.get(key[0])
            if (message is None or chat is None or message.deleted
                    or message.kind is not MessageKind.TEXT):  # fmt: skip
                batch.removed_messages.append(MessageKey(*key))
            else:
                batch.messages.append(message_doc(message, chat))
        for user_id in sorted(snap.user_ids):
            user = snap.users.get(user_id)
            if user is None or user.status is UserStatus.BANNED:
                batch.removed_peers.append(PeerKey(PeerKind.USER, user_id))
            else:
                batch.peers.append(user_doc(user))
        self.index.apply(batch)
        for chat_id in refile:
            self._refile_sync(chat_id)
        self.index.commit(snap.position)
        self._record(snap.position)
        self._position = snap.position
        return snap.full

    def _record(self, position: Position) -> None:
        """Tell the store how far this index got, so the outbox can be pruned below the slowest
        of the deployment's indexers (services/search_index.prune_outbox)."""
        now = self.ctx.clock.now()
        name = self.cursor_name
        self.ctx.db.write_sync(lambda tx: tx.cursors.set(name, position.outbox, at=now))

    @property
    def cursor_name(self) -> str:
        return f"{CURSOR_PREFIX}{socket.gethostname()}:{self.ctx.settings.data.resolve()}"[-64:]

    def _position_or_zero(self) -> Position:
        return self._position or Position()

    def _refile_sync(self, chat_id: int) -> None:
        """A chat went public or private (or was delisted): file its messages again."""
        self.index.apply(Batch(removed_chats=[chat_id]))
        after = 0
        while True:
            rows = self.ctx.db.read_sync(partial(_chat_page, chat_id=chat_id, after=after))
            if not rows:
                return
            self.index.apply(Batch(messages=[row_doc(r) for r in rows]))
            after = rows[-1].id

    def _rebuild_sync(self, progress: Progress | None) -> None:
        db = self.ctx.db
        db.write_sync(lambda tx: tx.search_feed.refresh_statistics())
        target, totals = db.read_sync(lambda tx: (
            Position(tx.events.head(), tx.search_feed.head()),
            (tx.search_feed.count_ids(FeedKind.USER), tx.search_feed.count_ids(FeedKind.CHAT),
             tx.search_feed.count_messages()),
        ))  # fmt: skip
        total = sum(totals)
        done = 0
        log.info("rebuilding the search index from the store (%d documents)", total)
        self.index.clear()
        for kind in (FeedKind.USER, FeedKind.CHAT):
            after = 0
            while not self._stopping:
                ids, docs = db.read_sync(partial(_peer_page, kind=kind, after=after))
                if not ids:
                    break
                self.index.apply(Batch(peers=docs))
                after = ids[-1]
                done += len(ids)
                if progress is not None:
                    progress(done, total)
        key = (0, 0)
        while not self._stopping:
            rows = db.read_sync(partial(_message_page, after=key))
            if not rows:
                break
            self.index.apply(Batch(messages=[row_doc(r) for r in rows]))
            key = (rows[-1].chat_id, rows[-1].id)
            done += len(rows)
            if progress is not None:
                progress(min(done, total), total)
        if self._stopping:
            return  # the staged rebuild is dropped with the writer; the old index stays
        self.index.commit(target)
        self._record(target)
        self._position = target
        if progress is not None:
            progress(total, total)
        log.info("search index rebuilt: %s", target)


def _read_changes(tx: Tx, since: Position) -> _Snapshot:
    events = tx.events.tail(since.events, limit=EVENT_BATCH)
    feed = tx.search_feed.tail(since.outbox, limit=FEED_BATCH)
    snap = _Snapshot(
        position=Position(events[-1].position if events else since.events,
                          feed[-1].position if feed else since.outbox),
        full=len(events) == EVENT_BATCH or len(feed) == FEED_BATCH,
    )  # fmt: skip
    for event in events:
        if event.kind in _MESSAGE_EVENTS:
            snap.message_keys.update((event.chat_id, i) for i in _ids(event.data))
        elif event.kind in _CHAT_EVENTS:
            snap.chat_ids.add(event.chat_id)
    for entry in feed:
        (snap.user_ids if entry.kind is FeedKind.USER else snap.chat_ids).add(entry.ref_id)
    snap.messages = tx.messages.get_keys(sorted(snap.message_keys))
    snap.chats = tx.chats.get_many(snap.chat_ids | {k[0] for k in snap.message_keys})
    snap.users = tx.users.get_many(snap.user_ids)
    return snap


def _chat_page(tx: Tx, *, chat_id: int, after: int) -> list[MessageRow]:
    return tx.search_feed.chat_messages(chat_id, after_id=after, limit=SCAN_PAGE)


def _message_page(tx: Tx, *, after: tuple[int, int]) -> list[MessageRow]:
    return tx.search_feed.scan_messages(after, limit=SCAN_PAGE)


def _peer_page(tx: Tx, *, kind: FeedKind, after: int) -> tuple[list[int], list[PeerDoc]]:
    ids = tx.search_feed.scan_ids(kind, after_id=after, limit=SCAN_PAGE)
    if kind is FeedKind.USER:
        users = tx.users.get_many(ids)
        docs = [
            user_doc(u) for i in ids if (u := users.get(i)) and u.status is not UserStatus.BANNED
        ]
    else:
        chats = tx.chats.get_many(ids)
        docs = [chat_doc(c) for i in ids if (c := chats.get(i))]
    return ids, docs


class SearchRuntime:
    """The search capability of one process: the index, its indexer (in the process that
    holds the index for writing) and the query log. Lives in ctx.extensions["search"]."""

    def __init__(self, ctx: Ctx, index: SearchIndex) -> None:
        self.ctx = ctx
        self.index = index
        self.log = QueryLog()
        self.pool = ThreadPoolExecutor(4, thread_name_prefix="parley-search")
        poll = ctx.settings.search_poll_ms / 1000
        self.indexer = Indexer(ctx, index, poll_seconds=poll) if index.writable else None
        self._flusher: asyncio.Task[None] | None = None
        self._closing = asyncio.Event()

    async def start(self) -> None:
        if self.indexer is not None:
            self.indexer.start()
        self._flusher = asyncio.get_running_loop().create_task(self._flush_loop())

    async def _flush_loop(self) -> None:
        while not self._closing.is_set():
            await woken(self._closing, LOG_FLUSH_SECONDS)
            try:
                await flush_query_log(self.ctx, self.log)
            except Exception:
                log.exception("writing search query counts failed; will retry")

    async def close(self) -> None:
        """Stop indexing and write pending query counts. Call before the store closes."""
        if self.indexer is not None:
            await self.indexer.stop()
        if self._flusher is not None:
            self._closing.set()
            await self._flusher
            self._flusher = None
        self.pool.shutdown(wait=True)
        self.index.close()

    def require_indexer(self) -> Indexer:
        if self.indexer is None:
            raise Conflict("another process is writing the search index; stop it first",
                           code="index_busy")  # fmt: skip
        return self.indexer


def open_search(ctx: Ctx) -> SearchRuntime:
    """Open `<data>/search`: for writing when no other process holds it, else read-only."""
    settings = ctx.settings
    root = settings.data / "search"
    heap = settings.search_writer_heap_mb * 1_000_000
    try:
        index: SearchIndex = TantivyIndex(root, heap_bytes=heap, writable=True)
    except IndexBusy:
        log.info("the search index is written by another process; searching it read-only")
        index = TantivyIndex(root, heap_bytes=heap, writable=False)
    runtime = SearchRuntime(ctx, index)
    ctx.extensions["search"] = runtime
    return runtime


def search_runtime(ctx: Ctx) -> SearchRuntime:
    runtime = ctx.extensions.get("search")
    if not isinstance(runtime, SearchRuntime):
        raise RuntimeError("search is not set up in this process (see container.py)")
    return runtime


CURSOR_PREFIX = "search:"
STALE_INDEXER = timedelta(days=7)


async def prune_outbox(ctx: Ctx) -> int:
    """Forget outbox entries every live indexer has applied. An indexer silent for a week no
    longer holds pruning back; when it returns it rebuilds (its position fell behind)."""
    now = ctx.clock.now()

    def run(tx: Tx) -> int:
        live = tx.cursors.with_prefix(CURSOR_PREFIX, since=now - STALE_INDEXER)
        if not live:
            return 0
        return tx.search_feed.prune_below(min(live))

    return await ctx.db.write(run)
