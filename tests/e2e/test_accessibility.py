"""Accessibility of the main pages, checked by axe-core (vendored from npm `axe-core` 4.14.1,
MPL-2.0, tests/e2e/vendor/) in the real browser: WCAG 2.0/2.1 A and AA rules, colour
contrast included, in light and dark, at desktop and phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Page

from parley.container import Container
from parley.domain.users import Role
from parley.services import accounts
from parley.services.audit import Actor
from tests.helpers import Api
from tests.legal.conftest import World

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


async def violations(page: Page, path: str) -> list[dict[str, Any]]:
    await page.goto(path)
    result = await page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


@pytest.mark.parametrize(("dark", "phone"), [(False, False), (True, True)])
async def test_main_pages_have_no_axe_violations(
    browser: Browser, server: str, api: Api, container: Container, dark: bool, phone: bool
) -> None:
    alice, bob = await api.signup("Alice Access"), await api.signup("Bob Access")
    await accounts.grant_role(
        container.ctx, alice.id, role=Role.MODERATOR, actor=Actor.system("test")
    )
    group = await api.create_chat(bob, title="Accessible group", username="access_group")
    await api.post(alice, f"/api/v1/chats/{group['id']}/join")
    sent = await api.send(bob, group["id"], "Hello, is this readable?")
    await api.send(alice, group["id"], "Yes, and it replies", reply_to_id=sent["id"])
    report = await api.post(
        bob,
        "/api/v1/reports",
        {
            "subject": {"chat_id": group["id"], "message_id": sent["id"]},
            "rule_id": "spam.bulk",
            "comment": "test",
        },
    )
    case_id = report.json()["case_id"]
    await container.search.require_indexer().catch_up()  # search results are on the page
    pages = {
        None: ["/signin"],
        alice.token: [
            "/chats",
            f"/chats/{group['id']}",
            f"/chats/{group['id']}/info",
            f"/chats/{group['id']}/members",
            "/settings",
            "/settings/sessions",
            "/new",
            "/join",
            f"/u/{bob.id}",
            f"/report?kind=user&user={bob.id}",
            "/decisions",
            "/console/moderation",
            f"/console/moderation/cases/{case_id}",
            "/console/moderation/appeals",
            "/console/moderation/searches",
            "/search?q=readable",
        ],
    }
    if dark:  # the second look (dark colours, phone layout) covers the distinct screens only
        keep = {
            "/signin",
            "/chats",
            "/search?q=readable",
            f"/chats/{group['id']}",
            "/settings",
            f"/console/moderation/cases/{case_id}",
            "/console/moderation",
        }
        pages = {t: [p for p in ps if p in keep] for t, ps in pages.items()}
    found = {}
    for token, paths in pages.items():
        context = await browser.new_context(
            base_url=server,
            color_scheme="dark" if dark else "light",
            viewport={"width": 375, "height": 740} if phone else {"width": 1280, "height": 800},
        )
        if token:
            await context.add_cookies([{"name": "parley_session", "value": token, "url": server}])
        # Injected through the debugging protocol: the pages' own CSP stays strict.
        await context.add_init_script(AXE)
        page = await context.new_page()
        for path in paths:
            problems = await violations(page, path)
            if problems:
                found[path] = problems
        await context.close()
    assert not found, found


async def test_legal_pages_have_no_axe_violations(
    browser: Browser, server: str, world: World
) -> None:
    r = await world.authority.submit(world.authority.signed([{"username": "dealer_one"}]))
    pk = r.json()["id"]
    pages = {
        world.officer_a.token: ["/console/legal", f"/console/legal/requests/{pk}"],
        None: ["/portal", "/transparency"],
    }
    found = {}
    for token, paths in pages.items():
        context = await browser.new_context(base_url=server)
        if token:
            await context.add_cookies([{"name": "parley_session", "value": token, "url": server}])
        await context.add_init_script(AXE)
        page = await context.new_page()
        for path in paths:
            problems = await violations(page, path)
            if problems:
                found[path] = problems
        await context.close()
    assert not found, found
