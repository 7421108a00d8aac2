"""The change records that sync, live delivery, bot updates and audit all read.

A chat event takes the chat's next `pts`; a user event takes the user's next `seq` and carries
what concerns one account rather than a chat (being added to a chat, a notice, read sync)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class ChatEventKind(StrEnum):
    MESSAGE_NEW = "message.new"
    MESSAGE_EDIT = "message.edit"
    MESSAGE_DELETE = "message.delete"
    MESSAGE_PIN = "message.pin"
    MESSAGE_VISIBILITY = "message.visibility"
    MEMBER_JOIN = "member.join"
    MEMBER_LEAVE = "member.leave"
    MEMBER_UPDATE = "member.update"
    CHAT_UPDATE = "chat.update"


class Audience(StrEnum):
    """Who receives an event. Joins and leaves in channels go to admins only, so a post to a
    channel of 200,000 never fans out 200,000 'X joined' notices."""

    ALL = "all"
    ADMINS = "admins"


class UserEventKind(StrEnum):
    CHAT_JOINED = "chat.joined"  # the user is now a member: start following its pts
    CHAT_LEFT = "chat.left"  # the user left, was kicked or banned: stop following
    CHAT_READ = "chat.read"  # the user read up to a message (sync between devices)
    CHAT_READ_OUTBOX = "chat.read_outbox"  # the other side read the user's messages
    NOTICE = "notice"  # a service notice: a moderation decision, a legal disclosure
    SESSION_REVOKED = "session.revoked"


@dataclass(frozen=True, slots=True, order=True)
class EventPosition:
    """Where a consumer that tails the event sequence stands. On SQLite events commit in id
    order and `xid` stays 0. On PostgreSQL concurrent transactions may commit out of id order, so
    events are consumed in (transaction id, id) order and only below the oldest transaction still
    running: nothing can appear behind a consumer's position later."""

    xid: int = 0
    id: int = 0


@dataclass(frozen=True, slots=True)
class ChatEvent:
    chat_id: int
    pts: int
    kind: ChatEventKind
    data: dict[str, Any]
    audience: Audience
    date: datetime
    id: int = 0  # global order within one store, for tailing consumers
    xid: int = 0  # the writing transaction (PostgreSQL), see EventPosition

    @property
    def position(self) -> EventPosition:
        return EventPosition(self.xid, self.id)


@dataclass(frozen=True, slots=True)
class UserEvent:
    user_id: int
    seq: int
    kind: UserEventKind
    data: dict[str, Any]
    date: datetime
