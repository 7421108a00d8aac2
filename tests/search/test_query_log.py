"""What people look for, counted in aggregate for moderators: query counts, never who asked."""

from __future__ import annotations

import sqlalchemy as sa

from parley.container import Container
from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor
from parley.store.search_stats import search_query_counts
from tests.helpers import Api, error_code
from tests.search.conftest import Search


async def test_global_searches_with_results_are_counted_without_identity(
    api: Api, container: Container, search: Search
) -> None:
    seller, buyer = await api.signup("Seller"), await api.signup("Buyer")
    other, mod = await api.signup("Other"), await api.signup("Moderator")
    shop = await api.create_chat(seller, "channel", "Crypto Shop", username="crypto_shop")
    for i in range(25):
        await api.send(seller, shop["id"], f"crypto shop item {i}")
    await search.caught_up()

    first = await search.get(buyer, "Crypto  SHOP ")
    await search.get(other, "crypto shop ")
    await search.get(buyer, "crypto shop ", cursor=first["next_cursor"])  # a next page
    await search.get(other, "crypto", scope="chats")
    await search.get(buyer, "nothing matches this ")  # no results: not counted
    await search.get(seller, "crypto shop ", scope="mine")  # private scope: not counted
    await search.get(buyer, "seller", scope="users")  # people search: not counted

    r = await api.get(buyer, "/api/v1/moderation/search-queries")
    assert r.status_code == 403 and error_code(r) == "role_required"
    await accounts.grant_role(container.ctx, mod.id, role=Role.MODERATOR, actor=Actor("cli", "t"))
    r = await api.get(mod, "/api/v1/moderation/search-queries", days=7, limit=10)
    assert r.status_code == 200, r.text
    counts = {q["query"]: q["count"] for q in r.json()["queries"]}
    assert counts == {"crypto shop": 2, "crypto": 1}
    assert r.json()["queries"][0] == {"query": "crypto shop", "count": 2}

    # the table itself has nowhere to keep who asked
    assert {c.name for c in search_query_counts.columns} == {"day", "query", "count"}
    rows = await container.db.read(lambda tx: tx.conn.execute(sa.select(search_query_counts)).all())
    assert sorted((r.query, r.count) for r in rows) == [("crypto", 1), ("crypto shop", 2)]

    r = await api.get(mod, "/api/v1/moderation/search-queries", days=0)
    assert r.status_code == 422


async def test_counts_are_written_when_the_process_stops(
    api: Api, container: Container, search: Search
) -> None:
    owner = await api.signup("Owner")
    chat = await api.create_chat(owner, "channel", "Tulips", username="tulip_news")
    await api.send(owner, chat["id"], "tulip season")
    await search.caught_up()
    await search.get(owner, "tulip")
    await container.search.close()  # flushes pending counts
    rows = await container.db.read(lambda tx: tx.search_stats.top(since_day=0, until_day=10**6,
                                                                   limit=5))  # fmt: skip
    assert [(q.query, q.count) for q in rows] == [("tulip", 1)]
