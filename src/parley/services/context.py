"""What every service function receives first: the platform's dependencies, built once by
parley.container."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.bus import Bus
from parley.config import Settings
from parley.domain.clock import Clock
from parley.security.crypto import FieldCipher
from parley.security.ratelimit import RateLimiter
from parley.services.auth_cache import AuthCache
from parley.services.delivery import CodeSender
from parley.store.database import Database


@dataclass
class Ctx:
    settings: Settings
    db: Database
    clock: Clock
    cipher: FieldCipher
    secret: bytes
    limiter: RateLimiter
    bus: Bus
    code_sender: CodeSender
    auth_cache: AuthCache
    # Optional collaborators later capabilities attach (search index, scanner, …), by name.
    extensions: dict[str, Any] = field(default_factory=dict)
