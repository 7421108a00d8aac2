"""The compat bots written with python-telegram-bot 22 (Application, handlers, updater)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.compat.common import BANNED_WORD, WEBHOOK_SECRET

Ctx = ContextTypes.DEFAULT_TYPE


def build(kind: str, token: str, server: str, channel: str | None) -> Application:  # type: ignore[type-arg]
    app = (Application.builder().token(token).base_url(f"{server}/bot")
           .base_file_url(f"{server}/file/bot").build())  # fmt: skip

    async def welcome(update: Update, context: Ctx) -> None:
        assert update.message is not None
        await update.message.reply_text("Welcome!")

    async def echo(update: Update, context: Ctx) -> None:
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(update.message.text)

    async def menu(update: Update, context: Ctx) -> None:
        assert update.message is not None
        buttons = [[InlineKeyboardButton("Yes", callback_data="yes"),
                    InlineKeyboardButton("No", callback_data="no")]]  # fmt: skip
        await update.message.reply_text("Pick one", reply_markup=InlineKeyboardMarkup(buttons))

    async def picked(update: Update, context: Ctx) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(f"You picked {query.data}")
        await query.edit_message_text(f"Picked: {query.data}")

    async def moderate(update: Update, context: Ctx) -> None:
        message = update.message
        assert message is not None and message.from_user is not None
        if BANNED_WORD in (message.text or "").lower():
            await message.delete()
            await context.bot.ban_chat_member(message.chat.id, message.from_user.id)

    async def announce(update: Update, context: Ctx) -> None:
        assert update.message is not None and channel is not None
        text = " ".join(context.args or [])
        post = await context.bot.send_message(f"@{channel}", text)
        await post.edit_text(f"{text} (edited)")
        await update.message.reply_text("done")

    if kind == "echo":
        app.add_handler(CommandHandler("start", welcome))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    elif kind == "keyboard":
        app.add_handler(CommandHandler("menu", menu))
        app.add_handler(CallbackQueryHandler(picked))
    elif kind == "moderation":
        app.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.TEXT, moderate))
    elif kind == "channel":
        app.add_handler(CommandHandler("announce", announce))
    return app


class PtbRunner:
    def __init__(self, server: str) -> None:
        self.server = server
        self.app: Application | None = None  # type: ignore[type-arg]

    async def start(self, kind: str, token: str, *, channel: str | None = None,
                    webhook_port: int | None = None) -> None:  # fmt: skip
        self.app = app = build(kind, token, self.server, channel)
        await app.initialize()
        await app.start()
        assert app.updater is not None
        if webhook_port is None:
            await app.updater.start_polling(poll_interval=0, timeout=1)
        else:
            await app.updater.start_webhook(
                listen="127.0.0.1", port=webhook_port, url_path="hook",
                webhook_url=f"http://127.0.0.1:{webhook_port}/hook", secret_token=WEBHOOK_SECRET,
            )  # fmt: skip

    async def stop(self) -> None:
        if self.app is None:
            return
        app, self.app = self.app, None
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
