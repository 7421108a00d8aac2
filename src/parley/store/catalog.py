"""Every aggregate module, imported so all tables are registered on the shared MetaData."""

from __future__ import annotations

from parley.store import (
    audit,
    chats,
    codes,
    events,
    messages,
    search_feed,
    search_stats,
    sessions,
    users,
    violations,
)
from parley.store.schema import metadata

AGGREGATES = (
    users, sessions, codes, chats, messages, events, audit, violations, search_feed, search_stats,
)  # fmt: skip

__all__ = ["AGGREGATES", "metadata"]
