"""Messages: send (idempotent by random_id), reply, forward, edit, delete, pin, history, read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from parley.domain.chats import ChatKind, check_can_post, check_has_right
from parley.domain.errors import DomainError, Forbidden, InvalidInput, NotFound, RateLimited
from parley.domain.events import Audience, ChatEvent, ChatEventKind, UserEventKind
from parley.domain.messages import (
    ForwardOrigin,
    Message,
    MessageKind,
    Visibility,
    check_entities,
    check_random_id,
    clean_text,
)
from parley.domain.users import UserStatus
from parley.security.ratelimit import Limit
from parley.services.chats import load_chat, readable_chat
from parley.services.context import Ctx
from parley.services.sequence import Changes, publish
from parley.store.tx import Tx

HISTORY_MAX = 100
DELETE_MAX = 100


@dataclass(frozen=True, slots=True)
class Sent:
    message: Message
    duplicate: bool  # True when random_id matched an earlier send: nothing new was posted
    pts: int | None = None  # the chat event's pts for a new post (None for a duplicate)


async def _flood(ctx: Ctx, user_id: int, chat_id: int) -> None:
    s = ctx.settings
    per_user = Limit(f"send:user:{user_id}", s.sends_per_user_per_minute, 60)
    per_chat = Limit(f"send:chat:{chat_id}", s.sends_per_chat_per_second, 1)
    refused = await ctx.limiter.take_all([per_user, per_chat])
    if refused is None:
        return
    if refused.limit is per_user:
        raise RateLimited("you are sending too fast", retry_after=refused.retry_after)
    raise RateLimited("this chat is receiving too many messages", retry_after=refused.retry_after)


def _check_sender_status(status: UserStatus | None, chat_is_public: bool) -> None:
    if status is None or status is UserStatus.BANNED:
        raise Forbidden("this account may not send messages", code="account_banned")
    if status is UserStatus.RESTRICTED and chat_is_public:
        raise Forbidden("your account is restricted from posting in public chats",
                        code="account_restricted")  # fmt: skip


def _check_sender(tx: Tx, user_id: int, chat_is_public: bool) -> None:
    _check_sender_status(tx.users.statuses({user_id}).get(user_id), chat_is_public)


@dataclass(frozen=True, slots=True)
class _SendItem:
    user_id: int
    chat_id: int
    text: str
    random_id: int | None
    reply_to_id: int | None
    entities: list[dict[str, Any]]
    media: dict[str, Any] | None
    extra: dict[str, Any] | None
    at: datetime


def _send_batch(tx: Tx, items: list[_SendItem]) -> list[tuple[Sent, Changes] | Exception]:
    """Post many queued sends in one go: a handful of set-based reads, the rules checked per
    item against that state (in queue order), one pts/message-id reservation per chat, and
    executemany inserts. This is what lets one process persist thousands of sends a second."""
    chats = tx.chats.get_many({i.chat_id for i in items})
    members = tx.members.get_pairs([(i.chat_id, i.user_id) for i in items])
    statuses = tx.users.statuses({i.user_id for i in items})
    earlier = tx.messages.by_random_ids(
        [(i.chat_id, i.user_id, i.random_id) for i in items if i.random_id is not None]
    )
    replies = tx.messages.live_keys(
        [(i.chat_id, i.reply_to_id) for i in items if i.reply_to_id is not None]
    )
    outcomes: list[tuple[Sent, Changes] | Exception | int] = []
    accepted: list[_SendItem] = []
    in_batch: dict[tuple[int, int, int], int] = {}
    for item in items:
        key = (item.chat_id, item.user_id, item.random_id or 0)
        if item.random_id is not None and key in earlier:
            outcomes.append((Sent(message=earlier[key], duplicate=True), Changes()))
            continue
        if item.random_id is not None and key in in_batch:
            outcomes.append(in_batch[key])  # the same send twice in one batch: resolved below
            continue
        try:
            chat = chats.get(item.chat_id)
            if chat is None:
                raise NotFound("chat not found", code="chat_not_found")
            member = members.get((item.chat_id, item.user_id))
            check_can_post(chat, member, item.at)
            _check_sender_status(statuses.get(item.user_id), chat.is_public)
            if item.reply_to_id is not None and (item.chat_id, item.reply_to_id) not in replies:
                raise InvalidInput("the message replied to does not exist", code="reply_invalid")
        except DomainError as error:
            outcomes.append(error)
            continue
        if member is not None and chat.kind is ChatKind.GROUP and chat.slow_mode_seconds:
            members[(item.chat_id, item.user_id)] = replace(member, last_post_at=item.at)
        if item.random_id is not None:
            in_batch[key] = len(accepted)
        outcomes.append(len(accepted))
        accepted.append(item)

    per_chat = Counter(i.chat_id for i in accepted)
    at = max((i.at for i in accepted), default=None)
    firsts = (
        tx.chats.reserve({c: (n, n) for c, n in per_chat.items()}, at=at, current=chats)
        if at
        else {}
    )
    taken: Counter[int] = Counter()
    posted: list[tuple[Message, ChatEvent]] = []
    for item in accepted:
        offset = taken[item.chat_id]
        taken[item.chat_id] += 1
        first_pts, first_id = firsts[item.chat_id]
        message = Message(
            chat_id=item.chat_id, id=first_id + offset, sender_id=item.user_id,
            kind=MessageKind.TEXT, text=item.text, date=item.at, entities=item.entities,
            reply_to_id=item.reply_to_id, media=item.media, extra=item.extra or {},
            random_id=item.random_id,
        )  # fmt: skip
        event = ChatEvent(chat_id=item.chat_id, pts=first_pts + offset,
                          kind=ChatEventKind.MESSAGE_NEW, data={"message_id": message.id},
                          audience=Audience.ALL, date=item.at)  # fmt: skip
        posted.append((message, event))
    tx.messages.insert_many([m for m, _ in posted])
    tx.events.append_chat_many([e for _, e in posted])
    # Writing in a chat reads it, as in Telegram: everything before your message is read.
    tx.members.advance_read([(m.chat_id, m.sender_id, m.id) for m, _ in posted
                             if m.sender_id is not None])  # fmt: skip
    slow = [
        (i.chat_id, i.user_id)
        for i in accepted
        if chats[i.chat_id].kind is ChatKind.GROUP and chats[i.chat_id].slow_mode_seconds
    ]
    if slow and at is not None:
        tx.members.set_last_post(slow, at)

    results: list[tuple[Sent, Changes] | Exception] = []
    emitted: set[int] = set()
    for outcome in outcomes:
        if not isinstance(outcome, int):
            results.append(outcome)
            continue
        message, event = posted[outcome]
        if outcome in emitted:  # a retry queued in the same batch as its original
            results.append((Sent(message=message, duplicate=True), Changes()))
        else:
            emitted.add(outcome)
            results.append(
                (
                    Sent(message=message, duplicate=False, pts=event.pts),
                    Changes(chat_events=[(event, message)]),
                )
            )
    return results


async def send_message(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    text: str,
    random_id: int | None = None,
    reply_to_id: int | None = None,
    entities: list[dict[str, Any]] | None = None,
    media: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    origin: str | None = None,
) -> Sent:
    """Post to a chat. A retry with the same random_id returns the first message unchanged.
    `origin` is the live connection that sent it (see sequence.publish)."""
    text = clean_text(text, allow_empty=media is not None)
    item = _SendItem(
        user_id=user_id, chat_id=chat_id, text=text, random_id=check_random_id(random_id),
        reply_to_id=reply_to_id, entities=check_entities(text, entities), media=media,
        extra=extra, at=ctx.clock.now(),
    )  # fmt: skip
    await _flood(ctx, user_id, chat_id)
    sent: Sent
    sent, changes = await ctx.db.write_many(_send_batch, item, key=chat_id)
    await publish(ctx, changes, origin=origin)
    return sent


async def forward_messages(
    ctx: Ctx,
    user_id: int,
    *,
    from_chat_id: int,
    message_ids: list[int],
    to_chat_id: int,
) -> list[Message]:
    """Copy messages into another chat, keeping where they first came from."""
    ids = list(dict.fromkeys(message_ids))
    if not 1 <= len(ids) <= HISTORY_MAX:
        raise InvalidInput(f"forward 1–{HISTORY_MAX} messages at a time", code="invalid_ids")
    await _flood(ctx, user_id, to_chat_id)
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[list[Message], Changes]:
        source_chat, _ = readable_chat(tx, user_id, from_chat_id, now)
        found = tx.messages.get_many(from_chat_id, ids)
        originals = [found[i] for i in ids if i in found and not found[i].deleted
                     and found[i].kind is MessageKind.TEXT
                     and found[i].visibility is not Visibility.REMOVED]  # fmt: skip
        if not originals:
            raise NotFound("no messages to forward", code="message_not_found")
        chat = load_chat(tx, to_chat_id)
        check_can_post(chat, tx.members.get(to_chat_id, user_id), now)
        _check_sender(tx, user_id, chat.is_public)
        changes, out = Changes(), []
        for original in originals:
            origin = original.forward or ForwardOrigin(
                chat_id=None if source_chat.kind is ChatKind.PRIVATE else source_chat.id,
                message_id=None if source_chat.kind is ChatKind.PRIVATE else original.id,
                sender_id=None if source_chat.kind is ChatKind.CHANNEL else original.sender_id,
                date=original.date,
            )
            out.append(changes.post(
                tx, chat_id=to_chat_id, sender_id=user_id, text=original.text, at=now,
                entities=original.entities, forward=origin, media=original.media,
            ))  # fmt: skip
        return out, changes

    sent, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return sent


async def edit_message(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    message_id: int,
    text: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
    require_change: bool = False,
) -> Message:
    """Change a message's text (its author; in channels also admins who may edit). With
    `require_change`, an edit that changes nothing is refused (the Bot API's rule)."""
    if text is not None:
        text = clean_text(text)
        entities = check_entities(text, entities)
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Message, Changes]:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        message = tx.messages.get(chat_id, message_id)
        if message is None or message.deleted or message.kind is MessageKind.SERVICE:
            raise NotFound("message not found", code="message_not_found")
        may_edit = message.sender_id == user_id or (
            chat.kind is ChatKind.CHANNEL and member is not None
            and member.has_right("can_edit_messages")
        )  # fmt: skip
        if not may_edit:
            raise Forbidden("you can edit only your own messages", code="not_author")
        if require_change:
            same_text = text is None or (text == message.text
                                         and (entities or []) == message.entities)  # fmt: skip
            same_extra = extra is None or {**message.extra, **extra} == message.extra
            if same_text and same_extra:
                raise InvalidInput("message is not modified", code="message_not_modified")
        values: dict[str, Any] = {"edit_date": now}
        if text is not None:
            values.update(text=text, entities=entities or None)
        if extra is not None:
            values["extra"] = {**message.extra, **extra} or None
        tx.messages.update(chat_id, message_id, **values)
        updated = tx.messages.get(chat_id, message_id)
        assert updated is not None
        changes = Changes()
        changes.chat(
            tx,
            chat_id=chat_id,
            kind=ChatEventKind.MESSAGE_EDIT,
            at=now,
            data={"message_id": message_id},
            message=updated,
        )
        return updated, changes

    updated, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return updated


async def delete_messages(
    ctx: Ctx, user_id: int, *, chat_id: int, message_ids: list[int]
) -> list[int]:
    """Delete for everyone: authors their own; admins with the delete right anyone's; in a
    private chat either side any message. The text is erased, a tombstone keeps the id."""
    ids = sorted(set(message_ids))
    if not 1 <= len(ids) <= DELETE_MAX:
        raise InvalidInput(f"delete 1–{DELETE_MAX} messages at a time", code="invalid_ids")
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[list[int], Changes]:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        found = tx.messages.get_many(chat_id, ids)
        targets = [m for m in found.values() if not m.deleted]
        if not targets:
            raise NotFound("message not found", code="message_not_found")
        for m in targets:
            if m.sender_id != user_id:
                check_has_right(chat, member, "can_delete_messages")
        deleted = sorted(m.id for m in targets)
        for mid in deleted:
            tx.messages.update(chat_id, mid, deleted=True, text="", entities=None, media=None,
                               extra=None, pinned=False)  # fmt: skip
        changes = Changes()
        changes.chat(
            tx,
            chat_id=chat_id,
            kind=ChatEventKind.MESSAGE_DELETE,
            at=now,
            data={"message_ids": deleted, "actor_id": user_id},
        )
        return deleted, changes

    deleted, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return deleted


async def pin_message(
    ctx: Ctx, user_id: int, *, chat_id: int, message_id: int, pinned: bool = True
) -> Message:
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Message, Changes]:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        right = "can_edit_messages" if chat.kind is ChatKind.CHANNEL else "can_pin_messages"
        check_has_right(chat, member, right)
        message = tx.messages.get(chat_id, message_id)
        if message is None or message.deleted:
            raise NotFound("message not found", code="message_not_found")
        tx.messages.update(chat_id, message_id, pinned=pinned)
        changes = Changes()
        changes.chat(
            tx,
            chat_id=chat_id,
            kind=ChatEventKind.MESSAGE_PIN,
            at=now,
            data={"message_id": message_id, "pinned": pinned, "actor_id": user_id},
        )
        updated = tx.messages.get(chat_id, message_id)
        assert updated is not None
        return updated, changes

    message, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return message


async def get_history(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    before_id: int | None = None,
    after_id: int | None = None,
    limit: int = 50,
) -> list[Message]:
    """A page of history: back from `before_id` (newest first) or forward from `after_id`
    (oldest first). Removed messages are not shown."""
    if not 1 <= limit <= HISTORY_MAX:
        raise InvalidInput(f"limit must be 1–{HISTORY_MAX}", code="invalid_limit")
    if before_id is not None and after_id is not None:
        raise InvalidInput("page either before or after a message", code="invalid_cursor")
    now = ctx.clock.now()

    def run(tx: Tx) -> list[Message]:
        readable_chat(tx, user_id, chat_id, now)
        return tx.messages.history(chat_id, before_id=before_id, after_id=after_id, limit=limit)

    return await ctx.db.read(run)


async def get_messages(
    ctx: Ctx, user_id: int, *, chat_id: int, message_ids: list[int]
) -> list[Message]:
    ids = sorted(set(message_ids))[:HISTORY_MAX]
    now = ctx.clock.now()

    def run(tx: Tx) -> list[Message]:
        readable_chat(tx, user_id, chat_id, now)
        found = tx.messages.get_many(chat_id, ids)
        return [found[i] for i in ids
                if i in found and found[i].visibility is not Visibility.REMOVED]  # fmt: skip

    return await ctx.db.read(run)


async def read_history(ctx: Ctx, user_id: int, *, chat_id: int, max_id: int) -> int:
    """Mark messages up to `max_id` read; tells the user's other devices, and in a private
    chat the other side (their messages now show as read)."""
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[int, Changes]:
        chat = load_chat(tx, chat_id)
        member = tx.members.get(chat_id, user_id)
        if member is None or not member.is_active:
            raise NotFound("chat not found", code="chat_not_found")
        upto = max(0, min(max_id, chat.top_message_id))
        changes = Changes()
        if not tx.members.set_read(chat_id, user_id, upto):
            return member.read_inbox_max_id, changes
        changes.user(
            tx,
            user_id=user_id,
            kind=UserEventKind.CHAT_READ,
            at=now,
            data={"chat_id": chat_id, "max_id": upto},
        )
        if chat.kind is ChatKind.PRIVATE:
            for other in tx.members.active_user_ids(chat_id):
                if other != user_id:
                    changes.user(
                        tx,
                        user_id=other,
                        kind=UserEventKind.CHAT_READ_OUTBOX,
                        at=now,
                        data={"chat_id": chat_id, "max_id": upto},
                    )
        return upto, changes

    upto, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return upto
