"""Webhooks: a bot's updates POSTed to its own HTTPS endpoint instead of being polled.

Delivery keeps Telegram's promises: each chat's updates arrive in order while chats proceed in
parallel, never more than the bot's max_connections requests in flight (claims are rows in the
store, so the cap holds across processes), failures are retried with a delay that doubles up
to a ceiling (or the endpoint's Retry-After), and an update is dropped once it is older than
the 24 hours updates are kept.

Because the platform makes these requests, a webhook is a way to make it call any address:
the host is resolved, every address it resolves to must be public (no loopback, private,
link-local, multicast or reserved ranges) and must not be the platform itself, and the request
goes to the very address that was checked, so DNS cannot swap it afterwards. An operator can
allow private addresses (`webhook_allow_private`) for bots on the same network, and tests."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import re
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

import httpx
import orjson

from parley.domain.bots import clean_allowed_updates
from parley.domain.errors import InvalidInput
from parley.services.bot_updates import BOT_UPDATES_TOPIC, RETENTION, UpdatesPage, render_page
from parley.services.bot_updates import waiters as long_polls
from parley.services.context import Ctx
from parley.services.wake import woken
from parley.store.bots import BotRow, StoredUpdate
from parley.store.tx import Tx

log = logging.getLogger(__name__)

CLAIM_TTL = timedelta(minutes=2)
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Renderer = Callable[[UpdatesPage], list[dict[str, Any]]]
Replier = Callable[[int, str, dict[str, Any]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class WebhookInfo:
    url: str
    pending_update_count: int
    ip_address: str | None
    last_error_date: datetime | None
    last_error_message: str | None
    max_connections: int | None
    allowed_updates: list[str] | None


@dataclass(frozen=True, slots=True)
class Target:
    """Where a webhook request goes: the URL as set, and the checked address to connect to."""

    url: SplitResult
    ip: IpAddress
    port: int


class BadWebhook(InvalidInput):
    def __init__(self, reason: str) -> None:
        super().__init__(f"bad webhook: {reason}", code="bad_webhook")


def _normalize(ip: IpAddress) -> IpAddress:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def check_address(ip: IpAddress, port: int, *, allow_private: bool,
                  own: set[tuple[str, int]]) -> None:  # fmt: skip
    """Refuse addresses a webhook may not reach."""
    ip = _normalize(ip)
    if (str(ip), port) in own or ip.is_unspecified or ip.is_multicast:
        raise BadWebhook(f"IP address {ip} is reserved")
    if allow_private:
        return
    if not ip.is_global or ip.is_loopback or ip.is_link_local or ip.is_private or ip.is_reserved:
        raise BadWebhook(f"IP address {ip} is reserved")


def parse_url(raw: str, *, require_https: bool) -> tuple[SplitResult, int]:
    if len(raw) > 2048:
        raise BadWebhook("URL is too long")
    try:
        url = urlsplit(raw.strip())
        port = url.port
    except ValueError:
        raise InvalidInput("invalid webhook URL specified", code="bad_webhook") from None
    if url.scheme not in ("http", "https") or not url.hostname:
        raise InvalidInput("invalid webhook URL specified", code="bad_webhook")
    if require_https and url.scheme != "https":
        raise BadWebhook("HTTPS url must be provided for webhook")
    return url, port or (443 if url.scheme == "https" else 80)


async def resolve(host: str, port: int) -> list[IpAddress]:
    with contextlib.suppress(ValueError):
        return [ipaddress.ip_address(host)]
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise BadWebhook("Failed to resolve host: Name or service not known") from None
    found: list[IpAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip not in found:
            found.append(ip)
    if not found:
        raise BadWebhook("Failed to resolve host: Name or service not known")
    return found


async def own_endpoints(ctx: Ctx) -> set[tuple[str, int]]:
    """Addresses of the platform itself: its configured listener and public URL (resolved once
    per process), and any address a request has reached it on (learned by the Bot API's front
    room)."""
    found: set[tuple[str, int]] = set(ctx.extensions.setdefault("bots.own_endpoints", set()))
    s = ctx.settings
    found.add((s.host, s.port))
    public = ctx.extensions.get("bots.public_endpoints")
    if public is None:
        public = set()
        url = urlsplit(s.public_url or "")
        if url.hostname:
            port = url.port or (443 if url.scheme == "https" else 80)
            with contextlib.suppress(InvalidInput):
                public = {(str(ip), port) for ip in await resolve(url.hostname, port)}
        ctx.extensions["bots.public_endpoints"] = public
    return found | set(public)


def remember_own_endpoint(ctx: Ctx, host: str, port: int) -> None:
    known: set[tuple[str, int]] = ctx.extensions.setdefault("bots.own_endpoints", set())
    known.add((host, port))


async def check_target(ctx: Ctx, url: str, *, ip_address: str | None = None) -> Target:
    s = ctx.settings
    parsed, port = parse_url(url, require_https=s.webhook_require_https)
    assert parsed.hostname is not None
    if ip_address:
        try:
            ips: list[IpAddress] = [ipaddress.ip_address(ip_address)]
        except ValueError:
            raise BadWebhook("invalid IP address specified") from None
    else:
        ips = await resolve(parsed.hostname, port)
    own = await own_endpoints(ctx)
    for ip in ips:
        check_address(ip, port, allow_private=s.webhook_allow_private, own=own)
    return Target(url=parsed, ip=_normalize(ips[0]), port=port)


# -- settings ------------------------------------------------------------------------------
async def set_webhook(
    ctx: Ctx,
    bot_id: int,
    *,
    url: str,
    secret_token: str | None = None,
    max_connections: int | None = None,
    allowed_updates: list[Any] | None = None,
    drop_pending_updates: bool = False,
    ip_address: str | None = None,
) -> str:
    """Set (or with an empty url, remove) the bot's webhook; returns Telegram's description."""
    if not url:
        return await delete_webhook(ctx, bot_id, drop_pending_updates=drop_pending_updates)
    if secret_token is not None and secret_token != "":
        if len(secret_token) > 256:
            raise InvalidInput("secret token is too long", code="bad_webhook")
        if not _SECRET.match(secret_token):
            raise InvalidInput("secret token contains unallowed characters", code="bad_webhook")
    connections = max(1, min(max_connections or 40, 100))
    kinds = clean_allowed_updates(allowed_updates) if allowed_updates is not None else None
    target = await check_target(ctx, url, ip_address=ip_address)

    def run(tx: Tx) -> str:
        bot = tx.bots.get(bot_id)
        assert bot is not None
        values: dict[str, Any] = {
            "webhook_url": url, "webhook_secret": secret_token or None,
            "webhook_ip": ip_address or None, "webhook_max_connections": connections,
        }  # fmt: skip
        same = all(getattr(bot, k) == v for k, v in values.items())
        if kinds is not None:
            values["allowed_updates"] = kinds or None
        tx.bots.update(bot_id, **values)
        if drop_pending_updates:
            tx.bots.forget_before(bot_id, 2**62)
        tx.bots.release_claims(bot_id)
        return "Webhook is already set" if same and not drop_pending_updates else "Webhook was set"

    description = await ctx.db.write(run)
    del target
    long_polls(ctx).end(bot_id, "Conflict: terminated by setWebhook request")
    await ctx.bus.publish(BOT_UPDATES_TOPIC, {"bot_ids": [bot_id]})
    return description


async def delete_webhook(ctx: Ctx, bot_id: int, *, drop_pending_updates: bool = False) -> str:
    def run(tx: Tx) -> str:
        bot = tx.bots.get(bot_id)
        assert bot is not None
        tx.bots.update(bot_id, webhook_url=None, webhook_secret=None, webhook_ip=None)
        tx.bots.release_claims(bot_id)
        if drop_pending_updates:
            tx.bots.forget_before(bot_id, 2**62)
        return "Webhook was deleted" if bot.webhook_url else "Webhook is already deleted"

    return await ctx.db.write(run)


async def get_webhook_info(ctx: Ctx, bot_id: int) -> WebhookInfo:
    def run(tx: Tx) -> WebhookInfo:
        bot = tx.bots.get(bot_id)
        assert bot is not None
        return WebhookInfo(
            url=bot.webhook_url or "", pending_update_count=tx.bots.pending_count(bot_id),
            ip_address=bot.webhook_ip, last_error_date=bot.webhook_last_error_at,
            last_error_message=bot.webhook_last_error,
            max_connections=bot.webhook_max_connections if bot.webhook_url else None,
            allowed_updates=bot.allowed_updates,
        )  # fmt: skip

    return await ctx.db.read(run)


# -- delivery ------------------------------------------------------------------------------
class WebhookDeliverer:
    """The background task that POSTs queued updates to bots' webhooks."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._inflight: set[asyncio.Task[None]] = set()
        self._client: httpx.AsyncClient | None = None
        self._renderer: Renderer | None = None
        self._replier: Replier | None = None
        ctx.bus.subscribe(BOT_UPDATES_TOPIC, lambda _: self._wake.set())

    def set_renderer(self, renderer: Renderer, replier: Replier | None = None) -> None:
        """The front room shapes updates into Telegram's JSON and runs a method a webhook
        answers with; services do not know those shapes."""
        self._renderer = renderer
        self._replier = replier

    def start(self) -> None:
        if self._task is None:
            timeout = self.ctx.settings.webhook_timeout_seconds
            self._client = httpx.AsyncClient(timeout=timeout, follow_redirects=False,
                                             trust_env=False)  # fmt: skip
            self._task = asyncio.create_task(self._run(), name="parley-webhooks")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for task in list(self._inflight):
            task.cancel()
        for task in list(self._inflight):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            timeout = 1.0
            try:
                timeout = await self._pump()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("webhook pump failed; retrying")
            await woken(self._wake, timeout)

    async def _pump(self) -> float:
        if self._renderer is None:
            return 1.0
        ctx = self.ctx
        now = ctx.clock.now()

        def claim(tx: Tx) -> tuple[list[tuple[BotRow, list[StoredUpdate]]], datetime | None]:
            out = []
            for bot in tx.bots.with_webhook(200):
                got = tx.bots.claim(bot.user_id, slots=bot.webhook_max_connections, now=now,
                                    until=now + CLAIM_TTL)  # fmt: skip
                if got:
                    out.append((bot, got))
            return out, tx.bots.next_wakeup(now)

        # Most of the time no webhook has anything waiting: find that out with a read, so an
        # idle deliverer never takes the single writer.
        if not await ctx.db.read(lambda tx: tx.bots.with_webhook(1)):
            return 1.0
        claims, wakeup = await ctx.db.write(claim)
        for bot, updates in claims:
            for update in updates:
                task = asyncio.create_task(self._deliver(bot, update))
                self._inflight.add(task)
                task.add_done_callback(self._inflight.discard)
        if wakeup is None:
            return 1.0
        return max(0.05, min(1.0, (wakeup - now).total_seconds()))

    async def _deliver(self, bot: BotRow, update: StoredUpdate) -> None:
        ctx = self.ctx
        error: str | None = None
        retry_after = 0
        reply: Any = None
        try:
            assert self._renderer is not None and self._client is not None and bot.webhook_url
            page = await render_page(ctx, bot.user_id, [update])
            body = orjson.dumps(self._renderer(page)[0])
            target = await check_target(ctx, bot.webhook_url, ip_address=bot.webhook_ip)
            response = await self._post(target, body, bot.webhook_secret)
            if 200 <= response.status_code <= 299:
                with contextlib.suppress(ValueError):
                    reply = response.json()
            else:
                error = (f"Wrong response from the webhook: {response.status_code} "
                         f"{response.reason_phrase}")  # fmt: skip
                with contextlib.suppress(ValueError):
                    retry_after = int(response.headers.get("retry-after", "0"))
        except InvalidInput as bad:
            error = bad.message
        except httpx.TimeoutException:
            error = "Read timeout expired"
        except httpx.HTTPError as failed:
            error = f"Connection failed: {type(failed).__name__}"
        except Exception:
            log.exception("webhook delivery to bot %s failed", bot.user_id)
            error = "Internal error"
        if error is None:
            await ctx.db.write(lambda tx: tx.bots.forget(bot.user_id, update.update_id))
            if isinstance(reply, dict) and self._replier is not None:
                await self._answer(bot.user_id, reply)
        else:
            await self._failed(bot, update, error, retry_after)
        self._wake.set()

    async def _post(self, target: Target, body: bytes, secret: str | None) -> httpx.Response:
        assert self._client is not None
        url = target.url
        host = f"[{target.ip}]" if target.ip.version == 6 else str(target.ip)
        pinned = urlunsplit((url.scheme, f"{host}:{target.port}", url.path or "/", url.query, ""))
        headers = {"Host": url.netloc.rpartition("@")[2], "Content-Type": "application/json"}
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        extensions = {"sni_hostname": url.hostname} if url.scheme == "https" else {}
        request = self._client.build_request("POST", pinned, content=body, headers=headers,
                                             extensions=extensions)  # fmt: skip
        return await self._client.send(request)

    async def _answer(self, bot_id: int, reply: dict[str, Any]) -> None:
        """A webhook may answer with a method call, which Parley runs as the bot (Telegram's
        'reply to the webhook'); getters and webhook changes are ignored, as there."""
        method = str(reply.get("method", "")).lower()
        if not method or method.startswith("get") or method in (
            "setwebhook", "deletewebhook", "close", "logout"
        ):  # fmt: skip
            return
        assert self._replier is not None
        params = {k: v for k, v in reply.items() if k != "method"}
        try:
            await self._replier(bot_id, method, params)
        except Exception:
            log.info("method %s in a webhook reply from bot %s failed", method, bot_id)

    async def _failed(
        self, bot: BotRow, update: StoredUpdate, error: str, retry_after: int
    ) -> None:
        s = self.ctx.settings
        now = self.ctx.clock.now()
        delay = retry_after or min(
            s.webhook_retry_base_seconds * (2**update.attempts), s.webhook_retry_max_seconds
        )
        retry_at = now + timedelta(seconds=min(delay, 3600))

        def run(tx: Tx) -> None:
            tx.bots.update(bot.user_id, webhook_last_error_at=now,
                           webhook_last_error=error[:255])  # fmt: skip
            if retry_at > update.created_at + RETENTION:
                tx.bots.forget(bot.user_id, update.update_id)
            else:
                tx.bots.release(bot.user_id, update.update_id, next_attempt_at=retry_at)

        await self.ctx.db.write(run)
