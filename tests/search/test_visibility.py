"""Search stays clean: only visible content in listed public chats from authors who are not
banned reaches global search, and a moderation action counts the moment it is written.

Moderation itself is built elsewhere; it changes `messages.visibility`, `chats.status` and
`users.status` in the store, so these tests change exactly those columns through the store's
repositories, and search straight after, without waiting for the index."""

from __future__ import annotations

from parley.container import Container
from parley.store.tx import Tx
from tests.helpers import Api
from tests.search.conftest import Search


async def test_quarantined_message_leaves_global_search_at_once(
    api: Api, container: Container, search: Search
) -> None:
    alice, reader = await api.signup("Alice"), await api.signup("Reader")
    channel = await api.create_chat(alice, "channel", "Market", username="market_news")
    bad = await api.send(alice, channel["id"], "selling contraband cheap")
    await api.send(alice, channel["id"], "contraband laws explained")
    await search.caught_up()
    assert len(await search.texts(reader, "contraband")) == 2

    def quarantine(tx: Tx) -> None:
        tx.messages.update(channel["id"], bad["id"], visibility="quarantined")

    await container.db.write(quarantine)
    # No waiting for the indexer: the store is checked for every hit.
    assert await search.texts(reader, "contraband") == ["contraband laws explained"]
    assert await search.texts(alice, "contraband", scope="mine") == ["contraband laws explained"]

    def remove(tx: Tx) -> None:
        tx.messages.update(channel["id"], bad["id"], visibility="removed")

    await container.db.write(remove)
    assert "selling contraband cheap" not in await search.texts(reader, "contraband")
    await search.caught_up()
    assert await search.texts(reader, "contraband") == ["contraband laws explained"]


async def test_delisted_chat_leaves_global_search_but_not_its_members(
    api: Api, container: Container, search: Search
) -> None:
    owner, stranger = await api.signup("Owner"), await api.signup("Stranger")
    group = await api.create_chat(owner, "group", "Pill Shop", username="pill_shop",
                                  description="pills without prescription")  # fmt: skip
    await api.send(owner, group["id"], "fresh pills delivered")
    await search.caught_up()
    assert await search.texts(stranger, "pills") == ["fresh pills delivered"]
    assert await search.titles(stranger, "pill") == ["Pill Shop"]

    await container.db.write(lambda tx: tx.chats.update(group["id"], status="delisted"))
    assert await search.texts(stranger, "pills") == []
    assert await search.titles(stranger, "pill") == []
    # its members still find their own chat's messages
    assert await search.texts(owner, "pills", scope="mine") == ["fresh pills delivered"]
    await search.caught_up()  # the index files the chat's messages as private now
    assert await search.texts(stranger, "pills") == []
    assert await search.texts(owner, "pills", scope="messages") == ["fresh pills delivered"]

    await container.db.write(lambda tx: tx.chats.update(group["id"], status="banned"))
    assert await search.texts(owner, "pills", scope="mine") == []

    # Hiding is immediate; listing again waits for the index to file the chat as public,
    # which the indexer does within a second, unprompted.
    await container.db.write(lambda tx: tx.chats.update(group["id"], status="listed"))
    await search.within(1.0, stranger, "pills", want=True)
    assert await search.texts(stranger, "pills") == ["fresh pills delivered"]


async def test_banned_author_posts_are_absent(
    api: Api, container: Container, search: Search
) -> None:
    owner, spammer, reader = (await api.signup("Owner"), await api.signup("Spam Bot"),
                              await api.signup("Reader"))  # fmt: skip
    group = await api.create_chat(owner, "group", "Open talk", username="open_talk",
                                  member_ids=[spammer.id])  # fmt: skip
    await api.send(spammer, group["id"], "cheap watches here")
    await api.send(owner, group["id"], "beware of cheap watches")
    await search.caught_up()
    assert len(await search.texts(reader, "watches")) == 2
    assert spammer.id in await search.users(reader, "spam")

    await container.db.write(lambda tx: tx.users.update(spammer.id, status="banned"))
    assert await search.texts(reader, "watches") == ["beware of cheap watches"]
    assert await search.users(reader, "spam") == []


async def test_private_content_never_reaches_other_people(api: Api, search: Search) -> None:
    alice, bob, carol = await api.signup("Alice"), await api.signup("Bob"), await api.signup("C")
    r = await api.post(alice, "/api/v1/chats/private", {"user_id": bob.id})
    assert r.status_code in (200, 201), r.text
    private = r.json()
    await api.send(alice, private["id"], "the vault code is bluebird")
    group = await api.create_chat(alice, "group", "Bluebird planning", member_ids=[bob.id])
    await api.send(bob, group["id"], "bluebird meeting at noon")
    channel = await api.create_chat(alice, "channel", "Bluebird Secret Channel")  # no username
    await api.send(alice, channel["id"], "bluebird channel post")
    await search.caught_up()

    for scope in ("global", "mine", "messages"):
        assert await search.texts(carol, "bluebird", scope=scope) == []
    assert await search.titles(carol, "bluebird") == []
    assert await search.texts(carol, "bluebird", chat=str(private["id"])) == []
    assert await search.texts(carol, "bluebird", scope="mine", chat=str(group["id"])) == []
    assert await search.texts(alice, "bluebird") == []  # not public, so not global either

    mine = await search.results(bob, "bluebird", scope="mine")
    assert {r["message"]["text"] for r in mine} == {"the vault code is bluebird",
                                                    "bluebird meeting at noon"}  # fmt: skip
    titled = {r["chat"]["id"]: r["chat"]["title"] for r in mine}
    assert titled[private["id"]] == "Alice"  # a private chat is titled by the other side
    assert await search.titles(bob, "bluebird") == ["Bluebird planning"]

    # leaving a group takes its content out of the person's search
    r = await api.post(bob, f"/api/v1/chats/{group['id']}/leave")
    assert r.status_code in (200, 204), r.text
    assert await search.texts(bob, "meeting", scope="mine") == []


async def test_phone_numbers_find_only_those_who_allowed_it(api: Api, search: Search) -> None:
    hidden, shown, asker = (await api.signup("Hidden Person"), await api.signup("Shown Person"),
                            await api.signup("Asker"))  # fmt: skip
    r = await api.patch(shown, "/api/v1/me", {"phone_searchable": True})
    assert r.status_code == 200, r.text
    await search.caught_up()
    assert await search.users(asker, hidden.phone) == []
    assert await search.users(asker, hidden.phone[1:]) == []  # digits are not in the index
    assert await search.users(asker, shown.phone) == [shown.id]
    assert await search.users(hidden, hidden.phone) == [hidden.id]  # yourself, always
    spaced = f"{shown.phone[:3]} {shown.phone[3:6]} {shown.phone[6:]}"
    assert await search.users(asker, spaced) == [shown.id]
    # and a phone search is never written to the query log
    queries = await search.container.db.read(
        lambda tx: tx.search_stats.top(since_day=0, until_day=10**6, limit=50)
    )
    assert not [q for q in queries if any(c.isdigit() for c in q.query)]
