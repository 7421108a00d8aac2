"""Messages, keyed by (chat_id, id): ids count up per chat, as Telegram's do in groups."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.messages import ForwardOrigin, Message, MessageKind, Visibility
from parley.store.bulk import execute_many
from parley.store.by_keys import rows_by_keys
from parley.store.schema import metadata
from parley.store.types import EpochMillis, Json

messages = sa.Table(
    "messages",
    metadata,
    sa.Column("chat_id", sa.BigInteger, primary_key=True),
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("sender_id", sa.BigInteger),
    sa.Column("random_id", sa.BigInteger),
    sa.Column("kind", sa.String(8), nullable=False, server_default="text"),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("entities", Json),
    sa.Column("reply_to_id", sa.BigInteger),
    sa.Column("fwd_chat_id", sa.BigInteger),
    sa.Column("fwd_message_id", sa.BigInteger),
    sa.Column("fwd_sender_id", sa.BigInteger),
    sa.Column("fwd_date", EpochMillis),
    sa.Column("media", Json),
    sa.Column("extra", Json),
    sa.Column("date", EpochMillis, nullable=False),
    sa.Column("edit_date", EpochMillis),
    sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("visibility", sa.String(12), nullable=False, server_default="visible"),
    sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()),
    # (chat, sender, random_id) is unique: a retried send finds the first one. The chat is part
    # of the key so the table can be distributed by chat (DESIGN.md, idempotent sends).
    sa.UniqueConstraint("chat_id", "sender_id", "random_id"),
    sa.Index("ix_messages_sender_id_date", "sender_id", "date"),
)


_INSERT = messages.insert()
_RANDOM_ID_KEY = ("chat_id", "sender_id", "random_id")
_KEY = ("chat_id", "id")


def _row_of(message: Message) -> dict[str, Any]:
    fwd = message.forward
    return {
        "chat_id": message.chat_id, "id": message.id, "sender_id": message.sender_id,
        "random_id": message.random_id, "kind": message.kind.value, "text": message.text,
        "entities": message.entities or None, "reply_to_id": message.reply_to_id,
        "fwd_chat_id": fwd.chat_id if fwd else None,
        "fwd_message_id": fwd.message_id if fwd else None,
        "fwd_sender_id": fwd.sender_id if fwd else None, "fwd_date": fwd.date if fwd else None,
        "media": message.media, "extra": message.extra or None, "date": message.date,
        "edit_date": None, "deleted": False, "visibility": message.visibility.value,
        "pinned": False,
    }  # fmt: skip


def _to_message(row: Row[Any]) -> Message:
    forward = None
    if row.fwd_date is not None:
        forward = ForwardOrigin(
            chat_id=row.fwd_chat_id, message_id=row.fwd_message_id,
            sender_id=row.fwd_sender_id, date=row.fwd_date,
        )  # fmt: skip
    return Message(
        chat_id=row.chat_id, id=row.id, sender_id=row.sender_id, kind=MessageKind(row.kind),
        text=row.text, date=row.date, entities=row.entities or [], reply_to_id=row.reply_to_id,
        forward=forward, edit_date=row.edit_date, deleted=row.deleted,
        visibility=Visibility(row.visibility), pinned=row.pinned, media=row.media,
        extra=row.extra or {}, random_id=row.random_id,
    )  # fmt: skip


class MessagesRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, message: Message) -> None:
        self.conn.execute(_INSERT, _row_of(message))

    def insert_many(self, batch: list[Message]) -> None:
        if batch:
            execute_many(self.conn, _INSERT, [_row_of(m) for m in batch])

    def by_random_ids(
        self, keys: list[tuple[int, int, int]]
    ) -> dict[tuple[int, int, int], Message]:
        """Earlier sends by (chat_id, sender_id, random_id), for idempotent retries."""
        if not keys:
            return {}
        rows = rows_by_keys(self.conn, messages, _RANDOM_ID_KEY, keys)
        return {(r.chat_id, r.sender_id, r.random_id): _to_message(r) for r in rows}

    def live_keys(self, keys: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """Which (chat_id, id) pairs name a message that exists and is not deleted."""
        if not keys:
            return set()
        return {(r.chat_id, r.id) for r in rows_by_keys(self.conn, messages, _KEY, keys)
                if not r.deleted}  # fmt: skip

    def get(self, chat_id: int, message_id: int) -> Message | None:
        row = self.conn.execute(
            sa.select(messages).where(messages.c.chat_id == chat_id, messages.c.id == message_id)
        ).first()
        return None if row is None else _to_message(row)

    def get_many(self, chat_id: int, ids: list[int]) -> dict[int, Message]:
        if not ids:
            return {}
        rows = self.conn.execute(
            sa.select(messages).where(messages.c.chat_id == chat_id, messages.c.id.in_(ids))
        ).all()
        return {r.id: _to_message(r) for r in rows}

    def get_keys(self, keys: list[tuple[int, int]]) -> dict[tuple[int, int], Message]:
        """Messages by (chat_id, id), for search hits and dialog previews."""
        rows = rows_by_keys(self.conn, messages, _KEY, keys)
        return {(r.chat_id, r.id): _to_message(r) for r in rows}

    def by_random_id(self, chat_id: int, sender_id: int, random_id: int) -> Message | None:
        row = self.conn.execute(
            sa.select(messages).where(
                messages.c.chat_id == chat_id,
                messages.c.sender_id == sender_id,
                messages.c.random_id == random_id,
            )
        ).first()
        return None if row is None else _to_message(row)

    def history(
        self,
        chat_id: int,
        *,
        before_id: int | None = None,
        after_id: int | None = None,
        limit: int = 50,
        include_removed: bool = False,
    ) -> list[Message]:
        """A page of a chat's messages, newest first when paging back, oldest first forward."""
        query = sa.select(messages).where(
            messages.c.chat_id == chat_id, messages.c.deleted.is_(False)
        )
        if not include_removed:
            query = query.where(messages.c.visibility != Visibility.REMOVED.value)
        if after_id is not None:
            query = query.where(messages.c.id > after_id).order_by(messages.c.id.asc())
        else:
            if before_id is not None:
                query = query.where(messages.c.id < before_id)
            query = query.order_by(messages.c.id.desc())
        return [_to_message(r) for r in self.conn.execute(query.limit(limit)).all()]

    def update(self, chat_id: int, message_id: int, **values: Any) -> None:
        self.conn.execute(
            messages.update()
            .where(messages.c.chat_id == chat_id, messages.c.id == message_id)
            .values(**values)
        )

    def pinned(self, chat_id: int, limit: int = 50) -> list[Message]:
        rows = self.conn.execute(
            sa.select(messages)
            .where(
                messages.c.chat_id == chat_id,
                messages.c.pinned.is_(True),
                messages.c.deleted.is_(False),
            )
            .order_by(messages.c.id.desc())
            .limit(limit)
        ).all()
        return [_to_message(r) for r in rows]
