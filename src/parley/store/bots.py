"""Bots: their tokens and settings, the per-bot update queue, commands, callback queries,
the users who blocked a bot, and the dispatcher's place in the chat event sequence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.events import EventPosition
from parley.store.schema import metadata
from parley.store.types import EpochMillis, Json

bots = sa.Table(
    "bots",
    metadata,
    sa.Column("user_id", sa.BigInteger, primary_key=True),  # the bot's account (users.id)
    sa.Column("owner_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("token_hash", sa.LargeBinary),  # None while the token is revoked
    sa.Column("privacy", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("can_join_groups", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("allowed_updates", Json),  # None: the default kinds
    sa.Column("last_update_id", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("webhook_url", sa.String(2048)),
    sa.Column("webhook_secret", sa.String(256)),
    sa.Column("webhook_ip", sa.String(64)),
    sa.Column("webhook_max_connections", sa.Integer, nullable=False, server_default="40"),
    sa.Column("webhook_last_error_at", EpochMillis),
    sa.Column("webhook_last_error", sa.String(255)),
    sa.Column("created_at", EpochMillis, nullable=False),
)

bot_updates = sa.Table(
    "bot_updates",
    metadata,
    sa.Column("bot_id", sa.BigInteger, primary_key=True),
    sa.Column("update_id", sa.BigInteger, primary_key=True),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("chat_id", sa.BigInteger, nullable=False),  # webhook order is kept per chat
    sa.Column("payload", Json, nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False, index=True),
    # Webhook delivery: a claimed update is in flight until `claimed_until`; a failed one
    # waits until `next_attempt_at`, its delay doubling with each failure.
    sa.Column("claimed_until", EpochMillis),
    sa.Column("next_attempt_at", EpochMillis),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
)

bot_commands = sa.Table(
    "bot_commands",
    metadata,
    sa.Column("bot_id", sa.BigInteger, primary_key=True),
    sa.Column("scope", sa.String(64), primary_key=True),
    sa.Column("language_code", sa.String(8), primary_key=True),
    sa.Column("commands", Json, nullable=False),
)

callback_queries = sa.Table(
    "callback_queries",
    metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("bot_id", sa.BigInteger, nullable=False),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("chat_id", sa.BigInteger, nullable=False),
    sa.Column("message_id", sa.BigInteger, nullable=False),
    sa.Column("data", sa.String(64), nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False, index=True),
    sa.Column("answered_at", EpochMillis),
    sa.Column("answer", Json),
)

bot_blocks = sa.Table(
    "bot_blocks",
    metadata,
    sa.Column("user_id", sa.BigInteger, primary_key=True),
    sa.Column("bot_id", sa.BigInteger, primary_key=True),
    sa.Column("created_at", EpochMillis, nullable=False),
)

bot_dispatch = sa.Table(
    "bot_dispatch",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),  # one row
    sa.Column("last_event_id", sa.BigInteger, nullable=False),
    sa.Column("last_xid", sa.BigInteger, nullable=False, server_default="0"),
)


@dataclass(frozen=True, slots=True)
class BotRow:
    user_id: int
    owner_id: int
    has_token: bool
    privacy: bool
    can_join_groups: bool
    allowed_updates: list[str] | None
    last_update_id: int
    webhook_url: str | None
    webhook_secret: str | None
    webhook_ip: str | None
    webhook_max_connections: int
    webhook_last_error_at: datetime | None
    webhook_last_error: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredUpdate:
    bot_id: int
    update_id: int
    kind: str
    chat_id: int
    payload: dict[str, Any]
    created_at: datetime
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class CallbackRow:
    id: str
    bot_id: int
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: datetime
    answered_at: datetime | None
    answer: dict[str, Any] | None


def _to_bot(row: Row[Any]) -> BotRow:
    return BotRow(
        user_id=row.user_id, owner_id=row.owner_id, has_token=row.token_hash is not None,
        privacy=row.privacy, can_join_groups=row.can_join_groups,
        allowed_updates=row.allowed_updates, last_update_id=row.last_update_id,
        webhook_url=row.webhook_url, webhook_secret=row.webhook_secret, webhook_ip=row.webhook_ip,
        webhook_max_connections=row.webhook_max_connections,
        webhook_last_error_at=row.webhook_last_error_at, webhook_last_error=row.webhook_last_error,
        created_at=row.created_at,
    )  # fmt: skip


def _to_update(row: Row[Any]) -> StoredUpdate:
    return StoredUpdate(bot_id=row.bot_id, update_id=row.update_id, kind=row.kind,
                        chat_id=row.chat_id, payload=row.payload, created_at=row.created_at,
                        attempts=row.attempts)  # fmt: skip


def _to_callback(row: Row[Any]) -> CallbackRow:
    return CallbackRow(id=row.id, bot_id=row.bot_id, user_id=row.user_id, chat_id=row.chat_id,
                       message_id=row.message_id, data=row.data, created_at=row.created_at,
                       answered_at=row.answered_at, answer=row.answer)  # fmt: skip


class BotsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- bots ----------------------------------------------------------------------------
    def insert(self, *, user_id: int, owner_id: int, token_hash: bytes, at: datetime) -> None:
        self.conn.execute(
            bots.insert().values(user_id=user_id, owner_id=owner_id, token_hash=token_hash,
                                 privacy=True, can_join_groups=True, last_update_id=0,
                                 webhook_max_connections=40, created_at=at)
        )  # fmt: skip

    def get(self, bot_id: int) -> BotRow | None:
        row = self.conn.execute(sa.select(bots).where(bots.c.user_id == bot_id)).first()
        return None if row is None else _to_bot(row)

    def get_many(self, bot_ids: list[int] | set[int]) -> dict[int, BotRow]:
        if not bot_ids:
            return {}
        rows = self.conn.execute(sa.select(bots).where(bots.c.user_id.in_(list(bot_ids)))).all()
        return {r.user_id: _to_bot(r) for r in rows}

    def token_hash(self, bot_id: int) -> bytes | None:
        value = self.conn.execute(
            sa.select(bots.c.token_hash).where(bots.c.user_id == bot_id)
        ).scalar()
        return None if value is None else bytes(value)

    def owned_by(self, owner_id: int) -> list[BotRow]:
        rows = self.conn.execute(
            sa.select(bots).where(bots.c.owner_id == owner_id).order_by(bots.c.user_id)
        ).all()
        return [_to_bot(r) for r in rows]

    def count_owned(self, owner_id: int) -> int:
        return int(
            self.conn.execute(
                sa.select(sa.func.count()).select_from(bots).where(bots.c.owner_id == owner_id)
            ).scalar_one()
        )

    def update(self, bot_id: int, **values: Any) -> None:
        self.conn.execute(bots.update().where(bots.c.user_id == bot_id).values(**values))

    def with_webhook(self, limit: int) -> list[BotRow]:
        """Bots that have a webhook and something waiting for it."""
        pending = sa.select(bot_updates.c.bot_id).where(bot_updates.c.bot_id == bots.c.user_id)
        rows = self.conn.execute(
            sa.select(bots)
            .where(bots.c.webhook_url.is_not(None), pending.exists())
            .order_by(bots.c.user_id)
            .limit(limit)
        ).all()
        return [_to_bot(r) for r in rows]

    # -- the dispatcher's cursor -----------------------------------------------------------
    def cursor(self) -> EventPosition | None:
        row = self.conn.execute(
            sa.select(bot_dispatch.c.last_xid, bot_dispatch.c.last_event_id).where(
                bot_dispatch.c.id == 1
            )
        ).first()
        return None if row is None else EventPosition(int(row.last_xid), int(row.last_event_id))

    def init_cursor(self, position: EventPosition) -> None:
        self.conn.execute(bot_dispatch.insert().values(id=1, last_event_id=position.id,
                                                       last_xid=position.xid))  # fmt: skip

    def advance_cursor(self, old: EventPosition, new: EventPosition) -> bool:
        """Compare-and-set, so two processes never dispatch the same events twice."""
        result = self.conn.execute(
            bot_dispatch.update()
            .where(
                bot_dispatch.c.id == 1,
                bot_dispatch.c.last_event_id == old.id,
                bot_dispatch.c.last_xid == old.xid,
            )
            .values(last_event_id=new.id, last_xid=new.xid)
        )
        return result.rowcount == 1

    # -- updates ---------------------------------------------------------------------------
    def append_updates(
        self, bot_id: int, items: list[tuple[str, int, dict[str, Any]]], at: datetime
    ) -> list[int]:
        """Give each (kind, chat_id, payload) the bot's next update_id and queue it."""
        if not items:
            return []
        last = self.conn.execute(
            bots.update()
            .where(bots.c.user_id == bot_id)
            .values(last_update_id=bots.c.last_update_id + len(items))
            .returning(bots.c.last_update_id)
        ).scalar_one()
        first = int(last) - len(items) + 1
        ids = list(range(first, first + len(items)))
        self.conn.execute(
            bot_updates.insert(),
            [
                {"bot_id": bot_id, "update_id": uid, "kind": kind, "chat_id": chat_id,
                 "payload": payload, "created_at": at, "attempts": 0}
                for uid, (kind, chat_id, payload) in zip(ids, items, strict=True)
            ],
        )  # fmt: skip
        return ids

    def pending(self, bot_id: int, *, after: int = 0, limit: int = 100) -> list[StoredUpdate]:
        rows = self.conn.execute(
            sa.select(bot_updates)
            .where(bot_updates.c.bot_id == bot_id, bot_updates.c.update_id > after)
            .order_by(bot_updates.c.update_id)
            .limit(limit)
        ).all()
        return [_to_update(r) for r in rows]

    def pending_count(self, bot_id: int) -> int:
        return int(
            self.conn.execute(
                sa.select(sa.func.count())
                .select_from(bot_updates)
                .where(bot_updates.c.bot_id == bot_id)
            ).scalar_one()
        )

    def forget_before(self, bot_id: int, update_id: int) -> int:
        result = self.conn.execute(
            bot_updates.delete().where(
                bot_updates.c.bot_id == bot_id, bot_updates.c.update_id < update_id
            )
        )
        return int(result.rowcount)

    def forget_all_but_last(self, bot_id: int, keep: int) -> None:
        ids = (
            self.conn.execute(
                sa.select(bot_updates.c.update_id)
                .where(bot_updates.c.bot_id == bot_id)
                .order_by(bot_updates.c.update_id.desc())
                .limit(keep)
            )
            .scalars()
            .all()
        )
        if not ids:
            self.forget_before(bot_id, 2**62)
            return
        self.forget_before(bot_id, min(int(i) for i in ids))

    def forget(self, bot_id: int, update_id: int) -> None:
        self.conn.execute(
            bot_updates.delete().where(
                bot_updates.c.bot_id == bot_id, bot_updates.c.update_id == update_id
            )
        )

    def purge_before(self, cutoff: datetime) -> int:
        result = self.conn.execute(bot_updates.delete().where(bot_updates.c.created_at < cutoff))
        return int(result.rowcount)

    def claim(
        self, bot_id: int, *, slots: int, now: datetime, until: datetime
    ) -> list[StoredUpdate]:
        """Claim up to `slots` updates for webhook delivery, never more than one at a time for
        one chat, so each chat's updates arrive in order while chats proceed in parallel."""
        rows = self.conn.execute(
            sa.select(bot_updates)
            .where(bot_updates.c.bot_id == bot_id)
            .order_by(bot_updates.c.update_id)
            .limit(slots * 4 + 64)
        ).all()
        blocked: set[int] = set()
        claimed: list[StoredUpdate] = []
        in_flight = sum(1 for r in rows if r.claimed_until is not None and r.claimed_until > now)
        free = slots - in_flight
        for row in rows:
            if free <= 0:
                break
            busy = row.claimed_until is not None and row.claimed_until > now
            waiting = row.next_attempt_at is not None and row.next_attempt_at > now
            if row.chat_id not in blocked and not busy and not waiting:
                claimed.append(_to_update(row))
                free -= 1
            blocked.add(row.chat_id)
        for update in claimed:
            self.conn.execute(
                bot_updates.update()
                .where(bot_updates.c.bot_id == bot_id,
                       bot_updates.c.update_id == update.update_id)
                .values(claimed_until=until)
            )  # fmt: skip
        return claimed

    def release(self, bot_id: int, update_id: int, *, next_attempt_at: datetime) -> None:
        self.conn.execute(
            bot_updates.update()
            .where(bot_updates.c.bot_id == bot_id, bot_updates.c.update_id == update_id)
            .values(claimed_until=None, next_attempt_at=next_attempt_at,
                    attempts=bot_updates.c.attempts + 1)
        )  # fmt: skip

    def release_claims(self, bot_id: int) -> None:
        self.conn.execute(
            bot_updates.update()
            .where(bot_updates.c.bot_id == bot_id)
            .values(claimed_until=None, next_attempt_at=None)
        )

    def next_wakeup(self, now: datetime) -> datetime | None:
        """The earliest time a waiting webhook update becomes due."""
        return self.conn.execute(
            sa.select(sa.func.min(bot_updates.c.next_attempt_at)).where(
                bot_updates.c.next_attempt_at > now
            )
        ).scalar()

    # -- commands --------------------------------------------------------------------------
    def set_commands(
        self, bot_id: int, scope: str, language: str, commands: list[dict[str, str]]
    ) -> None:
        self.delete_commands(bot_id, scope, language)
        if commands:
            self.conn.execute(
                bot_commands.insert().values(
                    bot_id=bot_id, scope=scope, language_code=language, commands=commands
                )
            )

    def get_commands(self, bot_id: int, scope: str, language: str) -> list[dict[str, str]] | None:
        value = self.conn.execute(
            sa.select(bot_commands.c.commands).where(
                bot_commands.c.bot_id == bot_id,
                bot_commands.c.scope == scope,
                bot_commands.c.language_code == language,
            )
        ).scalar()
        return None if value is None else list(value)

    def delete_commands(self, bot_id: int, scope: str, language: str) -> None:
        self.conn.execute(
            bot_commands.delete().where(
                bot_commands.c.bot_id == bot_id,
                bot_commands.c.scope == scope,
                bot_commands.c.language_code == language,
            )
        )

    # -- callback queries ------------------------------------------------------------------
    def insert_callback(self, row: CallbackRow) -> None:
        self.conn.execute(
            callback_queries.insert().values(
                id=row.id, bot_id=row.bot_id, user_id=row.user_id, chat_id=row.chat_id,
                message_id=row.message_id, data=row.data, created_at=row.created_at,
            )
        )  # fmt: skip

    def get_callback(self, query_id: str) -> CallbackRow | None:
        row = self.conn.execute(
            sa.select(callback_queries).where(callback_queries.c.id == query_id)
        ).first()
        return None if row is None else _to_callback(row)

    def answer_callback(self, query_id: str, answer: dict[str, Any], at: datetime) -> bool:
        result = self.conn.execute(
            callback_queries.update()
            .where(callback_queries.c.id == query_id, callback_queries.c.answered_at.is_(None))
            .values(answered_at=at, answer=answer)
        )
        return result.rowcount == 1

    def purge_callbacks_before(self, cutoff: datetime) -> int:
        result = self.conn.execute(
            callback_queries.delete().where(callback_queries.c.created_at < cutoff)
        )
        return int(result.rowcount)

    # -- blocks ----------------------------------------------------------------------------
    def set_blocked(self, user_id: int, bot_id: int, blocked: bool, at: datetime) -> bool:
        """Returns True when this changed anything."""
        if blocked:
            if self.is_blocked(user_id, bot_id):
                return False
            self.conn.execute(bot_blocks.insert().values(user_id=user_id, bot_id=bot_id,
                                                         created_at=at))  # fmt: skip
            return True
        result = self.conn.execute(
            bot_blocks.delete().where(
                bot_blocks.c.user_id == user_id, bot_blocks.c.bot_id == bot_id
            )
        )
        return result.rowcount > 0

    def is_blocked(self, user_id: int, bot_id: int) -> bool:
        found = self.conn.execute(
            sa.select(bot_blocks.c.user_id).where(
                bot_blocks.c.user_id == user_id, bot_blocks.c.bot_id == bot_id
            )
        ).first()
        return found is not None

    def blockers_among(self, bot_id: int, user_ids: list[int]) -> set[int]:
        if not user_ids:
            return set()
        rows = self.conn.execute(
            sa.select(bot_blocks.c.user_id).where(
                bot_blocks.c.bot_id == bot_id, bot_blocks.c.user_id.in_(user_ids)
            )
        ).scalars()
        return {int(u) for u in rows}

    # -- memberships of bots, for the dispatcher -------------------------------------------
    def bot_ids_among(self, user_ids: list[int] | set[int]) -> set[int]:
        if not user_ids:
            return set()
        rows = self.conn.execute(
            sa.select(bots.c.user_id).where(bots.c.user_id.in_(list(user_ids)))
        ).scalars()
        return {int(u) for u in rows}

    def memberships_in(self, chat_ids: list[int]) -> list[tuple[int, int, str, bool]]:
        """(chat_id, bot_id, status, is_admin) for every bot with a membership row in these
        chats, whatever its status."""
        from parley.store.chats import chat_members  # one aggregate reads another's table here

        if not chat_ids:
            return []
        rows = self.conn.execute(
            sa.select(chat_members.c.chat_id, chat_members.c.user_id, chat_members.c.status)
            .select_from(chat_members.join(bots, bots.c.user_id == chat_members.c.user_id))
            .where(chat_members.c.chat_id.in_(chat_ids))
        ).all()
        return [
            (int(r.chat_id), int(r.user_id), str(r.status), r.status in ("owner", "admin"))
            for r in rows
        ]
