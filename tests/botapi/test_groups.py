from __future__ import annotations

from typing import Any

from tests.bots import Bot, create_bot, eventually
from tests.helpers import Api, error_code

BOT_ID_BASE = 1_000_000_000_000


def kinds(updates: list[dict[str, Any]]) -> list[str]:
    return [next(k for k in u if k != "update_id") for u in updates]


async def test_privacy_mode_membership_updates_and_admin_bots(api: Api) -> None:
    owner = await api.signup("Owner")
    member = await api.signup("Member")
    bot = await create_bot(api, owner, "quiet_bot", "Quiet")
    group = await api.create_chat(owner, "group", "G", member_ids=[member.id])
    tg_chat = -(BOT_ID_BASE + group["id"])

    r = await api.post(member, f"/api/v1/chats/{group['id']}/members", {"user_ids": [bot.id]})
    assert r.status_code == 403 and error_code(r) == "admin_required"  # admins add bots
    r = await api.post(owner, f"/api/v1/chats/{group['id']}/members", {"user_ids": [bot.id]})
    assert r.status_code == 200, r.text
    got = await eventually(bot.updates)
    assert kinds(got) == ["my_chat_member", "message"]
    joined = got[0]["my_chat_member"]
    assert joined["chat"] == {"id": tg_chat, "type": "supergroup", "title": "G"}
    assert joined["old_chat_member"]["status"] == "left"
    assert joined["new_chat_member"] == {
        "status": "member",
        "user": {"id": bot.id, "is_bot": True, "first_name": "Quiet", "username": "quiet_bot"},
    }
    assert got[0]["my_chat_member"]["from"]["id"] == owner.id
    assert [u["id"] for u in got[1]["message"]["new_chat_members"]] == [bot.id]

    # Privacy mode: plain chatter is not seen; commands, mentions and replies are.
    await api.send(member, group["id"], "just chatting")
    await api.send(member, group["id"], "/help@quiet_bot")
    await api.send(member, group["id"], "/other@someone_bot")
    await api.send(member, group["id"], "hey @quiet_bot look")
    mine = await bot.call("sendMessage", chat_id=tg_chat, text="I am here")
    await api.send(member, group["id"], "a reply", reply_to_id=mine["message_id"])
    got = await eventually(lambda: _wait_for(bot, 3))
    assert [u["message"]["text"] for u in got] == ["/help@quiet_bot", "hey @quiet_bot look",
                                                   "a reply"]  # fmt: skip
    assert got[2]["message"]["reply_to_message"]["message_id"] == mine["message_id"]

    # An admin bot sees everything, and other members' changes when it asks for them.
    r = await api.post(owner, f"/api/v1/chats/{group['id']}/members/{bot.id}/promote",
                       {"rights": {"can_delete_messages": True}})  # fmt: skip
    assert r.status_code == 200, r.text
    promoted = await eventually(bot.updates)
    assert promoted[0]["my_chat_member"]["new_chat_member"]["status"] == "administrator"
    assert promoted[0]["my_chat_member"]["old_chat_member"]["status"] == "member"
    await bot.call("getUpdates", allowed_updates=["message", "chat_member", "my_chat_member"])
    await api.send(member, group["id"], "now you see me")
    await api.post(owner, f"/api/v1/chats/{group['id']}/members/{member.id}/kick")
    got = await eventually(lambda: _wait_for(bot, 3))
    assert kinds(got) == ["message", "chat_member", "message"]
    assert got[1]["chat_member"]["new_chat_member"]["status"] == "left"
    assert got[2]["message"]["left_chat_member"]["id"] == member.id

    # The bot's own view of the chat and its members.
    info = await bot.call("getChat", chat_id=tg_chat)
    assert info["type"] == "supergroup" and info["accent_color_id"] == 0
    assert await bot.call("getChatMemberCount", chat_id=tg_chat) == 2
    admins = await bot.call("getChatAdministrators", chat_id=tg_chat)
    assert [(a["user"]["id"], a["status"]) for a in admins] == [(owner.id, "creator")]
    me = await bot.call("getChatMember", chat_id=tg_chat, user_id=bot.id)
    assert me["status"] == "administrator" and me["can_delete_messages"] is True

    # Removed from the group, the bot is told so and may no longer post.
    await api.post(owner, f"/api/v1/chats/{group['id']}/members/{bot.id}/ban")
    got = await eventually(bot.updates)
    assert got[-1]["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    r = await bot.raw("sendMessage", chat_id=tg_chat, text="still here?")
    assert r.status_code == 403
    assert r.json()["description"] == "Forbidden: bot was kicked from the supergroup chat"


async def _wait_for(bot: Bot, count: int) -> list[dict[str, Any]] | None:
    got: list[dict[str, Any]] = await bot.call("getUpdates")
    if len(got) < count:
        return None
    await bot.call("getUpdates", offset=got[-1]["update_id"] + 1)
    return got


async def test_moderation_methods(api: Api) -> None:
    owner = await api.signup("Owner")
    rude = await api.signup("Rude")
    bot = await create_bot(api, owner, "mod_bot")
    group = await api.create_chat(owner, "group", "G", member_ids=[rude.id, bot.id])
    tg_chat = -(BOT_ID_BASE + group["id"])
    bad = await api.send(rude, group["id"], "spam spam")
    r = await bot.raw("deleteMessage", chat_id=tg_chat, message_id=bad["id"])
    assert r.json() == {"ok": False, "error_code": 400,
                        "description": "Bad Request: message can't be deleted"}  # fmt: skip
    await api.post(owner, f"/api/v1/chats/{group['id']}/members/{bot.id}/promote", {"rights": {}})
    assert await bot.call("deleteMessage", chat_id=tg_chat, message_id=bad["id"]) is True
    r = await bot.raw("deleteMessage", chat_id=tg_chat, message_id=bad["id"])
    assert r.json()["description"] == "Bad Request: message to delete not found"
    assert await bot.call("restrictChatMember", chat_id=tg_chat, user_id=rude.id,
                          permissions={"can_send_messages": False}) is True  # fmt: skip
    muted = await bot.call("getChatMember", chat_id=tg_chat, user_id=rude.id)
    assert muted["status"] == "restricted" and muted["can_send_messages"] is False
    assert await bot.call("banChatMember", chat_id=tg_chat, user_id=rude.id) is True
    kicked = await bot.call("getChatMember", chat_id=tg_chat, user_id=rude.id)
    assert kicked == {"status": "kicked", "until_date": 0,
                      "user": {"id": rude.id, "is_bot": False, "first_name": "Rude"}}  # fmt: skip
    r = await api.post(rude, f"/api/v1/chats/{group['id']}/messages", {"text": "let me in"})
    assert r.status_code == 404
    assert await bot.call("unbanChatMember", chat_id=tg_chat, user_id=rude.id) is True
    left = await bot.call("getChatMember", chat_id=tg_chat, user_id=rude.id)
    assert left["status"] == "left"
    r = await bot.raw("banChatMember", chat_id=tg_chat, user_id=owner.id)
    assert r.json()["description"] == "Bad Request: can't remove chat owner"
    msg = await bot.call("sendMessage", chat_id=tg_chat, text="rules")
    assert await bot.call("pinChatMessage", chat_id=tg_chat, message_id=msg["message_id"])
    pinned = await api.get(owner, f"/api/v1/chats/{group['id']}/messages/{msg['message_id']}")
    assert pinned.json()["pinned"] is True
    assert await bot.call("unpinChatMessage", chat_id=tg_chat)
    link = await bot.call("createChatInviteLink", chat_id=tg_chat, name="bot link")
    assert link["invite_link"].endswith(link["invite_link"].rsplit("/", 1)[1])
    assert link["creator"]["id"] == bot.id and link["name"] == "bot link"
    assert await bot.call("leaveChat", chat_id=tg_chat) is True
    r = await bot.raw("getChat", chat_id=tg_chat)
    assert r.status_code == 403
