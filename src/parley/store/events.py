"""The per-chat event sequence (pts) and the per-user sequence (seq)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.events import (
    Audience,
    ChatEvent,
    ChatEventKind,
    EventPosition,
    UserEvent,
    UserEventKind,
)
from parley.store import feeds
from parley.store.bulk import execute_many
from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis, Json

chat_events = sa.Table(
    "chat_events",
    metadata,
    # `id` orders all events of one store for consumers that tail the sequence (search index,
    # scanners); the chat's own order is (chat_id, pts), which is unique.
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("chat_id", sa.BigInteger, nullable=False),
    sa.Column("pts", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("audience", sa.String(8), nullable=False, server_default="all"),
    sa.Column("data", Json, nullable=False),
    sa.Column("date", EpochMillis, nullable=False),
    # PostgreSQL: the writing transaction's id, so consumers can read in commit-safe order
    # (domain.events.EventPosition). SQLite commits in id order and leaves it empty.
    sa.Column("xid", sa.BigInteger),
    sa.UniqueConstraint("chat_id", "pts"),
    sa.Index("ix_chat_events_xid_id", "xid", "id").ddl_if(dialect="postgresql"),
)

user_events = sa.Table(
    "user_events",
    metadata,
    sa.Column("user_id", sa.BigInteger, primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("data", Json, nullable=False),
    sa.Column("date", EpochMillis, nullable=False),
)


@dataclass(frozen=True, slots=True)
class EventWindow:
    """A stretch of the event sequence: where it ends, which chats it touches, how long."""

    last: EventPosition
    chat_ids: frozenset[int]
    count: int


_INSERT_CHAT_EVENT = chat_events.insert()
_INSERT_CHAT_EVENT_PG = chat_events.insert().values(xid=feeds.CURRENT_XID)


def _to_chat_event(row: Row[Any]) -> ChatEvent:
    return ChatEvent(
        chat_id=row.chat_id, pts=row.pts, kind=ChatEventKind(row.kind), data=row.data,
        audience=Audience(row.audience), date=row.date, id=row.id, xid=row.xid or 0,
    )  # fmt: skip


class EventsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def append_chat(
        self,
        *,
        chat_id: int,
        pts: int,
        kind: ChatEventKind,
        data: dict[str, Any],
        at: datetime,
        audience: Audience = Audience.ALL,
    ) -> ChatEvent:
        result = self.conn.execute(
            self._insert(),
            {"chat_id": chat_id, "pts": pts, "kind": kind.value, "audience": audience.value,
             "data": data, "date": at},
        )  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        return ChatEvent(
            chat_id=chat_id,
            pts=pts,
            kind=kind,
            data=data,
            audience=audience,
            date=at,
            id=int(pk[0]),
        )

    def append_chat_many(self, batch: list[ChatEvent]) -> None:
        """Write many events at once (their global ids are assigned but not read back)."""
        if batch:
            execute_many(
                self.conn,
                self._insert(),
                [{"chat_id": e.chat_id, "pts": e.pts, "kind": e.kind.value,
                  "audience": e.audience.value, "data": e.data, "date": e.date}
                 for e in batch],
            )  # fmt: skip

    def chat_since(self, chat_id: int, pts: int, *, limit: int) -> list[ChatEvent]:
        rows = self.conn.execute(
            sa.select(chat_events)
            .where(chat_events.c.chat_id == chat_id, chat_events.c.pts > pts)
            .order_by(chat_events.c.pts)
            .limit(limit)
        ).all()
        return [_to_chat_event(r) for r in rows]

    def _insert(self) -> sa.Insert:
        pg = self.conn.dialect.name == "postgresql"
        return _INSERT_CHAT_EVENT_PG if pg else _INSERT_CHAT_EVENT

    def tail(self, after: EventPosition, *, limit: int) -> list[ChatEvent]:
        """Events after `after` in commit-safe order (see store/feeds.py)."""
        rows = self.conn.execute(feeds.after(self.conn, chat_events, after).limit(limit)).all()
        return [_to_chat_event(r) for r in rows]

    def window(self, after: EventPosition, *, limit: int) -> EventWindow:
        """The next `limit` events' chats and the position of the last, without their data: a
        consumer that cares about a few chats reads only theirs (`tail_in`) and still moves
        its cursor past the rest."""
        c = chat_events.c
        query = feeds.after(self.conn, chat_events, after, (c.id, c.xid, c.chat_id))
        rows = self.conn.execute(query.limit(limit)).all()
        if not rows:
            return EventWindow(after, frozenset(), 0)
        return EventWindow(feeds.position_of(rows[-1]), frozenset(r.chat_id for r in rows),
                           len(rows))  # fmt: skip

    def tail_in(
        self, after: EventPosition, window: EventWindow, chat_ids: set[int]
    ) -> list[ChatEvent]:
        """The events of `chat_ids` in a window read by `window`, in consumption order."""
        if not chat_ids or not window.count:
            return []
        query = feeds.after(self.conn, chat_events, after).where(
            feeds.through(self.conn, chat_events, window.last),
            chat_events.c.chat_id.in_(sorted(chat_ids)),
        )
        return [_to_chat_event(r) for r in self.conn.execute(query).all()]

    def head(self) -> EventPosition:
        return feeds.head(self.conn, chat_events)

    def has_after(self, after: EventPosition) -> bool:
        return bool(self.tail(after, limit=1))

    def append_user(
        self, *, user_id: int, seq: int, kind: UserEventKind, data: dict[str, Any], at: datetime
    ) -> UserEvent:
        self.conn.execute(
            user_events.insert().values(
                user_id=user_id, seq=seq, kind=kind.value, data=data, date=at
            )
        )
        return UserEvent(user_id=user_id, seq=seq, kind=kind, data=data, date=at)

    def user_since(self, user_id: int, seq: int, *, limit: int) -> list[UserEvent]:
        rows = self.conn.execute(
            sa.select(user_events)
            .where(user_events.c.user_id == user_id, user_events.c.seq > seq)
            .order_by(user_events.c.seq)
            .limit(limit)
        ).all()
        return [
            UserEvent(user_id=r.user_id, seq=r.seq, kind=UserEventKind(r.kind), data=r.data,
                      date=r.date)
            for r in rows
        ]  # fmt: skip
