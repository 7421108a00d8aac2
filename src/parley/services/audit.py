"""The tamper-evident audit log: every moderation decision, legal-request step, disclosure,
role change and access to personal data appends an entry whose hash covers the previous one.

entry.hash = SHA-256(prev_hash || canonical JSON of the entry's fields). Changing any byte of
any entry, or removing or reordering entries, breaks every later link; `verify_chain` names
the first entry that does not match."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parley.domain.clock import to_ms
from parley.security.canonical import canonical_json
from parley.store.audit import AuditRow
from parley.store.database import Database
from parley.store.tx import Tx

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class Actor:
    kind: str  # user | system | authority | cli
    id: str | None = None

    @classmethod
    def user(cls, user_id: int) -> Actor:
        return cls("user", str(user_id))

    @classmethod
    def system(cls, name: str = "parley") -> Actor:
        return cls("system", name)


def entry_hash(prev_hash: str, row: AuditRow) -> str:
    body = {
        "id": row.id,
        "at": to_ms(row.at),
        "actor_kind": row.actor_kind,
        "actor_id": row.actor_id,
        "action": row.action,
        "subject_kind": row.subject_kind,
        "subject_id": row.subject_id,
        "data": row.data,
    }
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical_json(body)).hexdigest()


def record(
    tx: Tx,
    *,
    actor: Actor,
    action: str,
    subject_kind: str,
    subject_id: str | int,
    at: datetime,
    data: dict[str, Any] | None = None,
) -> AuditRow:
    """Append an entry inside the caller's transaction, so the action and its record commit
    together or not at all."""
    tx.audit.lock_chain()
    last = tx.audit.last()
    next_id, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1])
    draft = AuditRow(
        id=next_id, at=at, actor_kind=actor.kind, actor_id=actor.id, action=action,
        subject_kind=subject_kind, subject_id=str(subject_id), data=data or {}, prev_hash=prev,
        hash="",
    )  # fmt: skip
    row = AuditRow(**{**_fields(draft), "hash": entry_hash(prev, draft)})
    tx.audit.insert(row)
    return row


def _fields(row: AuditRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in AuditRow.__slots__}


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_id: int | None = None
    reason: str = ""


def verify_chain(db: Database) -> ChainReport:
    """Recompute the chain from the first entry; report the first that does not match."""

    def run(tx: Tx) -> ChainReport:
        prev = GENESIS
        count = 0
        expected_id = 1
        for row in tx.audit.iterate():
            count += 1
            if row.id != expected_id:
                return ChainReport(False, count, row.id, f"entry {expected_id} is missing")
            if row.prev_hash != prev:
                return ChainReport(
                    False, count, row.id, "prev_hash does not link to the entry before"
                )
            if entry_hash(prev, row) != row.hash:
                return ChainReport(False, count, row.id, "hash does not match the entry's content")
            prev = row.hash
            expected_id += 1
        return ChainReport(True, count)

    return db.read_sync(run)
