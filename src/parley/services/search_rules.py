"""Who sees which search hit: the visibility rules, applied against the store.

The index may be behind, or hold content that moderation has since hidden; these rules read
the current rows for every hit, so a moderation action counts in search the moment it is
written. Global reach needs a visible message in a listed public chat from an author who is not
banned; a person's own chats need their active membership (and a chat that is not banned)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from parley.domain.chats import Chat, ChatKind, ChatStatus, Member, MemberStatus, effective_status
from parley.domain.messages import Message, MessageKind, Visibility
from parley.domain.users import User, UserStatus
from parley.search.protocol import Hit, MessageKey, PeerKey, PeerKind
from parley.search.query import ParsedQuery
from parley.store.tx import Tx


class Scope(StrEnum):
    GLOBAL = "global"  # public chats and people, then messages in public listed chats
    MINE = "mine"  # messages in the searcher's own chats, private ones included
    MESSAGES = "messages"  # messages in public listed chats and in the searcher's own
    CHATS = "chats"  # public groups and channels, and the searcher's own
    USERS = "users"  # people and bots by username and display name


MESSAGE_SCOPES = frozenset({Scope.GLOBAL, Scope.MINE, Scope.MESSAGES})


@dataclass(frozen=True, slots=True)
class FoundMessage:
    message: Message
    chat: Chat
    member: Member | None  # the searcher's membership, if any
    sender: User | None
    peer: User | None  # the other side of a private chat, whose name is the chat's title
    score: float


@dataclass(frozen=True, slots=True)
class FoundChat:
    chat: Chat
    member: Member | None
    score: float


@dataclass(frozen=True, slots=True)
class FoundUser:
    user: User
    score: float


Found = FoundMessage | FoundChat | FoundUser


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One search, as the visibility rules need to know it."""

    user_id: int
    scope: Scope
    text: ParsedQuery
    member_chats: frozenset[int]
    chat_id: int | None
    sender_id: int | None
    after: datetime | None
    before: datetime | None
    now: datetime


def public_listed(chat: Chat) -> bool:
    return chat.is_public and chat.status is ChatStatus.LISTED


def active(member: Member | None, now: datetime) -> bool:
    status = effective_status(member, now)
    return status is not None and status not in (MemberStatus.LEFT, MemberStatus.BANNED)


def visible(tx: Tx, *, request: SearchRequest, hits: list[Hit]) -> list[Found | None]:
    """For each hit, what the searcher may see of it now, or None. Reads every row the rules
    need in five statements, however many hits and of whatever kinds."""
    message_keys = [h.key for h in hits if isinstance(h.key, MessageKey)]
    peer_keys = [h.key for h in hits if isinstance(h.key, PeerKey)]
    rows = tx.messages.get_keys([(k.chat_id, k.message_id) for k in message_keys])
    chat_ids = {k.chat_id for k in message_keys}
    chat_ids |= {k.id for k in peer_keys if k.kind is PeerKind.CHAT}
    chats = tx.chats.get_many(chat_ids)
    members = tx.members.memberships_of(request.user_id, sorted(chats))
    private = sorted(c.id for c in chats.values() if c.kind is ChatKind.PRIVATE)
    peer_ids = tx.search_feed.private_peers(private, request.user_id) if private else {}
    user_ids = {m.sender_id for m in rows.values() if m.sender_id} | set(peer_ids.values())
    user_ids |= {k.id for k in peer_keys if k.kind is PeerKind.USER}
    people = tx.users.get_many(user_ids, with_roles=False)
    seen = _Seen(request, chats, members, people, peer_ids)
    out: list[Found | None] = []
    for hit in hits:
        key = hit.key
        if isinstance(key, MessageKey):
            out.append(seen.message(rows.get((key.chat_id, key.message_id)), hit.score))
        elif key.kind is PeerKind.USER:
            out.append(seen.user(people.get(key.id), hit.score))
        else:
            out.append(seen.chat(chats.get(key.id), hit.score))
    return out


@dataclass(frozen=True, slots=True)
class _Seen:
    """The rows one visibility check read, and the rules applied to them."""

    request: SearchRequest
    chats: dict[int, Chat]
    members: dict[int, Member]
    people: dict[int, User]
    peer_ids: dict[int, int]  # private chat -> the other participant

    def message(self, message: Message | None, score: float) -> FoundMessage | None:
        request = self.request
        chat = self.chats.get(message.chat_id) if message is not None else None
        if message is None or chat is None:
            return None
        if message.deleted or message.visibility is not Visibility.VISIBLE:
            return None
        if message.kind is not MessageKind.TEXT:
            return None
        member = self.members.get(chat.id)
        if effective_status(member, request.now) is MemberStatus.BANNED:
            return None
        sender = self.people.get(message.sender_id) if message.sender_id else None
        in_global = public_listed(chat) and (sender is None
                                             or sender.status is not UserStatus.BANNED)  # fmt: skip
        in_mine = (chat.id in request.member_chats and active(member, request.now)
                   and chat.status is not ChatStatus.BANNED)  # fmt: skip
        allowed = {Scope.GLOBAL: in_global, Scope.MINE: in_mine,
                   Scope.MESSAGES: in_global or in_mine}.get(request.scope, False)  # fmt: skip
        if not allowed:
            return None
        # a private chat is titled by the person on the other side
        peer = self.people.get(self.peer_ids.get(chat.id, 0))
        return FoundMessage(message=message, chat=chat, member=member, sender=sender, peer=peer,
                            score=score)  # fmt: skip

    def user(self, user: User | None, score: float) -> FoundUser | None:
        if user is None or user.status is UserStatus.BANNED:
            return None
        return FoundUser(user=user, score=score)

    def chat(self, chat: Chat | None, score: float) -> FoundChat | None:
        if chat is None or chat.kind is ChatKind.PRIVATE:
            return None
        member = self.members.get(chat.id)
        if effective_status(member, self.request.now) is MemberStatus.BANNED:
            return None
        mine = active(member, self.request.now) and chat.status is not ChatStatus.BANNED
        if not (public_listed(chat) or mine):
            return None
        return FoundChat(chat=chat, member=member, score=score)
