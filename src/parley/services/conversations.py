"""What a conversation screen shows, read in one transaction: the chat as the viewer sees it,
a page of its messages, the people who wrote them, the messages they reply to, what is
pinned, and what the viewer may do there. The web client's pages are built from these; the
rules themselves stay in domain/chats.py and services/messages.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from parley.domain.chats import Chat, ChatKind, MemberStatus, check_can_post
from parley.domain.errors import DomainError, Forbidden, InvalidInput, NotFound
from parley.domain.messages import Message, MessageKind, Visibility
from parley.domain.users import User
from parley.services.chats import ChatView, readable_chat, view_of
from parley.services.context import Ctx
from parley.services.dialogs import Dialog, list_dialogs
from parley.store.chats import InviteLink
from parley.store.tx import Tx

PAGE = 40


@dataclass(frozen=True, slots=True)
class Abilities:
    """What the viewer may do in a chat: the template shows only the controls that work."""

    post: bool
    join: bool
    leave: bool
    pin: bool
    delete_any: bool
    edit_any: bool
    change_info: bool
    invite: bool
    see_members: bool
    restrict: bool  # remove and ban members
    promote: bool  # make and dismiss admins


@dataclass(frozen=True, slots=True)
class Conversation:
    view: ChatView
    messages: list[Message]  # oldest first
    people: dict[int, User]
    replies: dict[int, Message]  # the messages replied to, by id
    pinned: Message | None
    abilities: Abilities
    has_older: bool
    viewer_id: int
    newest: bool = True  # the page ends with the chat's latest message

    def may_edit(self, message: Message) -> bool:
        if message.kind is MessageKind.SERVICE or message.deleted:
            return False
        return message.sender_id == self.viewer_id or self.abilities.edit_any

    def may_delete(self, message: Message) -> bool:
        if message.deleted:
            return False
        return message.sender_id == self.viewer_id or self.abilities.delete_any


@dataclass(frozen=True, slots=True)
class ChatList:
    dialogs: list[Dialog]
    people: dict[int, User]  # senders of the last messages


def _abilities(tx: Tx, view: ChatView, now: datetime) -> Abilities:
    chat, member = view.chat, view.member
    try:
        check_can_post(chat, member, now)
        post = True
    except DomainError:
        post = False
    active = member is not None and member.is_active
    private = chat.kind is ChatKind.PRIVATE

    def right(name: str) -> bool:
        return active if private else member is not None and member.has_right(name)

    channel = chat.kind is ChatKind.CHANNEL
    return Abilities(
        post=post,
        join=not active and chat.is_public,
        leave=active
        and not private
        and not (member is not None and member.status is MemberStatus.OWNER),
        pin=right("can_edit_messages" if channel else "can_pin_messages"),
        delete_any=right("can_delete_messages"),
        edit_any=channel and right("can_edit_messages"),
        change_info=not private and right("can_change_info"),
        invite=not private and right("can_invite_users"),
        restrict=not private and right("can_restrict_members"),
        promote=not private and right("can_promote_members"),
        see_members=not private
        and (member is not None and member.is_admin if channel else active or chat.is_public),
    )


def _people_and_replies(
    tx: Tx, chat_id: int, shown: list[Message], extra_ids: set[int]
) -> tuple[dict[int, User], dict[int, Message]]:
    reply_ids = [m.reply_to_id for m in shown if m.reply_to_id is not None]
    found = tx.messages.get_many(chat_id, reply_ids) if reply_ids else {}
    replies = {
        i: m for i, m in found.items() if not m.deleted and m.visibility is not Visibility.REMOVED
    }
    ids = set(extra_ids)
    for m in [*shown, *replies.values()]:
        if m.sender_id is not None:
            ids.add(m.sender_id)
        if m.forward is not None and m.forward.sender_id is not None:
            ids.add(m.forward.sender_id)
        ids.update(int(u) for u in m.extra.get("user_ids", []) if isinstance(u, int))
    return tx.users.get_many(ids), replies


async def load_conversation(
    ctx: Ctx, user_id: int, *, chat_id: int, before_id: int | None = None, limit: int = PAGE
) -> Conversation:
    """The newest page of a chat (or the page before `before_id`), as the viewer may see it."""
    if not 1 <= limit <= 100:
        raise InvalidInput("limit must be 1–100", code="invalid_limit")
    now = ctx.clock.now()

    def run(tx: Tx) -> Conversation:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        view = view_of(tx, chat, member, user_id)
        page = tx.messages.history(chat_id, before_id=before_id, limit=limit + 1)
        has_older = len(page) > limit
        shown = list(reversed(page[:limit]))
        pins = tx.messages.pinned(chat_id, limit=1)
        pinned = pins[0] if pins and pins[0].visibility is not Visibility.REMOVED else None
        extra = {view.peer.id} if view.peer else set()
        people, replies = _people_and_replies(
            tx, chat_id, [*shown, *([pinned] if pinned else [])], extra
        )
        newest = before_id is None or not shown or shown[-1].id >= chat.top_message_id
        return Conversation(
            view=view,
            messages=shown,
            people=people,
            replies=replies,
            pinned=pinned,
            abilities=_abilities(tx, view, now),
            has_older=has_older,
            viewer_id=user_id,
            newest=newest,
        )

    return await ctx.db.read(run)


async def load_messages(
    ctx: Ctx, user_id: int, *, chat_id: int, message_ids: list[int]
) -> Conversation:
    """Just these messages of a chat (a live update or a fragment to redraw), with what the
    conversation needs to draw them. Deleted and removed ones are left out."""
    ids = sorted(set(message_ids))[:100]
    now = ctx.clock.now()

    def run(tx: Tx) -> Conversation:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        view = view_of(tx, chat, member, user_id)
        found = tx.messages.get_many(chat_id, ids)
        shown = [
            found[i]
            for i in ids
            if i in found and not found[i].deleted and found[i].visibility is not Visibility.REMOVED
        ]
        people, replies = _people_and_replies(tx, chat_id, shown, set())
        return Conversation(
            view=view,
            messages=shown,
            people=people,
            replies=replies,
            pinned=None,
            abilities=_abilities(tx, view, now),
            has_older=False,
            viewer_id=user_id,
        )

    return await ctx.db.read(run)


async def load_chat_list(
    ctx: Ctx, user_id: int, *, limit: int = 100, before: tuple[datetime, int] | None = None
) -> ChatList:
    """The viewer's dialogs with the names of whoever wrote each last message."""
    dialogs = await list_dialogs(ctx, user_id, limit=limit, before=before)
    ids = {d.top_message.sender_id for d in dialogs if d.top_message and d.top_message.sender_id}
    people = await ctx.db.read(lambda tx: tx.users.get_many(ids)) if ids else {}
    return ChatList(dialogs=dialogs, people=people)


async def get_users(ctx: Ctx, user_ids: set[int]) -> dict[int, User]:
    """Public profiles by id (names for lists); unknown ids are left out."""
    if not user_ids:
        return {}
    return await ctx.db.read(lambda tx: tx.users.get_many(set(list(user_ids)[:500])))


@dataclass(frozen=True, slots=True)
class ChatInfo:
    view: ChatView
    abilities: Abilities
    invites: list[InviteLink]  # only for those who may invite
    owner: User | None


async def load_chat_info(ctx: Ctx, user_id: int, *, chat_id: int) -> ChatInfo:
    """A chat's info screen: what it is, who owns it, its invite links for those who manage them."""
    now = ctx.clock.now()

    def run(tx: Tx) -> ChatInfo:
        chat, member = readable_chat(tx, user_id, chat_id, now)
        view = view_of(tx, chat, member, user_id)
        abilities = _abilities(tx, view, now)
        invites = [i for i in tx.invites.for_chat(chat_id) if not i.revoked]
        owner = tx.users.get(chat.owner_id) if chat.owner_id else None
        return ChatInfo(
            view=view, abilities=abilities, invites=invites if abilities.invite else [], owner=owner
        )

    return await ctx.db.read(run)


@dataclass(frozen=True, slots=True)
class InvitePreview:
    chat: Chat
    member: bool  # the viewer is already in it
    link: InviteLink


async def preview_invite(ctx: Ctx, user_id: int, *, code: str) -> InvitePreview:
    """What an invite link leads to, shown before joining (title, kind, member count)."""
    if not code or len(code) > 64:
        raise NotFound("this invite link is invalid or was revoked", code="invite_invalid")
    now = ctx.clock.now()

    def run(tx: Tx) -> InvitePreview:
        link = tx.invites.by_code(code)
        if link is None or link.revoked:
            raise NotFound("this invite link is invalid or was revoked", code="invite_invalid")
        if link.expires_at is not None and link.expires_at <= now:
            raise Forbidden("this invite link has expired", code="invite_expired")
        chat = tx.chats.get(link.chat_id)
        if chat is None:
            raise NotFound("this invite link is invalid or was revoked", code="invite_invalid")
        member = tx.members.get(chat.id, user_id)
        return InvitePreview(chat=chat, member=member is not None and member.is_active, link=link)

    return await ctx.db.read(run)
