"""Column types shared by every table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect

from parley.domain.clock import from_ms, to_ms


class EpochMillis(sa.TypeDecorator[datetime]):
    """A UTC datetime stored as integer milliseconds: compact, index-friendly, and the same on
    SQLite and PostgreSQL."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC-aware ones")
        return to_ms(value)

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return from_ms(int(value))


# JSON documents: JSONB on PostgreSQL, JSON text on SQLite.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
# 64-bit ids; on SQLite an INTEGER PRIMARY KEY is the rowid, which autoincrements.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
