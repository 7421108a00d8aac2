"""setWebhook, deleteWebhook, getWebhookInfo."""

from __future__ import annotations

from typing import Any

from parley.botapi import types
from parley.botapi.methods.base import Call, Handler, Result
from parley.services import webhooks


async def set_webhook(call: Call) -> Result:
    p = call.params
    description = await webhooks.set_webhook(
        call.ctx, call.bot.id, url=p.string("url") or "", secret_token=p.string("secret_token"),
        max_connections=p.integer("max_connections"),
        allowed_updates=p.json_list("allowed_updates"),
        drop_pending_updates=p.flag("drop_pending_updates"), ip_address=p.string("ip_address"),
    )  # fmt: skip
    return Result(True, description)


async def delete_webhook(call: Call) -> Result:
    description = await webhooks.delete_webhook(
        call.ctx, call.bot.id, drop_pending_updates=call.params.flag("drop_pending_updates")
    )
    return Result(True, description)


async def get_webhook_info(call: Call) -> dict[str, Any]:
    info = await webhooks.get_webhook_info(call.ctx, call.bot.id)
    out: dict[str, Any] = {"url": info.url, "has_custom_certificate": False,
                           "pending_update_count": info.pending_update_count}  # fmt: skip
    if info.url:
        if info.ip_address:
            out["ip_address"] = info.ip_address
        if info.last_error_date is not None:
            out["last_error_date"] = types.unix(info.last_error_date)
            out["last_error_message"] = info.last_error_message or ""
        out["max_connections"] = info.max_connections
    if info.allowed_updates:
        out["allowed_updates"] = info.allowed_updates
    return out


METHODS: dict[str, Handler] = {
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
    "getwebhookinfo": get_webhook_info,
}
