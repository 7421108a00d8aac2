"""The compat bots written with pyTelegramBotAPI 4 (TeleBot, decorators, a thread of its own;
its webhook is a small aiohttp endpoint feeding process_new_updates, as telebot's docs show)."""

from __future__ import annotations

import asyncio
import threading

import telebot
from aiohttp import web
from telebot import apihelper, types

from tests.compat.common import BANNED_WORD, WEBHOOK_SECRET


def build(kind: str, token: str, channel: str | None) -> telebot.TeleBot:
    bot = telebot.TeleBot(token, threaded=False)

    if kind == "echo":

        @bot.message_handler(commands=["start"])
        def welcome(message: types.Message) -> None:
            bot.reply_to(message, "Welcome!")

        @bot.message_handler(func=lambda m: m.chat.type == "private", content_types=["text"])
        def echo(message: types.Message) -> None:
            bot.send_message(message.chat.id, message.text)

    elif kind == "keyboard":

        @bot.message_handler(commands=["menu"])
        def menu(message: types.Message) -> None:
            markup = types.InlineKeyboardMarkup()
            markup.row(types.InlineKeyboardButton("Yes", callback_data="yes"),
                       types.InlineKeyboardButton("No", callback_data="no"))  # fmt: skip
            bot.send_message(message.chat.id, "Pick one", reply_markup=markup)

        @bot.callback_query_handler(func=lambda call: True)
        def picked(call: types.CallbackQuery) -> None:
            bot.answer_callback_query(call.id, f"You picked {call.data}")
            bot.edit_message_text(f"Picked: {call.data}", call.message.chat.id,
                                  call.message.message_id)  # fmt: skip

    elif kind == "moderation":

        @bot.message_handler(func=lambda m: m.chat.type in ("group", "supergroup"),
                             content_types=["text"])  # fmt: skip
        def moderate(message: types.Message) -> None:
            if BANNED_WORD in (message.text or "").lower():
                bot.delete_message(message.chat.id, message.message_id)
                bot.ban_chat_member(message.chat.id, message.from_user.id)

    elif kind == "channel":

        @bot.message_handler(commands=["announce"])
        def announce(message: types.Message) -> None:
            text = message.text.partition(" ")[2]
            post = bot.send_message(f"@{channel}", text)
            bot.edit_message_text(f"{text} (edited)", post.chat.id, post.message_id)
            bot.send_message(message.chat.id, "done")

    return bot


class TelebotRunner:
    def __init__(self, server: str) -> None:
        self.server = server
        self.bot: telebot.TeleBot | None = None
        self.thread: threading.Thread | None = None
        self.site: web.AppRunner | None = None

    async def start(self, kind: str, token: str, *, channel: str | None = None,
                    webhook_port: int | None = None) -> None:  # fmt: skip
        apihelper.API_URL = f"{self.server}/bot{{0}}/{{1}}"
        apihelper.FILE_URL = f"{self.server}/file/bot{{0}}/{{1}}"
        self.bot = bot = build(kind, token, channel)
        if webhook_port is None:
            self.thread = threading.Thread(
                target=bot.polling, kwargs={"non_stop": True, "timeout": 5,
                                            "long_polling_timeout": 1}, daemon=True,
            )  # fmt: skip
            self.thread.start()
            return

        async def hook(request: web.Request) -> web.Response:
            if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != WEBHOOK_SECRET:
                return web.Response(status=403)
            update = types.Update.de_json(await request.text())
            # The handlers block on HTTP calls, so they run off the event loop.
            await asyncio.to_thread(bot.process_new_updates, [update])
            return web.Response(text="")

        app = web.Application()
        app.router.add_post("/hook", hook)
        self.site = web.AppRunner(app)
        await self.site.setup()
        await web.TCPSite(self.site, "127.0.0.1", webhook_port).start()
        await asyncio.to_thread(bot.set_webhook, url=f"http://127.0.0.1:{webhook_port}/hook",
                                secret_token=WEBHOOK_SECRET)  # fmt: skip

    async def stop(self) -> None:
        if self.bot is not None and self.thread is not None:
            self.bot.stop_polling()
            await asyncio.to_thread(self.thread.join, 10)
            self.thread = None
        if self.site is not None and self.bot is not None:
            await asyncio.to_thread(self.bot.remove_webhook)
            await self.site.cleanup()
            self.site = None
        apihelper.API_URL = None
        apihelper.FILE_URL = None
