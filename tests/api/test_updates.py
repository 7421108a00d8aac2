from __future__ import annotations

from tests.helpers import Api


async def test_difference_since_pts(api: Api) -> None:
    alice, bob = await api.signup("A"), await api.signup("B")
    chat = await api.create_chat(alice, "group", "G", member_ids=[bob.id])
    state = (await api.get(bob, "/api/v1/updates/state")).json()
    pts = next(c["pts"] for c in state["chats"] if c["chat_id"] == chat["id"])
    for text in ("one", "two"):
        await api.send(alice, chat["id"], text)
    await api.patch(alice, f"/api/v1/chats/{chat['id']}/messages/2", {"text": "one!"})
    r = await api.get(bob, "/api/v1/updates", seq=state["seq"], pts=f"{chat['id']}:{pts}")
    diff = r.json()
    assert r.status_code == 200
    events = diff["chats"][0]["events"]
    assert [e["kind"] for e in events] == ["message.new", "message.new", "message.edit"]
    assert [e["pts"] for e in events] == [pts + 1, pts + 2, pts + 3]
    assert events[0]["message"]["text"] == "one!"  # hydrated with the current form
    assert diff["chats"][0]["too_long"] is False


async def test_difference_reports_new_chats_and_too_long(api: Api) -> None:
    alice, bob = await api.signup("A"), await api.signup("B")
    state = (await api.get(bob, "/api/v1/updates/state")).json()
    chat = await api.create_chat(alice, "group", "G", member_ids=[bob.id])
    for i in range(5):
        await api.send(alice, chat["id"], f"m{i}")
    diff = (await api.get(bob, "/api/v1/updates", seq=state["seq"])).json()
    assert [e["kind"] for e in diff["user_events"]] == ["chat.joined"]
    assert diff["user_events"][0]["data"]["chat_id"] == chat["id"]
    assert [s["chat_id"] for s in diff["states"]] == [chat["id"]]
    diff = (
        await api.get(bob, "/api/v1/updates", seq=diff["seq"], pts=f"{chat['id']}:0", limit=2)
    ).json()
    assert diff["chats"][0]["too_long"] is True
    assert len(diff["chats"][0]["events"]) == 2


async def test_difference_hides_admin_events_and_foreign_chats(api: Api) -> None:
    owner, reader, eve = await api.signup("O"), await api.signup("R"), await api.signup("E")
    channel = await api.create_chat(owner, "channel", "C", username="chan_two")
    await api.post(reader, f"/api/v1/chats/{channel['id']}/join")
    await api.post(eve, f"/api/v1/chats/{channel['id']}/join")
    diff = (await api.get(reader, "/api/v1/updates", pts=f"{channel['id']}:0")).json()
    kinds = [e["kind"] for e in diff["chats"][0]["events"]]
    assert "member.join" not in kinds  # joins in channels are for admins
    admin_diff = (await api.get(owner, "/api/v1/updates", pts=f"{channel['id']}:0")).json()
    assert [e["kind"] for e in admin_diff["chats"][0]["events"]].count("member.join") == 3
    private = await api.create_chat(owner, "group", "secret")
    diff = (await api.get(eve, "/api/v1/updates", pts=f"{private['id']}:0")).json()
    assert diff["chats"] == [] and diff["not_member"] == [private["id"]]
    r = await api.get(eve, "/api/v1/updates", pts="1:x")
    assert r.status_code == 400
