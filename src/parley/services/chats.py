"""Chats: private 1:1 chats, groups of up to 200,000 members, channels; joining and leaving,
invite links, and chat settings. Member administration lives in services/members.py."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from parley.domain.chats import (
    MAX_GROUP_MEMBERS,
    AdminRights,
    Chat,
    ChatKind,
    Member,
    MemberStatus,
    check_can_read,
    check_has_right,
    check_slow_mode,
    clean_description,
    clean_title,
    effective_status,
    private_chat_key,
)
from parley.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from parley.domain.events import Audience, ChatEventKind, UserEventKind
from parley.domain.messages import MessageKind
from parley.domain.users import User, UserStatus, normalize_username
from parley.services.context import Ctx
from parley.services.sequence import Changes, publish
from parley.store.chats import InviteLink
from parley.store.tx import Tx

MAX_INITIAL_MEMBERS = 200


@dataclass(frozen=True, slots=True)
class ChatView:
    """A chat as one user sees it: their membership, and the other side of a private chat."""

    chat: Chat
    member: Member | None
    peer: User | None = None


def load_chat(tx: Tx, chat_id: int) -> Chat:
    chat = tx.chats.get(chat_id)
    if chat is None:
        raise NotFound("chat not found", code="chat_not_found")
    return chat


def readable_chat(tx: Tx, user_id: int, chat_id: int, now: datetime) -> tuple[Chat, Member | None]:
    chat = load_chat(tx, chat_id)
    member = tx.members.get(chat_id, user_id)
    check_can_read(chat, member, now)
    return chat, member


def view_of(tx: Tx, chat: Chat, member: Member | None, user_id: int) -> ChatView:
    peer = None
    if chat.kind is ChatKind.PRIVATE:
        ids = [m for m in tx.members.active_user_ids(chat.id) if m != user_id] or [user_id]
        peer = tx.users.get(ids[0])
    return ChatView(chat=chat, member=member, peer=peer)


def member_audience(chat: Chat) -> Audience:
    """Joins and leaves in channels are for admins; in groups everyone sees them."""
    return Audience.ADMINS if chat.kind is ChatKind.CHANNEL else Audience.ALL


def add_member(
    tx: Tx, changes: Changes, chat: Chat, user_id: int, at: datetime, *,
    inviter_id: int | None = None, status: MemberStatus = MemberStatus.MEMBER,
    rights: AdminRights | None = None, announce: bool = True,
) -> Member:  # fmt: skip
    """Make `user_id` an active member; the caller has checked permission to do so. In groups
    a service message announces it (unless the caller announces several at once)."""
    existing = tx.members.get(chat.id, user_id)
    current = effective_status(existing, at)
    if current is MemberStatus.BANNED:
        raise Forbidden("this user is banned from the chat", code="user_banned_in_chat")
    if existing is not None and current in (
        MemberStatus.OWNER,
        MemberStatus.ADMIN,
        MemberStatus.MEMBER,
        MemberStatus.RESTRICTED,
    ):
        return existing
    if chat.kind is ChatKind.GROUP and chat.member_count >= MAX_GROUP_MEMBERS:
        raise Conflict(f"groups hold at most {MAX_GROUP_MEMBERS:,} members", code="chat_full")
    tx.chats.add_member_count(chat.id, 1)
    changes.chat(
        tx,
        chat_id=chat.id,
        kind=ChatEventKind.MEMBER_JOIN,
        at=at,
        audience=member_audience(chat),
        data={
            "user_id": user_id,
            "inviter_id": inviter_id,
            "status": status.value,
            "old_status": existing.status.value if existing is not None else "left",
        },
    )
    if chat.kind is ChatKind.GROUP and announce:
        action = "member_joined" if inviter_id in (None, user_id) else "members_added"
        changes.post(
            tx,
            chat_id=chat.id,
            sender_id=inviter_id or user_id,
            text="",
            at=at,
            kind=MessageKind.SERVICE,
            extra={"action": action, "user_ids": [user_id]},
        )
    # A newcomer starts with everything before (and including) their arrival read.
    top_message_id = tx.chats.states([chat.id])[chat.id][1]
    member = Member(
        chat_id=chat.id, user_id=user_id, status=status, joined_at=at, rights=rights,
        inviter_id=inviter_id, read_inbox_max_id=top_message_id,
    )  # fmt: skip
    tx.members.put(member)
    changes.user(
        tx,
        user_id=user_id,
        kind=UserEventKind.CHAT_JOINED,
        at=at,
        data={"chat_id": chat.id, "admin": status in (MemberStatus.OWNER, MemberStatus.ADMIN)},
    )
    return member


def remove_member(
    tx: Tx, changes: Changes, chat: Chat, member: Member, at: datetime, *,
    status: MemberStatus, actor_id: int, until: datetime | None = None,
) -> None:  # fmt: skip
    """Move an active member out (left or banned), or record a ban for a non-member."""
    was_active = member.is_active and effective_status(member, at) is not MemberStatus.LEFT
    tx.members.put(Member(
        chat_id=chat.id, user_id=member.user_id, status=status, joined_at=member.joined_at,
        until=until, read_inbox_max_id=member.read_inbox_max_id, inviter_id=member.inviter_id,
    ))  # fmt: skip
    if not was_active:
        return
    tx.chats.add_member_count(chat.id, -1)
    changes.chat(
        tx,
        chat_id=chat.id,
        kind=ChatEventKind.MEMBER_LEAVE,
        at=at,
        audience=member_audience(chat),
        data={
            "user_id": member.user_id,
            "actor_id": actor_id,
            "status": status.value,
            "old_status": member.status.value,
        },
    )
    if chat.kind is ChatKind.GROUP:
        action = "member_left" if actor_id == member.user_id else "member_removed"
        changes.post(
            tx,
            chat_id=chat.id,
            sender_id=actor_id,
            text="",
            at=at,
            kind=MessageKind.SERVICE,
            extra={"action": action, "user_ids": [member.user_id]},
        )
    changes.user(
        tx,
        user_id=member.user_id,
        kind=UserEventKind.CHAT_LEFT,
        at=at,
        data={"chat_id": chat.id, "status": status.value},
    )


def _check_username_free(tx: Tx, name: str, *, chat_id: int | None = None) -> None:
    if tx.chats.username_taken(name, except_chat=chat_id) or tx.users.username_taken(name):
        raise Conflict("this username is taken", code="username_taken")


async def create_chat(
    ctx: Ctx,
    owner_id: int,
    *,
    kind: ChatKind,
    title: str,
    description: str = "",
    username: str | None = None,
    member_ids: list[int] | None = None,
) -> ChatView:
    """Create a group or channel; the creator is its owner with every right."""
    if kind is ChatKind.PRIVATE:
        raise InvalidInput("open a private chat with POST /chats/private", code="invalid_kind")
    title = clean_title(title)
    description = clean_description(description)
    name = normalize_username(username) if username else None
    invitees = sorted(set(member_ids or []) - {owner_id})
    if len(invitees) > MAX_INITIAL_MEMBERS:
        raise InvalidInput(
            f"add at most {MAX_INITIAL_MEMBERS} members at creation", code="too_many_members"
        )
    if kind is ChatKind.CHANNEL and invitees:
        raise InvalidInput("people join channels themselves", code="invalid_members")
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[ChatView, Changes]:
        owner = tx.users.get(owner_id)
        if owner is None or owner.is_bot:
            raise Forbidden("bots cannot create chats", code="bots_cannot_create")
        if name:
            _check_username_free(tx, name)
        found = tx.users.get_many(invitees)
        missing = [u for u in invitees if u not in found]
        if missing:
            raise InvalidInput(f"unknown users: {missing}", code="user_not_found")
        chat_id = tx.chats.insert(kind=kind, title=title, description=description, username=name,
                                  owner_id=owner_id, at=now)  # fmt: skip
        changes = Changes()
        changes.post(
            tx,
            chat_id=chat_id,
            sender_id=owner_id,
            text="",
            at=now,
            kind=MessageKind.SERVICE,
            extra={"action": "chat_created", "title": title, "user_ids": invitees},
        )
        add_member(tx, changes, load_chat(tx, chat_id), owner_id, now, status=MemberStatus.OWNER,
                   rights=AdminRights.full(), announce=False)  # fmt: skip
        for uid in invitees:
            add_member(tx, changes, load_chat(tx, chat_id), uid, now, inviter_id=owner_id,
                       announce=False)  # fmt: skip
        owner_member = tx.members.get(chat_id, owner_id)
        return ChatView(chat=load_chat(tx, chat_id), member=owner_member), changes

    view, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return view


async def open_private_chat(ctx: Ctx, user_id: int, *, peer_id: int) -> ChatView:
    """The one private chat between two users, created on first use."""
    now = ctx.clock.now()
    key = private_chat_key(user_id, peer_id)

    def run(tx: Tx) -> tuple[ChatView, Changes]:
        me, peer = tx.users.get(user_id), tx.users.get(peer_id)
        if me is None or peer is None or peer.status is UserStatus.BANNED:
            raise NotFound("user not found", code="user_not_found")
        changes = Changes()
        existing = tx.chats.id_by_private_key(key)
        if existing is not None:
            chat = load_chat(tx, existing)
            return view_of(tx, chat, tx.members.get(chat.id, user_id), user_id), changes
        if me.is_bot:
            raise Forbidden("a bot can't start a conversation with a user",
                            code="bot_cannot_initiate")  # fmt: skip
        chat_id = tx.chats.insert(kind=ChatKind.PRIVATE, title="", private_key=key, at=now)
        for uid in sorted({user_id, peer_id}):
            add_member(tx, changes, load_chat(tx, chat_id), uid, now)
        chat = load_chat(tx, chat_id)
        return ChatView(chat=chat, member=tx.members.get(chat_id, user_id), peer=peer), changes

    view, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return view


async def get_chat(ctx: Ctx, user_id: int, *, chat_id: int) -> ChatView:
    now = ctx.clock.now()

    def run(tx: Tx) -> ChatView:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        return view_of(tx, chat, member, user_id)

    return await ctx.db.read(run)


async def resolve_chat(ctx: Ctx, user_id: int, *, username: str) -> ChatView:
    """A public group or channel by its @username."""
    now = ctx.clock.now()

    def run(tx: Tx) -> ChatView:
        chat = tx.chats.by_username(username.removeprefix("@"))
        if chat is None:
            raise NotFound("chat not found", code="chat_not_found")
        member = tx.members.get(chat.id, user_id)
        check_can_read(chat, member, now)
        return ChatView(chat=chat, member=member)

    return await ctx.db.read(run)


async def update_chat(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    title: str | None = None,
    description: str | None = None,
    username: str | None = None,
    clear_username: bool = False,
    slow_mode_seconds: int | None = None,
) -> ChatView:
    """Change a group's or channel's info; needs the right to change info."""
    values: dict[str, object] = {}
    if title is not None:
        values["title"] = clean_title(title)
    if description is not None:
        values["description"] = clean_description(description)
    if clear_username:
        values["username"] = None
    elif username is not None:
        values["username"] = normalize_username(username)
    if slow_mode_seconds is not None:
        values["slow_mode_seconds"] = check_slow_mode(slow_mode_seconds)
    if not values:
        raise InvalidInput("nothing to change", code="nothing_to_change")
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[ChatView, Changes]:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        if chat.kind is ChatKind.PRIVATE:
            raise InvalidInput("private chats have no settings", code="invalid_chat_kind")
        check_has_right(chat, member, "can_change_info")
        if "slow_mode_seconds" in values and chat.kind is not ChatKind.GROUP:
            raise InvalidInput("slow mode is for groups", code="invalid_chat_kind")
        name = values.get("username")
        if isinstance(name, str):
            _check_username_free(tx, name, chat_id=chat_id)
        tx.chats.update(chat_id, **values)
        changes = Changes()
        changes.chat(
            tx,
            chat_id=chat_id,
            kind=ChatEventKind.CHAT_UPDATE,
            at=now,
            data={"actor_id": user_id, "changed": sorted(values)},
        )
        if "title" in values and chat.kind is ChatKind.GROUP:
            changes.post(
                tx,
                chat_id=chat_id,
                sender_id=user_id,
                text="",
                at=now,
                kind=MessageKind.SERVICE,
                extra={"action": "title_changed", "title": values["title"]},
            )
        return ChatView(chat=load_chat(tx, chat_id), member=member), changes

    view, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return view


async def join_chat(ctx: Ctx, user_id: int, *, chat_id: int) -> ChatView:
    """Join a public group or channel."""
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[ChatView, Changes]:
        chat, _ = readable_chat(tx, user_id, chat_id, now)
        if not chat.is_public:
            raise Forbidden("this chat is joined by invite link", code="invite_required")
        changes = Changes()
        member = add_member(tx, changes, chat, user_id, now)
        return ChatView(chat=load_chat(tx, chat_id), member=member), changes

    view, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return view


async def join_by_invite(ctx: Ctx, user_id: int, *, code: str) -> ChatView:
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[ChatView, Changes]:
        link = tx.invites.by_code(code)
        if link is None or link.revoked:
            raise NotFound("this invite link is invalid or was revoked", code="invite_invalid")
        if link.expires_at is not None and link.expires_at <= now:
            raise Forbidden("this invite link has expired", code="invite_expired")
        if link.member_limit is not None and link.usage_count >= link.member_limit:
            raise Forbidden("this invite link reached its member limit", code="invite_used_up")
        chat = load_chat(tx, link.chat_id)
        existing = tx.members.get(chat.id, user_id)
        changes = Changes()
        if existing is not None and existing.is_active:
            return ChatView(chat=chat, member=existing), changes
        member = add_member(tx, changes, chat, user_id, now, inviter_id=link.creator_id)
        tx.invites.count_use(chat.id, link.code)
        return ChatView(chat=load_chat(tx, chat.id), member=member), changes

    view, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return view


async def leave_chat(ctx: Ctx, user_id: int, *, chat_id: int) -> None:
    now = ctx.clock.now()

    def run(tx: Tx) -> Changes:
        chat = load_chat(tx, chat_id)
        member = tx.members.get(chat_id, user_id)
        if member is None or not member.is_active:
            raise NotFound("you are not a member of this chat", code="not_a_member")
        if chat.kind is ChatKind.PRIVATE:
            raise InvalidInput("private chats cannot be left; delete them instead",
                               code="invalid_chat_kind")  # fmt: skip
        if member.status is MemberStatus.OWNER:
            raise Conflict(
                "the owner cannot leave; transfer ownership first", code="owner_cannot_leave"
            )
        changes = Changes()
        remove_member(tx, changes, chat, member, now, status=MemberStatus.LEFT, actor_id=user_id)
        return changes

    await publish(ctx, await ctx.db.write(run))


async def create_invite_link(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    name: str = "",
    expires_at: datetime | None = None,
    member_limit: int | None = None,
) -> InviteLink:
    now = ctx.clock.now()
    if expires_at is not None and expires_at <= now:
        raise InvalidInput("expiry must be in the future", code="invalid_expiry")
    if member_limit is not None and not 1 <= member_limit <= 99_999:
        raise InvalidInput("member_limit must be 1–99999", code="invalid_member_limit")
    if len(name) > 32:
        raise InvalidInput("name must be at most 32 characters", code="invalid_name")

    def run(tx: Tx) -> InviteLink:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        if chat.kind is ChatKind.PRIVATE:
            raise InvalidInput("private chats have no invite links", code="invalid_chat_kind")
        check_has_right(chat, member, "can_invite_users")
        link = InviteLink(
            chat_id=chat_id, code=secrets.token_urlsafe(16), creator_id=user_id, name=name,
            expires_at=expires_at, member_limit=member_limit, usage_count=0, revoked=False,
            created_at=now,
        )  # fmt: skip
        tx.invites.insert(link)
        return link

    return await ctx.db.write(run)


async def list_invite_links(ctx: Ctx, user_id: int, *, chat_id: int) -> list[InviteLink]:
    now = ctx.clock.now()

    def run(tx: Tx) -> list[InviteLink]:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        check_has_right(chat, member, "can_invite_users")
        return tx.invites.for_chat(chat_id)

    return await ctx.db.read(run)


async def revoke_invite_link(ctx: Ctx, user_id: int, *, chat_id: int, code: str) -> None:
    now = ctx.clock.now()

    def run(tx: Tx) -> bool:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        check_has_right(chat, member, "can_invite_users")
        return tx.invites.revoke(chat_id, code)

    if not await ctx.db.write(run):
        raise NotFound("no such invite link", code="invite_invalid")
