"""Chats and membership: kinds, member states, admin rights and the rules of who may do what.

These functions are pure; services call them inside the write transaction so a rule is
checked against the same state the write changes."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from parley.domain.errors import Forbidden, InvalidInput, NotFound, RateLimited


class ChatKind(StrEnum):
    PRIVATE = "private"
    GROUP = "group"
    CHANNEL = "channel"


class ChatStatus(StrEnum):
    """Whether a public chat may appear in search (DESIGN.md, visibility states)."""

    LISTED = "listed"
    DELISTED = "delisted"
    BANNED = "banned"


class MemberStatus(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    RESTRICTED = "restricted"  # a member who may read but whose sending is limited
    LEFT = "left"
    BANNED = "banned"  # removed and may not rejoin until unbanned


ACTIVE_STATUSES = frozenset(
    {MemberStatus.OWNER, MemberStatus.ADMIN, MemberStatus.MEMBER, MemberStatus.RESTRICTED}
)
SLOW_MODE_VALUES = (0, 10, 30, 60, 300, 900, 3600)
MAX_GROUP_MEMBERS = 200_000
TITLE_MAX = 128
DESCRIPTION_MAX = 255


@dataclass(frozen=True, slots=True)
class AdminRights:
    """What an admin may do; the owner holds every right."""

    can_manage_chat: bool = True
    can_change_info: bool = True
    can_post_messages: bool = True  # channels
    can_edit_messages: bool = True  # channels: edit others' posts
    can_delete_messages: bool = True
    can_restrict_members: bool = True
    can_invite_users: bool = True
    can_pin_messages: bool = True
    can_promote_members: bool = False

    @classmethod
    def full(cls) -> AdminRights:
        return cls(can_promote_members=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> AdminRights:
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise InvalidInput(f"unknown admin rights: {sorted(unknown)}", code="invalid_rights")
        if not all(isinstance(v, bool) for v in data.values()):
            raise InvalidInput("admin rights are booleans", code="invalid_rights")
        return replace(cls(), **data)

    def to_dict(self) -> dict[str, bool]:
        return asdict(self)

    def covers(self, other: AdminRights) -> bool:
        """True when every right in `other` is also held here (no one grants what they lack)."""
        mine, theirs = self.to_dict(), other.to_dict()
        return all(mine[k] or not v for k, v in theirs.items())


@dataclass(frozen=True, slots=True)
class Chat:
    id: int
    kind: ChatKind
    title: str
    description: str
    username: str | None
    owner_id: int | None
    member_count: int
    pts: int
    top_message_id: int
    slow_mode_seconds: int
    status: ChatStatus
    created_at: datetime
    last_activity_at: datetime

    @property
    def is_public(self) -> bool:
        return self.username is not None and self.kind is not ChatKind.PRIVATE


@dataclass(frozen=True, slots=True)
class Member:
    chat_id: int
    user_id: int
    status: MemberStatus
    joined_at: datetime
    rights: AdminRights | None = None
    can_send: bool = True  # for RESTRICTED members
    until: datetime | None = None  # end of a restriction or ban; None is forever
    read_inbox_max_id: int = 0
    last_post_at: datetime | None = None
    inviter_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_admin(self) -> bool:
        return self.status in (MemberStatus.OWNER, MemberStatus.ADMIN)

    def has_right(self, right: str) -> bool:
        if self.status is MemberStatus.OWNER:
            return True
        if self.status is MemberStatus.ADMIN and self.rights is not None:
            return bool(getattr(self.rights, right))
        return False


def effective_status(member: Member | None, now: datetime) -> MemberStatus | None:
    """A restriction or ban whose `until` has passed no longer applies."""
    if member is None:
        return None
    if member.status in (MemberStatus.RESTRICTED, MemberStatus.BANNED) and member.until:
        if member.until <= now:
            return (
                MemberStatus.MEMBER
                if member.status is MemberStatus.RESTRICTED
                else (MemberStatus.LEFT)
            )
    return member.status


def check_can_read(chat: Chat, member: Member | None, now: datetime) -> None:
    """Public chats can be read by anyone not banned from them; the rest only by members.

    A chat the caller may not read is reported as not found, so its existence does not leak."""
    status = effective_status(member, now)
    if status is MemberStatus.BANNED:
        raise NotFound("chat not found", code="chat_not_found")
    if chat.status is ChatStatus.BANNED and not (member and member.is_admin):
        raise NotFound("chat not found", code="chat_not_found")
    if chat.is_public:
        return
    if status not in ACTIVE_STATUSES:
        raise NotFound("chat not found", code="chat_not_found")


def check_can_post(chat: Chat, member: Member | None, now: datetime) -> None:
    """Who may send: members of private chats and groups; in channels only admins who may post.
    Slow mode holds back ordinary group members between posts."""
    check_can_read(chat, member, now)
    status = effective_status(member, now)
    if member is None or status not in ACTIVE_STATUSES:
        raise Forbidden("join the chat before posting", code="not_a_member")
    if chat.status is ChatStatus.BANNED:
        raise Forbidden("this chat was banned for breaking the rules", code="chat_banned")
    if chat.kind is ChatKind.CHANNEL:
        if not member.has_right("can_post_messages"):
            raise Forbidden("only channel admins may post", code="channel_admins_only")
        return
    if status is MemberStatus.RESTRICTED and not member.can_send:
        raise Forbidden("you are restricted from sending here", code="restricted")
    if chat.kind is ChatKind.GROUP and chat.slow_mode_seconds and not member.is_admin:
        if member.last_post_at is not None:
            elapsed = (now - member.last_post_at).total_seconds()
            wait = chat.slow_mode_seconds - elapsed
            if wait > 0:
                raise RateLimited(
                    "slow mode is on in this group", retry_after=math.ceil(wait), code="slow_mode"
                )


def check_has_right(chat: Chat, member: Member | None, right: str) -> None:
    """Admin actions in groups and channels; in a private chat both sides hold these rights."""
    if chat.kind is ChatKind.PRIVATE:
        if member is not None and member.is_active:
            return
        raise Forbidden("not a participant of this chat", code="not_a_member")
    if member is None or not member.has_right(right):
        raise Forbidden(f"this needs the admin right {right}", code="admin_required")


def check_can_manage(actor: Member, target: Member | None) -> None:
    """An admin may act on ordinary members; only the owner, or the admin who could promote
    them, acts on admins. Nobody acts on the owner."""
    if target is None:
        return
    if target.status is MemberStatus.OWNER:
        raise Forbidden("the owner cannot be restricted or removed", code="owner_protected")
    if target.status is MemberStatus.ADMIN and actor.status is not MemberStatus.OWNER:
        if not actor.has_right("can_promote_members"):
            raise Forbidden("only the owner may act on other admins", code="admin_protected")


def clean_title(raw: str) -> str:
    title = " ".join(raw.split())
    if not 1 <= len(title) <= TITLE_MAX:
        raise InvalidInput(f"title must be 1–{TITLE_MAX} characters", code="invalid_title")
    return title


def clean_description(raw: str) -> str:
    text = raw.strip()
    if len(text) > DESCRIPTION_MAX:
        raise InvalidInput(
            f"description must be at most {DESCRIPTION_MAX} characters",
            code="invalid_description",
        )
    return text


def check_slow_mode(seconds: int) -> int:
    if seconds not in SLOW_MODE_VALUES:
        raise InvalidInput(
            f"slow mode must be one of {list(SLOW_MODE_VALUES)} seconds", code="invalid_slow_mode"
        )
    return seconds


def private_chat_key(a: int, b: int) -> str:
    """The one private chat between two users, whoever opened it."""
    low, high = sorted((a, b))
    return f"{low}:{high}"
