"""Bot updates: the per-bot queue that getUpdates and webhooks read, filled from the chat event
sequence.

The dispatcher tails the store's chat events in commit-safe order (`tx.events.tail`) and, for each
event in a chat where bots are members, decides per bot what it may see: everything in private
chats; in groups, with privacy mode on, only commands, replies to it, mentions and service
messages (all messages when it is an admin); channel posts when it is a channel admin; its own
membership changes (my_chat_member); other members' changes when it is an admin and asked for
them (chat_member). Each accepted update is a durable row with the bot's next update_id,
written in the same transaction that advances the dispatcher's cursor, so a crash neither
loses nor repeats an update. Updates are kept 24 hours, as Telegram keeps them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from parley.bus import Topics
from parley.domain.bots import addresses_bot, clean_allowed_updates, effective_kinds
from parley.domain.chats import ChatKind
from parley.domain.clock import to_ms
from parley.domain.codec import decode_message, encode_message
from parley.domain.errors import Conflict, InvalidInput
from parley.domain.events import ChatEvent, ChatEventKind, EventPosition
from parley.domain.messages import Message, Visibility
from parley.services.bots import Refs, load_refs
from parley.services.context import Ctx
from parley.services.wake import woken
from parley.store.bots import BotRow, StoredUpdate
from parley.store.tx import Tx

log = logging.getLogger(__name__)

BOT_UPDATES_TOPIC = "bot_updates"
RETENTION = timedelta(hours=24)
BATCH = 500
# After a wake-up, wait this long so one batch covers a burst of events, not one batch each.
COALESCE_SECONDS = 0.03
LONG_POLL_MAX = 50  # seconds, as Telegram's
MEMBER_KINDS = (ChatEventKind.MEMBER_JOIN, ChatEventKind.MEMBER_LEAVE, ChatEventKind.MEMBER_UPDATE)
MESSAGE_KINDS = (ChatEventKind.MESSAGE_NEW, ChatEventKind.MESSAGE_EDIT)
ACTIVE = ("owner", "admin", "member", "restricted")

Item = tuple[str, int, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class UpdatesPage:
    updates: list[StoredUpdate]
    refs: Refs


def queue_updates(tx: Tx, bot_id: int, items: list[Item], at: datetime) -> list[int]:
    """Append updates to a bot's queue, honouring the kinds it asked for."""
    bot = tx.bots.get(bot_id)
    if bot is None:
        return []
    kinds = effective_kinds(bot.allowed_updates)
    return tx.bots.append_updates(bot_id, [i for i in items if i[0] in kinds], at)


async def notify(ctx: Ctx, bot_ids: list[int] | set[int]) -> None:
    """Wake whoever waits for these bots' updates (long polls, webhook delivery), in every
    process."""
    if bot_ids:
        await ctx.bus.publish(BOT_UPDATES_TOPIC, {"bot_ids": sorted(bot_ids)})


# -- the dispatcher's decisions ------------------------------------------------------------------
def _old_status(event: ChatEvent) -> str:
    if event.data.get("old_status"):
        return str(event.data["old_status"])
    return "left" if event.kind is ChatEventKind.MEMBER_JOIN else "member"


def _member_side(data: dict[str, Any], status: str) -> dict[str, Any]:
    side: dict[str, Any] = {"status": status}
    for key in ("rights", "can_send", "until"):
        if data.get(key) is not None:
            side[key] = data[key]
    return side


def _message_kind(chat_kind: ChatKind, edit: bool) -> str:
    if chat_kind is ChatKind.CHANNEL:
        return "edited_channel_post" if edit else "channel_post"
    return "edited_message" if edit else "message"


class _Batch:
    """One batch of events and the state it is judged against."""

    def __init__(self, tx: Tx, events: list[ChatEvent]) -> None:
        self.tx = tx
        self.events = events
        chat_ids = sorted({e.chat_id for e in events})
        rows = tx.bots.memberships_in(chat_ids)
        self.state: dict[tuple[int, int], str] = {(c, b): s for c, b, s, _ in rows}
        self.chat_bots: dict[int, set[int]] = defaultdict(set)
        for c, b, _, _ in rows:
            self.chat_bots[c].add(b)
        bot_ids = {b for _, b, _, _ in rows}
        self.bots: dict[int, BotRow] = tx.bots.get_many(bot_ids)
        self.users = tx.users.get_many(bot_ids)
        self.chats = tx.chats.get_many(set(self.chat_bots))
        # Membership is judged as of each event: rewind bots whose membership changes in this
        # batch to their status before the batch's first change.
        seen: set[tuple[int, int]] = set()
        for e in events:
            if e.kind in MEMBER_KINDS:
                key = (e.chat_id, int(e.data.get("user_id", 0)))
                if key in self.state and key not in seen:
                    seen.add(key)
                    self.state[key] = _old_status(e)
        keys = [(e.chat_id, int(e.data["message_id"])) for e in events
                if e.kind in MESSAGE_KINDS and e.chat_id in self.chat_bots
                and "message_id" in e.data]  # fmt: skip
        self.messages = tx.messages.get_keys(keys)
        reply_keys: list[tuple[int, int]] = [
            (m.chat_id, m.reply_to_id) for m in self.messages.values() if m.reply_to_id is not None
        ]
        self.replies = tx.messages.get_keys(reply_keys)
        self.out: dict[int, list[Item]] = defaultdict(list)

    def run(self) -> dict[int, list[Item]]:
        for event in self.events:
            if event.chat_id not in self.chat_bots:
                continue
            if event.kind in MESSAGE_KINDS:
                self._on_message(event)
            elif event.kind in MEMBER_KINDS:
                self._on_member(event)
        return self.out

    def _active(self, chat_id: int, bot_id: int) -> bool:
        return self.state.get((chat_id, bot_id)) in ACTIVE

    def _admin(self, chat_id: int, bot_id: int) -> bool:
        return self.state.get((chat_id, bot_id)) in ("owner", "admin")

    def _on_message(self, event: ChatEvent) -> None:
        chat = self.chats.get(event.chat_id)
        message = self.messages.get((event.chat_id, int(event.data.get("message_id", 0))))
        if chat is None or message is None or message.deleted:
            return
        if message.visibility is Visibility.REMOVED:
            return
        edit = event.kind is ChatEventKind.MESSAGE_EDIT
        kind = _message_kind(chat.kind, edit)
        payload = {"message": encode_message(message)}
        for bot_id in sorted(self.chat_bots[event.chat_id]):
            if message.sender_id == bot_id or not self._active(event.chat_id, bot_id):
                continue
            if not self._sees(chat.kind, message, bot_id):
                continue
            self.out[bot_id].append((kind, event.chat_id, payload))

    def _sees(self, chat_kind: ChatKind, message: Message, bot_id: int) -> bool:
        if chat_kind is ChatKind.PRIVATE:
            return True
        admin = self._admin(message.chat_id, bot_id)
        if chat_kind is ChatKind.CHANNEL:
            return admin
        bot = self.bots.get(bot_id)
        if bot is None or not bot.privacy or admin:
            return True
        reply = None
        if message.reply_to_id is not None:
            reply = self.replies.get((message.chat_id, message.reply_to_id))
        user = self.users.get(bot_id)
        return addresses_bot(message, bot_id=bot_id, bot_username=user.username if user else None,
                             reply_to_sender=reply.sender_id if reply else None)  # fmt: skip

    def _on_member(self, event: ChatEvent) -> None:
        chat = self.chats.get(event.chat_id)
        data = event.data
        subject = int(data.get("user_id", 0))
        new = str(data.get("status", ""))
        if chat is None:
            return
        if chat.kind is ChatKind.PRIVATE:
            # No update for this (a private chat's membership changes only by blocking, see
            # services/bots.py), but a bot joining the chat in this batch must count as a member
            # for the messages after it.
            if (event.chat_id, subject) in self.state:
                self.state[(event.chat_id, subject)] = new
            return
        old = _old_status(event)
        if event.kind is ChatEventKind.MEMBER_UPDATE and new == "banned" and old in ACTIVE:
            return  # the ban's removal was already told by its member.leave event
        payload = {
            "chat_id": event.chat_id,
            "actor_id": data.get("actor_id", data.get("inviter_id")) or subject,
            "user_id": subject,
            "date": to_ms(event.date),
            "old": {"status": old},
            "new": _member_side(data, new),
        }
        if (event.chat_id, subject) in self.state:
            self.out[subject].append(("my_chat_member", event.chat_id, payload))
            self.state[(event.chat_id, subject)] = new
        for bot_id in sorted(self.chat_bots[event.chat_id]):
            if bot_id != subject and self._admin(event.chat_id, bot_id):
                self.out[bot_id].append(("chat_member", event.chat_id, payload))


def dispatch_batch(tx: Tx, now: datetime, *, limit: int = BATCH) -> tuple[int, set[int]]:
    """Turn the events after the dispatcher's cursor into bot updates, in the transaction that
    moves the cursor; returns how many events were read and the bots that got something.
    Raises Conflict when another process moved the cursor first (its work stands; ours rolls
    back)."""
    cursor = load_cursor(tx)
    window = tx.events.window(cursor, limit=limit)
    if not window.count:
        return 0, set()
    # only chats with a bot in them matter: the others' events are skipped unread
    bot_chats = {chat_id for chat_id, *_ in tx.bots.memberships_in(sorted(window.chat_ids))}
    events = tx.events.tail_in(cursor, window, bot_chats)
    out = _Batch(tx, events).run()
    touched: set[int] = set()
    for bot_id, items in out.items():
        if queue_updates(tx, bot_id, items, now):
            touched.add(bot_id)
    if not tx.bots.advance_cursor(cursor, window.last):
        raise Conflict("another dispatcher moved on", code="dispatch_race")
    return window.count, touched


def load_cursor(tx: Tx) -> EventPosition:
    """The dispatcher's place; a new installation starts at the present, not at the first
    event ever written."""
    cursor = tx.bots.cursor()
    if cursor is None:
        cursor = tx.events.head()
        tx.bots.init_cursor(cursor)
    return cursor


def behind(tx: Tx) -> bool:
    cursor = tx.bots.cursor()
    return cursor is None or tx.events.has_after(cursor)


class Dispatcher:
    """The background task that keeps the bot update queues filled."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge = 0.0
        ctx.bus.subscribe(Topics.EVENTS, self._on_event)

    def _on_event(self, message: dict[str, Any]) -> None:
        if message.get("t") != "user":
            self._wake.set()

    async def start(self) -> None:
        """Take a place in the event sequence before anything is served, so no event written
        after start-up is skipped, then run in the background."""
        if self._task is None:
            await self.ctx.db.write(load_cursor)
            self._task = asyncio.create_task(self._run(), name="parley-bot-dispatcher")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run_once(self) -> int:
        """Dispatch everything committed so far; returns how many events were read. An idle
        check costs one read, never a write."""
        ctx = self.ctx
        total = 0
        if not await ctx.db.read(behind):
            return 0
        while True:
            now = ctx.clock.now()
            try:
                count, touched = await ctx.db.write(
                    lambda tx, n=now: dispatch_batch(tx, n)  # type: ignore[misc]
                )
            except Conflict:
                continue
            await notify(ctx, touched)
            total += count
            if count < BATCH:  # a window that did not fill held everything committed then
                return total

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            try:
                await self.run_once()
                if loop.time() - self._last_purge > 60:
                    self._last_purge = loop.time()
                    await purge(self.ctx)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("bot update dispatch failed; retrying")
                await asyncio.sleep(1)
            # Events from this process wake us at once; a slow poll catches writes that reached
            # the store without passing this process's bus (another process's CLI, a restart).
            await woken(self._wake, 1.0)
            if self._wake.is_set():  # let a burst of events land: one batch covers them all
                await asyncio.sleep(COALESCE_SECONDS)


async def purge(ctx: Ctx) -> int:
    cutoff = ctx.clock.now() - RETENTION

    def run(tx: Tx) -> int:
        tx.bots.purge_callbacks_before(cutoff)
        return tx.bots.purge_before(cutoff)

    return await ctx.db.write(run)


# -- long polling ---------------------------------------------------------------------------
class Waiters:
    """Long polls waiting in this process, one per bot: a newer getUpdates ends an older one
    with a conflict, as Telegram does, and setting a webhook ends it too."""

    def __init__(self, ctx: Ctx) -> None:
        self._events: dict[int, asyncio.Event] = {}
        self._generation: dict[int, int] = defaultdict(int)
        self._ended_by: dict[int, str] = {}
        ctx.bus.subscribe(BOT_UPDATES_TOPIC, self._on_updates)

    def _on_updates(self, message: dict[str, Any]) -> None:
        for bot_id in message.get("bot_ids", ()):
            self.wake(int(bot_id))

    def wake(self, bot_id: int) -> None:
        event = self._events.get(bot_id)
        if event is not None:
            event.set()

    def end(self, bot_id: int, reason: str) -> None:
        """End a waiting long poll with a conflict (another poll, a webhook set)."""
        if bot_id in self._events:
            self._generation[bot_id] += 1
            self._ended_by[bot_id] = reason
            self.wake(bot_id)

    def register(self, bot_id: int) -> tuple[asyncio.Event, int]:
        """Start waiting before looking at the queue, so an update that lands in between still
        wakes the poll."""
        self.end(bot_id, "Conflict: terminated by other getUpdates request; make sure that only "
                         "one bot instance is running")  # fmt: skip
        event = asyncio.Event()
        self._events[bot_id] = event
        return event, self._generation[bot_id]

    def release(self, bot_id: int, event: asyncio.Event) -> None:
        if self._events.get(bot_id) is event:
            del self._events[bot_id]

    async def wait(self, bot_id: int, event: asyncio.Event, generation: int,
                   seconds: float) -> None:  # fmt: skip
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=seconds)
        finally:
            self.release(bot_id, event)
        if self._generation[bot_id] != generation:
            raise Conflict(self._ended_by.get(bot_id, "Conflict"), code="poll_terminated")


def waiters(ctx: Ctx) -> Waiters:
    found = ctx.extensions.get("bots.waiters")
    if found is None:
        found = ctx.extensions["bots.waiters"] = Waiters(ctx)
    assert isinstance(found, Waiters)
    return found


async def get_updates(
    ctx: Ctx,
    bot_id: int,
    *,
    offset: int = 0,
    limit: int = 100,
    wait: float = 0,
    allowed_updates: list[Any] | None = None,
) -> UpdatesPage:
    """Confirm the updates before `offset`, then return the pending ones, waiting up to
    `wait` seconds (getUpdates' timeout) for the first to arrive. Refused while a webhook is set."""
    limit = max(1, min(limit, 100))
    wait = max(0.0, min(wait, LONG_POLL_MAX))
    kinds = clean_allowed_updates(allowed_updates) if allowed_updates is not None else None

    def confirm(tx: Tx) -> list[StoredUpdate]:
        bot = tx.bots.get(bot_id)
        if bot is None:
            raise InvalidInput("bot not found", code="bot_not_found")
        if bot.webhook_url:
            raise Conflict("Conflict: can't use getUpdates method while webhook is active; use "
                           "deleteWebhook to delete the webhook first",
                           code="webhook_active")  # fmt: skip
        if kinds is not None:
            tx.bots.update(bot_id, allowed_updates=kinds or None)
        if offset < 0:
            tx.bots.forget_all_but_last(bot_id, -offset)
        elif offset > 0:
            tx.bots.forget_before(bot_id, offset)
        return tx.bots.pending(bot_id, limit=limit)

    polls = waiters(ctx)
    event, generation = polls.register(bot_id) if wait > 0 else (None, 0)
    try:
        found = await ctx.db.write(confirm)
    except BaseException:
        if event is not None:
            polls.release(bot_id, event)
        raise
    if event is not None:
        if found:
            polls.release(bot_id, event)
        else:
            await polls.wait(bot_id, event, generation, wait)
            found = await ctx.db.read(lambda tx: tx.bots.pending(bot_id, limit=limit))
    return await _page(ctx, bot_id, found)


async def _page(ctx: Ctx, bot_id: int, updates: list[StoredUpdate]) -> UpdatesPage:
    messages, user_ids, chat_ids = payload_refs(updates)

    def run(tx: Tx) -> Refs:
        return load_refs(tx, bot_id, messages, user_ids=user_ids, chat_ids=chat_ids)

    return UpdatesPage(updates=updates, refs=await ctx.db.read(run))


def payload_refs(updates: list[StoredUpdate]) -> tuple[list[Message], set[int], set[int]]:
    """The messages, users and chats that a page of updates names."""
    messages: list[Message] = []
    user_ids: set[int] = set()
    chat_ids: set[int] = set()
    for u in updates:
        p = u.payload
        chat_ids.add(u.chat_id)
        if "message" in p:
            messages.append(decode_message(p["message"]))
        for key in ("user_id", "actor_id", "from_id"):
            if isinstance(p.get(key), int):
                user_ids.add(int(p[key]))
    return messages, user_ids, chat_ids


async def render_page(ctx: Ctx, bot_id: int, updates: list[StoredUpdate]) -> UpdatesPage:
    """A page of stored updates with what is needed to show them (webhook delivery)."""
    return await _page(ctx, bot_id, updates)
