"""Search stays fresh: posts, edits, deletions, renames and new people show within a second,
with nobody nudging the indexer; and the index is a copy that restarts and rebuilds cleanly."""

from __future__ import annotations

from parley.config import Settings
from parley.container import Container
from parley.domain.clock import FrozenClock
from tests.helpers import Api
from tests.search.conftest import Search


async def test_new_post_edit_and_delete_show_within_a_second(api: Api, search: Search) -> None:
    alice, reader = await api.signup("Alice"), await api.signup("Reader")
    channel = await api.create_chat(alice, "channel", "Daily", username="daily_news")
    await search.caught_up()

    post = await api.send(alice, channel["id"], "zeppelin spotted over the harbour")
    took = await search.within(1.0, reader, "zeppelin", want=True)
    assert took < 1.0

    url = f"/api/v1/chats/{channel['id']}/messages/{post['id']}"
    r = await api.patch(alice, url, {"text": "airship spotted over the harbour"})
    assert r.status_code == 200, r.text
    await search.within(1.0, reader, "airship", want=True)
    await search.within(1.0, reader, "zeppelin", want=False)

    r = await api.post(alice, f"/api/v1/chats/{channel['id']}/messages/delete",
                       {"message_ids": [post["id"]]})  # fmt: skip
    assert r.status_code == 200, r.text
    # a deleted message is gone at once (the store says so), and soon from the index too
    assert await search.texts(reader, "airship") == []
    position = await search.caught_up()
    assert position.events.id > 0
    assert search.container.search.index.stats().messages_public == 0


async def test_people_and_chats_are_found_under_new_names_within_a_second(
    api: Api, search: Search
) -> None:
    alice, reader = await api.signup("Alice Original"), await api.signup("Reader")
    group = await api.create_chat(alice, "group", "Knitting circle", username="knitters")
    newcomer = await api.signup("Quentin Newcomer")
    await search.within(1.0, reader, "quentin", want=True, scope="users")

    r = await api.patch(alice, "/api/v1/me", {"display_name": "Zelda Renamed",
                                              "username": "zelda_r"})  # fmt: skip
    assert r.status_code == 200, r.text
    await search.within(1.0, reader, "zelda", want=True, scope="users")
    await search.within(1.0, reader, "original", want=False, scope="users")
    assert await search.users(reader, "@zelda_r") == [alice.id]

    r = await api.patch(alice, f"/api/v1/chats/{group['id']}",
                        {"title": "Crochet club", "description": "yarn and tea"})  # fmt: skip
    assert r.status_code == 200, r.text
    await search.within(1.0, reader, "crochet", want=True, scope="chats")
    await search.within(1.0, reader, "knitting", want=False, scope="chats")
    assert await search.titles(reader, "yarn") == ["Crochet club"]
    assert newcomer.id in await search.users(reader, "newcomer")


async def test_a_chat_that_goes_public_or_private_is_refiled(api: Api, search: Search) -> None:
    alice, reader = await api.signup("Alice"), await api.signup("Reader")
    group = await api.create_chat(alice, "group", "Garden notes")
    await api.send(alice, group["id"], "tomatoes ripen in august")
    await search.caught_up()
    assert await search.texts(reader, "tomatoes") == []

    r = await api.patch(alice, f"/api/v1/chats/{group['id']}", {"username": "garden_notes"})
    assert r.status_code == 200, r.text
    await search.within(1.0, reader, "tomatoes", want=True)

    r = await api.patch(alice, f"/api/v1/chats/{group['id']}", {"username": ""})
    assert r.status_code == 200, r.text
    assert await search.texts(reader, "tomatoes") == []  # private again: hidden at once
    await search.caught_up()
    index = search.container.search.index
    assert index.filed_public(group["id"]) is False
    assert await search.texts(alice, "tomatoes", scope="mine") == ["tomatoes ripen in august"]


async def test_restart_resumes_and_rebuild_matches(
    api: Api, container: Container, settings: Settings, clock: FrozenClock, search: Search
) -> None:
    alice = await api.signup("Alice")
    channel = await api.create_chat(alice, "channel", "Log", username="the_log")
    for i in range(5):
        await api.send(alice, channel["id"], f"entry {i} lighthouse")
    before = await search.caught_up()
    found = await search.texts(alice, "lighthouse")
    assert len(found) == 5
    await container.close()

    again = Container(settings, clock=clock)
    try:
        assert again.search.index.position() == before  # resumes, no rebuild needed
        assert again.search.indexer is not None
        await again.start()
        await again.search.indexer.rebuild()
        assert again.search.index.stats().messages_public == 5
        assert again.search.index.stats().peers == 2  # Alice and the channel
    finally:
        await again.close()
