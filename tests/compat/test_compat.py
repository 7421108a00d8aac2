"""Real bots written with python-telegram-bot 22, aiogram 3 and pyTelegramBotAPI 4, pointed at
a running Parley server and otherwise unchanged; a person drives each scenario through the
client API and checks what people see."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.bots import create_bot, eventually
from tests.compat.aiogram_bots import AiogramRunner
from tests.compat.common import BANNED_WORD, Runner, free_port
from tests.compat.ptb_bots import PtbRunner
from tests.compat.telebot_bots import TelebotRunner
from tests.helpers import Api, Person

RUNNERS = {"ptb": PtbRunner, "aiogram": AiogramRunner, "telebot": TelebotRunner}


@pytest.fixture(params=sorted(RUNNERS))
async def runner(request: pytest.FixtureRequest, server: str) -> AsyncIterator[Runner]:
    bot_runner: Runner = RUNNERS[request.param](server)
    try:
        yield bot_runner
    finally:
        await bot_runner.stop()


async def history(api: Api, who: Person, chat_id: int) -> list[dict[str, Any]]:
    r = await api.get(who, f"/api/v1/chats/{chat_id}/messages", limit=50)
    assert r.status_code == 200, r.text
    return list(reversed(r.json()))


async def bot_said(api: Api, who: Person, chat_id: int, bot_id: int) -> list[str]:
    return [m["text"] for m in await history(api, who, chat_id)
            if m["sender_id"] == bot_id and not m["deleted"]]  # fmt: skip


async def _echo(api: Api, runner: Runner, *, webhook: bool) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "echo_compat_bot", "Echo")
    ann = await api.signup("Ann")
    chat = (await api.post(ann, "/api/v1/chats/private", {"user_id": bot.id})).json()
    await runner.start("echo", bot.token, webhook_port=free_port() if webhook else None)
    await api.send(ann, chat["id"], "/start")
    await eventually(lambda: _has(api, ann, chat["id"], bot.id, ["Welcome!"]))
    # one at a time: aiogram handles the updates of one getUpdates answer as concurrent tasks,
    # so two messages that arrive together may be answered in either order (as on Telegram)
    await api.send(ann, chat["id"], "hello, Parley")
    await eventually(lambda: _has(api, ann, chat["id"], bot.id, ["Welcome!", "hello, Parley"]))
    await api.send(ann, chat["id"], "second message")
    want = ["Welcome!", "hello, Parley", "second message"]
    said = await eventually(lambda: _has(api, ann, chat["id"], bot.id, want))
    assert said == want
    if webhook:
        # A bot may answer inside its webhook handler, before its HTTP reply tells Parley the
        # update was taken: the queue empties a moment after the answers appear.
        async def drained() -> dict[str, Any] | None:
            info: dict[str, Any] = await bot.call("getWebhookInfo")
            return info if info["pending_update_count"] == 0 else None

        info = await eventually(drained)
        assert info["url"].endswith("/hook")


async def _has(api: Api, who: Person, chat_id: int, bot_id: int, want: list[str]
               ) -> list[str] | None:  # fmt: skip
    said = await bot_said(api, who, chat_id, bot_id)
    return said if said == want else None


async def test_echo_bot_long_polling(api: Api, runner: Runner) -> None:
    await _echo(api, runner, webhook=False)


async def test_echo_bot_webhook(api: Api, runner: Runner) -> None:
    await _echo(api, runner, webhook=True)


async def test_inline_keyboard_bot(api: Api, runner: Runner) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "menu_compat_bot", "Menu")
    ann = await api.signup("Ann")
    chat = (await api.post(ann, "/api/v1/chats/private", {"user_id": bot.id})).json()
    await runner.start("keyboard", bot.token)
    await api.send(ann, chat["id"], "/menu")

    async def menu() -> dict[str, Any] | None:
        found = [m for m in await history(api, ann, chat["id"]) if m["sender_id"] == bot.id]
        return found[0] if found else None

    shown = await eventually(menu)
    assert shown["text"] == "Pick one"
    buttons = shown["reply_markup"]["inline_keyboard"][0]
    assert [(b["text"], b["callback_data"]) for b in buttons] == [("Yes", "yes"), ("No", "no")]
    r = await api.post(ann, f"/api/v1/chats/{chat['id']}/messages/{shown['id']}/callback",
                       {"data": "yes"})  # fmt: skip
    assert r.status_code == 200, r.text
    answer = r.json()
    if not answer["answered"]:  # the bot was slow; the answer can be fetched later
        answer = await eventually(lambda: _answered(api, ann, answer["query_id"]))
    assert answer["text"] == "You picked yes" and answer["show_alert"] is False

    async def edited() -> dict[str, Any] | None:
        r = await api.get(ann, f"/api/v1/chats/{chat['id']}/messages/{shown['id']}")
        body: dict[str, Any] = r.json()
        return body if body["text"] == "Picked: yes" else None

    after = await eventually(edited)
    assert after["edit_date"] is not None and after["reply_markup"] is None
    r = await api.post(ann, f"/api/v1/chats/{chat['id']}/messages/{shown['id']}/callback",
                       {"data": "yes"})  # fmt: skip
    assert r.status_code == 400  # the keyboard is gone with the edit


async def _answered(api: Api, who: Person, query_id: str) -> dict[str, Any] | None:
    body: dict[str, Any] = (await api.get(who, f"/api/v1/callbacks/{query_id}")).json()
    return body if body["answered"] else None


async def test_group_moderation_bot(api: Api, runner: Runner) -> None:
    owner = await api.signup("Owner")
    ann, rude = await api.signup("Ann"), await api.signup("Rude")
    bot = await create_bot(api, owner, "guard_compat_bot", "Guard")
    group = await api.create_chat(owner, "group", "Community", member_ids=[ann.id, rude.id])
    r = await api.post(owner, f"/api/v1/chats/{group['id']}/members", {"user_ids": [bot.id]})
    assert r.status_code == 200, r.text
    rights = {"can_delete_messages": True, "can_restrict_members": True}
    r = await api.post(
        owner, f"/api/v1/chats/{group['id']}/members/{bot.id}/promote", {"rights": rights}
    )
    assert r.status_code == 200, r.text
    await runner.start("moderation", bot.token)
    fine = await api.send(ann, group["id"], "good morning everyone")
    bad = await api.send(rude, group["id"], f"buy my stuff, {BANNED_WORD.upper()}!")

    async def removed() -> bool:
        r = await api.get(owner, f"/api/v1/chats/{group['id']}/members/{rude.id}")
        return r.json()["status"] == "banned"

    await eventually(removed)
    seen = await history(api, ann, group["id"])
    texts = [m["text"] for m in seen if m["kind"] == "text"]
    assert "good morning everyone" in texts and not any(BANNED_WORD in t.lower() for t in texts)
    r = await api.get(owner, f"/api/v1/chats/{group['id']}/messages/{bad['id']}")
    assert r.json()["deleted"] is True
    r = await api.get(owner, f"/api/v1/chats/{group['id']}/messages/{fine['id']}")
    assert r.json()["deleted"] is False
    r = await api.post(rude, f"/api/v1/chats/{group['id']}/messages", {"text": "I'm back"})
    assert r.status_code in (403, 404)


async def test_channel_bot_posts_and_edits(api: Api, runner: Runner) -> None:
    owner = await api.signup("Owner")
    reader = await api.signup("Reader")
    bot = await create_bot(api, owner, "news_compat_bot", "News")
    channel = await api.create_chat(owner, "channel", "News", username="compat_news")
    await api.post(reader, f"/api/v1/chats/{channel['id']}/join")
    r = await api.post(owner, f"/api/v1/chats/{channel['id']}/members", {"user_ids": [bot.id]})
    assert r.status_code == 200, r.text
    rights = {"can_post_messages": True, "can_edit_messages": True}
    r = await api.post(
        owner, f"/api/v1/chats/{channel['id']}/members/{bot.id}/promote", {"rights": rights}
    )
    assert r.status_code == 200, r.text
    dm = (await api.post(owner, "/api/v1/chats/private", {"user_id": bot.id})).json()
    await runner.start("channel", bot.token, channel="compat_news")
    await api.send(owner, dm["id"], "/announce Hello subscribers")
    await eventually(lambda: _has(api, owner, dm["id"], bot.id, ["done"]))

    posts = [m for m in await history(api, reader, channel["id"]) if m["kind"] == "text"]
    assert [p["text"] for p in posts] == ["Hello subscribers (edited)"]
    assert posts[0]["sender_id"] == bot.id and posts[0]["edit_date"] is not None
