from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from parley.container import Container
from parley.domain.clock import FrozenClock
from tests.bots import Bot, create_bot, eventually
from tests.compat.common import free_port
from tests.helpers import Api, Person

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def endpoint(handler: Handler) -> AsyncIterator[str]:
    """A bot's webhook endpoint on loopback."""
    app = web.Application()
    app.router.add_post("/hook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}/hook"
    finally:
        await runner.cleanup()


async def _private(api: Api, bot: Bot, name: str) -> tuple[Person, int]:
    user = await api.signup(name)
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
    return user, int(chat["id"])


async def test_webhook_url_checks_and_conflict_with_polling(
    api: Api, container: Container, server: str
) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "hook_bot")
    container.settings.webhook_allow_private = False
    r = await bot.raw("setWebhook", url="http://127.0.0.1:9/hook")
    reserved = "Bad Request: bad webhook: IP address 127.0.0.1 is reserved"
    assert r.json() == {"ok": False, "error_code": 400, "description": reserved}
    for url in ("http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest",
                "http://0.0.0.0/x", "http://[::ffff:192.168.1.1]/x"):  # fmt: skip
        r = await bot.raw("setWebhook", url=url)
        assert r.status_code == 400 and "reserved" in r.json()["description"], url
    container.settings.webhook_allow_private = True
    r = await bot.raw("setWebhook", url=f"{server}/bot{bot.token}/getMe")
    assert r.status_code == 400, "the platform itself is never a webhook"
    r = await bot.raw("setWebhook", url="ftp://example.org/hook")
    assert r.json()["description"] == "Bad Request: invalid webhook URL specified"
    r = await bot.raw("setWebhook", url="http://127.0.0.1:9/hook", secret_token="bad token!")
    assert r.json()["description"] == "Bad Request: secret token contains unallowed characters"
    container.settings.webhook_require_https = True
    r = await bot.raw("setWebhook", url="http://127.0.0.1:9/hook")
    assert (
        r.json()["description"]
        == "Bad Request: bad webhook: HTTPS url must be provided for webhook"
    )
    container.settings.webhook_require_https = False

    # A long poll in progress ends when a webhook is set; then polling is refused.
    poll = asyncio.create_task(bot.raw("getUpdates", timeout=10))
    await asyncio.sleep(0.1)
    form = {"url": "http://127.0.0.1:9/hook", "max_connections": "3"}
    r = await bot.http.post(f"/bot{bot.token}/setWebhook", data=form)
    assert r.json() == {"ok": True, "result": True, "description": "Webhook was set"}
    ended = await asyncio.wait_for(poll, 5)
    conflict = "Conflict: terminated by setWebhook request"
    assert ended.json() == {"ok": False, "error_code": 409, "description": conflict}
    r = await bot.raw("getUpdates")
    assert r.status_code == 409 and r.json()["description"].startswith(
        "Conflict: can't use getUpdates method while webhook is active"
    )
    info = await bot.call("getWebhookInfo")
    assert info == {"url": "http://127.0.0.1:9/hook", "has_custom_certificate": False,
                    "pending_update_count": 0, "max_connections": 3}  # fmt: skip
    r = await bot.raw("deleteWebhook")
    assert r.json() == {"ok": True, "result": True, "description": "Webhook was deleted"}
    assert await bot.call("getUpdates") == []


async def test_webhook_retries_with_backoff_then_delivers(
    api: Api, container: Container, clock: FrozenClock
) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "retry_bot")
    user, chat_id = await _private(api, bot, "Ann")
    received: list[dict[str, Any]] = []
    secrets: list[str | None] = []

    async def hook(request: web.Request) -> web.Response:
        secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        if len(secrets) == 1:
            return web.Response(status=500)
        received.append(await request.json())
        return web.json_response({"method": "sendMessage", "chat_id": user.id,
                                  "text": "answered in the webhook reply"})  # fmt: skip

    async with endpoint(hook) as url:
        await bot.call("setWebhook", url=url, secret_token="s3cr3t")
        await api.send(user, chat_id, "first")

        async def failed_once() -> dict[str, Any] | None:
            info: dict[str, Any] = await bot.call("getWebhookInfo")
            return info if info.get("last_error_message") else None

        info = await eventually(failed_once)
        assert (
            info["last_error_message"]
            == "Wrong response from the webhook: 500 Internal Server Error"
        )
        assert info["pending_update_count"] == 1 and received == []
        clock.advance(seconds=1)  # past the first retry delay
        await eventually(lambda: asyncio.sleep(0, received))
    assert secrets == ["s3cr3t", "s3cr3t"]
    assert received[0]["message"]["text"] == "first"

    async def replied() -> bool:
        r = await api.get(user, f"/api/v1/chats/{chat_id}/messages", limit=1)
        return bool(r.json()[0]["text"] == "answered in the webhook reply")

    await eventually(replied)
    assert (await bot.call("getWebhookInfo"))["pending_update_count"] == 0


async def test_webhook_respects_max_connections_and_order_per_chat(api: Api) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "busy_bot")
    chats = [await _private(api, bot, f"User {i}") for i in range(3)]
    release = asyncio.Event()
    in_flight, peak = 0, 0
    texts: list[str] = []

    async def hook(request: web.Request) -> web.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await release.wait()
        texts.append((await request.json())["message"]["text"])
        in_flight -= 1
        return web.Response(text="")

    async with endpoint(hook) as url:
        await bot.call("setWebhook", url=url, max_connections=2)
        for user, chat_id in chats:
            await api.send(user, chat_id, f"{user.name}: one")
            await api.send(user, chat_id, f"{user.name}: two")
        await eventually(lambda: asyncio.sleep(0, in_flight == 2))
        await asyncio.sleep(0.2)
        assert in_flight == 2
        release.set()
        await eventually(lambda: asyncio.sleep(0, len(texts) == 6))
    assert peak == 2
    for user, _ in chats:
        mine = [t for t in texts if t.startswith(user.name)]
        assert mine == [f"{user.name}: one", f"{user.name}: two"]
