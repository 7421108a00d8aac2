"""What every method handler receives, and the steps many of them share: naming a chat,
formatted text, reply markup, replies, and showing the messages they made."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from parley.botapi import types
from parley.botapi.errors import bad_request
from parley.botapi.ids import parse_chat_id
from parley.botapi.markup import clean_reply_markup, parse_text
from parley.botapi.params import Params
from parley.domain.messages import Message
from parley.domain.users import User
from parley.services import bots
from parley.services.bots import BotChat
from parley.services.context import Ctx


@dataclass
class Call:
    ctx: Ctx
    bot: User
    method: str  # lower-cased
    params: Params
    base_url: str


@dataclass(frozen=True, slots=True)
class Result:
    """A result with Telegram's optional description ("Webhook was set")."""

    value: Any
    description: str | None = None


Handler = Callable[[Call], Awaitable[Any]]


async def resolve(call: Call, name: str = "chat_id", *, post: bool = False) -> BotChat:
    ref = parse_chat_id(call.params.raw(name), name)
    return await bots.resolve_chat(call.ctx, call.bot.id, ref, post=post)


def formatted(call: Call, text_name: str, mode_name: str, entities_name: str
              ) -> tuple[str | None, list[dict[str, Any]] | None]:  # fmt: skip
    text = call.params.string(text_name)
    if text is None:
        return None, None
    entities = call.params.json_list(entities_name)
    if entities is not None:
        return text, entities
    mode = call.params.string(mode_name)
    parsed, found = parse_text(text, mode)
    return parsed, found or None


def reply_markup(call: Call) -> dict[str, Any] | None:
    return clean_reply_markup(call.params.json_object("reply_markup", "reply markup"))


def reply_target(call: Call, chat: BotChat) -> tuple[int | None, bool]:
    """The message to reply to, and whether a missing one may be ignored."""
    params = call.params
    allow_missing = params.flag("allow_sending_without_reply")
    target = params.integer("reply_to_message_id")
    rp = params.json_object("reply_parameters", "reply parameters")
    if rp is not None:
        if "message_id" not in rp:
            raise bad_request("message identifier is not specified")
        try:
            target = int(rp["message_id"])
        except (TypeError, ValueError):
            raise bad_request("invalid message identifier specified") from None
        allow_missing = bool(rp.get("allow_sending_without_reply", allow_missing))
        if rp.get("chat_id") not in (None, ""):
            other = parse_chat_id(rp["chat_id"])
            same = (other.user_id is not None and chat.peer is not None
                    and other.user_id == chat.peer.id) or other.chat_id == chat.chat.id  # fmt: skip
            if not same:
                raise bad_request("replies to messages in other chats are not supported")
    return target, allow_missing


async def show(call: Call, messages: list[Message]) -> list[dict[str, Any]]:
    refs = await bots.refs_for(call.ctx, call.bot.id, messages)
    return [types.message(m, refs) for m in messages]


async def show_one(call: Call, message: Message) -> dict[str, Any]:
    return (await show(call, [message]))[0]
