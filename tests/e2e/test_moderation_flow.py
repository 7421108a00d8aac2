"""A user finds a public post through search and reports it; a moderator removes it in the
console; it is gone from the reporter's search and, live, from a subscriber's screen."""

from __future__ import annotations

from playwright.async_api import Page, expect

from parley.container import Container
from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor
from tests.e2e.conftest import OpenPage, wait_live
from tests.helpers import Api

RULE = "illegal.drugs.sale"


async def search_for(page: Page, text: str) -> None:
    """Type into the search box; results come as you type."""
    box = page.get_by_role("searchbox", name="Search")
    await box.fill("")
    await box.press_sequentially(text)


async def test_report_from_search_remove_and_gone(
    open_page: OpenPage, api: Api, container: Container
) -> None:
    seller, reader = await api.signup("Night Seller"), await api.signup("Careful Reader")
    subscriber = await api.signup("Subscriber")
    moderator = await api.signup("Mod Maria")
    await accounts.grant_role(
        container.ctx, moderator.id, role=Role.MODERATOR, actor=Actor.system("test")
    )
    shop = await api.create_chat(seller, "channel", "Night shop", username="night_shop_e2e")
    await api.send(seller, shop["id"], "Weekly pills of wisdom: drink water")
    post = await api.send(seller, shop["id"], "fresh pills, discreet shipping, DM me")
    await api.post(subscriber, f"/api/v1/chats/{shop['id']}/join")
    await container.search.require_indexer().catch_up()

    page = await open_page(reader)
    await page.goto("/chats")
    await page.get_by_role("searchbox", name="Search").press("Enter")  # the search page
    await search_for(page, "fresh pil")
    result = page.locator(".result", has_text="discreet shipping")
    await expect(result).to_be_visible()
    await result.get_by_role("link", name="Report").click()
    await page.get_by_role("radio", name="Selling or advertising illegal drugs").check()
    await page.get_by_label("Comment").fill("selling pills to anyone")
    await page.get_by_role("button", name="Send report").click()
    await expect(page.get_by_role("heading", name="your report was sent")).to_be_visible()

    watcher = await open_page(subscriber)
    await watcher.goto(f"/chats/{shop['id']}")
    await wait_live(watcher)
    await expect(watcher.locator(f"#m-{post['id']}")).to_be_visible()

    console = await open_page(moderator)
    await console.goto("/console/moderation")
    row = console.locator("table.queue tbody tr", has_text="fresh pills")
    await row.get_by_role("link").first.click()
    await expect(console.get_by_text("selling pills to anyone")).to_be_visible()
    await console.get_by_label("Action").select_option("remove")
    await console.get_by_label("Rule").select_option(RULE)
    await console.get_by_label("Reasons").fill("Offering drugs for sale.")
    await console.get_by_role("button", name="Decide").click()
    await expect(console.get_by_role("heading", name="Case")).to_contain_text("resolved")

    # Gone from the subscriber's open conversation as the decision lands ...
    await expect(watcher.locator(f"#m-{post['id']}")).to_have_count(0)
    await expect(watcher.get_by_text("Weekly pills of wisdom")).to_be_visible()
    # ... and from the reporter's search (the store decides, whatever the index holds).
    await page.goto("/search")
    await search_for(page, "pills")
    await expect(page.locator(".result", has_text="Weekly pills of wisdom")).to_be_visible()
    await expect(page.locator(".result", has_text="discreet shipping")).to_have_count(0)
