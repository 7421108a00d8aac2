"""What people search for, in aggregate: normalized query text and a count per day.

Nobody's identity is kept, only how often a query was asked, so moderators can see what the
public search is used to look for without learning who looked."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.store.schema import metadata

QUERY_MAX = 256

search_query_counts = sa.Table(
    "search_query_counts",
    metadata,
    sa.Column("day", sa.Integer, primary_key=True),  # days since 1970-01-01 (UTC)
    sa.Column("query", sa.String(QUERY_MAX), primary_key=True),
    sa.Column("count", sa.BigInteger, nullable=False, server_default="0"),
)


@dataclass(frozen=True, slots=True)
class QueryCount:
    query: str
    count: int


class SearchStatsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, day: int, counts: dict[str, int]) -> None:
        """Add counts for one day (an update, else an insert; a lost insert race on
        PostgreSQL retries the whole write, see database._is_retryable)."""
        t = search_query_counts
        for query, n in sorted(counts.items()):
            text = query[:QUERY_MAX]
            updated = self.conn.execute(
                t.update().where(t.c.day == day, t.c.query == text).values(count=t.c.count + n)
            )
            if updated.rowcount == 0:
                self.conn.execute(t.insert().values(day=day, query=text, count=n))

    def top(self, *, since_day: int, until_day: int, limit: int) -> list[QueryCount]:
        """The most asked queries over [since_day, until_day], most first."""
        t = search_query_counts
        total = sa.func.sum(t.c.count).label("total")
        rows = self.conn.execute(
            sa.select(t.c.query, total)
            .where(t.c.day >= since_day, t.c.day <= until_day)
            .group_by(t.c.query)
            .order_by(total.desc(), t.c.query)
            .limit(limit)
        ).all()
        return [QueryCount(query=r.query, count=int(r.total)) for r in rows]
