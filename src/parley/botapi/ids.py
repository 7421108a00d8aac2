"""Chat ids as bots see them. Telegram's private chat id is the other user's id; supergroups and
channels are negative, -100 followed by the chat's own id (-1001234567890). Parley's groups
behave as Telegram's supergroups (one message sequence per chat, up to 200,000 members, public
usernames), so they are shown as supergroups."""

from __future__ import annotations

from typing import Any

from parley.botapi.errors import bad_request
from parley.domain.chats import Chat, ChatKind
from parley.services.bots import ChatRef

CHANNEL_BASE = 1_000_000_000_000


def chat_id_for(chat: Chat, peer_id: int | None) -> int:
    if chat.kind is ChatKind.PRIVATE:
        return peer_id if peer_id is not None else 0
    return -(CHANNEL_BASE + chat.id)


def chat_type(chat: Chat) -> str:
    return {ChatKind.PRIVATE: "private", ChatKind.GROUP: "supergroup",
            ChatKind.CHANNEL: "channel"}[chat.kind]  # fmt: skip


def parse_chat_id(raw: Any, name: str = "chat_id") -> ChatRef:
    """A chat_id parameter: an integer, or @username of a public group or channel."""
    if raw is None or raw == "":
        raise bad_request(f"{name} is empty")
    if isinstance(raw, bool):
        raise bad_request("chat not found")
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("@"):
            if not 2 <= len(text) <= 33:
                raise bad_request("chat not found")
            return ChatRef(username=text[1:])
        try:
            value = int(text)
        except ValueError:
            raise bad_request("chat not found") from None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    else:
        raise bad_request("chat not found")
    if value > 0:
        return ChatRef(user_id=value)
    if value < -CHANNEL_BASE:
        return ChatRef(chat_id=-value - CHANNEL_BASE)
    raise bad_request("chat not found")


def parse_user_id(raw: Any) -> int:
    if isinstance(raw, bool) or raw is None or raw == "":
        raise bad_request("user_id is empty" if raw in (None, "") else "invalid user_id specified")
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise bad_request("invalid user_id specified") from None
    if value <= 0:
        raise bad_request("invalid user_id specified")
    return value
