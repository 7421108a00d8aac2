"""Every aggregate module, imported so all tables are registered on the shared MetaData."""

from __future__ import annotations

from parley.store import (
    audit,
    bots,
    chats,
    codes,
    events,
    media,
    messages,
    sessions,
    users,
    violations,
)
from parley.store.schema import metadata

AGGREGATES = (users, sessions, codes, chats, messages, events, audit, violations, bots, media)

__all__ = ["AGGREGATES", "metadata"]
