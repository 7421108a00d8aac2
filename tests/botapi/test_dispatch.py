from __future__ import annotations

import asyncio

from parley.config import Settings
from parley.container import Container
from parley.domain.clock import FrozenClock
from parley.services import bot_updates
from tests.bots import create_bot, eventually
from tests.helpers import Api


async def test_two_processes_never_dispatch_an_event_twice(
    api: Api, container: Container, settings: Settings, clock: FrozenClock
) -> None:
    other = Container(settings, clock=clock)  # a second process on the same store
    await other.start()
    try:
        owner = await api.signup("Owner")
        bot = await create_bot(api, owner, "twice_bot")
        user = await api.signup("Ann")
        chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
        for i in range(20):
            await api.send(user, chat["id"], f"m{i}")
            if i % 5 == 0:
                await other.bots.dispatcher.run_once()

        async def all_in() -> list[str] | None:
            got = await bot.call("getUpdates")
            texts = [u["message"]["text"] for u in got]
            return texts if len(texts) >= 20 else None

        texts = await eventually(all_in)
        await asyncio.sleep(0.2)
        again = [u["message"]["text"] for u in await bot.call("getUpdates")]
        assert texts == again == [f"m{i}" for i in range(20)]
    finally:
        await other.close()


async def test_updates_are_kept_24_hours(
    api: Api, container: Container, clock: FrozenClock
) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "old_news_bot")
    user = await api.signup("Ann")
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
    await api.send(user, chat["id"], "yesterday")
    await eventually(lambda: bot.call("getUpdates"))
    clock.advance(hours=23)
    assert await bot_updates.purge(container.ctx) == 0
    clock.advance(hours=2)
    assert await bot_updates.purge(container.ctx) == 1
    assert await bot.call("getUpdates") == []


async def test_first_message_in_the_same_batch_as_the_chat_opening(
    api: Api, container: Container
) -> None:
    """The chat's opening (the bot joins) and the first message dispatched together: the bot
    must count as a member for that message."""
    await container.bots.close()  # dispatch by hand, everything in one batch
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "batch_bot")
    user = await api.signup("Ann")
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
    await api.send(user, chat["id"], "/start")
    await container.bots.dispatcher.run_once()
    got = await bot.call("getUpdates")
    assert [u["message"]["text"] for u in got] == ["/start"]
