"""Hash banks: import known-bad media hashes (CSV: hash, category, source) and keep them in
memory for matching. Every process reloads its matcher when any process imports a bank."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from parley.bus import Bus
from parley.domain.errors import InvalidInput
from parley.moderation.hashes import (
    BankEntry,
    HashBankError,
    HashKind,
    HashMatcher,
    Match,
    parse_hash_bank_csv,
    pdq_hash,
    sha256_hex,
)
from parley.moderation.policy import load_policy
from parley.services import audit
from parley.services.context import Ctx
from parley.store.database import Database
from parley.store.hash_banks import MediaHashes, StoredHash
from parley.store.tx import Tx

TOPIC = "hash_banks"
BANK_NAME_MAX = 64


class HashBankCache:
    """The matcher over every stored bank, loaded on first use and after each import."""

    def __init__(self, db: Database, bus: Bus) -> None:
        self._db = db
        self._matcher: HashMatcher | None = None
        self._lock = asyncio.Lock()
        bus.subscribe(TOPIC, self._on_change)

    def _on_change(self, _: dict[str, object]) -> None:
        self._matcher = None

    async def matcher(self) -> HashMatcher:
        async with self._lock:
            if self._matcher is None:
                stored = await self._db.read(lambda tx: tx.hash_banks.all())
                self._matcher = HashMatcher(
                    BankEntry(hash=s.hash, kind=HashKind(s.kind), category=s.category,
                              source=s.source, bank=s.bank) for s in stored
                )  # fmt: skip
            return self._matcher

    async def match_hashes(self, hashes: MediaHashes) -> list[Match]:
        """Bank entries matching an upload's stored hashes (exact SHA-256, then PDQ)."""
        matcher = await self.matcher()
        found = matcher.match_sha256(hashes.sha256)
        if hashes.pdq is not None:
            found += matcher.match_pdq(hashes.pdq, quality=hashes.pdq_quality or 0)
        return found

    async def match_media(self, data: bytes) -> list[Match]:
        matcher = await self.matcher()
        if not len(matcher):
            return []
        return await asyncio.to_thread(matcher.match_media, data)


@dataclass(frozen=True, slots=True)
class ImportResult:
    bank: str
    read: int
    added: int


async def import_bank(ctx: Ctx, text: str, *, bank: str, kind: str | None = None,
                      actor: audit.Actor) -> ImportResult:  # fmt: skip
    if (
        not bank
        or len(bank) > BANK_NAME_MAX
        or not bank.replace("-", "").replace("_", "").isalnum()
    ):
        raise InvalidInput("a bank name is letters, digits, - and _", code="invalid_bank")
    try:
        entries = parse_hash_bank_csv(text, bank=bank, kind=kind,
                                      categories=list(load_policy().categories))  # fmt: skip
    except HashBankError as error:
        raise InvalidInput(str(error), code="invalid_hash_bank") from error
    now = ctx.clock.now()
    stored = [StoredHash(bank=e.bank, kind=e.kind.value, hash=e.hash, category=e.category,
                         source=e.source) for e in entries]  # fmt: skip

    def run(tx: Tx) -> int:
        added = tx.hash_banks.add(stored, at=now)
        audit.record(
            tx,
            actor=actor,
            action="hash_bank.import",
            subject_kind="hash_bank",
            subject_id=bank,
            at=now,
            data={"read": len(entries), "added": added},
        )
        return added

    added = await ctx.db.write(run)
    await ctx.bus.publish(TOPIC, {"bank": bank})
    return ImportResult(bank=bank, read=len(entries), added=added)


async def hash_upload(ctx: Ctx, media_key: str, data: bytes, *, is_photo: bool) -> None:
    """Remember an upload's hashes (SHA-256 of the bytes; PDQ of a photo), so the scanner can
    match it against the banks — current and future ones — when it appears in public."""
    sha = sha256_hex(data)
    pdq = None
    if is_photo:
        try:
            pdq = await asyncio.to_thread(pdq_hash, data)
        except (OSError, ValueError):
            pdq = None
    hashes = MediaHashes(media_key=media_key, sha256=sha, pdq=pdq.hex if pdq else None,
                         pdq_quality=pdq.quality if pdq else None)  # fmt: skip
    now = ctx.clock.now()

    def run(tx: Tx) -> None:
        tx.hash_banks.put_media(hashes, at=now)

    await ctx.db.write(run)
