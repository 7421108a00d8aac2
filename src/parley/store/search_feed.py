"""What the search index is built from: a small outbox of changed users and chats, and bulk
scans of the store for a full rebuild.

Chat events cover messages and membership, but a profile edit, a new account or a moderator
changing a status writes no event. The users and chats repositories append a row here in the
same transaction as such a change, so the indexer misses none of them, whichever code path
made it. The indexer tails the outbox like the event sequence and prunes what it applied."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.domain.events import EventPosition
from parley.store import feeds
from parley.store.schema import metadata
from parley.store.types import BigId

search_outbox = sa.Table(
    "search_outbox",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("ref_id", sa.BigInteger, nullable=False),
    sa.Column("xid", sa.BigInteger),  # PostgreSQL: the writing transaction (store/feeds.py)
    sa.Index("ix_search_outbox_xid_id", "xid", "id").ddl_if(dialect="postgresql"),
    # Old entries are pruned, so ids must never be handed out twice (SQLite would reuse
    # them after an empty table without AUTOINCREMENT; PostgreSQL sequences never do).
    sqlite_autoincrement=True,
)


class FeedKind(StrEnum):
    USER = "user"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: int
    kind: FeedKind
    ref_id: int
    xid: int = 0

    @property
    def position(self) -> EventPosition:
        return EventPosition(self.xid, self.id)


class MessageRow(NamedTuple):
    """The columns a message document needs, with its chat's state, for bulk reads. A tuple
    and raw milliseconds: a rebuild reads millions of these."""

    chat_id: int
    id: int
    sender_id: int | None
    text: str
    date_ms: int
    chat_kind: str
    chat_username: str | None
    chat_status: str
    chat_size: int


def touch(conn: Connection, kind: FeedKind, ref_id: int) -> None:
    """Note that a user or chat changed; called by the repositories inside their write."""
    conn.execute(
        feeds.stamped(conn, search_outbox.insert()), {"kind": kind.value, "ref_id": ref_id}
    )


class SearchFeedRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def refresh_statistics(self) -> None:
        """PostgreSQL: fresh planner statistics for the tables a rebuild scans in key order.
        Right after a bulk load (`parley db copy`, a restore) there are none, and the planner
        answered every page of the scan with a sequential scan and a sort: a 1,000,000-message
        rebuild took hours instead of a minute."""
        if self.conn.dialect.name == "postgresql":
            self.conn.exec_driver_sql("ANALYZE messages, chats, users")

    def touch(self, kind: FeedKind, ref_id: int) -> None:
        touch(self.conn, kind, ref_id)

    def tail(self, after: EventPosition, *, limit: int) -> list[FeedEntry]:
        rows = self.conn.execute(feeds.after(self.conn, search_outbox, after).limit(limit)).all()
        return [FeedEntry(id=r.id, kind=FeedKind(r.kind), ref_id=r.ref_id, xid=r.xid or 0)
                for r in rows]  # fmt: skip

    def head(self) -> EventPosition:
        return feeds.head(self.conn, search_outbox)

    def oldest_id(self) -> int | None:
        value = self.conn.execute(sa.select(sa.func.min(search_outbox.c.id))).scalar()
        return None if value is None else int(value)

    def prune_below(self, position: EventPosition) -> int:
        """Forget entries every indexer has applied (the slowest indexer's position)."""
        query = search_outbox.delete().where(search_outbox.c.id <= position.id)
        if feeds.on_postgres(self.conn):
            query = search_outbox.delete().where(
                sa.tuple_(search_outbox.c.xid, search_outbox.c.id)
                <= sa.tuple_(sa.literal(position.xid), sa.literal(position.id))
            )
        return int(self.conn.execute(query).rowcount or 0)

    # -- bulk scans for rebuilding the index -------------------------------------------------
    def count_messages(self) -> int:
        """Text messages not deleted: what a rebuild indexes."""
        from parley.store.messages import messages

        query = (
            sa.select(sa.func.count())
            .select_from(messages)
            .where(messages.c.kind == "text", messages.c.deleted.is_(False))
        )
        return int(self.conn.execute(query).scalar_one())

    def scan_messages(self, after: tuple[int, int], *, limit: int) -> list[MessageRow]:
        """Text messages not deleted, in key order after (chat_id, id), each with its chat's
        state; page on the last row's key."""
        from parley.store.messages import messages

        key = sa.tuple_(messages.c.chat_id, messages.c.id)
        query = _message_rows().where(key > sa.tuple_(*after)).order_by(*key.clauses).limit(limit)
        return [MessageRow._make(r) for r in self.conn.execute(query)]

    def chat_messages(self, chat_id: int, *, after_id: int, limit: int) -> list[MessageRow]:
        """One chat's text messages after `after_id`, for re-filing a chat that went public
        or private."""
        from parley.store.messages import messages

        query = (
            _message_rows()
            .where(messages.c.chat_id == chat_id, messages.c.id > after_id)
            .order_by(messages.c.id)
            .limit(limit)
        )
        return [MessageRow._make(r) for r in self.conn.execute(query)]

    def private_peers(self, chat_ids: list[int], user_id: int) -> dict[int, int]:
        """For private chats: the other participant of each (the user alone: themselves)."""
        from parley.store.chats import ACTIVE, chat_members

        rows = self.conn.execute(
            sa.select(chat_members.c.chat_id, chat_members.c.user_id).where(
                chat_members.c.chat_id.in_(chat_ids), chat_members.c.status.in_(ACTIVE)
            )
        ).all()
        peers: dict[int, int] = {}
        for r in rows:
            if r.user_id != user_id or r.chat_id not in peers:
                peers[r.chat_id] = r.user_id
        return peers

    def scan_ids(self, kind: FeedKind, *, after_id: int, limit: int) -> list[int]:
        """User or chat ids in order, for a rebuild (private one-to-one chats are skipped)."""
        from parley.store.chats import chats
        from parley.store.users import users

        query: Any
        if kind is FeedKind.USER:
            query = sa.select(users.c.id).where(users.c.id > after_id).order_by(users.c.id)
        else:
            query = (
                sa.select(chats.c.id)
                .where(chats.c.id > after_id, chats.c.kind != "private")
                .order_by(chats.c.id)
            )
        return [int(i) for i in self.conn.execute(query.limit(limit)).scalars()]

    def count_ids(self, kind: FeedKind) -> int:
        from parley.store.chats import chats
        from parley.store.users import users

        if kind is FeedKind.USER:
            query = sa.select(sa.func.count()).select_from(users)
        else:
            query = sa.select(sa.func.count()).select_from(chats).where(chats.c.kind != "private")
        return int(self.conn.execute(query).scalar_one())


def _message_rows() -> sa.Select[Any]:
    from parley.store.chats import chats
    from parley.store.messages import messages

    return (
        sa.select(
            messages.c.chat_id, messages.c.id, messages.c.sender_id, messages.c.text,
            sa.type_coerce(messages.c.date, sa.BigInteger), chats.c.kind, chats.c.username,
            chats.c.status, chats.c.member_count,
        )
        .select_from(messages.join(chats, chats.c.id == messages.c.chat_id))
        .where(messages.c.kind == "text", messages.c.deleted.is_(False))
    )  # fmt: skip
