from __future__ import annotations

from datetime import timedelta

from parley.domain.clock import FrozenClock
from tests.helpers import Api, error_code


async def test_create_group_with_members_and_read_info(api: Api) -> None:
    alice, bob = await api.signup("Alice"), await api.signup("Bob")
    chat = await api.create_chat(alice, "group", "Cyclists", member_ids=[bob.id])
    assert chat["kind"] == "group"
    assert chat["member_count"] == 2
    assert chat["membership"]["status"] == "owner"
    r = await api.get(bob, f"/api/v1/chats/{chat['id']}")
    assert r.status_code == 200
    assert r.json()["membership"]["status"] == "member"
    r = await api.get(bob, f"/api/v1/chats/{chat['id']}/members")
    assert sorted(m["user"]["id"] for m in r.json()) == sorted([alice.id, bob.id])


async def test_private_chat_is_unique_and_hidden_from_others(api: Api) -> None:
    alice, bob, eve = await api.signup("Alice"), await api.signup("Bob"), await api.signup("Eve")
    r1 = await api.post(alice, "/api/v1/chats/private", {"user_id": bob.id})
    r2 = await api.post(bob, "/api/v1/chats/private", {"user_id": alice.id})
    assert r1.status_code == r2.status_code == 200
    chat_id = r1.json()["id"]
    assert r2.json()["id"] == chat_id
    assert r1.json()["title"] == "Bob"
    assert r2.json()["title"] == "Alice"
    await api.send(alice, chat_id, "secret plans")
    r = await api.get(eve, f"/api/v1/chats/{chat_id}")
    assert r.status_code == 404 and error_code(r) == "chat_not_found"
    r = await api.get(eve, f"/api/v1/chats/{chat_id}/messages")
    assert r.status_code == 404
    r = await api.post(eve, f"/api/v1/chats/{chat_id}/messages", {"text": "hi"})
    assert r.status_code == 404
    r = await api.get(eve, f"/api/v1/chats/{chat_id}/members")
    assert r.status_code == 404


async def test_public_group_join_leave_and_username(api: Api) -> None:
    alice, bob = await api.signup("Alice"), await api.signup("Bob")
    chat = await api.create_chat(alice, "group", "Open", username="open_group")
    r = await api.get(bob, "/api/v1/resolve/open_group")
    assert r.status_code == 200 and r.json()["id"] == chat["id"]
    r = await api.get(bob, f"/api/v1/chats/{chat['id']}/messages")
    assert r.status_code == 200  # public chats can be read before joining
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/messages", {"text": "hi"})
    assert r.status_code == 403 and error_code(r) == "not_a_member"
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/join")
    assert r.status_code == 200 and r.json()["member_count"] == 2
    await api.send(bob, chat["id"], "hello all")
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/leave")
    assert r.status_code == 200
    r = await api.get(alice, f"/api/v1/chats/{chat['id']}")
    assert r.json()["member_count"] == 1
    r = await api.post(alice, f"/api/v1/chats/{chat['id']}/leave")
    assert r.status_code == 409 and error_code(r) == "owner_cannot_leave"


async def test_private_group_needs_invite_link(api: Api, clock: FrozenClock) -> None:
    alice, bob, carol = await api.signup("A"), await api.signup("B"), await api.signup("C")
    chat = await api.create_chat(alice, "group", "Family")
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/join")
    assert r.status_code == 404  # a private chat does not reveal itself
    expires = (clock.now() + timedelta(hours=1)).isoformat()
    r = await api.post(
        alice,
        f"/api/v1/chats/{chat['id']}/invite-links",
        {"member_limit": 1, "expires_at": expires},
    )
    assert r.status_code == 201, r.text
    code = r.json()["code"]
    assert r.json()["link"].endswith(f"/join/{code}")
    r = await api.post(bob, f"/api/v1/invites/{code}/join")
    assert r.status_code == 200 and r.json()["membership"]["status"] == "member"
    r = await api.post(carol, f"/api/v1/invites/{code}/join")
    assert r.status_code == 403 and error_code(r) == "invite_used_up"
    r = await api.post(alice, f"/api/v1/chats/{chat['id']}/invite-links", {"expires_at": expires})
    code2 = r.json()["code"]
    clock.advance(hours=2)
    r = await api.post(carol, f"/api/v1/invites/{code2}/join")
    assert r.status_code == 403 and error_code(r) == "invite_expired"
    r = await api.post(carol, "/api/v1/invites/nonexistent/join")
    assert r.status_code == 404
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/invite-links", {})
    assert r.status_code == 403 and error_code(r) == "admin_required"


async def test_channel_only_admins_post(api: Api) -> None:
    owner, reader = await api.signup("Owner"), await api.signup("Reader")
    chat = await api.create_chat(owner, "channel", "News", username="news_channel")
    await api.post(reader, f"/api/v1/chats/{chat['id']}/join")
    r = await api.post(reader, f"/api/v1/chats/{chat['id']}/messages", {"text": "spam"})
    assert r.status_code == 403 and error_code(r) == "channel_admins_only"
    await api.send(owner, chat["id"], "Breaking news")
    r = await api.get(reader, f"/api/v1/chats/{chat['id']}/messages")
    assert [m["text"] for m in r.json() if m["kind"] == "text"] == ["Breaking news"]
    r = await api.get(reader, f"/api/v1/chats/{chat['id']}/members")
    assert r.status_code == 403  # subscribers are listed to admins only
    r = await api.post(
        owner,
        f"/api/v1/chats/{chat['id']}/members/{reader.id}/promote",
        {"rights": {"can_post_messages": True, "can_promote_members": False}},
    )
    assert r.status_code == 200 and r.json()["status"] == "admin"
    await api.send(reader, chat["id"], "Now I can post")


async def test_update_chat_rights_and_validation(api: Api) -> None:
    alice, bob = await api.signup("A"), await api.signup("B")
    chat = await api.create_chat(alice, "group", "Club", member_ids=[bob.id])
    r = await api.patch(bob, f"/api/v1/chats/{chat['id']}", {"title": "Hacked"})
    assert r.status_code == 403
    r = await api.patch(alice, f"/api/v1/chats/{chat['id']}", {"slow_mode_seconds": 7})
    assert r.status_code == 400 and error_code(r) == "invalid_slow_mode"
    r = await api.patch(alice, f"/api/v1/chats/{chat['id']}", {"title": "  "})
    assert r.status_code == 400 and error_code(r) == "invalid_title"
    r = await api.patch(alice, f"/api/v1/chats/{chat['id']}", {"username": "no"})
    assert r.status_code == 400 and error_code(r) == "invalid_username"
    r = await api.patch(
        alice,
        f"/api/v1/chats/{chat['id']}",
        {"title": "Club 2", "username": "club_two", "slow_mode_seconds": 30},
    )
    assert r.status_code == 200
    body = r.json()
    assert (body["title"], body["username"], body["slow_mode_seconds"]) == (
        "Club 2",
        "club_two",
        30,
    )
    other = await api.create_chat(bob, "group", "Other")
    r = await api.patch(bob, f"/api/v1/chats/{other['id']}", {"username": "CLUB_TWO"})
    assert r.status_code == 409 and error_code(r) == "username_taken"
    r = await api.post(alice, "/api/v1/chats", {"kind": "private", "title": "x"})
    assert r.status_code == 422


async def test_dialogs_ordered_by_activity_with_unread(api: Api, clock: FrozenClock) -> None:
    alice, bob = await api.signup("Alice"), await api.signup("Bob")
    first = await api.create_chat(alice, "group", "First", member_ids=[bob.id])
    clock.advance(seconds=1)
    second = await api.create_chat(alice, "group", "Second", member_ids=[bob.id])
    clock.advance(seconds=1)
    for text in ("one", "two", "three"):
        await api.send(alice, first["id"], text)
    r = await api.get(bob, "/api/v1/chats")
    dialogs = r.json()
    assert [d["chat"]["id"] for d in dialogs] == [first["id"], second["id"]]
    assert dialogs[0]["unread_count"] == 3
    assert dialogs[0]["top_message"]["text"] == "three"
    last_id = dialogs[0]["top_message"]["id"]
    r = await api.post(bob, f"/api/v1/chats/{first['id']}/read", {"max_id": last_id})
    assert r.json()["read_inbox_max_id"] == last_id
    r = await api.get(bob, "/api/v1/chats", limit=1)
    assert len(r.json()) == 1 and r.json()[0]["unread_count"] == 0
    r = await api.get(bob, "/api/v1/chats", limit=1, cursor=r.json()[0]["cursor"])
    assert [d["chat"]["id"] for d in r.json()] == [second["id"]]
    r = await api.get(bob, "/api/v1/chats", cursor="garbage")
    assert r.status_code == 400
    r = await api.get(alice, "/api/v1/chats")
    assert r.json()[0]["unread_count"] == 0  # your own messages are never unread
    await api.send(alice, second["id"], "ping")
    await api.send(bob, second["id"], "pong")
    assert (
        next(
            d
            for d in (await api.get(alice, "/api/v1/chats")).json()
            if d["chat"]["id"] == second["id"]
        )["unread_count"]
        == 1
    )
    await api.send(alice, second["id"], "writing reads the chat")
    assert (
        next(
            d
            for d in (await api.get(alice, "/api/v1/chats")).json()
            if d["chat"]["id"] == second["id"]
        )["unread_count"]
        == 0
    )
