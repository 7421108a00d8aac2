"""A short-lived cache of who a bearer token belongs to, so authenticating a request costs no
query on the hot path. Revocations and account changes evict entries at once, in every process,
through the bus (Topics.AUTH)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from parley.domain.users import User


@dataclass(frozen=True, slots=True)
class Principal:
    user: User
    session_id: int


class AuthCache:
    def __init__(self, ttl: float = 60.0, max_entries: int = 100_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._by_token: dict[bytes, tuple[float, Principal]] = {}
        self._ip_touched: dict[tuple[int, bytes], float] = {}

    def get(self, token_hash: bytes) -> Principal | None:
        hit = self._by_token.get(token_hash)
        if hit is None:
            return None
        expires, principal = hit
        if expires < time.monotonic():
            self._by_token.pop(token_hash, None)
            return None
        return principal

    def put(self, token_hash: bytes, principal: Principal) -> None:
        if len(self._by_token) >= self._max:
            self._by_token.clear()
        self._by_token[token_hash] = (time.monotonic() + self._ttl, principal)

    def evict_session(self, session_id: int) -> None:
        for key, (_, p) in list(self._by_token.items()):
            if p.session_id == session_id:
                self._by_token.pop(key, None)

    def evict_user(self, user_id: int) -> None:
        for key, (_, p) in list(self._by_token.items()):
            if p.user.id == user_id:
                self._by_token.pop(key, None)

    def should_record_ip(self, session_id: int, ip_hash: bytes, every: float) -> bool:
        """True at most once per `every` seconds for each (session, ip) pair."""
        now = time.monotonic()
        key = (session_id, ip_hash)
        last = self._ip_touched.get(key)
        if last is not None and now - last < every:
            return False
        if len(self._ip_touched) >= self._max:
            self._ip_touched.clear()
        self._ip_touched[key] = now
        return True
