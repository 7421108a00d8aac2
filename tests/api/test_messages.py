from __future__ import annotations

from parley.container import Container
from tests.helpers import Api, error_code


async def test_send_is_idempotent_by_random_id(api: Api, container: Container) -> None:
    alice, bob = await api.signup("A"), await api.signup("B")
    chat = await api.create_chat(alice, "group", "G", member_ids=[bob.id])
    url = f"/api/v1/chats/{chat['id']}/messages"
    r1 = await api.post(alice, url, {"text": "once", "random_id": 987654321})
    r2 = await api.post(alice, url, {"text": "once", "random_id": 987654321})
    assert r1.json()["duplicate"] is False and r2.json()["duplicate"] is True
    assert r1.json()["message"]["id"] == r2.json()["message"]["id"]
    r3 = await api.post(bob, url, {"text": "same id, other sender", "random_id": 987654321})
    assert r3.json()["duplicate"] is False
    history = (await api.get(alice, url)).json()
    assert [m["text"] for m in history if m["kind"] == "text"] == ["same id, other sender", "once"]


async def test_reply_forward_edit_delete_pin(api: Api) -> None:
    alice, bob = await api.signup("A"), await api.signup("B")
    group = await api.create_chat(alice, "group", "G", member_ids=[bob.id])
    channel = await api.create_chat(alice, "channel", "C", username="chan_one")
    post = await api.send(alice, channel["id"], "original post")
    reply = await api.send(bob, group["id"], "hm", reply_to_id=None)
    r = await api.post(
        bob, f"/api/v1/chats/{group['id']}/messages", {"text": "re", "reply_to_id": reply["id"]}
    )
    assert r.json()["message"]["reply_to_id"] == reply["id"]
    r = await api.post(
        bob, f"/api/v1/chats/{group['id']}/messages", {"text": "re", "reply_to_id": 99999}
    )
    assert r.status_code == 400 and error_code(r) == "reply_invalid"

    r = await api.post(
        bob,
        f"/api/v1/chats/{group['id']}/forward",
        {"from_chat_id": channel["id"], "message_ids": [post["id"]]},
    )
    assert r.status_code == 200, r.text
    fwd = r.json()[0]
    assert fwd["text"] == "original post"
    assert fwd["forward"]["chat_id"] == channel["id"]
    assert fwd["forward"]["message_id"] == post["id"]
    assert fwd["forward"]["sender_id"] is None  # channel posts are signed by the channel

    r = await api.patch(alice, f"/api/v1/chats/{group['id']}/messages/{reply['id']}", {"text": "x"})
    assert r.status_code == 403 and error_code(r) == "not_author"
    r = await api.patch(
        bob, f"/api/v1/chats/{group['id']}/messages/{reply['id']}", {"text": "edited"}
    )
    assert r.status_code == 200
    assert r.json()["text"] == "edited" and r.json()["edit_date"] is not None

    r = await api.post(bob, f"/api/v1/chats/{group['id']}/messages/{reply['id']}/pin")
    assert r.status_code == 403  # members may not pin in groups
    r = await api.post(alice, f"/api/v1/chats/{group['id']}/messages/{reply['id']}/pin")
    assert r.json()["pinned"] is True

    r = await api.post(
        bob, f"/api/v1/chats/{group['id']}/messages/delete", {"message_ids": [fwd["id"]]}
    )
    assert r.json() == [fwd["id"]]
    r = await api.get(alice, f"/api/v1/chats/{group['id']}/messages/{fwd['id']}")
    assert r.json()["deleted"] is True and r.json()["text"] == ""
    mine = await api.send(alice, group["id"], "admin's own")
    r = await api.post(
        bob, f"/api/v1/chats/{group['id']}/messages/delete", {"message_ids": [mine["id"]]}
    )
    assert r.status_code == 403
    r = await api.post(
        alice, f"/api/v1/chats/{group['id']}/messages/delete", {"message_ids": [reply["id"]]}
    )
    assert r.status_code == 200  # admins delete anyone's


async def test_history_pages_both_ways(api: Api) -> None:
    alice = await api.signup("A")
    chat = await api.create_chat(alice, "group", "G")
    ids = [(await api.send(alice, chat["id"], f"m{i}"))["id"] for i in range(10)]
    url = f"/api/v1/chats/{chat['id']}/messages"
    back = (await api.get(alice, url, limit=3)).json()
    assert [m["id"] for m in back] == ids[-1:-4:-1]
    older = (await api.get(alice, url, limit=3, before=back[-1]["id"])).json()
    assert [m["id"] for m in older] == ids[-4:-7:-1]
    forward = (await api.get(alice, url, limit=4, after=ids[2])).json()
    assert [m["id"] for m in forward] == ids[3:7]
    r = await api.get(alice, url, before=5, after=2)
    assert r.status_code == 400 and error_code(r) == "invalid_cursor"


async def test_bad_message_input(api: Api) -> None:
    alice = await api.signup("A")
    chat = await api.create_chat(alice, "group", "G")
    url = f"/api/v1/chats/{chat['id']}/messages"
    for body, status, code in [
        ({"text": ""}, 400, "message_empty"),
        ({"text": "   "}, 400, "message_empty"),
        ({"text": "x" * 4097}, 400, "message_too_long"),
        ({"text": "ok", "random_id": 2**70}, 400, "invalid_random_id"),
        (
            {"text": "ok", "entities": [{"type": "bold", "offset": 0, "length": 9}]},
            400,
            "invalid_entities",
        ),
        (
            {"text": "ok", "entities": [{"type": "evil", "offset": 0, "length": 1}]},
            400,
            "invalid_entities",
        ),
        ({"text": 5}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
    ]:
        r = await api.post(alice, url, body)
        assert (r.status_code, error_code(r)) == (status, code), body
    r = await api.post(alice, "/api/v1/chats/999999/messages", {"text": "x"})
    assert r.status_code == 404
    history = (await api.get(alice, url)).json()
    assert all(m["kind"] == "service" for m in history)  # nothing was posted


async def test_flood_control(api: Api, container: Container) -> None:
    container.settings.sends_per_chat_per_second = 3
    alice = await api.signup("A")
    chat = await api.create_chat(alice, "group", "G")
    statuses = []
    for i in range(5):
        r = await api.post(alice, f"/api/v1/chats/{chat['id']}/messages", {"text": f"{i}"})
        statuses.append(r.status_code)
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
    assert r.json()["error"]["code"] == "flood_wait"


async def test_entities_are_kept(api: Api) -> None:
    alice = await api.signup("A")
    chat = await api.create_chat(alice, "group", "G")
    msg = await api.send(
        alice, chat["id"], "hello 👋 world", entities=[{"type": "bold", "offset": 9, "length": 5}]
    )
    assert msg["entities"] == [
        {"type": "bold", "offset": 9, "length": 5, "url": None, "user_id": None, "language": None}
    ]
