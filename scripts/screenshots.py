"""Screenshots of the web pages for the README and docs/web.md.

Seeds the demo world into a temporary data directory, serves it on a loopback port, drives
Debian's Chromium through Playwright (never a downloaded browser) and writes PNGs at desktop
and phone width into docs/screenshots/. Run: .venv/bin/python scripts/screenshots.py"""

from __future__ import annotations

import asyncio
import base64
import socket
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import rfc8785
import uvicorn
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from playwright.async_api import Browser, Page, async_playwright

from parley.api.app import create_app
from parley.config import Settings
from parley.container import Container
from parley.demo import world
from parley.domain.legal import AuthorityKind
from parley.domain.moderation import Subject
from parley.security.ratelimit import NoRateLimiter
from parley.services import (
    accounts,
    appeals,
    cases,
    chats,
    decisions,
    legal,
    messages,
    reports,
    search,
)
from parley.services.audit import Actor
from parley.store import migrate

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 780}
Step = Callable[[Page, str], Awaitable[None]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def sign_in(page: Page, base: str, person: world.DemoPerson) -> None:
    await page.goto(f"{base}/signin")
    await page.get_by_label("Phone number").fill(person.phone)
    await page.get_by_role("button", name="Next").click()
    await page.wait_for_url(f"{base}/signin/code")
    if not await page.get_by_label("Code").count():
        raise RuntimeError(await page.inner_text("main"))
    await page.get_by_label("Code").fill(person.code)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(f"{base}/chats")


def person(key: str) -> world.DemoPerson:
    return next(p for p in world.PEOPLE if p.key == key)


_signed_in: dict[str, Any] = {}


async def shoot(
    browser: Browser, base: str, name: str, who: str | None, steps: Step, *, dark: bool = False
) -> None:
    """The page at desktop and phone width; each person signs in once, through the form."""
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        context = await browser.new_context(
            viewport=size,  # type: ignore[arg-type]
            color_scheme="dark" if dark else "light",
            storage_state=_signed_in.get(who or ""),
        )
        page = await context.new_page()
        if who is not None and who not in _signed_in:
            await sign_in(page, base, person(who))
            _signed_in[who] = await context.storage_state()
        await steps(page, base)
        await page.wait_for_load_state("networkidle")
        path = OUT / f"{name}-{label}.png"
        await page.screenshot(path=str(path))
        print(path.relative_to(ROOT))
        await context.close()


async def chat_id(page: Page, base: str, title: str) -> None:
    await page.goto(f"{base}/chats")
    await page.locator("#chat-list a.dialog", has_text=title).first.click()
    await page.wait_for_selector("#conversation")
    await page.locator("html[data-live='ready']").wait_for(state="attached")


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="parley-shots-") as tmp:
        settings = Settings(env="dev", data=Path(tmp), run_jobs=False)
        migrate.upgrade(settings.resolved_database_url)
        container = Container(settings)
        await container.start()
        container.ctx.limiter = NoRateLimiter()  # seeding posts hundreds of messages at once
        await world.seed(container.ctx)
        await stage_moderation(container)
        await stage_legal(container)
        app = create_app(container)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
        )
        task = asyncio.create_task(server.serve())
        while not server.started:  # noqa: ASYNC110  # uvicorn offers no event
            await asyncio.sleep(0.01)
        base = f"http://127.0.0.1:{port}"
        try:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=ARGS
                )
                for name, who, steps in pages():
                    await shoot(browser, base, name, who, steps)
                await browser.close()
        finally:
            server.should_exit = True
            await task
            await container.close()


STAGE: dict[str, int] = {}


async def stage_moderation(container: Container) -> None:
    """Give the consoles something to show: the scanner's pass over the demo world, two user
    reports, one decision and its appeal."""
    ctx = container.ctx
    await container.scanner.catch_up()
    await container.search.require_indexer().catch_up()
    ids = {p.key: (await accounts.find_user_by_phone(ctx, p.phone)) for p in world.PEOPLE}
    uid = {k: u.id for k, u in ids.items() if u is not None}
    market = await chats.resolve_chat(ctx, uid["alice"], username="night_market_shop")
    posts = await messages.get_history(ctx, uid["alice"], chat_id=market.chat.id, limit=10)
    STAGE["market"] = market.chat.id
    STAGE["post"] = posts[0].id
    for who, post, comment in (
        ("alice", posts[0], "Selling drugs openly"),
        ("bob", posts[0], "this is a drug shop"),
        ("carol", posts[1], ""),
    ):
        await reports.file_report(
            ctx,
            uid[who],
            subject=Subject.message(market.chat.id, post.id),
            rule_id="illegal.drugs.sale",
            comment=comment,
        )
    queue = await cases.list_queue(ctx, uid["maria"], state="active", limit=50)
    decided = await decisions.decide_case(
        ctx,
        uid["maria"],
        case_id=queue[-1].id,
        action="remove",
        rule_id=queue[-1].rule_id or "illegal.drugs.sale",
        reasons="Offering illegal goods for sale to the public.",
    )
    await appeals.appeal_decision(
        ctx,
        uid["mallory"],
        decision_id=decided.id,
        text="These are legal herbal products, not drugs.",
    )
    STAGE["case"] = queue[0].id
    for text, times in (("bike", 9), ("sourdough", 6), ("pills", 4), ("python meetup", 3)):
        for _ in range(times):
            await search.search(ctx, uid["bob"], q=text)


async def stage_legal(container: Container) -> None:
    """A registered authority with two signed requests about the demo's convicted seller: one
    released by two officers, one waiting for review."""
    ctx = container.ctx
    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    now = ctx.clock.now()
    registered = await legal.register_authority(
        ctx,
        actor=Actor.system("demo"),
        authority_id="de-bka",
        name="Bundeskriminalamt",
        country="DE",
        kind=AuthorityKind.POLICE,
        contact="legal@bka.example",
        keys=[
            legal.KeySpec(key_id="k1", public_key=_b64(raw), valid_from=now - timedelta(days=30))
        ],
    )
    STAGE_KEYS["api_key"] = registered.api_key
    seller = await accounts.find_user_by_phone(ctx, "+9996620005")
    assert seller is not None
    mine = await decisions.decisions_about_me(ctx, seller.id)
    category = next(d.category for d in mine if d.action == "remove")
    officers = {
        p.key: await accounts.find_user_by_phone(ctx, p.phone)
        for p in world.PEOPLE
        if p.key in ("lena", "omar")
    }
    pks = []
    for n, emergency in ((1, False), (2, True)):
        envelope: dict[str, Any] = {
            "request_id": f"BKA-2026-{n:04d}",
            "authority_id": "de-bka",
            "key_id": "k1",
            "legal_basis": {
                "type": "emergency" if emergency else "court_order",
                "reference": f"AZ 4 Gs {100 + n}/26",
                "issued_at": _iso(now - timedelta(days=2)),
                "issued_by": "Amtsgericht Berlin-Tiergarten",
            },
            "offence": {
                "category": category,
                "description": "sale of illegal goods in a public channel",
            },
            "targets": [{"username": "nightmarket_2049"}],
            "data_requested": ["phone_number", "ip_addresses"],
            "period": {"from": _iso(now - timedelta(days=30)), "to": _iso(now)},
            "nondisclosure_until": None,
        }
        if emergency:
            envelope["emergency_justification"] = (
                "Imminent risk to life: a buyer reported an overdose."
            )
        signature = _b64(key.sign(rfc8785.dumps(envelope)))
        received = await legal.submit_request(
            ctx, {**envelope, "signature": signature}, api_key=registered.api_key, ip="127.0.0.1"
        )
        pks.append(received.id)
    lena, omar = officers["lena"], officers["omar"]
    assert lena is not None and omar is not None
    await legal.approve_request(ctx, lena.id, request_pk=pks[0], release=[0])
    await legal.confirm_request(ctx, omar.id, request_pk=pks[0])
    STAGE["released"], STAGE["pending"] = pks


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


STAGE_KEYS: dict[str, str] = {}


def pages() -> list[tuple[str, str | None, Step]]:
    async def signin(page: Page, base: str) -> None:
        await page.goto(f"{base}/signin")

    async def chats(page: Page, base: str) -> None:
        await page.goto(f"{base}/chats")

    async def conversation(page: Page, base: str) -> None:
        await chat_id(page, base, "City Cycling Club")

    async def private(page: Page, base: str) -> None:
        await chat_id(page, base, "Bob Okafor")

    async def info(page: Page, base: str) -> None:
        await chat_id(page, base, "Moreau family")
        await page.get_by_role("link", name="Chat info").click()
        await page.get_by_role("button", name="Create invite link").click()
        await page.wait_for_selector(".invite")

    async def settings(page: Page, base: str) -> None:
        await page.goto(f"{base}/settings")

    async def sessions(page: Page, base: str) -> None:
        await page.goto(f"{base}/settings/sessions")

    async def new(page: Page, base: str) -> None:
        await page.goto(f"{base}/new")

    async def join(page: Page, base: str) -> None:
        await page.goto(f"{base}/join")

    async def report(page: Page, base: str) -> None:
        await page.goto(
            f"{base}/report?kind=message&chat={STAGE['market']}&message={STAGE['post']}"
        )

    async def queue(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/moderation")

    async def case(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/moderation/cases/{STAGE['case']}")

    async def appeals_page(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/moderation/appeals")

    async def search_page(page: Page, base: str) -> None:
        await page.goto(f"{base}/search?q=ride")

    async def top_searches(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/moderation/searches")

    async def my_decisions(page: Page, base: str) -> None:
        await page.goto(f"{base}/decisions")

    async def legal_queue(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/legal")

    async def legal_request(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/legal/requests/{STAGE['pending']}")

    async def legal_released(page: Page, base: str) -> None:
        await page.goto(f"{base}/console/legal/requests/{STAGE['released']}")

    async def portal(page: Page, base: str) -> None:
        await page.goto(f"{base}/portal")
        await page.get_by_label("Your authority's API key").fill(STAGE_KEYS["api_key"])
        await page.get_by_role("button", name="Sign in").click()
        await page.get_by_role("link", name=f"#{STAGE['released']}").click()

    async def transparency(page: Page, base: str) -> None:
        await page.goto(f"{base}/transparency")

    return [
        ("signin", None, signin),
        ("chats", "alice", chats),
        ("conversation", "alice", conversation),
        ("private-chat", "alice", private),
        ("chat-info", "alice", info),
        ("settings", "alice", settings),
        ("sessions", "alice", sessions),
        ("new-chat", "alice", new),
        ("join", "alice", join),
        ("search", "alice", search_page),
        ("report", "alice", report),
        ("moderation-queue", "maria", queue),
        ("moderation-case", "maria", case),
        ("moderation-appeals", "sam", appeals_page),
        ("moderation-searches", "maria", top_searches),
        ("decisions", "mallory", my_decisions),
        ("legal-queue", "lena", legal_queue),
        ("legal-request", "lena", legal_request),
        ("legal-released", "omar", legal_released),
        ("authority-portal", None, portal),
        ("transparency", None, transparency),
    ]


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
