"""getUpdates: long polling."""

from __future__ import annotations

from typing import Any

from parley.botapi import types
from parley.botapi.methods.base import Call, Handler
from parley.services import bot_updates


async def get_updates(call: Call) -> list[dict[str, Any]]:
    p = call.params
    page = await bot_updates.get_updates(
        call.ctx, call.bot.id, offset=p.integer("offset", 0) or 0,
        limit=p.integer("limit", 100) or 100, wait=float(p.integer("timeout", 0) or 0),
        allowed_updates=p.json_list("allowed_updates"),
    )  # fmt: skip
    return [types.update(u, page.refs) for u in page.updates]


METHODS: dict[str, Handler] = {"getupdates": get_updates}
