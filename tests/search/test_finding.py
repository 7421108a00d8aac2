"""What a search user expects to find: public chats and people, messages everywhere they may
read them, as they type, in several scripts, best first, a page at a time."""

from __future__ import annotations

from datetime import timedelta

from parley.domain.clock import FrozenClock
from tests.helpers import Api
from tests.search.conftest import Search


async def test_public_chats_by_username_title_and_description(api: Api, search: Search) -> None:
    owner, reader = await api.signup("Owner"), await api.signup("Reader")
    news = await api.create_chat(owner, "channel", "Parley News", username="parley_news",
                                 description="Release notes and announcements")  # fmt: skip
    await api.create_chat(owner, "group", "Parliament watchers", username="parl_watch")
    await api.create_chat(owner, "group", "Parley insiders")  # private: no username
    await search.caught_up()

    assert set(await search.titles(reader, "parl")) == {"Parley News", "Parliament watchers"}
    assert await search.titles(reader, "announcements") == ["Parley News"]
    assert (await search.titles(reader, "@parl_watch"))[0] == "Parliament watchers"
    result = (await search.results(reader, "parley news", scope="chats"))[0]
    assert result["chat"] == {
        "id": news["id"], "kind": "channel", "title": "Parley News", "username": "parley_news",
        "description": "Release notes and announcements", "is_public": True,
        "member_count": 1, "is_member": False,
    }  # fmt: skip
    # the owner also finds their private group by title
    assert "Parley insiders" in await search.titles(owner, "insiders")
    assert await search.titles(reader, "insiders") == []


async def test_exact_username_and_bigger_chats_rank_first(api: Api, search: Search) -> None:
    owner = await api.signup("Owner")
    small = await api.create_chat(owner, "group", "Chess club", username="chess_club")
    big = await api.create_chat(owner, "channel", "Chess news", username="chess_news")
    exact = await api.create_chat(owner, "group", "Tournaments", username="chess")
    fans = [await api.signup(f"Fan {i}") for i in range(6)]
    for fan in fans:
        r = await api.post(fan, f"/api/v1/chats/{big['id']}/join")
        assert r.status_code == 200, r.text
    await search.caught_up()
    ranked = [r["chat"]["id"] for r in await search.results(fans[0], "chess", scope="chats")]
    assert ranked[0] == exact["id"]  # the chat whose @username is exactly the query
    assert ranked.index(big["id"]) < ranked.index(small["id"])  # 7 members beat 1
    by_name = [r["chat"]["id"] for r in await search.results(fans[0], "chess ", scope="chats")]
    assert by_name[0] == exact["id"]


async def test_users_by_username_and_display_name(api: Api, search: Search) -> None:
    reader = await api.signup("Reader")
    zoe = await api.signup("Zoë Ångström", username="zoe_writes")
    olga = await api.signup("Ольга Ёжикова")
    await search.caught_up()
    assert await search.users(reader, "zoe") == [zoe.id]
    assert await search.users(reader, "ANGSTR") == [zoe.id]
    assert await search.users(reader, "@zoe_writes") == [zoe.id]
    assert await search.users(reader, "ежик") == [olga.id]
    found = (await search.results(reader, "zoe", scope="users"))[0]["user"]
    assert found["username"] == "zoe_writes" and found["phone"] is None


async def test_messages_as_typed_in_several_scripts(api: Api, search: Search) -> None:
    owner, reader = await api.signup("Owner"), await api.signup("Reader")
    chat = await api.create_chat(owner, "channel", "World", username="world_feed")
    for text in ("Parley launches today", "Le café est ouvert à Montréal",
                 "Новости: Ёлка в Москве", "مرحبا بالعالم في المَدْرَسَة"):  # fmt: skip
        await api.send(owner, chat["id"], text)
    await search.caught_up()
    assert await search.texts(reader, "parl") == ["Parley launches today"]
    assert await search.texts(reader, "PARLEY LAUNCH") == ["Parley launches today"]
    assert await search.texts(reader, "cafe montreal") == ["Le café est ouvert à Montréal"]
    assert await search.texts(reader, "елка") == ["Новости: Ёлка в Москве"]
    assert await search.texts(reader, "новост") == ["Новости: Ёлка в Москве"]
    assert await search.texts(reader, "المدرسه") == ["مرحبا بالعالم في المَدْرَسَة"]
    hit = (await search.results(reader, "montreal"))[0]
    assert hit["message"]["chat_id"] == chat["id"] and hit["chat"]["username"] == "world_feed"
    assert hit["sender"]["id"] == owner.id  # enough to open the chat at the message


async def test_filters_by_chat_sender_date_and_hashtag(
    api: Api, search: Search, clock: FrozenClock
) -> None:
    alice, bob, reader = (await api.signup("Alice"), await api.signup("Bob", username="bob_b"),
                          await api.signup("Reader"))  # fmt: skip
    one = await api.create_chat(alice, "group", "One", username="group_one", member_ids=[bob.id])
    two = await api.create_chat(alice, "group", "Two", username="group_two", member_ids=[bob.id])
    start = clock.now()
    await api.send(alice, one["id"], "harvest report #farming")
    clock.advance(days=3)
    await api.send(bob, one["id"], "harvest festival #Farming #fun")
    clock.advance(days=3)
    await api.send(bob, two["id"], "harvest moon tonight")
    await search.caught_up()

    assert len(await search.texts(reader, "harvest")) == 3
    assert set(await search.texts(reader, "harvest", chat=str(one["id"]))) == {
        "harvest report #farming", "harvest festival #Farming #fun"}  # fmt: skip
    assert set(await search.texts(reader, "harvest", chat="@group_two")) == {
        "harvest moon tonight"}  # fmt: skip
    assert set(await search.texts(reader, "harvest", **{"from": "@bob_b"})) == {
        "harvest festival #Farming #fun", "harvest moon tonight"}  # fmt: skip
    assert set(await search.texts(reader, "harvest", **{"from": str(alice.id)})) == {
        "harvest report #farming"}  # fmt: skip

    def iso(days: float) -> str:
        return (start + timedelta(days=days)).isoformat()

    assert len(await search.texts(reader, "harvest", after=iso(0))) == 3
    assert await search.texts(reader, "harvest", after=iso(2), before=iso(4)) == [
        "harvest festival #Farming #fun"]  # fmt: skip
    assert await search.texts(reader, "harvest", after=iso(5)) == ["harvest moon tonight"]
    assert await search.texts(reader, "harvest", before=iso(5), chat=str(two["id"])) == []
    assert set(await search.texts(reader, "#farming")) == {
        "harvest report #farming", "harvest festival #Farming #fun"}  # fmt: skip
    assert await search.texts(reader, "#farming fun") == ["harvest festival #Farming #fun"]
    assert await search.texts(reader, "#farm") == []  # a hashtag matches exactly


async def test_recent_posts_rank_above_old_ones(
    api: Api, search: Search, clock: FrozenClock
) -> None:
    owner, reader = await api.signup("Owner"), await api.signup("Reader")
    chat = await api.create_chat(owner, "channel", "Weather", username="weather_now")
    await api.send(owner, chat["id"], "storm warning for the coast")
    clock.advance(days=120)
    await api.send(owner, chat["id"], "storm warning for the coast again")
    await search.caught_up()
    assert await search.texts(reader, "storm warning") == [
        "storm warning for the coast again", "storm warning for the coast"]  # fmt: skip


async def test_cursor_pagination_is_complete_and_tamper_proof(api: Api, search: Search) -> None:
    owner, reader = await api.signup("Owner"), await api.signup("Reader")
    chat = await api.create_chat(owner, "channel", "Feed", username="busy_feed")
    for i in range(27):
        await api.send(owner, chat["id"], f"kiwi fact number {i}")
    await search.caught_up()
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        body = await search.get(reader, "kiwi", **params)
        seen += [r["message"]["text"] for r in body["results"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and len(seen) == 27 and len(set(seen)) == 27

    first = await search.get(reader, "kiwi", limit=10)
    token = first["next_cursor"]
    for bad in (token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1], "garbage!",
                "x" * 500):  # fmt: skip
        r = await api.get(reader, "/api/v1/search", q="kiwi", cursor=bad)
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_cursor"
    r = await api.get(reader, "/api/v1/search", q="fact", cursor=token)  # another query
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_cursor"
    r = await api.get(reader, "/api/v1/search", q="kiwi", cursor=token, scope="mine")
    assert r.status_code == 400


async def test_global_first_page_leads_with_chats_and_people(api: Api, search: Search) -> None:
    owner = await api.signup("Kiwi Grower", username="kiwi_grower")
    chat = await api.create_chat(owner, "channel", "Kiwi Club", username="kiwi_club")
    for i in range(14):
        await api.send(owner, chat["id"], f"kiwi harvest {i}")
    reader = await api.signup("Reader")
    await search.caught_up()
    first = await search.get(reader, "kiwi", limit=10)
    kinds = [r["kind"] for r in first["results"]]
    assert len(kinds) == 10 and set(kinds[:2]) == {"chat", "user"}
    assert kinds[2:] == ["message"] * 8
    rest = await search.get(reader, "kiwi", limit=10, cursor=first["next_cursor"])
    assert [r["kind"] for r in rest["results"]] == ["message"] * 6
    assert rest["next_cursor"] is None
    texts = [r["message"]["text"] for r in first["results"] + rest["results"]
             if r["kind"] == "message"]  # fmt: skip
    assert len(set(texts)) == 14  # every message once, none lost to the leading peers
    only_messages = await search.get(reader, "kiwi", scope="messages", limit=10)
    assert {r["kind"] for r in only_messages["results"]} == {"message"}
