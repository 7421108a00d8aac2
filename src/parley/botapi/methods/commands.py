"""The bot itself: getMe, logOut, close, and its command lists (setMyCommands and friends)."""

from __future__ import annotations

from typing import Any

from parley.botapi import types
from parley.botapi.errors import bad_request
from parley.botapi.methods.base import Call, Handler
from parley.services import bots

_PLAIN_SCOPES = ("default", "all_private_chats", "all_group_chats", "all_chat_administrators")


async def get_me(call: Call) -> dict[str, Any]:
    settings = await bots.get_bot_settings(call.ctx, call.bot.id)
    return types.me(call.bot, settings)


async def log_out(call: Call) -> bool:
    """Leaving Telegram's cloud server for a local one: here there is only one server."""
    return True


async def close(call: Call) -> bool:
    return True


def _scope(call: Call) -> str:
    scope = call.params.json_object("scope", "scope")
    if scope is None:
        return "default"
    kind = scope.get("type")
    if kind in _PLAIN_SCOPES:
        return str(kind)
    if kind in ("chat", "chat_administrators", "chat_member"):
        chat_id = scope.get("chat_id")
        if chat_id in (None, ""):
            raise bad_request("chat_id is empty")
        key = f"{kind}:{chat_id}"
        if kind == "chat_member":
            if scope.get("user_id") in (None, ""):
                raise bad_request("user_id is empty")
            key += f":{scope['user_id']}"
        return key[:64]
    raise bad_request("unsupported bot command scope type")


async def set_my_commands(call: Call) -> bool:
    commands = call.params.json_list("commands")
    if commands is None:
        raise bad_request('parameter "commands" is required')
    await bots.set_commands(call.ctx, call.bot.id, commands=commands, scope=_scope(call),
                            language=call.params.string("language_code", "") or "")  # fmt: skip
    return True


async def get_my_commands(call: Call) -> list[dict[str, str]]:
    language = call.params.string("language_code", "") or ""
    return await bots.get_commands(call.ctx, call.bot.id, scope=_scope(call), language=language)


async def delete_my_commands(call: Call) -> bool:
    await bots.delete_commands(call.ctx, call.bot.id, scope=_scope(call),
                               language=call.params.string("language_code", "") or "")  # fmt: skip
    return True


METHODS: dict[str, Handler] = {
    "getme": get_me,
    "logout": log_out,
    "close": close,
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": delete_my_commands,
}
