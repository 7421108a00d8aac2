from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from parley.api.schemas.messages import MessageOut, message_out
from parley.domain.events import ChatEvent, UserEvent
from parley.domain.messages import Message
from parley.services.updates import Difference, State


class ChatEventOut(BaseModel):
    type: str = "chat_event"
    chat_id: int
    pts: int
    kind: str
    date: datetime
    data: dict[str, Any]
    message: MessageOut | None = None


class UserEventOut(BaseModel):
    type: str = "user_event"
    seq: int
    kind: str
    date: datetime
    data: dict[str, Any]


class ChatStateOut(BaseModel):
    chat_id: int
    pts: int
    top_message_id: int


class StateOut(BaseModel):
    seq: int
    chats: list[ChatStateOut]


class ChatDifferenceOut(BaseModel):
    chat_id: int
    pts: int
    too_long: bool
    events: list[ChatEventOut]


class DifferenceOut(BaseModel):
    seq: int
    user_events: list[UserEventOut]
    user_too_long: bool
    chats: list[ChatDifferenceOut]
    states: list[ChatStateOut]
    not_member: list[int]


def chat_event_out(event: ChatEvent, message: Message | None) -> ChatEventOut:
    return ChatEventOut(chat_id=event.chat_id, pts=event.pts, kind=event.kind.value,
                        date=event.date, data=event.data,
                        message=message_out(message) if message is not None else None)  # fmt: skip


def user_event_out(event: UserEvent) -> UserEventOut:
    return UserEventOut(seq=event.seq, kind=event.kind.value, date=event.date, data=event.data)


def state_out(state: State) -> StateOut:
    return StateOut(seq=state.seq, chats=[ChatStateOut(chat_id=c.chat_id, pts=c.pts,
                                                       top_message_id=c.top_message_id)
                                          for c in state.chats])  # fmt: skip


def difference_out(diff: Difference) -> DifferenceOut:
    return DifferenceOut(
        seq=diff.seq,
        user_events=[user_event_out(e) for e in diff.user_events],
        user_too_long=diff.user_too_long,
        chats=[ChatDifferenceOut(chat_id=c.chat_id, pts=c.pts, too_long=c.too_long,
                                 events=[chat_event_out(e, m) for e, m in c.events])
               for c in diff.chats],
        states=[ChatStateOut(chat_id=s.chat_id, pts=s.pts, top_message_id=s.top_message_id)
                for s in diff.states],
        not_member=diff.not_member,
    )  # fmt: skip
