"""Builds the object graph once — store, bus, clock, crypto, limits, services' context, live hub
— and hands it out. The front rooms (api, botapi, web, cli) get everything from here."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from prometheus_client import CollectorRegistry

from parley.bus import Bus, Topics
from parley.bus.memory import MemoryBus
from parley.config import Settings
from parley.domain.clock import Clock, SystemClock
from parley.metrics import Metrics
from parley.security.crypto import FieldCipher
from parley.security.ratelimit import MemoryRateLimiter, RateLimiter
from parley.services.auth_cache import AuthCache
from parley.services.context import Ctx
from parley.services.delivery import CodeSender, DevOutboxSender, DisabledSender
from parley.services.live import Hub
from parley.services.search_index import SearchRuntime, open_search
from parley.store.database import Database

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
        self.bus: Bus = MemoryBus()
        self.limiter: RateLimiter = MemoryRateLimiter()
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
        self.search: SearchRuntime = open_search(self.ctx)
        self.bus.subscribe(Topics.AUTH, self._on_auth)
        self.trusted_networks = [
            ipaddress.ip_network(n, strict=False) for n in settings.trusted_proxies
        ]
        self._started = False

    def _on_auth(self, message: dict[str, Any]) -> None:
        if "session_id" in message:
            self.auth_cache.evict_session(int(message["session_id"]))
        if "user_id" in message:
            self.auth_cache.evict_user(int(message["user_id"]))

    async def start(self) -> None:
        if self._started:
            return
        await self.bus.start()
        await self.search.start()
        self._started = True

    async def close(self) -> None:
        await self.search.close()
        if self._started:
            await self.bus.close()
            self._started = False
        self.db.close()
