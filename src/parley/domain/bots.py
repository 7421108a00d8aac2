"""Bots: token shape, naming, commands, the update kinds, and privacy mode's rule of which group
messages a bot sees. Pure functions; services apply them inside their transactions."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from typing import Any

from parley.domain.errors import InvalidInput
from parley.domain.messages import Message, MessageKind, utf16_len

TOKEN_SECRET_LEN = 35
_TOKEN = re.compile(r"^(\d{1,19}):([A-Za-z0-9_-]{35})$")
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
MAX_BOTS_PER_OWNER = 20
MAX_COMMANDS = 100

# Telegram's update kinds that Parley produces. chat_member is delivered only when a bot asks for
# it by name in allowed_updates, as Telegram does.
UPDATE_KINDS = (
    "message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
    "my_chat_member", "chat_member",
)  # fmt: skip
DEFAULT_KINDS = frozenset(UPDATE_KINDS) - {"chat_member"}
# Kinds Telegram knows that Parley never produces; accepted in allowed_updates and ignored.
KNOWN_KINDS = frozenset(UPDATE_KINDS) | {
    "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll",
    "poll_answer", "chat_join_request", "message_reaction", "message_reaction_count",
    "chat_boost", "removed_chat_boost", "business_connection", "business_message",
    "edited_business_message", "deleted_business_messages", "purchased_paid_media",
}  # fmt: skip


def new_token_secret() -> str:
    """35 url-safe characters, the secret half of `<bot_id>:<secret>`."""
    return secrets.token_urlsafe(27)[:TOKEN_SECRET_LEN]


def split_token(token: str) -> tuple[int, str] | None:
    match = _TOKEN.match(token)
    if match is None:
        return None
    return int(match.group(1)), match.group(2)


def check_bot_username(name: str) -> str:
    """Bot usernames end in 'bot', as Telegram's do, so people can tell them from people."""
    if not name.lower().endswith("bot"):
        raise InvalidInput("a bot's username must end in 'bot'", code="invalid_username")
    return name


def effective_kinds(allowed: list[str] | None) -> frozenset[str]:
    if not allowed:
        return DEFAULT_KINDS
    return frozenset(allowed) & frozenset(UPDATE_KINDS)


def clean_allowed_updates(raw: Sequence[Any]) -> list[str]:
    kinds: list[str] = []
    for item in raw:
        if not isinstance(item, str):
            raise InvalidInput("allowed_updates is a list of strings", code="invalid_updates")
        if item in KNOWN_KINDS and item not in kinds:
            kinds.append(item)
    return kinds


def clean_commands(raw: Sequence[Any]) -> list[dict[str, str]]:
    if len(raw) > MAX_COMMANDS:
        raise InvalidInput("too many commands", code="invalid_commands")
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, dict):
            raise InvalidInput("a command must be an object", code="invalid_commands")
        command, description = item.get("command"), item.get("description")
        if not isinstance(command, str) or not isinstance(description, str):
            raise InvalidInput("command and description are strings", code="invalid_commands")
        command = command.removeprefix("/").lower()
        if not _COMMAND.match(command):
            raise InvalidInput("command must be 1-32 lowercase letters, digits and underscores",
                               code="invalid_commands")  # fmt: skip
        if not 1 <= len(description.strip()) <= 256:
            raise InvalidInput("command description must be 1-256 characters",
                               code="invalid_commands")  # fmt: skip
        if command in seen:
            continue
        seen.add(command)
        out.append({"command": command, "description": description.strip()})
    return out


# -- entities a server finds in plain text (commands, mentions, links), as Telegram's does ----
_AUTO = re.compile(
    r"(?P<bot_command>(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z][A-Za-z0-9_]{4,31})?(?![\w/]))"
    r"|(?P<mention>(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b)"
    r"|(?P<hashtag>(?<![\w#])#\w*[^\W\d]\w*)"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?P<url>\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])"
)


def _utf16_offset(text: str, index: int) -> int:
    return utf16_len(text[:index])


def detect_entities(text: str) -> list[dict[str, Any]]:
    """Commands, @mentions, #hashtags, e-mail addresses and links found in `text`, with UTF-16
    offsets. Bot libraries route on these (a command is an entity at offset 0)."""
    found: list[dict[str, Any]] = []
    for match in _AUTO.finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        start, end = match.span()
        found.append({"type": kind, "offset": _utf16_offset(text, start),
                      "length": _utf16_offset(text, end) - _utf16_offset(text, start)})  # fmt: skip
    return found


def merge_entities(
    given: list[dict[str, Any]], detected: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Formatting entities as given, plus detected ones that overlap no link or code span."""
    blocking = [
        (e["offset"], e["offset"] + e["length"])
        for e in given
        if e["type"] in ("code", "pre", "text_link", "url", "bot_command", "mention", "email",
                         "hashtag", "text_mention")
    ]  # fmt: skip
    out = list(given)
    for ent in detected:
        start, end = ent["offset"], ent["offset"] + ent["length"]
        if any(start < b_end and b_start < end for b_start, b_end in blocking):
            continue
        out.append(ent)
    out.sort(key=lambda e: (e["offset"], -e["length"]))
    return out


def message_entities(message: Message) -> list[dict[str, Any]]:
    return merge_entities(list(message.entities), detect_entities(message.text))


def _slice16(text: str, offset: int, length: int) -> str:
    raw = text.encode("utf-16-le")
    return raw[offset * 2 : (offset + length) * 2].decode("utf-16-le", errors="replace")


def addresses_bot(
    message: Message, *, bot_id: int, bot_username: str | None, reply_to_sender: int | None
) -> bool:
    """Privacy mode: does this group message concern the bot? Commands (bare, or addressed
    @to_this_bot), replies to the bot's messages, and mentions of it. Service messages always."""
    if message.kind is MessageKind.SERVICE:
        return True
    if reply_to_sender == bot_id:
        return True
    name = (bot_username or "").lower()
    for ent in message_entities(message):
        kind = ent["type"]
        if kind == "text_mention" and ent.get("user_id") == bot_id:
            return True
        piece = _slice16(message.text, ent["offset"], ent["length"])
        if kind == "mention" and name and piece[1:].lower() == name:
            return True
        if kind == "bot_command" and ent["offset"] == 0:
            _, _, target = piece.partition("@")
            if not target or target.lower() == name:
                return True
    return False
