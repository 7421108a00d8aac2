"""Plain-dict forms of events and messages, for the bus between processes.

Times travel as integer milliseconds since the epoch."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parley.domain.clock import from_ms, to_ms
from parley.domain.events import Audience, ChatEvent, ChatEventKind, UserEvent, UserEventKind
from parley.domain.messages import ForwardOrigin, Message, MessageKind, Visibility


def _ms(value: datetime | None) -> int | None:
    return None if value is None else to_ms(value)


def _dt(value: int | None) -> datetime | None:
    return None if value is None else from_ms(value)


def _dt_req(value: int) -> datetime:
    return from_ms(value)


def encode_message(m: Message) -> dict[str, Any]:
    fwd = m.forward
    return {
        "chat_id": m.chat_id, "id": m.id, "sender_id": m.sender_id, "kind": m.kind.value,
        "text": m.text, "date": _ms(m.date), "entities": m.entities, "reply_to_id": m.reply_to_id,
        "forward": None if fwd is None else {
            "chat_id": fwd.chat_id, "message_id": fwd.message_id, "sender_id": fwd.sender_id,
            "date": _ms(fwd.date),
        },
        "edit_date": _ms(m.edit_date), "deleted": m.deleted, "visibility": m.visibility.value,
        "pinned": m.pinned, "media": m.media, "extra": m.extra, "random_id": m.random_id,
    }  # fmt: skip


def decode_message(d: dict[str, Any]) -> Message:
    fwd = d.get("forward")
    return Message(
        chat_id=d["chat_id"], id=d["id"], sender_id=d["sender_id"], kind=MessageKind(d["kind"]),
        text=d["text"], date=_dt_req(d["date"]), entities=d.get("entities") or [],
        reply_to_id=d.get("reply_to_id"),
        forward=None if fwd is None else ForwardOrigin(
            chat_id=fwd["chat_id"], message_id=fwd["message_id"], sender_id=fwd["sender_id"],
            date=_dt_req(fwd["date"]),
        ),
        edit_date=_dt(d.get("edit_date")), deleted=d.get("deleted", False),
        visibility=Visibility(d.get("visibility", "visible")), pinned=d.get("pinned", False),
        media=d.get("media"), extra=d.get("extra") or {}, random_id=d.get("random_id"),
    )  # fmt: skip


def encode_chat_event(e: ChatEvent, message: Message | None = None) -> dict[str, Any]:
    return {
        "chat_id": e.chat_id, "pts": e.pts, "kind": e.kind.value, "data": e.data,
        "audience": e.audience.value, "date": _ms(e.date), "id": e.id,
        "message": None if message is None else encode_message(message),
    }  # fmt: skip


def decode_chat_event(d: dict[str, Any]) -> tuple[ChatEvent, Message | None]:
    event = ChatEvent(
        chat_id=d["chat_id"], pts=d["pts"], kind=ChatEventKind(d["kind"]), data=d["data"],
        audience=Audience(d["audience"]), date=_dt_req(d["date"]), id=d.get("id", 0),
    )  # fmt: skip
    message = d.get("message")
    return event, None if message is None else decode_message(message)


def encode_user_event(e: UserEvent) -> dict[str, Any]:
    return {"user_id": e.user_id, "seq": e.seq, "kind": e.kind.value, "data": e.data,
            "date": _ms(e.date)}  # fmt: skip


def decode_user_event(d: dict[str, Any]) -> UserEvent:
    return UserEvent(user_id=d["user_id"], seq=d["seq"], kind=UserEventKind(d["kind"]),
                     data=d["data"], date=_dt_req(d["date"]))  # fmt: skip
