"""Every aggregate module, imported so all tables are registered on the shared MetaData."""

from __future__ import annotations

from parley.store import (
    audit,
    chats,
    codes,
    events,
    leases,
    legal_authorities,
    legal_requests,
    messages,
    notices,
    sessions,
    users,
    violations,
)
from parley.store.schema import metadata

AGGREGATES = (
    users, sessions, codes, chats, messages, events, audit, violations, leases,
    legal_authorities, legal_requests, notices,
)  # fmt: skip

__all__ = ["AGGREGATES", "metadata"]
