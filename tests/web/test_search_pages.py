"""Search from the client: the box with tabs, results as you type (an htmx fragment), Report
on every result; and the moderators' top search queries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from parley.container import Container
from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor
from tests.helpers import Api
from tests.web.helpers import WebUser

Web = Callable[..., Awaitable[WebUser]]


async def indexed(container: Container) -> None:
    await container.search.require_indexer().catch_up()


async def test_search_tabs_results_and_report_links(
    web: Web, api: Api, container: Container
) -> None:
    owner = await api.signup("Gardener", username="green_thumb")
    channel = await api.create_chat(owner, "channel", "Tomato growers", username="tomatoes")
    post = await api.send(owner, channel["id"], "Heirloom tomato seeds for the spring swap")
    ann = await web("Ann")
    await indexed(container)

    page = (await ann.get("/search?q=tomato")).text
    assert 'id="search-input"' in page and "aria-current" not in page.split("search-results")[1][:0]
    assert f'href="/chats/{channel["id"]}"' in page  # the chat leads the first page
    assert f"?around={post['id']}#m-{post['id']}" in page  # then the post
    assert f"/report?kind=message&amp;chat={channel['id']}&amp;message={post['id']}" in page

    fragment = await ann.htmx("GET", "/search?q=heirl&tab=messages")
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert "Heirloom tomato seeds" in fragment.text and "Tomato growers" in fragment.text
    people = (await ann.htmx("GET", "/search?q=green_thumb&tab=people")).text
    assert "Gardener" in people and "/report?kind=user" in people
    chats = (await ann.htmx("GET", "/search?q=tomato&tab=chats")).text
    assert "Tomato growers" in chats and "Heirloom" not in chats
    nothing = (await ann.htmx("GET", "/search?q=zzzqqq")).text
    assert "Nothing found" in nothing
    empty = (await ann.get("/search")).text
    assert "Type to search" in empty


async def test_moderators_see_top_search_queries(web: Web, api: Api, container: Container) -> None:
    owner = await api.signup("Owner")
    channel = await api.create_chat(owner, "channel", "Night shop", username="night_shop_q")
    await api.send(owner, channel["id"], "cheap pills delivered tonight")
    ann, mod = await web("Ann"), await web("Mod")
    await indexed(container)
    for _ in range(3):
        await ann.get("/search?q=pills")
    await ann.get("/search?q=night")
    r = await ann.get("/console/moderation/searches")
    assert r.status_code == 403
    mod_id = int((await mod.http.get("/api/v1/me")).json()["id"])
    await accounts.grant_role(
        container.ctx, mod_id, role=Role.MODERATOR, actor=Actor.system("test")
    )
    page = (await mod.get("/console/moderation/searches")).text
    assert "Top search queries" in page
    assert page.index(">pills<") < page.index(">night<")
    assert "<td>3</td>" in page
