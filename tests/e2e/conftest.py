"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium, installed by
scripts/system-deps.sh; no browser is ever downloaded), headless, against the real uvicorn
`server`. One browser for the session, a fresh context (cookies, storage) per person."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, BrowserContext, Page, Request, async_playwright

from tests.helpers import Person
from tests.legal.conftest import world  # noqa: F401  (the legal world, for legal pages)

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000
HAVE_CHROMIUM = Path(CHROMIUM).exists()

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    if not HAVE_CHROMIUM:
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh (apt-get install chromium)")
    async with async_playwright() as pw:
        # launch() gives every run a fresh temporary profile (user-data dir).
        b = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        await b.close()


OpenPage = Callable[[Person | None], Awaitable[Page]]


@pytest.fixture
async def open_page(browser: Browser, server: str) -> AsyncIterator[OpenPage]:
    """A page in a context of its own, signed in as `person` by its session cookie (or not
    signed in for None). Console errors and any request to another origin fail the test."""
    contexts: list[BrowserContext] = []
    problems: list[str] = []

    async def make(person: Person | None) -> Page:
        context = await browser.new_context(
            base_url=server, viewport={"width": 1200, "height": 800}
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        if person is not None:
            host = urlsplit(server).hostname or "127.0.0.1"
            await context.add_cookies(
                [
                    {
                        "name": "parley_session",
                        "value": person.token,
                        "domain": host,
                        "path": "/",
                        "httpOnly": True,
                        "sameSite": "Lax",
                    }
                ]
            )
        page = await context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        origin = server.replace("http://", "ws://")

        def local_only(request: Request) -> None:  # no request ever leaves this origin
            if not request.url.startswith((server, origin, "data:", "blob:")):
                problems.append(f"external request: {request.url}")

        page.on("request", local_only)
        page.on("websocket", lambda ws: local_only_ws(ws.url))
        return page

    def local_only_ws(url: str) -> None:
        if not url.startswith(server.replace("http://", "ws://")):
            problems.append(f"external websocket: {url}")

    yield make
    for context in contexts:
        await context.close()
    real = [p for p in problems if "status of 4" not in p]  # deliberate 4xx answers
    assert not real, f"browser errors: {real}"


async def wait_live(page: Page) -> None:
    """The page's WebSocket is ready (live updates flow from here on)."""
    await page.locator("html[data-live='ready']").wait_for(state="attached")
