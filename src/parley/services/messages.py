"""Messages: send (idempotent by random_id), reply, forward, edit, delete, pin, history, read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parley.domain.chats import ChatKind, check_can_post, check_has_right
from parley.domain.errors import Forbidden, InvalidInput, NotFound, RateLimited
from parley.domain.events import ChatEventKind, UserEventKind
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


def _flood(ctx: Ctx, user_id: int, chat_id: int) -> None:
    s = ctx.settings
    wait = ctx.limiter.hit(f"send:user:{user_id}", limit=s.sends_per_user_per_minute, window=60)
    if wait:
        raise RateLimited("you are sending too fast", retry_after=wait)
    wait = ctx.limiter.hit(f"send:chat:{chat_id}", limit=s.sends_per_chat_per_second, window=1)
    if wait:
        raise RateLimited("this chat is receiving too many messages", retry_after=wait)


def _check_sender(tx: Tx, user_id: int, chat_is_public: bool) -> None:
    user = tx.users.get(user_id)
    if user is None or user.status is UserStatus.BANNED:
        raise Forbidden("this account may not send messages", code="account_banned")
    if user.status is UserStatus.RESTRICTED and chat_is_public:
        raise Forbidden("your account is restricted from posting in public chats",
                        code="account_restricted")  # fmt: skip


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
) -> Sent:
    """Post to a chat. A retry with the same random_id returns the first message unchanged."""
    text = clean_text(text, allow_empty=media is not None)
    entities = check_entities(text, entities)
    random_id = check_random_id(random_id)
    _flood(ctx, user_id, chat_id)
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Sent, Changes]:
        changes = Changes()
        if random_id is not None:
            earlier = tx.messages.by_random_id(chat_id, user_id, random_id)
            if earlier is not None:
                return Sent(message=earlier, duplicate=True), changes
        chat = load_chat(tx, chat_id)
        member = tx.members.get(chat_id, user_id)
        check_can_post(chat, member, now)
        _check_sender(tx, user_id, chat.is_public)
        if reply_to_id is not None:
            target = tx.messages.get(chat_id, reply_to_id)
            if target is None or target.deleted:
                raise InvalidInput("the message replied to does not exist", code="reply_invalid")
        message = changes.post(
            tx, chat_id=chat_id, sender_id=user_id, text=text, at=now, entities=entities,
            reply_to_id=reply_to_id, media=media, extra=extra, random_id=random_id,
        )  # fmt: skip
        if chat.kind is ChatKind.GROUP and chat.slow_mode_seconds:
            tx.members.set_last_post(chat_id, user_id, now)
        return Sent(message=message, duplicate=False), changes

    sent, changes = await ctx.db.write(run)
    await publish(ctx, changes)
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
    _flood(ctx, user_id, to_chat_id)
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
