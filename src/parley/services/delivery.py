"""Delivery of sign-in codes: the edge of the world, behind a small Protocol.

The default in dev mode writes the code to the outbox (`parley admin outbox`) and to the log
with the phone number masked. A production deployment configures a real gateway."""

from __future__ import annotations

import logging
from typing import Protocol

from parley.domain.clock import Clock
from parley.domain.errors import DomainError
from parley.domain.phones import mask_phone
from parley.security.crypto import FieldCipher
from parley.store.database import Database
from parley.store.tx import Tx

log = logging.getLogger("parley.codes")


class CodeSender(Protocol):
    async def send(self, phone: str, code: str) -> None: ...


class DevOutboxSender:
    def __init__(self, db: Database, cipher: FieldCipher, clock: Clock) -> None:
        self._db = db
        self._cipher = cipher
        self._clock = clock

    async def send(self, phone: str, code: str) -> None:
        enc = self._cipher.encrypt("phone", phone)
        now = self._clock.now()

        def put(tx: Tx) -> None:
            tx.codes.add_outbox(phone_enc=enc, code=code, at=now)

        await self._db.write(put)
        log.info("sign-in code for %s: %s (dev outbox)", mask_phone(phone), code)


class DisabledSender:
    """Production without a configured gateway: refuse rather than pretend to send."""

    async def send(self, phone: str, code: str) -> None:
        raise DomainError(
            "no SMS gateway is configured on this server", code="delivery_unavailable"
        )
