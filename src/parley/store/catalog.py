"""Every aggregate module, imported so all tables are registered on the shared MetaData."""

from __future__ import annotations

from parley.store import (
    audit,
    bots,
    cases,
    chats,
    codes,
    cursors,
    decisions,
    events,
    hash_banks,
    leases,
    legal_authorities,
    legal_requests,
    media,
    messages,
    scan_queue,
    search_feed,
    search_stats,
    sessions,
    users,
    violations,
)
from parley.store.schema import metadata

AGGREGATES = (
    users, sessions, codes, chats, messages, events, audit, violations, leases, cases,
    decisions, hash_banks, cursors, scan_queue, bots, media, legal_authorities, legal_requests,
    search_feed, search_stats,
)  # fmt: skip

__all__ = ["AGGREGATES", "metadata"]
