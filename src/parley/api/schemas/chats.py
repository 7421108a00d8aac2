from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from parley.api.schemas.common import Model
from parley.api.schemas.messages import MessageOut, message_out
from parley.api.schemas.users import UserOut, user_out
from parley.domain.chats import AdminRights, ChatKind
from parley.domain.clock import to_ms
from parley.services.chats import ChatView
from parley.services.dialogs import Dialog
from parley.services.members import MemberView
from parley.store.chats import InviteLink


class CreateChatIn(Model):
    kind: Literal["group", "channel"]
    title: str = Field(max_length=256)
    description: str = Field(default="", max_length=1000)
    username: str | None = Field(default=None, max_length=64)
    member_ids: list[int] = Field(default_factory=list, max_length=200)


class PrivateChatIn(Model):
    user_id: int


class UpdateChatIn(Model):
    title: str | None = Field(default=None, max_length=256)
    description: str | None = Field(default=None, max_length=1000)
    username: str | None = Field(default=None, max_length=64, description="empty string clears it")
    slow_mode_seconds: int | None = None


class RightsIn(Model):
    can_manage_chat: bool = True
    can_change_info: bool = True
    can_post_messages: bool = True
    can_edit_messages: bool = True
    can_delete_messages: bool = True
    can_restrict_members: bool = True
    can_invite_users: bool = True
    can_pin_messages: bool = True
    can_promote_members: bool = False

    def to_rights(self) -> AdminRights:
        return AdminRights(**self.model_dump())


class MembershipOut(BaseModel):
    status: str
    rights: dict[str, bool] | None
    can_send: bool
    until: datetime | None
    read_inbox_max_id: int
    joined_at: datetime


class ChatOut(BaseModel):
    id: int
    kind: str
    title: str
    description: str
    username: str | None
    is_public: bool
    member_count: int
    pts: int
    top_message_id: int
    slow_mode_seconds: int
    status: str
    created_at: datetime
    peer: UserOut | None = None
    membership: MembershipOut | None = None


class DialogOut(BaseModel):
    chat: ChatOut
    unread_count: int
    top_message: MessageOut | None
    cursor: str


class MemberOut(BaseModel):
    user: UserOut
    status: str
    rights: dict[str, bool] | None
    can_send: bool
    until: datetime | None
    joined_at: datetime


class AddMembersIn(Model):
    user_ids: list[int] = Field(min_length=1, max_length=200)


class BanIn(Model):
    until: datetime | None = None


class RestrictIn(Model):
    can_send: bool
    until: datetime | None = None


class PromoteIn(Model):
    rights: RightsIn | None = Field(default=None, description="null demotes to member")


class InviteIn(Model):
    name: str = Field(default="", max_length=32)
    expires_at: datetime | None = None
    member_limit: int | None = Field(default=None, ge=1, le=99_999)


class InviteOut(BaseModel):
    code: str
    link: str
    chat_id: int
    name: str
    expires_at: datetime | None
    member_limit: int | None
    usage_count: int
    revoked: bool
    created_at: datetime


def chat_out(view: ChatView) -> ChatOut:
    c, m = view.chat, view.member
    title = c.title
    if c.kind is ChatKind.PRIVATE and view.peer is not None:
        title = view.peer.display_name
    return ChatOut(
        id=c.id, kind=c.kind.value, title=title, description=c.description, username=c.username,
        is_public=c.is_public, member_count=c.member_count, pts=c.pts,
        top_message_id=c.top_message_id, slow_mode_seconds=c.slow_mode_seconds,
        status=c.status.value, created_at=c.created_at,
        peer=user_out(view.peer) if view.peer is not None else None,
        membership=None if m is None else MembershipOut(
            status=m.status.value, rights=m.rights.to_dict() if m.rights else None,
            can_send=m.can_send, until=m.until, read_inbox_max_id=m.read_inbox_max_id,
            joined_at=m.joined_at,
        ),
    )  # fmt: skip


def dialog_out(d: Dialog) -> DialogOut:
    c = d.view.chat
    return DialogOut(
        chat=chat_out(d.view), unread_count=d.unread_count,
        top_message=message_out(d.top_message) if d.top_message else None,
        cursor=f"{to_ms(c.last_activity_at)}:{c.id}",
    )  # fmt: skip


def member_out(v: MemberView) -> MemberOut:
    m = v.member
    return MemberOut(user=user_out(v.user), status=m.status.value,
                     rights=m.rights.to_dict() if m.rights else None, can_send=m.can_send,
                     until=m.until, joined_at=m.joined_at)  # fmt: skip


def invite_out(link: InviteLink, *, base_url: str) -> InviteOut:
    return InviteOut(
        code=link.code, link=f"{base_url}/join/{link.code}", chat_id=link.chat_id, name=link.name,
        expires_at=link.expires_at, member_limit=link.member_limit, usage_count=link.usage_count,
        revoked=link.revoked, created_at=link.created_at,
    )  # fmt: skip
