from __future__ import annotations

from datetime import timedelta

from parley.domain.clock import FrozenClock
from tests.helpers import Api, error_code


async def test_ban_keeps_out_until_unbanned(api: Api) -> None:
    owner, troll = await api.signup("Owner"), await api.signup("Troll")
    chat = await api.create_chat(owner, "group", "Forum", username="forum_chat")
    await api.post(troll, f"/api/v1/chats/{chat['id']}/join")
    r = await api.post(owner, f"/api/v1/chats/{chat['id']}/members/{troll.id}/ban", {})
    assert r.status_code == 200
    r = await api.post(troll, f"/api/v1/chats/{chat['id']}/join")
    assert r.status_code == 404
    r = await api.get(troll, f"/api/v1/chats/{chat['id']}/messages")
    assert r.status_code == 404
    r = await api.get(owner, f"/api/v1/chats/{chat['id']}/members", filter="banned")
    assert [m["user"]["id"] for m in r.json()] == [troll.id]
    await api.post(owner, f"/api/v1/chats/{chat['id']}/members/{troll.id}/unban")
    r = await api.post(troll, f"/api/v1/chats/{chat['id']}/join")
    assert r.status_code == 200


async def test_kick_lets_them_rejoin(api: Api) -> None:
    owner, bob = await api.signup("Owner"), await api.signup("Bob")
    chat = await api.create_chat(owner, "group", "Forum", username="forum_two")
    await api.post(bob, f"/api/v1/chats/{chat['id']}/join")
    r = await api.post(owner, f"/api/v1/chats/{chat['id']}/members/{bob.id}/kick")
    assert r.status_code == 200
    r = await api.get(owner, f"/api/v1/chats/{chat['id']}")
    assert r.json()["member_count"] == 1
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/join")
    assert r.status_code == 200


async def test_members_cannot_moderate_and_nobody_touches_owner(api: Api) -> None:
    owner, admin, bob = await api.signup("O"), await api.signup("A"), await api.signup("B")
    chat = await api.create_chat(owner, "group", "G", member_ids=[admin.id, bob.id])
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/members/{admin.id}/ban", {})
    assert r.status_code == 403 and error_code(r) == "admin_required"
    r = await api.post(
        owner,
        f"/api/v1/chats/{chat['id']}/members/{admin.id}/promote",
        {"rights": {"can_restrict_members": True, "can_promote_members": False}},
    )
    assert r.status_code == 200
    r = await api.post(admin, f"/api/v1/chats/{chat['id']}/members/{owner.id}/ban", {})
    assert r.status_code == 403 and error_code(r) == "owner_protected"
    r = await api.post(
        admin,
        f"/api/v1/chats/{chat['id']}/members/{bob.id}/promote",
        {"rights": {"can_restrict_members": True}},
    )
    assert r.status_code == 403  # no can_promote_members
    r = await api.post(admin, f"/api/v1/chats/{chat['id']}/members/{bob.id}/ban", {})
    assert r.status_code == 200


async def test_restrict_mutes_until_time(api: Api, clock: FrozenClock) -> None:
    owner, bob = await api.signup("O"), await api.signup("B")
    chat = await api.create_chat(owner, "group", "G", member_ids=[bob.id])
    until = (clock.now() + timedelta(minutes=10)).isoformat()
    r = await api.post(
        owner,
        f"/api/v1/chats/{chat['id']}/members/{bob.id}/restrict",
        {"can_send": False, "until": until},
    )
    assert r.status_code == 200 and r.json()["status"] == "restricted"
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/messages", {"text": "hello?"})
    assert r.status_code == 403 and error_code(r) == "restricted"
    clock.advance(minutes=11)
    await api.send(bob, chat["id"], "I'm back")


async def test_slow_mode(api: Api, clock: FrozenClock) -> None:
    owner, bob = await api.signup("O"), await api.signup("B")
    chat = await api.create_chat(owner, "group", "G", member_ids=[bob.id])
    await api.patch(owner, f"/api/v1/chats/{chat['id']}", {"slow_mode_seconds": 60})
    await api.send(bob, chat["id"], "first")
    r = await api.post(bob, f"/api/v1/chats/{chat['id']}/messages", {"text": "second"})
    assert r.status_code == 429 and error_code(r) == "slow_mode"
    assert 1 <= r.json()["error"]["retry_after"] <= 60
    await api.send(owner, chat["id"], "admins are exempt")
    await api.send(owner, chat["id"], "still exempt")
    clock.advance(seconds=61)
    await api.send(bob, chat["id"], "second, later")


async def test_member_list_pagination(api: Api) -> None:
    owner = await api.signup("Owner")
    people = [await api.signup(f"P{i}") for i in range(5)]
    chat = await api.create_chat(owner, "group", "Big", member_ids=[p.id for p in people])
    r = await api.get(owner, f"/api/v1/chats/{chat['id']}/members", limit=2)
    page1 = [m["user"]["id"] for m in r.json()]
    r = await api.get(owner, f"/api/v1/chats/{chat['id']}/members", limit=2, after=page1[-1])
    page2 = [m["user"]["id"] for m in r.json()]
    assert len(page1) == 2 and len(page2) == 2 and page1[-1] < page2[0]
    r = await api.get(owner, f"/api/v1/chats/{chat['id']}/members", filter="admins")
    assert [m["user"]["id"] for m in r.json()] == [owner.id]
    r = await api.get(owner, f"/api/v1/chats/{chat['id']}/members", limit=1000)
    assert r.status_code == 422
