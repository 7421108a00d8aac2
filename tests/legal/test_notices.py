"""The affected user is told: at release, or once the nondisclosure period has passed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from parley.services import legal
from tests.legal.conftest import World, rfc3339


async def release(world: World, **changes: Any) -> int:
    auth = world.authority
    r = await auth.submit(auth.signed([{"username": "dealer_one"}], **changes))
    assert r.status_code == 202, r.text
    pk = int(r.json()["id"])
    a, b = world.officer_a, world.officer_b
    r = await world.console(a, "POST", f"/requests/{pk}/approve", {"release": [0]})
    assert r.status_code == 200, r.text
    r = await world.console(b, "POST", f"/requests/{pk}/confirm")
    assert r.json()["status"] == "released", r.text
    return pk


async def notices_seen(world: World) -> list[dict[str, Any]]:
    """The notices the violator's client sees: user events of kind `notice`."""
    r = await world.api.get(world.violator, "/api/v1/updates", seq=0)
    assert r.status_code == 200
    return [e["data"] for e in r.json()["user_events"] if e["kind"] == "notice"]


async def test_user_is_told_at_release_when_no_nondisclosure(world: World) -> None:
    pk = await release(world)
    (notice,) = await notices_seen(world)
    assert notice["kind"] == "legal_disclosure" and notice["request"] == pk
    assert notice["authority"] == {"name": "Authority de-bka", "country": "DE", "kind": "police"}
    assert notice["legal_basis"]["reference"] == "AZ 4 Gs 123/26"
    assert notice["released"] == ["phone_number", "ip_addresses"] and notice["ip_records"] == 2
    # The same notice is a message from the "Parley" system account in a private chat.
    dialogs = (await world.api.get(world.violator, "/api/v1/chats")).json()
    chat = next(d for d in dialogs if d["chat"]["id"] == notice["chat_id"])
    assert chat["chat"]["title"] == "Parley"
    text = chat["top_message"]["text"]
    assert "Authority de-bka (police, DE)" in text
    assert "court order AZ 4 Gs 123/26" in text
    assert "your phone number and 2 IP address records" in text
    assert "Amtsgericht Berlin-Tiergarten" in text
    sent = await world.container.db.read(
        lambda tx: tx.legal.due_notices(world.clock.now(), limit=10)
    )
    assert sent == []  # nothing left owed
    assert await legal.send_due_notices(world.ctx) == 0


async def test_notice_waits_for_nondisclosure_to_end(world: World) -> None:
    until = world.clock.now() + timedelta(days=90)
    pk = await release(world, nondisclosure_until=rfc3339(until))
    assert await notices_seen(world) == []
    world.clock.advance(days=89)
    assert await legal.send_due_notices(world.ctx) == 0
    assert await notices_seen(world) == []
    world.clock.advance(days=2)
    assert await legal.send_due_notices(world.ctx) == 1
    assert await legal.send_due_notices(world.ctx) == 0  # sent once
    (notice,) = await notices_seen(world)
    assert notice["request"] == pk
    trail = await world.container.db.read(lambda tx: tx.audit.for_subject("legal_request", str(pk)))
    actions = [e.action for e in trail]
    assert actions.index("legal.notice.deferred") < actions.index("legal.notice.sent")


async def test_second_notice_goes_to_the_same_notices_chat(world: World) -> None:
    await release(world)
    await release(world)
    first, second = await notices_seen(world)
    assert first["chat_id"] == second["chat_id"]
    assert second["message_id"] > first["message_id"]


async def test_nondisclosure_longer_than_allowed_is_refused(world: World) -> None:
    auth = world.authority
    too_long = rfc3339(world.clock.now() + timedelta(days=400))
    r = await auth.submit(auth.signed([{"username": "dealer_one"}], nondisclosure_until=too_long))
    assert r.status_code == 400
    failed = [c for c in r.json()["error"]["details"]["checks"] if not c["passed"]]
    assert failed[0]["reason"] == "nondisclosure_too_long"


async def test_the_system_account_and_bots_are_never_targets(world: World) -> None:
    await release(world)
    system_id = await world.container.db.read(lambda tx: tx.users.system_account())
    assert system_id is not None
    auth = world.authority
    r = await auth.submit(auth.signed([{"user_id": system_id}]))
    assert r.status_code == 400
    assert r.json()["error"]["details"]["targets"][0]["reason"] == "target_not_a_person"
