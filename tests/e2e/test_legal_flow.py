"""A legal request goes through both officers' approvals in the legal console to a package the
authority downloads from its portal; the public transparency page renders its chart."""

from __future__ import annotations

import asyncio

import orjson
from playwright.async_api import expect

from tests.e2e.conftest import OpenPage
from tests.legal.conftest import World


async def test_two_officers_release_and_the_portal_downloads(
    open_page: OpenPage, world: World
) -> None:
    r = await world.authority.submit(world.authority.signed([{"username": "dealer_one"}]))
    assert r.status_code == 202, r.text
    pk = r.json()["id"]

    first = await open_page(world.officer_a)
    await first.goto("/console/legal")
    await first.get_by_role("link", name=f"#{pk}").click()
    await expect(first.get_by_role("heading", name=f"Request #{pk}")).to_be_visible()
    await expect(first.locator(".checks .tag.danger")).to_have_count(0)
    await first.get_by_role("button", name="Approve — a second officer confirms").click()
    await expect(first.get_by_text("a different officer must confirm")).to_be_visible()

    second = await open_page(world.officer_b)
    await second.goto(f"/console/legal/requests/{pk}")
    await second.get_by_role("button", name="Confirm and release the signed package").click()
    await expect(second.get_by_role("heading", name="Released package")).to_be_visible()

    staff = await open_page(None)
    await staff.goto("/portal")
    await staff.get_by_label("Your authority's API key").fill(world.authority.api_key)
    await staff.get_by_role("button", name="Sign in").click()
    await staff.get_by_role("link", name=f"#{pk}").click()
    async with staff.expect_download() as waiting:
        await staff.get_by_role("link", name="Download the signed package").click()
    download = await waiting.value
    assert download.suggested_filename == f"parley-disclosure-{pk}.json"
    saved = await download.path()
    package = orjson.loads(await asyncio.to_thread(saved.read_bytes))
    assert world.violator.phone in orjson.dumps(package).decode()

    public = await open_page(None)
    await public.goto("/transparency")
    chart = public.get_by_role("img", name="Legal requests per country")
    await expect(chart).to_be_visible()
    await expect(chart.locator("rect")).to_have_count(3)
