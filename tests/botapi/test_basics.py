from __future__ import annotations

import re

from parley.container import Container
from tests.bots import create_bot, eventually, texts_seen
from tests.helpers import Api, error_code


async def test_token_shape_get_me_revoke_and_regenerate(api: Api) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "echo_bot", "Echo")
    assert re.fullmatch(rf"{bot.id}:[A-Za-z0-9_-]{{35}}", bot.token)
    me = await bot.call("getMe")
    assert me == {"id": bot.id, "is_bot": True, "first_name": "Echo", "username": "echo_bot",
                  "can_join_groups": True, "can_read_all_group_messages": False,
                  "supports_inline_queries": False, "can_connect_to_business": False,
                  "has_main_web_app": False}  # fmt: skip
    assert (await bot.http.get(f"/bot{bot.token}/GETME")).json()["result"]["id"] == bot.id

    r = await api.post(owner, "/api/v1/bots", {"username": "not_a_b0t_name", "name": "x"})
    assert r.status_code == 400 and error_code(r) == "invalid_username"
    r = await api.post(owner, "/api/v1/bots", {"username": "echo_bot", "name": "x"})
    assert r.status_code == 409
    listed = (await api.get(owner, "/api/v1/bots")).json()
    assert [b["username"] for b in listed] == ["echo_bot"] and listed[0]["has_token"] is True
    stranger = await api.signup("Stranger")
    r = await api.post(stranger, f"/api/v1/bots/{bot.id}/token")
    assert r.status_code == 404

    r = await api.post(owner, f"/api/v1/bots/{bot.id}/token")
    new_token = r.json()["token"]
    old = await bot.raw("getMe")
    assert old.status_code == 401
    assert old.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    bot.token = new_token
    assert (await bot.call("getMe"))["id"] == bot.id
    r = await api.delete(owner, f"/api/v1/bots/{bot.id}/token")
    assert r.json()["has_token"] is False
    assert (await bot.raw("getMe")).status_code == 401


async def test_unknown_method_and_bad_requests(api: Api) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "plain_bot")
    r = await bot.raw("noSuchMethod")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    r = await bot.raw("sendMessage", chat_id=-1000000000999, text="hi")
    assert r.json() == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: chat not found",
    }
    r = await bot.raw("sendMessage", chat_id=owner.id, text="hi")
    assert r.status_code == 403
    assert r.json()["description"] == "Forbidden: bot can't initiate conversation with a user"
    r = await bot.raw("sendMessage", text="hi")
    assert r.json()["description"] == "Bad Request: chat_id is empty"
    r = await bot.http.post(f"/bot{bot.token}/sendMessage", content=b"{not json",
                            headers={"content-type": "application/json"})  # fmt: skip
    assert r.status_code == 400 and r.json()["ok"] is False


async def test_private_chat_updates_long_poll_and_offsets(api: Api, container: Container) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "talk_bot")
    user = await api.signup("Ann")
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
    await api.send(user, chat["id"], "/start")
    updates = await eventually(lambda: bot.call("getUpdates"))
    message = updates[0]["message"]
    assert message["chat"] == {"id": user.id, "type": "private", "first_name": "Ann"}
    assert message["from"] == {"id": user.id, "is_bot": False, "first_name": "Ann"}
    assert message["text"] == "/start"
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert isinstance(message["date"], int)
    # Not confirmed yet: the same update comes again; confirmed, it is gone.
    again = await bot.call("getUpdates")
    assert again[0]["update_id"] == updates[0]["update_id"]
    assert await bot.call("getUpdates", offset=updates[0]["update_id"] + 1) == []

    # A long poll returns as soon as an update arrives.
    import asyncio

    poll = asyncio.create_task(bot.call("getUpdates", offset=updates[0]["update_id"] + 1,
                                        timeout=10))  # fmt: skip
    await asyncio.sleep(0.1)
    await api.send(user, chat["id"], "hello there")
    got = await asyncio.wait_for(poll, timeout=5)
    assert got[0]["message"]["text"] == "hello there"

    sent = await bot.call("sendMessage", chat_id=user.id, text="<b>Hi</b> &amp; welcome",
                          parse_mode="HTML")  # fmt: skip
    assert sent["text"] == "Hi & welcome"
    assert sent["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
    assert sent["from"]["id"] == bot.id and sent["chat"]["id"] == user.id
    seen = (await api.get(user, f"/api/v1/chats/{chat['id']}/messages", limit=1)).json()[0]
    assert seen["text"] == "Hi & welcome" and seen["sender_id"] == bot.id
    assert seen["entities"][0]["type"] == "bold"
    assert "Hi & welcome" in await texts_seen(api, user, chat["id"])
