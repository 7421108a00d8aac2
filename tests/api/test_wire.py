"""Live frames are built without pydantic for speed; they must equal the REST models' JSON."""

from __future__ import annotations

from datetime import UTC, datetime

from parley.api.schemas.events import chat_event_out, user_event_out
from parley.api.schemas.messages import message_out
from parley.api.schemas.wire import chat_event_wire, message_wire, user_event_wire
from parley.domain.codec import encode_chat_event, encode_message, encode_user_event
from parley.domain.events import Audience, ChatEvent, ChatEventKind, UserEvent, UserEventKind
from parley.domain.messages import ForwardOrigin, Message, MessageKind, Visibility

T = datetime(2026, 11, 28, 12, 30, 5, 123000, tzinfo=UTC)
MESSAGES = [
    Message(chat_id=1, id=2, sender_id=3, kind=MessageKind.TEXT, text="hi", date=T),
    Message(chat_id=1, id=3, sender_id=None, kind=MessageKind.TEXT, text="post 👋", date=T,
            entities=[{"type": "bold", "offset": 0, "length": 4},
                      {"type": "text_link", "offset": 5, "length": 2, "url": "https://x.y"}],
            reply_to_id=2, forward=ForwardOrigin(chat_id=9, message_id=8, sender_id=None, date=T),
            edit_date=T, pinned=True, visibility=Visibility.QUARANTINED,
            extra={"reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}}),
    Message(chat_id=1, id=4, sender_id=3, kind=MessageKind.SERVICE, text="", date=T,
            extra={"action": "member_joined", "user_ids": [3]}),
    Message(chat_id=1, id=5, sender_id=3, kind=MessageKind.TEXT, text="", date=T, deleted=True,
            media={"type": "photo", "file_id": "abc"}),
]  # fmt: skip


def test_message_wire_equals_rest_model() -> None:
    for m in MESSAGES:
        assert message_wire(encode_message(m)) == message_out(m).model_dump(mode="json")


def test_event_wire_equals_rest_model() -> None:
    for m in MESSAGES:
        event = ChatEvent(
            chat_id=1,
            pts=7,
            kind=ChatEventKind.MESSAGE_NEW,
            data={"message_id": m.id},
            audience=Audience.ALL,
            date=T,
        )
        assert chat_event_wire(encode_chat_event(event, m)) == chat_event_out(event, m).model_dump(
            mode="json"
        )
    bare = ChatEvent(
        chat_id=1,
        pts=8,
        kind=ChatEventKind.MEMBER_JOIN,
        data={"user_id": 3},
        audience=Audience.ADMINS,
        date=T,
    )
    assert chat_event_wire(encode_chat_event(bare)) == chat_event_out(bare, None).model_dump(
        mode="json"
    )
    ue = UserEvent(user_id=3, seq=4, kind=UserEventKind.CHAT_JOINED, data={"chat_id": 1}, date=T)
    assert user_event_wire(encode_user_event(ue)) == user_event_out(ue).model_dump(mode="json")
