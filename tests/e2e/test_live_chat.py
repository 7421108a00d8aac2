"""Two people chat live in two browser contexts: send, reply, edit, delete, pin, unread
counts, and catching up over a pts gap."""

from __future__ import annotations

import io

from PIL import Image
from playwright.async_api import Locator, Page, expect

from tests.e2e.conftest import OpenPage, wait_live
from tests.helpers import Api


def bubble(page: Page, text: str) -> Locator:
    """The message whose own text (not a quote of it) holds `text`."""
    return page.locator("#messages .msg").filter(has=page.locator("p.text", has_text=text))


async def send(page: Page, text: str) -> None:
    box = page.get_by_label("Message", exact=True)
    await box.fill(text)
    await box.press("Enter")
    await expect(page.locator("#messages .msg.mine .text", has_text=text)).to_be_visible()
    await expect(box).to_have_value("")


async def test_sign_in_through_the_form(open_page: OpenPage, api: Api) -> None:
    person = await api.signup("Formal Person")
    page = await open_page(None)
    await page.goto("/chats")
    await expect(page).to_have_url("/signin?next=/chats")
    await page.get_by_label("Phone number").fill(person.phone)
    await page.get_by_role("button", name="Next").click()
    await page.get_by_label("Code").fill(person.phone[6] * 5)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page).to_have_url("/chats")
    await expect(page.get_by_text("No chats yet")).to_be_visible()


async def test_two_people_chat_live(open_page: OpenPage, api: Api) -> None:
    alice, bob = await api.signup("Alice Live"), await api.signup("Bob Live")
    chat = (await api.post(alice, "/api/v1/chats/private", {"user_id": bob.id})).json()
    a, b = await open_page(alice), await open_page(bob)
    await a.goto(f"/chats/{chat['id']}")
    await b.goto("/chats")
    await wait_live(a)
    await wait_live(b)

    await send(a, "Hi Bob, coffee at ten?")
    # Bob is on his chat list: the chat appears there with one unread message.
    row = b.locator(f'#chat-list a[data-chat-id="{chat["id"]}"]')
    await expect(row.locator(".badge")).to_have_text("1 unread")
    await expect(row).to_contain_text("Hi Bob, coffee at ten?")
    await row.click()
    await wait_live(b)
    first = bubble(b, "Hi Bob, coffee at ten?")
    await expect(first).to_be_visible()

    # Bob replies to it; Alice sees the answer with its quote, without reloading.
    await first.locator("summary").click()
    await first.get_by_role("link", name="Reply").click()
    await expect(b.locator(".replying")).to_contain_text("Hi Bob, coffee at ten?")
    await send(b, "Yes! See you there")
    answer = bubble(a, "Yes! See you there")
    await expect(answer.locator(".reply-quote")).to_contain_text("Hi Bob, coffee at ten?")

    # Alice edits her message (ArrowUp in the empty composer); Bob sees the new text.
    await a.get_by_label("Message", exact=True).press("ArrowUp")
    edit_box = a.get_by_label("Edit message")
    await edit_box.fill("Hi Bob, coffee at eleven?")
    await a.get_by_role("button", name="Save").click()
    await expect(bubble(b, "coffee at eleven")).to_contain_text("edited")
    await expect(b.locator("#messages", has_text="coffee at ten")).to_have_count(0)  # quotes too

    # Bob pins Alice's message; both see the pinned bar.
    mine = bubble(b, "coffee at eleven")
    await mine.locator("summary").click()
    await mine.get_by_role("button", name="Pin").click()
    await expect(a.locator("#pinned")).to_contain_text("coffee at eleven")
    await expect(b.locator("#pinned")).to_contain_text("coffee at eleven")

    # Bob deletes his answer; it disappears on Alice's screen.
    await answer.wait_for()
    theirs = bubble(b, "Yes! See you there")
    await theirs.locator("summary").click()
    await theirs.get_by_role("button", name="Delete").click()
    await expect(bubble(a, "Yes! See you there")).to_have_count(0)
    await expect(bubble(b, "Yes! See you there")).to_have_count(0)

    # Alice sends a photo with the paperclip; it appears on both screens.
    png = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 160, 90)).save(png, format="PNG")
    await a.locator("#attach-file").set_input_files(
        files=[{"name": "park.png", "mimeType": "image/png", "buffer": png.getvalue()}]
    )
    await expect(a.locator("#messages .msg.mine img")).to_be_visible()
    await expect(b.locator("#messages .msg img[alt='Photo']")).to_be_visible()


async def test_a_pts_gap_is_filled_from_the_difference(open_page: OpenPage, api: Api) -> None:
    """In a channel, joins are events for admins only: a subscriber's next post arrives with
    a pts gap, and the page fetches the difference instead of guessing."""
    owner, reader, newcomer = (
        await api.signup("Owner"),
        await api.signup("Reader"),
        await api.signup("Newcomer"),
    )
    channel = await api.create_chat(owner, kind="channel", title="Gap news", username="gapnews")
    await api.post(reader, f"/api/v1/chats/{channel['id']}/join")
    page = await open_page(reader)
    await page.goto(f"/chats/{channel['id']}")
    await wait_live(page)
    before = int(await page.locator("#conversation").get_attribute("data-pts") or 0)
    await api.post(newcomer, f"/api/v1/chats/{channel['id']}/join")  # not shown to readers
    gap_requests: list[str] = []
    page.on(
        "request", lambda r: gap_requests.append(r.url) if "/api/v1/updates?" in r.url else None
    )
    await api.send(owner, channel["id"], "Post after a join")
    await expect(bubble(page, "Post after a join")).to_be_visible()
    assert any(f"pts={channel['id']}:{before}" in u for u in gap_requests), gap_requests
