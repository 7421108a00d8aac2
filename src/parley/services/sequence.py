"""Writing to the event sequences, and publishing what was written once it is committed.

Every change in a chat takes the chat's next pts here and is written once, to that chat,
whatever the member count (DESIGN.md, chat event sequence). A service's transaction function
collects its events in a `Changes`; after the commit the service calls `publish`, which puts
them on the bus for live delivery in every process."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parley.bus import Topics
from parley.domain.codec import encode_chat_event, encode_user_event
from parley.domain.events import Audience, ChatEvent, ChatEventKind, UserEvent, UserEventKind
from parley.domain.messages import ForwardOrigin, Message, MessageKind
from parley.services.context import Ctx
from parley.store.tx import Tx


@dataclass
class Changes:
    chat_events: list[tuple[ChatEvent, Message | None]] = field(default_factory=list)
    user_events: list[UserEvent] = field(default_factory=list)

    def chat(
        self,
        tx: Tx,
        *,
        chat_id: int,
        kind: ChatEventKind,
        data: dict[str, Any],
        at: datetime,
        audience: Audience = Audience.ALL,
        message: Message | None = None,
    ) -> ChatEvent:
        pts, _ = tx.chats.bump(chat_id, at=at, new_message=False)
        event = tx.events.append_chat(chat_id=chat_id, pts=pts, kind=kind, data=data, at=at,
                                      audience=audience)  # fmt: skip
        self.chat_events.append((event, message))
        return event

    def post(
        self,
        tx: Tx,
        *,
        chat_id: int,
        sender_id: int | None,
        text: str,
        at: datetime,
        kind: MessageKind = MessageKind.TEXT,
        entities: list[dict[str, Any]] | None = None,
        reply_to_id: int | None = None,
        forward: ForwardOrigin | None = None,
        media: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        random_id: int | None = None,
    ) -> Message:
        """Append a new message: one chat row update, one message row, one event row."""
        pts, message_id = tx.chats.bump(chat_id, at=at, new_message=True)
        message = Message(
            chat_id=chat_id, id=message_id, sender_id=sender_id, kind=kind, text=text, date=at,
            entities=entities or [], reply_to_id=reply_to_id, forward=forward, media=media,
            extra=extra or {}, random_id=random_id,
        )  # fmt: skip
        tx.messages.insert(message)
        event = tx.events.append_chat(chat_id=chat_id, pts=pts, kind=ChatEventKind.MESSAGE_NEW,
                                      data={"message_id": message_id}, at=at)  # fmt: skip
        self.chat_events.append((event, message))
        return message

    def user(
        self, tx: Tx, *, user_id: int, kind: UserEventKind, data: dict[str, Any], at: datetime
    ) -> UserEvent:
        seq = tx.users.next_seq(user_id)
        event = tx.events.append_user(user_id=user_id, seq=seq, kind=kind, data=data, at=at)
        self.user_events.append(event)
        return event

    def extend(self, other: Changes) -> None:
        self.chat_events.extend(other.chat_events)
        self.user_events.extend(other.user_events)


async def publish(ctx: Ctx, changes: Changes, *, origin: str | None = None) -> None:
    """Hand committed events to the bus. User events go first, so a new member's process
    follows the chat before the chat's own events arrive; chat events keep their pts order.

    `origin` names the live connection a change came from: it already has the result (with
    its pts) in the answer to its request, so the hub does not echo the event back to it."""
    for user_event in changes.user_events:
        await ctx.bus.publish(Topics.EVENTS, {"t": "user", **encode_user_event(user_event)})
    for event, message in changes.chat_events:
        payload = {"t": "chat", **encode_chat_event(event, message)}
        if origin is not None:
            payload["origin"] = origin
        await ctx.bus.publish(Topics.EVENTS, payload)
