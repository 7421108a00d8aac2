"""Bots: accounts of kind bot that their owners create, with a token in Telegram's shape;
token revocation, privacy mode, commands, the users who block a bot, and resolving the chats a
bot names. The Bot API (botapi/) is a front room over these and the other services."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime

from parley.bus import Topics
from parley.domain.bots import (
    MAX_BOTS_PER_OWNER,
    check_bot_username,
    clean_commands,
    new_token_secret,
    split_token,
)
from parley.domain.chats import (
    Chat,
    ChatKind,
    Member,
    MemberStatus,
    effective_status,
    private_chat_key,
)
from parley.domain.clock import to_ms
from parley.domain.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated
from parley.domain.messages import Message
from parley.domain.users import User, UserKind, UserStatus, clean_display_name, normalize_username
from parley.security.tokens import hash_token
from parley.services import audit
from parley.services.auth_cache import Principal
from parley.services.context import Ctx
from parley.store.bots import BotRow
from parley.store.tx import Tx


@dataclass(frozen=True, slots=True)
class BotInfo:
    user: User
    bot: BotRow


@dataclass(frozen=True, slots=True)
class IssuedToken:
    info: BotInfo
    token: str


@dataclass(frozen=True, slots=True)
class ChatRef:
    """A chat as a bot names it: a group or channel by id or @username, or the private chat
    with a user (Telegram's positive chat ids are user ids)."""

    chat_id: int | None = None
    user_id: int | None = None
    username: str | None = None


@dataclass(frozen=True, slots=True)
class BotChat:
    chat: Chat
    member: Member | None  # the bot's own membership
    peer: User | None = None  # the other side of a private chat


@dataclass(frozen=True, slots=True)
class Refs:
    """Everything needed to show messages and members to one bot: the users and chats they
    name, the other side of each private chat, and the messages replied to."""

    bot_id: int
    users: dict[int, User] = field(default_factory=dict)
    chats: dict[int, Chat] = field(default_factory=dict)
    peers: dict[int, int] = field(default_factory=dict)
    replies: dict[tuple[int, int], Message] = field(default_factory=dict)


def _hash_secret(secret: str) -> bytes:
    return hash_token(secret)


def _issue(tx: Tx, bot_id: int) -> str:
    secret = new_token_secret()
    tx.bots.update(bot_id, token_hash=_hash_secret(secret))
    return f"{bot_id}:{secret}"


def _owned_bot(tx: Tx, owner_id: int, bot_id: int) -> tuple[User, BotRow]:
    bot = tx.bots.get(bot_id)
    user = tx.users.get(bot_id)
    if bot is None or user is None or bot.owner_id != owner_id:
        raise NotFound("you have no bot with this id", code="bot_not_found")
    return user, bot


async def create_bot(ctx: Ctx, owner_id: int, *, username: str, name: str) -> IssuedToken:
    """A new bot account owned by `owner_id`, and its first token (shown once: Parley keeps
    only a hash of it)."""
    handle = check_bot_username(normalize_username(username))
    display = clean_display_name(name)
    now = ctx.clock.now()

    def run(tx: Tx) -> IssuedToken:
        owner = tx.users.get(owner_id)
        if owner is None or owner.is_bot or owner.status is not UserStatus.ACTIVE:
            raise Forbidden("only active people may create bots", code="bots_owner_invalid")
        if tx.bots.count_owned(owner_id) >= MAX_BOTS_PER_OWNER:
            raise Conflict(f"one person may own at most {MAX_BOTS_PER_OWNER} bots",
                           code="too_many_bots")  # fmt: skip
        if tx.users.username_taken(handle) or tx.chats.username_taken(handle):
            raise Conflict("this username is taken", code="username_taken")
        bot_id = tx.users.insert(kind=UserKind.BOT, display_name=display, created_at=now,
                                 username=handle, bot_owner_id=owner_id)  # fmt: skip
        tx.bots.insert(user_id=bot_id, owner_id=owner_id, token_hash=b"", at=now)
        token = _issue(tx, bot_id)
        audit.record(tx, actor=audit.Actor.user(owner_id), action="bot.create",
                     subject_kind="user", subject_id=bot_id, at=now,
                     data={"username": handle})  # fmt: skip
        user, bot = _owned_bot(tx, owner_id, bot_id)
        return IssuedToken(info=BotInfo(user=user, bot=bot), token=token)

    return await ctx.db.write(run)


async def list_bots(ctx: Ctx, owner_id: int) -> list[BotInfo]:
    def run(tx: Tx) -> list[BotInfo]:
        rows = tx.bots.owned_by(owner_id)
        users = tx.users.get_many([r.user_id for r in rows])
        return [BotInfo(user=users[r.user_id], bot=r) for r in rows if r.user_id in users]

    return await ctx.db.read(run)


async def get_bot(ctx: Ctx, owner_id: int, *, bot_id: int) -> BotInfo:
    def run(tx: Tx) -> BotInfo:
        user, bot = _owned_bot(tx, owner_id, bot_id)
        return BotInfo(user=user, bot=bot)

    return await ctx.db.read(run)


async def regenerate_token(ctx: Ctx, owner_id: int, *, bot_id: int) -> IssuedToken:
    """Replace the bot's token; the old one stops working at once, in every process."""
    now = ctx.clock.now()

    def run(tx: Tx) -> IssuedToken:
        _owned_bot(tx, owner_id, bot_id)
        token = _issue(tx, bot_id)
        audit.record(tx, actor=audit.Actor.user(owner_id), action="bot.token.regenerate",
                     subject_kind="user", subject_id=bot_id, at=now, data={})  # fmt: skip
        user, bot = _owned_bot(tx, owner_id, bot_id)
        return IssuedToken(info=BotInfo(user=user, bot=bot), token=token)

    issued = await ctx.db.write(run)
    await ctx.bus.publish(Topics.AUTH, {"user_id": bot_id})
    return issued


async def revoke_token(ctx: Ctx, owner_id: int, *, bot_id: int) -> BotInfo:
    """Revoke the token without issuing another: the bot is offline until regenerated."""
    now = ctx.clock.now()

    def run(tx: Tx) -> BotInfo:
        _owned_bot(tx, owner_id, bot_id)
        tx.bots.update(bot_id, token_hash=None)
        audit.record(tx, actor=audit.Actor.user(owner_id), action="bot.token.revoke",
                     subject_kind="user", subject_id=bot_id, at=now, data={})  # fmt: skip
        user, bot = _owned_bot(tx, owner_id, bot_id)
        return BotInfo(user=user, bot=bot)

    info = await ctx.db.write(run)
    await ctx.bus.publish(Topics.AUTH, {"user_id": bot_id})
    return info


async def update_bot(
    ctx: Ctx,
    owner_id: int,
    *,
    bot_id: int,
    name: str | None = None,
    privacy: bool | None = None,
    can_join_groups: bool | None = None,
) -> BotInfo:
    """The settings BotFather holds: display name, privacy mode, whether groups may add it."""
    display = clean_display_name(name) if name is not None else None

    def run(tx: Tx) -> BotInfo:
        _owned_bot(tx, owner_id, bot_id)
        values: dict[str, object] = {}
        if privacy is not None:
            values["privacy"] = privacy
        if can_join_groups is not None:
            values["can_join_groups"] = can_join_groups
        if values:
            tx.bots.update(bot_id, **values)
        if display is not None:
            tx.users.update(bot_id, display_name=display)
        user, bot = _owned_bot(tx, owner_id, bot_id)
        return BotInfo(user=user, bot=bot)

    info = await ctx.db.write(run)
    await ctx.bus.publish(Topics.AUTH, {"user_id": bot_id})
    return info


async def authenticate_bot(ctx: Ctx, token: str) -> User:
    """The bot a token belongs to. Answers from the auth cache on the hot path; a revoked or
    regenerated token is evicted everywhere through the bus."""
    parts = split_token(token)
    if parts is None:
        raise Unauthenticated("Unauthorized", code="token_invalid")
    bot_id, secret = parts
    key = hash_token(token)
    cached = ctx.auth_cache.get(key)
    if cached is not None:
        return cached.user
    offered = _hash_secret(secret)

    def load(tx: Tx) -> User | None:
        stored = tx.bots.token_hash(bot_id)
        if not stored or not hmac.compare_digest(stored, offered):
            return None
        user = tx.users.get(bot_id)
        if user is None or user.status is UserStatus.BANNED:
            return None
        return user

    user = await ctx.db.read(load)
    if user is None:
        raise Unauthenticated("Unauthorized", code="token_invalid")
    ctx.auth_cache.put(key, Principal(user=user, session_id=0))
    return user


async def get_bot_settings(ctx: Ctx, bot_id: int) -> BotRow:
    found = await ctx.db.read(lambda tx: tx.bots.get(bot_id))
    if found is None:
        raise NotFound("bot not found", code="bot_not_found")
    return found


# -- blocking a bot ------------------------------------------------------------------------
async def set_bot_blocked(ctx: Ctx, user_id: int, *, bot_id: int, blocked: bool) -> bool:
    """A person stops (or resumes) a bot in their private chat: the bot can no longer message
    them and learns of it by a my_chat_member update, as in Telegram."""
    from parley.services.bot_updates import queue_updates  # the queue depends on this module

    now = ctx.clock.now()

    def run(tx: Tx) -> list[int]:
        bot = tx.users.get(bot_id)
        if bot is None or not bot.is_bot:
            raise NotFound("bot not found", code="bot_not_found")
        if not tx.bots.set_blocked(user_id, bot_id, blocked, now):
            return []
        chat_id = tx.chats.id_by_private_key(private_chat_key(user_id, bot_id))
        if chat_id is None:
            return []
        old, new = ("member", "banned") if blocked else ("banned", "member")
        payload = {"chat_id": chat_id, "actor_id": user_id, "user_id": bot_id,
                   "old": {"status": old}, "new": {"status": new}, "date": to_ms(now)}  # fmt: skip
        return queue_updates(tx, bot_id, [("my_chat_member", chat_id, payload)], now)

    ids = await ctx.db.write(run)
    if ids:
        from parley.services.bot_updates import notify

        await notify(ctx, [bot_id])
    return blocked


# -- commands ------------------------------------------------------------------------------
async def set_commands(
    ctx: Ctx, bot_id: int, *, commands: list[object], scope: str, language: str
) -> None:
    cleaned = clean_commands(commands)
    _check_language(language)

    def run(tx: Tx) -> None:
        tx.bots.set_commands(bot_id, scope, language, cleaned)

    await ctx.db.write(run)


async def get_commands(ctx: Ctx, bot_id: int, *, scope: str, language: str) -> list[dict[str, str]]:
    _check_language(language)
    found = await ctx.db.read(lambda tx: tx.bots.get_commands(bot_id, scope, language))
    return found or []


async def delete_commands(ctx: Ctx, bot_id: int, *, scope: str, language: str) -> None:
    _check_language(language)
    await ctx.db.write(lambda tx: tx.bots.delete_commands(bot_id, scope, language))


def _check_language(language: str) -> None:
    if language and not (len(language) == 2 and language.isalpha() and language.islower()):
        raise InvalidInput("language_code must be a two-letter ISO 639-1 code",
                           code="invalid_language")  # fmt: skip


# -- resolving the chats a bot names ---------------------------------------------------------
def resolve_in(tx: Tx, bot_id: int, ref: ChatRef, now: datetime, *, post: bool) -> BotChat:
    """The chat behind a reference, checked against the bot's place in it. Errors carry
    Telegram's distinctions: never seen (not found), left (not a member), kicked, blocked."""
    if ref.user_id is not None:
        return _resolve_private(tx, bot_id, ref.user_id, post=post)
    chat: Chat | None = None
    if ref.username is not None:
        chat = tx.chats.by_username(ref.username)
    elif ref.chat_id is not None:
        chat = tx.chats.get(ref.chat_id)
    if chat is None or chat.kind is ChatKind.PRIVATE:
        raise NotFound("chat not found", code="chat_not_found")
    member = tx.members.get(chat.id, bot_id)
    status = effective_status(member, now)
    if status is MemberStatus.BANNED:
        raise Forbidden(
            "bot was kicked from the chat", code="bot_kicked", chat_kind=chat.kind.value
        )
    active = member is not None and member.is_active and status is not MemberStatus.LEFT
    if not active:
        if status is None and not chat.is_public:
            raise NotFound("chat not found", code="chat_not_found")
        if post or not chat.is_public:
            raise Forbidden("bot is not a member of the chat", code="bot_not_member",
                            chat_kind=chat.kind.value)  # fmt: skip
    return BotChat(chat=chat, member=member if active else None)


def _resolve_private(tx: Tx, bot_id: int, user_id: int, *, post: bool) -> BotChat:
    peer = tx.users.get(user_id)
    if peer is None or peer.status is UserStatus.BANNED:
        raise NotFound("chat not found", code="chat_not_found")
    if peer.is_bot and peer.id != bot_id:
        raise Forbidden("bot can't send messages to bots", code="bot_to_bot")
    chat_id = tx.chats.id_by_private_key(private_chat_key(bot_id, user_id))
    if chat_id is None:
        raise Forbidden("bot can't initiate conversation with a user", code="bot_cannot_initiate")
    if post and tx.bots.is_blocked(user_id, bot_id):
        raise Forbidden("bot was blocked by the user", code="bot_blocked")
    chat = tx.chats.get(chat_id)
    assert chat is not None
    return BotChat(chat=chat, member=tx.members.get(chat_id, bot_id), peer=peer)


async def resolve_chat(ctx: Ctx, bot_id: int, ref: ChatRef, *, post: bool = False) -> BotChat:
    now = ctx.clock.now()
    return await ctx.db.read(lambda tx: resolve_in(tx, bot_id, ref, now, post=post))


# -- what a bot needs to see messages -----------------------------------------------------------
def load_refs(
    tx: Tx,
    bot_id: int,
    messages: list[Message],
    *,
    user_ids: set[int] | None = None,
    chat_ids: set[int] | None = None,
) -> Refs:
    users = set(user_ids or ()) | {bot_id}
    chats = set(chat_ids or ())
    wanted_replies: dict[int, list[int]] = {}
    for m in messages:
        chats.add(m.chat_id)
        if m.sender_id is not None:
            users.add(m.sender_id)
        if m.forward is not None:
            if m.forward.sender_id is not None:
                users.add(m.forward.sender_id)
            if m.forward.chat_id is not None:
                chats.add(m.forward.chat_id)
        users.update(int(u) for u in m.extra.get("user_ids", []) if isinstance(u, int))
        if m.reply_to_id is not None:
            wanted_replies.setdefault(m.chat_id, []).append(m.reply_to_id)
    replies: dict[tuple[int, int], Message] = {}
    for chat_id, ids in wanted_replies.items():
        for mid, found in tx.messages.get_many(chat_id, ids).items():
            if not found.deleted:
                replies[(chat_id, mid)] = found
                if found.sender_id is not None:
                    users.add(found.sender_id)
    chat_rows = tx.chats.get_many(chats)
    peers: dict[int, int] = {}
    for chat in chat_rows.values():
        if chat.kind is ChatKind.PRIVATE:
            others = [u for u in tx.members.active_user_ids(chat.id) if u != bot_id]
            peers[chat.id] = others[0] if others else bot_id
            users.add(peers[chat.id])
    return Refs(bot_id=bot_id, users=tx.users.get_many(users), chats=chat_rows, peers=peers,
                replies=replies)  # fmt: skip


async def refs_for(
    ctx: Ctx,
    bot_id: int,
    messages: list[Message],
    *,
    user_ids: set[int] | None = None,
    chat_ids: set[int] | None = None,
) -> Refs:
    return await ctx.db.read(
        lambda tx: load_refs(tx, bot_id, messages, user_ids=user_ids, chat_ids=chat_ids)
    )


# -- member actions with Telegram's meaning ---------------------------------------------------
async def unban_chat_member(
    ctx: Ctx, bot_id: int, *, chat_id: int, user_id: int, only_if_banned: bool
) -> None:
    """unbanChatMember: afterwards the user is not a member but may join. A current member is
    therefore removed, unless only_if_banned asks to touch banned users only."""
    from parley.services import members  # members depends on chats, which is below bots

    now = ctx.clock.now()

    def run(tx: Tx) -> str | None:
        member = tx.members.get(chat_id, user_id)
        return None if member is None else str(effective_status(member, now))

    status = await ctx.db.read(run)
    if status == MemberStatus.BANNED:
        await members.unban_member(ctx, bot_id, chat_id=chat_id, user_id=user_id)
    elif status in ("owner", "admin", "member", "restricted") and not only_if_banned:
        await members.ban_member(ctx, bot_id, chat_id=chat_id, user_id=user_id, kick_only=True)


async def latest_pinned(ctx: Ctx, bot_id: int, *, chat_id: int) -> int | None:
    now = ctx.clock.now()

    def run(tx: Tx) -> int | None:
        member = tx.members.get(chat_id, bot_id)
        if member is None or effective_status(member, now) not in (
            MemberStatus.OWNER, MemberStatus.ADMIN, MemberStatus.MEMBER, MemberStatus.RESTRICTED
        ):  # fmt: skip
            raise NotFound("chat not found", code="chat_not_found")
        pinned = tx.messages.pinned(chat_id, limit=1)
        return pinned[0].id if pinned else None

    return await ctx.db.read(run)
