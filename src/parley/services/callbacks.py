"""Callback queries: a person presses an inline button under a bot's message; the bot gets a
callback_query update, answers it with answerCallbackQuery, and the person's client shows the
answer (a toast, an alert, or a link). The press waits a few seconds for the answer, so a
client usually gets it in the same round trip; later it can ask for it by the query's id."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from parley.domain.codec import encode_message
from parley.domain.errors import InvalidInput, NotFound
from parley.services.bot_updates import notify, queue_updates
from parley.services.chats import readable_chat
from parley.services.context import Ctx
from parley.store.bots import CallbackRow
from parley.store.tx import Tx

ANSWERS_TOPIC = "callback_answers"
QUERY_VALIDITY = timedelta(minutes=15)
ANSWER_TEXT_MAX = 200


@dataclass(frozen=True, slots=True)
class CallbackAnswer:
    query_id: str
    answered: bool
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


class _Answers:
    """Presses waiting in this process for their answer; answers arrive through the bus."""

    def __init__(self, ctx: Ctx) -> None:
        self._events: dict[str, asyncio.Event] = {}
        ctx.bus.subscribe(ANSWERS_TOPIC, self._on_answer)

    def _on_answer(self, message: dict[str, Any]) -> None:
        event = self._events.get(str(message.get("id")))
        if event is not None:
            event.set()

    def register(self, query_id: str) -> asyncio.Event:
        event = self._events[query_id] = asyncio.Event()
        return event

    def drop(self, query_id: str) -> None:
        self._events.pop(query_id, None)


def _answers(ctx: Ctx) -> _Answers:
    found = ctx.extensions.get("bots.callback_answers")
    if found is None:
        found = ctx.extensions["bots.callback_answers"] = _Answers(ctx)
    assert isinstance(found, _Answers)
    return found


def chat_instance(ctx: Ctx, chat_id: int) -> str:
    """A stable identifier for the chat a button was pressed in that does not reveal its id."""
    digest = hmac.new(ctx.secret, f"chat-instance:{chat_id}".encode(), hashlib.sha256).digest()
    return str(int.from_bytes(digest[:8], "big") >> 1)


def _has_button(markup: Any, data: str) -> bool:
    if not isinstance(markup, dict):
        return False
    rows = markup.get("inline_keyboard")
    if not isinstance(rows, list):
        return False
    return any(
        isinstance(button, dict) and button.get("callback_data") == data
        for row in rows if isinstance(row, list) for button in row
    )  # fmt: skip


async def press_button(
    ctx: Ctx, user_id: int, *, chat_id: int, message_id: int, data: str, wait: float | None = None
) -> CallbackAnswer:
    """Press the inline button carrying `data` under a bot's message, and wait briefly for the
    bot's answer."""
    if not isinstance(data, str) or not 1 <= len(data.encode()) <= 64:
        raise InvalidInput("callback data is 1-64 bytes", code="button_invalid")
    now = ctx.clock.now()
    query_id = str(secrets.randbits(63))
    instance = chat_instance(ctx, chat_id)

    def run(tx: Tx) -> int:
        readable_chat(tx, user_id, chat_id, now)
        message = tx.messages.get(chat_id, message_id)
        if message is None or message.deleted or message.sender_id is None:
            raise NotFound("message not found", code="message_not_found")
        if tx.bots.get(message.sender_id) is None:
            raise InvalidInput("this message has no buttons", code="button_invalid")
        if not _has_button(message.extra.get("reply_markup"), data):
            raise InvalidInput("this message has no such button", code="button_invalid")
        bot_id = message.sender_id
        tx.bots.insert_callback(CallbackRow(
            id=query_id, bot_id=bot_id, user_id=user_id, chat_id=chat_id, message_id=message_id,
            data=data, created_at=now, answered_at=None, answer=None,
        ))  # fmt: skip
        payload = {"id": query_id, "from_id": user_id, "chat_instance": instance, "data": data,
                   "message": encode_message(message)}  # fmt: skip
        queue_updates(tx, bot_id, [("callback_query", chat_id, payload)], now)
        return bot_id

    answers = _answers(ctx)
    event = answers.register(query_id)
    try:
        bot_id = await ctx.db.write(run)
        await notify(ctx, [bot_id])
        timeout = ctx.settings.callback_answer_wait_seconds if wait is None else wait
        if timeout > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=timeout)
    finally:
        answers.drop(query_id)
    return await get_answer(ctx, user_id, query_id=query_id)


async def get_answer(ctx: Ctx, user_id: int, *, query_id: str) -> CallbackAnswer:
    """The bot's answer to a press, once it has answered."""
    row = await ctx.db.read(lambda tx: tx.bots.get_callback(query_id))
    if row is None or row.user_id != user_id:
        raise NotFound("no such button press", code="callback_not_found")
    if row.answer is None:
        return CallbackAnswer(query_id=query_id, answered=False)
    return CallbackAnswer(query_id=query_id, answered=True, text=row.answer.get("text"),
                          show_alert=bool(row.answer.get("show_alert")),
                          url=row.answer.get("url"))  # fmt: skip


async def answer_callback(
    ctx: Ctx,
    bot_id: int,
    *,
    query_id: str,
    text: str | None = None,
    show_alert: bool = False,
    url: str | None = None,
) -> None:
    """The bot's answer to a press: once per press, within the query's validity."""
    if text is not None and len(text) > ANSWER_TEXT_MAX:
        raise InvalidInput("MESSAGE_TOO_LONG", code="answer_too_long")
    if url is not None and not url.startswith(("https://", "http://", "tg://")):
        raise InvalidInput("URL_INVALID", code="url_invalid")
    now = ctx.clock.now()
    too_old = InvalidInput("query is too old and response timeout expired or query ID is invalid",
                           code="query_invalid")  # fmt: skip

    def run(tx: Tx) -> None:
        row = tx.bots.get_callback(query_id)
        if row is None or row.bot_id != bot_id or row.created_at + QUERY_VALIDITY < now:
            raise too_old
        answer = {"text": text or None, "show_alert": show_alert, "url": url}
        if not tx.bots.answer_callback(query_id, answer, now):
            raise too_old

    await ctx.db.write(run)
    await ctx.bus.publish(ANSWERS_TOPIC, {"id": query_id})
