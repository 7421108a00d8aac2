"""A user reports a public post; a moderator removes it in the console; it is gone from the
reporter's screen (live, for a subscriber) and from anyone's view of the channel."""

from __future__ import annotations

from playwright.async_api import expect

from parley.container import Container
from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor
from tests.e2e.conftest import OpenPage, wait_live
from tests.helpers import Api

RULE = "illegal.drugs.sale"


async def test_report_remove_and_gone(open_page: OpenPage, api: Api, container: Container) -> None:
    seller, reader = await api.signup("Night Seller"), await api.signup("Careful Reader")
    moderator = await api.signup("Mod Maria")
    await accounts.grant_role(
        container.ctx, moderator.id, role=Role.MODERATOR, actor=Actor.system("test")
    )
    shop = await api.create_chat(seller, "channel", "Night shop", username="night_shop_e2e")
    await api.send(seller, shop["id"], "Weekly cycling meetup on Sunday")
    post = await api.send(seller, shop["id"], "fresh pills, discreet shipping, DM me")

    await api.post(reader, f"/api/v1/chats/{shop['id']}/join")
    page = await open_page(reader)
    await page.goto(f"/chats/{shop['id']}")
    await wait_live(page)
    target = page.locator(f"#m-{post['id']}")
    await target.locator("summary").click()
    await target.get_by_role("link", name="Report").click()
    await page.get_by_role("radio", name="Selling or advertising illegal drugs").check()
    await page.get_by_label("Comment").fill("selling pills to anyone")
    await page.get_by_role("button", name="Send report").click()
    await expect(page.get_by_role("heading", name="your report was sent")).to_be_visible()
    await page.get_by_role("link", name="Back").click()
    await wait_live(page)
    await expect(page.locator(f"#m-{post['id']}")).to_be_visible()

    console = await open_page(moderator)
    await console.goto("/console/moderation")
    await console.get_by_role("link", name="Moderation").wait_for()
    row = console.locator("table.queue tbody tr", has_text="fresh pills")
    await row.get_by_role("link").first.click()
    await expect(console.get_by_text("selling pills to anyone")).to_be_visible()
    await console.get_by_label("Action").select_option("remove")
    await console.get_by_label("Rule").select_option(RULE)
    await console.get_by_label("Reasons").fill("Offering drugs for sale.")
    await console.get_by_role("button", name="Decide").click()
    await expect(console.get_by_role("heading", name="Case")).to_contain_text("resolved")

    # The reporter's open conversation drops the post as the decision lands.
    await expect(page.locator(f"#m-{post['id']}")).to_have_count(0)
    await expect(page.get_by_text("Weekly cycling meetup")).to_be_visible()
    outsider = await open_page(await api.signup("Outsider"))
    await outsider.goto(f"/chats/{shop['id']}")
    await expect(outsider.get_by_text("Weekly cycling meetup")).to_be_visible()
    await expect(outsider.get_by_text("fresh pills")).to_have_count(0)
