from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from parley.api.schemas.common import Model
from parley.domain.messages import TEXT_MAX, Message


class Entity(BaseModel):
    type: str
    offset: int
    length: int
    url: str | None = None
    user_id: int | None = None
    language: str | None = None


class SendIn(Model):
    text: str = Field(max_length=TEXT_MAX * 2)
    random_id: int | None = Field(
        default=None,
        description="your id for this send; a retry with the same random_id never posts twice",
    )
    reply_to_id: int | None = None
    entities: list[dict[str, Any]] | None = Field(default=None, max_length=100)


class EditIn(Model):
    text: str = Field(max_length=TEXT_MAX * 2)
    entities: list[dict[str, Any]] | None = Field(default=None, max_length=100)


class ForwardIn(Model):
    from_chat_id: int
    message_ids: list[int] = Field(min_length=1, max_length=100)


class DeleteIn(Model):
    message_ids: list[int] = Field(min_length=1, max_length=100)


class ReadIn(Model):
    max_id: int = Field(ge=0)


class ReadOut(BaseModel):
    read_inbox_max_id: int


class ForwardOriginOut(BaseModel):
    chat_id: int | None
    message_id: int | None
    sender_id: int | None
    date: datetime


class MessageOut(BaseModel):
    chat_id: int
    id: int
    sender_id: int | None
    kind: str
    text: str
    entities: list[Entity]
    date: datetime
    edit_date: datetime | None
    reply_to_id: int | None
    forward: ForwardOriginOut | None
    pinned: bool
    visibility: str
    deleted: bool
    media: dict[str, Any] | None = None
    action: dict[str, Any] | None = None
    reply_markup: dict[str, Any] | None = None


class SentOut(BaseModel):
    message: MessageOut
    duplicate: bool
    pts: int | None = Field(
        default=None,
        description="the chat's pts for this new message; null when the send was a duplicate",
    )


def message_out(m: Message) -> MessageOut:
    fwd = m.forward
    action = m.extra.get("action") if m.kind.value == "service" else None
    return MessageOut(
        chat_id=m.chat_id, id=m.id, sender_id=m.sender_id, kind=m.kind.value, text=m.text,
        entities=[Entity(**e) for e in m.entities], date=m.date, edit_date=m.edit_date,
        reply_to_id=m.reply_to_id,
        forward=None if fwd is None else ForwardOriginOut(
            chat_id=fwd.chat_id, message_id=fwd.message_id, sender_id=fwd.sender_id, date=fwd.date
        ),
        pinned=m.pinned, visibility=m.visibility.value, deleted=m.deleted, media=m.media,
        action=dict(m.extra) if action else None,
        reply_markup=m.extra.get("reply_markup"),
    )  # fmt: skip
