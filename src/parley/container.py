"""Builds the object graph once — store, bus, clock, crypto, limits, services' context, live hub
— and hands it out. The front rooms (api, botapi, web, cli) get everything from here."""

from __future__ import annotations

import ipaddress
import logging
from datetime import timedelta
from typing import Any

from prometheus_client import CollectorRegistry

from parley.bus import Bus, Topics
from parley.bus.memory import MemoryBus
from parley.bus.redis import RedisBus, redis_client
from parley.config import Settings
from parley.domain.clock import Clock, SystemClock
from parley.metrics import Metrics
from parley.security.crypto import FieldCipher
from parley.security.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from parley.services import accounts, legal
from parley.services.auth_cache import AuthCache
from parley.services.bot_runtime import BotRuntime
from parley.services.context import Ctx
from parley.services.delivery import CodeSender, DevOutboxSender, DisabledSender
from parley.services.hash_banks import HashBankCache, hash_upload
from parley.services.jobs import Job, Scheduler
from parley.services.live import Hub
from parley.services.media import add_photo_hook
from parley.services.scanning import Scanner
from parley.services.search_index import SearchRuntime, open_search, prune_outbox
from parley.store.database import Database
from parley.store.media import StoredFile

log = logging.getLogger(__name__)


class Container:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        code_sender: CodeSender | None = None,
    ) -> None:
        self.settings = settings
        settings.data.mkdir(parents=True, exist_ok=True)
        secret = settings.resolved_secret_key()
        self.registry = CollectorRegistry()
        self.metrics = Metrics(self.registry)
        self.db = Database(
            settings.resolved_database_url,
            read_threads=settings.db_read_threads,
            pool_size=settings.db_pool_size,
            batch_max=settings.write_batch_max,
            on_batch=self.metrics.observe_write_batch,
        )
        self.redis: Any = None
        self.bus: Bus
        self.limiter: RateLimiter
        if settings.redis_url:
            pool = settings.redis_max_connections
            self.redis = redis_client(settings.redis_url, max_connections=pool)
            self.bus = RedisBus(settings.redis_url, prefix=settings.redis_prefix + "bus:",
                                max_connections=pool)  # fmt: skip
            self.limiter = RedisRateLimiter(self.redis, prefix=settings.redis_prefix + "rl:")
        else:
            self.bus = MemoryBus()
            self.limiter = MemoryRateLimiter()
        self.clock: Clock = clock or SystemClock()
        cipher = FieldCipher(secret)
        sender = code_sender or (
            DevOutboxSender(self.db, cipher, self.clock) if settings.is_dev else DisabledSender()
        )
        self.auth_cache = AuthCache()
        self.ctx = Ctx(
            settings=settings, db=self.db, clock=self.clock, cipher=cipher, secret=secret,
            limiter=self.limiter, bus=self.bus, code_sender=sender, auth_cache=self.auth_cache,
        )  # fmt: skip
        self.hub = Hub(self.db, self.bus)
        self.hash_banks = HashBankCache(self.db, self.bus)
        self.ctx.extensions["hash_banks"] = self.hash_banks
        self.scheduler = Scheduler(self.ctx, tick=settings.jobs_tick_seconds)
        self.scanner = Scanner(self.ctx, holder=self.scheduler.holder)
        add_photo_hook(self.ctx, self._hash_upload)
        self.scheduler.add(Job("purge_ip_records", timedelta(hours=1), accounts.purge_ip_records))
        self.bots = BotRuntime(self.ctx)
        self.scheduler.add(Job("send_due_legal_notices", timedelta(minutes=1),
                               legal.send_due_notices))  # fmt: skip
        self.search: SearchRuntime = open_search(self.ctx)
        self.scheduler.add(Job("prune_search_outbox", timedelta(hours=6), prune_outbox))
        self.bus.subscribe(Topics.AUTH, self._on_auth)
        self.trusted_networks = [
            ipaddress.ip_network(n, strict=False) for n in settings.trusted_proxies
        ]
        self._started = False

    async def _hash_upload(self, stored: StoredFile, data: bytes) -> None:
        await hash_upload(self.ctx, stored.group_key, data, is_photo=stored.kind == "photo")

    def _on_auth(self, message: dict[str, Any]) -> None:
        if "session_id" in message:
            self.auth_cache.evict_session(int(message["session_id"]))
        if "user_id" in message:
            self.auth_cache.evict_user(int(message["user_id"]))

    async def start(self, *, background: bool = True) -> None:
        """Connect the bus; with `background`, also run the background work — the job
        scheduler, the content scanner, bot update dispatch and webhook delivery (servers do;
        one-off CLI commands do not)."""
        if self._started:
            return
        await self.bus.start()
        if background:
            await self.bots.start()
            await self.search.start()
            if self.settings.run_jobs:
                self.scheduler.start()
                self.scanner.start()
        self._started = True

    async def close(self) -> None:
        await self.search.close()
        if self._started:
            await self.scanner.stop()
            await self.scheduler.stop()
            await self.bots.close()
            await self.bus.close()
            self._started = False
        if self.redis is not None:
            await self.redis.aclose()
            self.redis = None
        self.db.close()
