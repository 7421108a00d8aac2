"""Sending and changing messages: sendMessage, forwardMessage, copyMessage, editMessageText,
editMessageReplyMarkup, deleteMessage(s), sendChatAction, answerCallbackQuery."""

from __future__ import annotations

from typing import Any

from parley.botapi.errors import bad_request
from parley.botapi.methods.base import (
    Call,
    Handler,
    formatted,
    reply_markup,
    reply_target,
    resolve,
    show_one,
)
from parley.domain.errors import InvalidInput
from parley.domain.messages import Message, MessageKind
from parley.services import callbacks, messages
from parley.services.bots import BotChat

CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})  # fmt: skip


async def post(
    call: Call,
    chat: BotChat,
    *,
    text: str,
    entities: list[dict[str, Any]] | None,
    extra: dict[str, Any] | None,
    media: dict[str, Any] | None = None,
) -> Message:
    """Send as the bot, replying where asked; a missing reply target is dropped when the bot
    allowed that (allow_sending_without_reply)."""
    reply_to, allow_missing = reply_target(call, chat)
    try:
        sent = await messages.send_message(
            call.ctx, call.bot.id, chat_id=chat.chat.id, text=text, entities=entities,
            reply_to_id=reply_to, extra=extra, media=media,
        )  # fmt: skip
    except InvalidInput as error:
        if error.code != "reply_invalid" or not allow_missing:
            raise
        sent = await messages.send_message(
            call.ctx, call.bot.id, chat_id=chat.chat.id, text=text, entities=entities,
            extra=extra, media=media,
        )  # fmt: skip
    return sent.message


def _markup_extra(call: Call) -> dict[str, Any] | None:
    markup = reply_markup(call)
    return {"reply_markup": markup} if markup is not None else None


async def send_message(call: Call) -> dict[str, Any]:
    chat = await resolve(call, post=True)
    text, entities = formatted(call, "text", "parse_mode", "entities")
    if text is None:
        raise bad_request("message text is empty")
    message = await post(call, chat, text=text, entities=entities, extra=_markup_extra(call))
    return await show_one(call, message)


async def forward_message(call: Call) -> dict[str, Any]:
    source = await resolve(call, "from_chat_id")
    target = await resolve(call, post=True)
    message_id = call.params.required_integer("message_id", "message identifier is not specified")
    sent = await messages.forward_messages(
        call.ctx, call.bot.id, from_chat_id=source.chat.id, message_ids=[message_id],
        to_chat_id=target.chat.id,
    )  # fmt: skip
    return await show_one(call, sent[0])


async def copy_message(call: Call) -> dict[str, int]:
    source = await resolve(call, "from_chat_id")
    target = await resolve(call, post=True)
    message_id = call.params.required_integer("message_id", "message identifier is not specified")
    found = await messages.get_messages(call.ctx, call.bot.id, chat_id=source.chat.id,
                                        message_ids=[message_id])  # fmt: skip
    if not found or found[0].deleted:
        raise bad_request("message to copy not found")
    original = found[0]
    if original.kind is MessageKind.SERVICE:
        raise bad_request("message can't be copied")
    caption, caption_entities = formatted(call, "caption", "parse_mode", "caption_entities")
    text, entities = original.text, original.entities
    if caption is not None and original.media is not None:
        text, entities = caption, caption_entities or []
    message = await post(call, target, text=text, entities=entities, extra=_markup_extra(call),
                         media=original.media)  # fmt: skip
    return {"message_id": message.id}


def _no_inline(call: Call) -> None:
    if call.params.has("inline_message_id"):
        raise bad_request("inline messages are not supported")


async def edit_message_text(call: Call) -> dict[str, Any]:
    _no_inline(call)
    chat = await resolve(call)
    message_id = call.params.required_integer("message_id", "message identifier is not specified")
    text, entities = formatted(call, "text", "parse_mode", "entities")
    if text is None:
        raise bad_request("message text is empty")
    # As in Telegram, an edit without reply_markup drops the inline keyboard.
    updated = await messages.edit_message(
        call.ctx, call.bot.id, chat_id=chat.chat.id, message_id=message_id, text=text,
        entities=entities, extra={"reply_markup": reply_markup(call)}, require_change=True,
    )  # fmt: skip
    return await show_one(call, updated)


async def edit_message_reply_markup(call: Call) -> dict[str, Any]:
    _no_inline(call)
    chat = await resolve(call)
    message_id = call.params.required_integer("message_id", "message identifier is not specified")
    updated = await messages.edit_message(
        call.ctx, call.bot.id, chat_id=chat.chat.id, message_id=message_id,
        extra={"reply_markup": reply_markup(call)}, require_change=True,
    )  # fmt: skip
    return await show_one(call, updated)


async def delete_message(call: Call) -> bool:
    chat = await resolve(call)
    message_id = call.params.required_integer("message_id", "message identifier is not specified")
    await messages.delete_messages(call.ctx, call.bot.id, chat_id=chat.chat.id,
                                   message_ids=[message_id])  # fmt: skip
    return True


async def delete_messages(call: Call) -> bool:
    chat = await resolve(call)
    ids = call.params.json_list("message_ids")
    if not ids:
        raise bad_request("message identifiers are not specified")
    if len(ids) > 100:
        raise bad_request("too many message identifiers specified")
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise bad_request("expected an Array of message identifiers")
    await messages.delete_messages(call.ctx, call.bot.id, chat_id=chat.chat.id, message_ids=ids)
    return True


async def send_chat_action(call: Call) -> bool:
    await resolve(call, post=True)
    action = call.params.string("action")
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


async def answer_callback_query(call: Call) -> bool:
    p = call.params
    await callbacks.answer_callback(
        call.ctx, call.bot.id, query_id=p.required_string("callback_query_id"),
        text=p.string("text"), show_alert=p.flag("show_alert"), url=p.string("url"),
    )  # fmt: skip
    return True


METHODS: dict[str, Handler] = {
    "sendmessage": send_message,
    "forwardmessage": forward_message,
    "copymessage": copy_message,
    "editmessagetext": edit_message_text,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
    "deletemessages": delete_messages,
    "sendchataction": send_chat_action,
    "answercallbackquery": answer_callback_query,
}
