"""The bots' background work in one process: the dispatcher that fills update queues from the
chat event sequence, and webhook delivery. Built by the container, started with it."""

from __future__ import annotations

from parley.services.bot_updates import Dispatcher, waiters
from parley.services.context import Ctx
from parley.services.webhooks import WebhookDeliverer


class BotRuntime:
    def __init__(self, ctx: Ctx) -> None:
        self.dispatcher = Dispatcher(ctx)
        self.webhooks = WebhookDeliverer(ctx)
        waiters(ctx)  # long polls wake from the bus; subscribe before any request arrives
        ctx.extensions["bots.runtime"] = self

    async def start(self) -> None:
        await self.dispatcher.start()
        self.webhooks.start()

    async def close(self) -> None:
        await self.webhooks.close()
        await self.dispatcher.close()


def runtime(ctx: Ctx) -> BotRuntime:
    found = ctx.extensions["bots.runtime"]
    assert isinstance(found, BotRuntime)
    return found
