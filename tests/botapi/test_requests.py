from __future__ import annotations

from urllib.parse import quote

import orjson

from parley.container import Container
from tests.bots import create_bot, eventually
from tests.helpers import Api


async def test_parameters_from_query_form_and_json(api: Api) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "forms_bot")
    user = await api.signup("Ann")
    await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})
    markup = orjson.dumps({"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}).decode()
    # pyTelegramBotAPI puts everything in the query string, booleans as Python writes them.
    r = await bot.http.get(f"/bot{bot.token}/sendmessage?chat_id={user.id}&text={quote('q & a')}"
                           f"&disable_notification=True&reply_markup={quote(markup)}")  # fmt: skip
    assert r.json()["result"]["text"] == "q & a"
    assert r.json()["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"
    # Form bodies carry nested objects as JSON text.
    entities = '[{"type":"italic","offset":0,"length":4}]'
    r = await bot.http.post(
        f"/bot{bot.token}/SendMessage",
        data={"chat_id": str(user.id), "text": "form", "entities": entities},
    )
    assert r.json()["result"]["entities"] == [{"type": "italic", "offset": 0, "length": 4}]
    r = await bot.raw("sendMessage", chat_id=str(user.id), text="json", parse_mode="Markdown")
    assert r.json()["result"]["text"] == "json"
    r = await bot.raw("sendMessage", chat_id=user.id, text="*bad", parse_mode="MarkdownV2")
    assert r.status_code == 400
    assert r.json()["description"].startswith("Bad Request: can't parse entities")
    r = await bot.raw("sendMessage", chat_id=user.id, text="x", parse_mode="Klingon")
    assert r.json()["description"] == "Bad Request: unsupported parse_mode"
    r = await bot.raw("sendMessage", chat_id=user.id, text="")
    assert r.json()["description"] == "Bad Request: message text is empty"
    r = await bot.raw("sendMessage", chat_id=user.id, text="x" * 4097)
    assert r.json()["description"] == "Bad Request: message is too long"
    r = await bot.raw(
        "sendMessage", chat_id=user.id, text="re", reply_parameters={"message_id": 999}
    )
    assert r.json()["description"] == "Bad Request: message to be replied not found"
    lenient = {"message_id": 999, "allow_sending_without_reply": True}
    ok = await bot.call("sendMessage", chat_id=user.id, text="re", reply_parameters=lenient)
    assert "reply_to_message" not in ok


async def test_commands_blocking_and_flood_control(api: Api, container: Container) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "cmd_bot")
    commands = [{"command": "start", "description": "Start"}, {"command": "help",
                                                              "description": "Help"}]  # fmt: skip
    assert await bot.call("setMyCommands", commands=commands) is True
    assert await bot.call("getMyCommands") == commands
    scope = {"type": "all_group_chats"}
    assert await bot.call("getMyCommands", scope=scope) == []
    await bot.call("setMyCommands", commands=commands[:1], scope=scope, language_code="de")
    assert await bot.call("getMyCommands", scope=scope, language_code="de") == commands[:1]
    r = await bot.raw("setMyCommands", commands=[{"command": "Bad Name!", "description": "x"}])
    assert r.status_code == 400
    assert await bot.call("deleteMyCommands") is True
    assert await bot.call("getMyCommands") == []

    user = await api.signup("Ann")
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
    assert (await api.post(user, f"/api/v1/bots/{bot.id}/block")).status_code == 200
    updates = await eventually(bot.updates)
    change = updates[-1]["my_chat_member"]
    assert change["chat"]["id"] == user.id
    assert (change["old_chat_member"]["status"], change["new_chat_member"]["status"]) == (
        "member", "kicked")  # fmt: skip
    r = await bot.raw("sendMessage", chat_id=user.id, text="come back")
    assert r.json() == {"ok": False, "error_code": 403,
                        "description": "Forbidden: bot was blocked by the user"}  # fmt: skip
    await api.delete(user, f"/api/v1/bots/{bot.id}/block")
    assert (await bot.call("sendMessage", chat_id=user.id, text="hi again"))["text"] == "hi again"
    assert await bot.call("sendChatAction", chat_id=user.id, action="typing") is True
    r = await bot.raw("sendChatAction", chat_id=user.id, action="dancing")
    assert r.status_code == 400

    container.settings.sends_per_user_per_minute = 3
    for _ in range(2):
        await bot.call("sendMessage", chat_id=user.id, text="spam")
    r = await bot.raw("sendMessage", chat_id=user.id, text="spam")
    body = r.json()
    assert r.status_code == 429 and body["error_code"] == 429
    assert body["parameters"]["retry_after"] >= 1
    assert (
        body["description"] == f"Too Many Requests: retry after {body['parameters']['retry_after']}"
    )
    assert chat["id"]
