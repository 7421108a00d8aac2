"""Messages: content limits, entities and the visibility states moderation moves them between."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parley.domain.errors import InvalidInput

TEXT_MAX = 4096
CAPTION_MAX = 1024
ENTITY_TYPES = frozenset(
    {
        "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number",
        "bold", "italic", "underline", "strikethrough", "spoiler", "blockquote",
        "expandable_blockquote", "code", "pre", "text_link", "text_mention", "custom_emoji",
    }
)  # fmt: skip


class Visibility(StrEnum):
    VISIBLE = "visible"
    QUARANTINED = "quarantined"  # hidden from search while a human looks
    REMOVED = "removed"  # hidden from everyone but moderators and the author's appeal


class MessageKind(StrEnum):
    TEXT = "text"
    SERVICE = "service"  # "X joined", "title changed", notices


@dataclass(frozen=True, slots=True)
class ForwardOrigin:
    chat_id: int | None
    message_id: int | None
    sender_id: int | None
    date: datetime


@dataclass(frozen=True, slots=True)
class Message:
    chat_id: int
    id: int
    sender_id: int | None
    kind: MessageKind
    text: str
    date: datetime
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_to_id: int | None = None
    forward: ForwardOrigin | None = None
    edit_date: datetime | None = None
    deleted: bool = False
    visibility: Visibility = Visibility.VISIBLE
    pinned: bool = False
    media: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # reply markup, service action, …
    random_id: int | None = None


def clean_text(text: str, *, allow_empty: bool = False, limit: int = TEXT_MAX) -> str:
    if not isinstance(text, str):
        raise InvalidInput("text must be a string", code="invalid_text")
    if "\x00" in text:
        raise InvalidInput("text may not contain NUL characters", code="invalid_text")
    if not text.strip() and not allow_empty:
        raise InvalidInput("message text is empty", code="message_empty")
    if len(text) > limit:
        raise InvalidInput(
            f"message text is longer than {limit} characters", code="message_too_long"
        )
    return text


def utf16_len(text: str) -> int:
    """Entity offsets count UTF-16 code units, as Telegram's do."""
    return len(text.encode("utf-16-le")) // 2


def check_entities(text: str, entities: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Validate formatting entities: known types, in range, at most 100 of them."""
    if not entities:
        return []
    if len(entities) > 100:
        raise InvalidInput("too many entities", code="invalid_entities")
    size = utf16_len(text)
    cleaned: list[dict[str, Any]] = []
    for ent in entities:
        if not isinstance(ent, dict):
            raise InvalidInput("an entity must be an object", code="invalid_entities")
        kind, offset, length = ent.get("type"), ent.get("offset"), ent.get("length")
        if kind not in ENTITY_TYPES:
            raise InvalidInput(f"unknown entity type {kind!r}", code="invalid_entities")
        if not isinstance(offset, int) or not isinstance(length, int):
            raise InvalidInput("entity offset and length are integers", code="invalid_entities")
        if offset < 0 or length <= 0 or offset + length > size:
            raise InvalidInput("entity lies outside the text", code="invalid_entities")
        item: dict[str, Any] = {"type": kind, "offset": offset, "length": length}
        for key in ("url", "language", "custom_emoji_id"):
            if isinstance(ent.get(key), str):
                item[key] = ent[key][:2048]
        if isinstance(ent.get("user_id"), int):
            item["user_id"] = ent["user_id"]
        cleaned.append(item)
    return cleaned


def check_random_id(random_id: int | None) -> int | None:
    if random_id is None:
        return None
    if isinstance(random_id, bool) or not isinstance(random_id, int):
        raise InvalidInput("random_id must be a 64-bit integer", code="invalid_random_id")
    if not -(2**63) <= random_id < 2**63:
        raise InvalidInput("random_id must be a 64-bit integer", code="invalid_random_id")
    return random_id
