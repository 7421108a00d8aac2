"""The compat bots written with aiogram 3 (Dispatcher, routers, magic filters, aiohttp webhook)."""

from __future__ import annotations

import asyncio
import contextlib

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from tests.compat.common import BANNED_WORD, WEBHOOK_SECRET


def build(kind: str, channel: str | None) -> Router:
    router = Router()

    @router.message(CommandStart())
    async def welcome(message: Message) -> None:
        if kind == "echo":
            await message.answer("Welcome!")

    if kind == "echo":

        @router.message(F.chat.type == "private", F.text)
        async def echo(message: Message) -> None:
            assert message.text is not None
            await message.answer(message.text)

    elif kind == "keyboard":

        @router.message(Command("menu"))
        async def menu(message: Message) -> None:
            buttons = [[InlineKeyboardButton(text="Yes", callback_data="yes"),
                        InlineKeyboardButton(text="No", callback_data="no")]]  # fmt: skip
            markup = InlineKeyboardMarkup(inline_keyboard=buttons)
            await message.answer("Pick one", reply_markup=markup)

        @router.callback_query()
        async def picked(query: CallbackQuery) -> None:
            await query.answer(f"You picked {query.data}")
            assert isinstance(query.message, Message)
            await query.message.edit_text(f"Picked: {query.data}")

    elif kind == "moderation":

        @router.message(F.chat.type.in_({"group", "supergroup"}), F.text)
        async def moderate(message: Message, bot: Bot) -> None:
            assert message.text is not None and message.from_user is not None
            if BANNED_WORD in message.text.lower():
                await message.delete()
                await bot.ban_chat_member(message.chat.id, message.from_user.id)

    elif kind == "channel":

        @router.message(Command("announce"))
        async def announce(message: Message, command: CommandObject, bot: Bot) -> None:
            text = command.args or ""
            post = await bot.send_message(f"@{channel}", text)
            await post.edit_text(f"{text} (edited)")
            await message.answer("done")

    return router


class AiogramRunner:
    def __init__(self, server: str) -> None:
        self.server = server
        self.bot: Bot | None = None
        self.dp: Dispatcher | None = None
        self.task: asyncio.Task[None] | None = None
        self.site: web.AppRunner | None = None

    async def start(self, kind: str, token: str, *, channel: str | None = None,
                    webhook_port: int | None = None) -> None:  # fmt: skip
        session = AiohttpSession(api=TelegramAPIServer.from_base(self.server))
        self.bot = bot = Bot(token, session=session)
        self.dp = dp = Dispatcher()
        dp.include_router(build(kind, channel))
        if webhook_port is None:
            self.task = asyncio.create_task(
                dp.start_polling(bot, polling_timeout=1, handle_signals=False)
            )
            return
        app = web.Application()
        SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=WEBHOOK_SECRET).register(
            app, path="/hook"
        )
        setup_application(app, dp, bot=bot)
        self.site = web.AppRunner(app)
        await self.site.setup()
        await web.TCPSite(self.site, "127.0.0.1", webhook_port).start()
        await bot.set_webhook(f"http://127.0.0.1:{webhook_port}/hook", secret_token=WEBHOOK_SECRET)

    async def stop(self) -> None:
        if self.task is not None and self.dp is not None:
            with contextlib.suppress(RuntimeError):
                await self.dp.stop_polling()
            await self.task
            self.task = None
        if self.site is not None:
            assert self.bot is not None
            await self.bot.delete_webhook()
            await self.site.cleanup()
            await self.bot.session.close()
            self.site = None
