"""Chats (private, group, channel), their members and invite links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.chats import AdminRights, Chat, ChatKind, ChatStatus, Member, MemberStatus
from parley.store.bulk import execute_many
from parley.store.by_keys import rows_by_keys
from parley.store.schema import metadata
from parley.store.search_feed import FeedKind, touch
from parley.store.types import BigId, EpochMillis, Json

chats = sa.Table(
    "chats",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("title", sa.String(128), nullable=False, server_default=""),
    sa.Column("description", sa.String(255), nullable=False, server_default=""),
    sa.Column("username", sa.String(32)),
    sa.Column("username_key", sa.String(32), unique=True),
    sa.Column("private_key", sa.String(48), unique=True),
    sa.Column("owner_id", sa.BigInteger),
    sa.Column("member_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("pts", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("top_message_id", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("slow_mode_seconds", sa.Integer, nullable=False, server_default="0"),
    sa.Column("status", sa.String(16), nullable=False, server_default="listed"),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("last_activity_at", EpochMillis, nullable=False),
)

chat_members = sa.Table(
    "chat_members",
    metadata,
    sa.Column("chat_id", sa.BigInteger, primary_key=True),
    sa.Column("user_id", sa.BigInteger, primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("rights", Json),
    sa.Column("can_send", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("until", EpochMillis),
    sa.Column("joined_at", EpochMillis, nullable=False),
    sa.Column("inviter_id", sa.BigInteger),
    sa.Column("read_inbox_max_id", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("last_post_at", EpochMillis),
    sa.Index("ix_chat_members_user_id_status", "user_id", "status"),
    sa.Index("ix_chat_members_chat_id_status", "chat_id", "status"),
)

invite_links = sa.Table(
    "invite_links",
    metadata,
    sa.Column("chat_id", sa.BigInteger, primary_key=True),
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("creator_id", sa.BigInteger, nullable=False),
    sa.Column("name", sa.String(32), nullable=False, server_default=""),
    sa.Column("expires_at", EpochMillis),
    sa.Column("member_limit", sa.Integer),
    sa.Column("usage_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Index("ix_invite_links_code", "code", unique=True),
)


@dataclass(frozen=True, slots=True)
class InviteLink:
    chat_id: int
    code: str
    creator_id: int
    name: str
    expires_at: datetime | None
    member_limit: int | None
    usage_count: int
    revoked: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DialogRow:
    chat: Chat
    member: Member
    unread_count: int


def _to_chat(row: Row[Any]) -> Chat:
    return Chat(
        id=row.id, kind=ChatKind(row.kind), title=row.title, description=row.description,
        username=row.username, owner_id=row.owner_id, member_count=row.member_count,
        pts=row.pts, top_message_id=row.top_message_id, slow_mode_seconds=row.slow_mode_seconds,
        status=ChatStatus(row.status), created_at=row.created_at,
        last_activity_at=row.last_activity_at,
    )  # fmt: skip


def _to_member(row: Row[Any]) -> Member:
    return Member(
        chat_id=row.chat_id, user_id=row.user_id, status=MemberStatus(row.status),
        joined_at=row.joined_at,
        rights=AdminRights.from_dict(row.rights) if row.rights is not None else None,
        can_send=row.can_send, until=row.until, read_inbox_max_id=row.read_inbox_max_id,
        last_post_at=row.last_post_at, inviter_id=row.inviter_id,
    )  # fmt: skip


def _to_invite(row: Row[Any]) -> InviteLink:
    return InviteLink(
        chat_id=row.chat_id, code=row.code, creator_id=row.creator_id, name=row.name,
        expires_at=row.expires_at, member_limit=row.member_limit, usage_count=row.usage_count,
        revoked=row.revoked, created_at=row.created_at,
    )  # fmt: skip


ACTIVE = ("owner", "admin", "member", "restricted")
# A change to one of these reaches the search index through the outbox (store/search_feed.py),
# whether or not the service that made it wrote a chat event.
_SEARCHED_FIELDS = frozenset({"title", "description", "username", "status", "kind"})

# Hot-path statements are built once: building a statement costs more than running it.
_CHAT_BY_ID = sa.select(chats).where(chats.c.id == sa.bindparam("id"))
_CHATS_BY_IDS = sa.select(chats).where(chats.c.id.in_(sa.bindparam("ids", expanding=True)))
_RESERVE = (
    chats.update()
    .where(chats.c.id == sa.bindparam("cid"))
    .values(
        pts=chats.c.pts + sa.bindparam("n_events", type_=sa.BigInteger),
        top_message_id=chats.c.top_message_id + sa.bindparam("n_messages", type_=sa.BigInteger),
        last_activity_at=sa.bindparam("at", type_=EpochMillis),
    )
    .returning(chats.c.pts, chats.c.top_message_id)
)
_SET_COUNTERS = (
    chats.update()
    .where(chats.c.id == sa.bindparam("cid"))
    .values(
        pts=sa.bindparam("new_pts", type_=sa.BigInteger),
        top_message_id=sa.bindparam("new_top", type_=sa.BigInteger),
        last_activity_at=sa.bindparam("at", type_=EpochMillis),
    )
)
_LOCK_COUNTERS = (
    sa.select(chats.c.id, chats.c.pts, chats.c.top_message_id)
    .where(chats.c.id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(chats.c.id)
    .with_for_update()
)
_MEMBER = sa.select(chat_members).where(
    chat_members.c.chat_id == sa.bindparam("cid"), chat_members.c.user_id == sa.bindparam("uid")
)
_MEMBER_KEY = ("chat_id", "user_id")
_ADVANCE_READ = (
    chat_members.update()
    .where(
        chat_members.c.chat_id == sa.bindparam("cid"),
        chat_members.c.user_id == sa.bindparam("uid"),
        chat_members.c.read_inbox_max_id < sa.bindparam("upto"),
    )
    .values(read_inbox_max_id=sa.bindparam("upto"))
)
_SET_LAST_POST = (
    chat_members.update()
    .where(
        chat_members.c.chat_id == sa.bindparam("cid"), chat_members.c.user_id == sa.bindparam("uid")
    )
    .values(last_post_at=sa.bindparam("at", type_=EpochMillis))
)


class ChatsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(
        self,
        *,
        kind: ChatKind,
        title: str,
        at: datetime,
        description: str = "",
        username: str | None = None,
        owner_id: int | None = None,
        private_key: str | None = None,
    ) -> int:
        result = self.conn.execute(
            chats.insert().values(
                kind=kind.value, title=title, description=description, username=username,
                username_key=username.lower() if username else None, private_key=private_key,
                owner_id=owner_id, member_count=0, pts=0, top_message_id=0, slow_mode_seconds=0,
                status=ChatStatus.LISTED.value, created_at=at, last_activity_at=at,
            )
        )  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        if kind is not ChatKind.PRIVATE:
            touch(self.conn, FeedKind.CHAT, int(pk[0]))
        return int(pk[0])

    def get(self, chat_id: int) -> Chat | None:
        row = self.conn.execute(_CHAT_BY_ID, {"id": chat_id}).first()
        return None if row is None else _to_chat(row)

    def get_many(self, chat_ids: list[int] | set[int]) -> dict[int, Chat]:
        if not chat_ids:
            return {}
        rows = self.conn.execute(_CHATS_BY_IDS, {"ids": list(chat_ids)}).all()
        return {r.id: _to_chat(r) for r in rows}

    def by_username(self, name: str) -> Chat | None:
        row = self.conn.execute(
            sa.select(chats).where(chats.c.username_key == name.lower())
        ).first()
        return None if row is None else _to_chat(row)

    def username_taken(self, name: str, *, except_chat: int | None = None) -> bool:
        found = self.conn.execute(
            sa.select(chats.c.id).where(chats.c.username_key == name.lower())
        ).scalar()
        return found is not None and found != except_chat

    def id_by_private_key(self, key: str) -> int | None:
        found = self.conn.execute(sa.select(chats.c.id).where(chats.c.private_key == key)).scalar()
        return None if found is None else int(found)

    def bump(self, chat_id: int, *, at: datetime, new_message: bool) -> tuple[int, int]:
        """Take the chat's next pts (and next message id for a new message); one row update."""
        first = self.reserve({chat_id: (1, 1 if new_message else 0)}, at=at)[chat_id]
        return first[0], first[1] if new_message else first[1] - 1

    def reserve(
        self,
        counts: dict[int, tuple[int, int]],
        *,
        at: datetime,
        current: dict[int, Chat] | None = None,
    ) -> dict[int, tuple[int, int]]:
        """Take consecutive ranges of pts and message ids: for each chat, (events, messages)
        wanted -> (first pts, first message id) taken. An atomic increment per chat, in chat id
        order so concurrent writers on PostgreSQL lock rows in the same order.

        On SQLite, `current` (the chats as read earlier in this same write transaction) allows
        one executemany instead of a statement per chat: inside BEGIN IMMEDIATE no other writer
        exists, so what this transaction read is still the truth. On PostgreSQL several chats
        are locked and read in one statement and set in one executemany."""
        if current is not None and self.conn.dialect.name == "sqlite":
            plan = {cid: (current[cid].pts, current[cid].top_message_id) for cid in counts}
            execute_many(self.conn, _SET_COUNTERS, [
                {"cid": cid, "new_pts": plan[cid][0] + n_ev, "new_top": plan[cid][1] + n_msg,
                 "at": at} for cid, (n_ev, n_msg) in sorted(counts.items())])  # fmt: skip
            return {cid: (plan[cid][0] + 1, plan[cid][1] + 1) for cid in counts}
        if len(counts) > 1 and self.conn.dialect.name == "postgresql":
            # Lock the rows in id order and read their counters in one round trip, then set
            # them in one pipelined executemany: not an UPDATE ... RETURNING per chat.
            rows = self.conn.execute(_LOCK_COUNTERS, {"ids": sorted(counts)}).all()
            if len(rows) != len(counts):
                raise sa.exc.NoResultFound("a chat to reserve counters in does not exist")
            plan = {int(r.id): (int(r.pts), int(r.top_message_id)) for r in rows}
            execute_many(self.conn, _SET_COUNTERS, [
                {"cid": cid, "new_pts": plan[cid][0] + n_ev, "new_top": plan[cid][1] + n_msg,
                 "at": at} for cid, (n_ev, n_msg) in sorted(counts.items())])  # fmt: skip
            return {cid: (plan[cid][0] + 1, plan[cid][1] + 1) for cid in counts}
        out: dict[int, tuple[int, int]] = {}
        for chat_id in sorted(counts):
            n_events, n_messages = counts[chat_id]
            row = self.conn.execute(
                _RESERVE, {"cid": chat_id, "n_events": n_events, "n_messages": n_messages, "at": at}
            ).one()
            out[chat_id] = (int(row.pts) - n_events + 1, int(row.top_message_id) - n_messages + 1)
        return out

    def update(self, chat_id: int, **values: Any) -> None:
        if "username" in values:
            name = values["username"]
            values["username_key"] = name.lower() if name else None
        self.conn.execute(chats.update().where(chats.c.id == chat_id).values(**values))
        if _SEARCHED_FIELDS.intersection(values):
            touch(self.conn, FeedKind.CHAT, chat_id)

    def add_member_count(self, chat_id: int, delta: int) -> None:
        self.conn.execute(
            chats.update().where(chats.c.id == chat_id)
            .values(member_count=chats.c.member_count + delta)
        )  # fmt: skip

    def states(self, chat_ids: list[int]) -> dict[int, tuple[int, int]]:
        """(pts, top_message_id) for each chat, for sync."""
        if not chat_ids:
            return {}
        rows = self.conn.execute(
            sa.select(chats.c.id, chats.c.pts, chats.c.top_message_id).where(
                chats.c.id.in_(chat_ids)
            )
        ).all()
        return {r.id: (int(r.pts), int(r.top_message_id)) for r in rows}


class MembersRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, chat_id: int, user_id: int) -> Member | None:
        row = self.conn.execute(_MEMBER, {"cid": chat_id, "uid": user_id}).first()
        return None if row is None else _to_member(row)

    def get_pairs(self, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], Member]:
        """Memberships by (chat_id, user_id)."""
        if not pairs:
            return {}
        rows = rows_by_keys(self.conn, chat_members, _MEMBER_KEY, pairs)
        return {(r.chat_id, r.user_id): _to_member(r) for r in rows}

    def put(self, member: Member) -> None:
        """Insert or replace the membership row (the read position survives a rejoin)."""
        values = {
            "status": member.status.value,
            "rights": member.rights.to_dict() if member.rights is not None else None,
            "can_send": member.can_send,
            "until": member.until,
            "joined_at": member.joined_at,
            "inviter_id": member.inviter_id,
            "read_inbox_max_id": member.read_inbox_max_id,
            "last_post_at": member.last_post_at,
        }
        updated = self.conn.execute(
            chat_members.update()
            .where(
                chat_members.c.chat_id == member.chat_id, chat_members.c.user_id == member.user_id
            )
            .values(**values)
        )
        if updated.rowcount == 0:
            self.conn.execute(
                chat_members.insert().values(
                    chat_id=member.chat_id, user_id=member.user_id, **values
                )
            )

    def set_status(self, chat_id: int, user_id: int, status: MemberStatus) -> None:
        self.conn.execute(
            chat_members.update()
            .where(chat_members.c.chat_id == chat_id, chat_members.c.user_id == user_id)
            .values(status=status.value)
        )

    def set_read(self, chat_id: int, user_id: int, max_id: int) -> bool:
        result = self.conn.execute(
            chat_members.update()
            .where(
                chat_members.c.chat_id == chat_id,
                chat_members.c.user_id == user_id,
                chat_members.c.read_inbox_max_id < max_id,
            )
            .values(read_inbox_max_id=max_id)
        )
        return result.rowcount > 0

    def advance_read(self, marks: list[tuple[int, int, int]]) -> None:
        """(chat_id, user_id, message_id): read up to there, never backwards."""
        if marks:
            execute_many(self.conn, _ADVANCE_READ,
                         [{"cid": c, "uid": u, "upto": m} for c, u, m in marks])  # fmt: skip

    def set_last_post(self, pairs: list[tuple[int, int]], at: datetime) -> None:
        if pairs:
            execute_many(
                self.conn, _SET_LAST_POST, [{"cid": c, "uid": u, "at": at} for c, u in pairs]
            )

    def page(
        self,
        chat_id: int,
        *,
        statuses: tuple[str, ...] = ACTIVE,
        after_user_id: int = 0,
        limit: int = 100,
    ) -> list[Member]:
        rows = self.conn.execute(
            sa.select(chat_members)
            .where(
                chat_members.c.chat_id == chat_id,
                chat_members.c.status.in_(statuses),
                chat_members.c.user_id > after_user_id,
            )
            .order_by(chat_members.c.user_id)
            .limit(limit)
        ).all()
        return [_to_member(r) for r in rows]

    def active_user_ids(self, chat_id: int, *, admins_only: bool = False) -> list[int]:
        statuses = ("owner", "admin") if admins_only else ACTIVE
        return [
            int(u)
            for u in self.conn.execute(
                sa.select(chat_members.c.user_id).where(
                    chat_members.c.chat_id == chat_id, chat_members.c.status.in_(statuses)
                )
            ).scalars()
        ]

    def chat_ids_of(self, user_id: int) -> list[int]:
        return [
            int(c)
            for c in self.conn.execute(
                sa.select(chat_members.c.chat_id).where(
                    chat_members.c.user_id == user_id, chat_members.c.status.in_(ACTIVE)
                )
            ).scalars()
        ]

    def peers_in(self, chat_ids: list[int], user_id: int) -> dict[int, int]:
        """For private chats: the other participant of each (the user alone: themselves)."""
        if not chat_ids:
            return {}
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

    def memberships_of(self, user_id: int, chat_ids: list[int]) -> dict[int, Member]:
        if not chat_ids:
            return {}
        rows = self.conn.execute(
            sa.select(chat_members).where(
                chat_members.c.user_id == user_id, chat_members.c.chat_id.in_(chat_ids)
            )
        ).all()
        return {r.chat_id: _to_member(r) for r in rows}

    def dialogs(
        self,
        user_id: int,
        *,
        limit: int,
        before: tuple[datetime, int] | None,
        unread_cap: int,
    ) -> list[DialogRow]:
        """The user's chats by last activity, each with its unread count (messages from others
        past the read position, capped so a huge channel stays cheap)."""
        from parley.store.messages import messages  # one aggregate reads another's table here

        # Message ids are dense per chat, so bounding the id range bounds the scan: a channel
        # with a million unread posts costs no more than one with `unread_cap`.
        unread = (
            sa.select(sa.func.count())
            .select_from(messages)
            .where(
                messages.c.chat_id == chat_members.c.chat_id,
                messages.c.id > chat_members.c.read_inbox_max_id,
                messages.c.id <= chat_members.c.read_inbox_max_id + unread_cap,
                messages.c.deleted.is_(False),
                sa.or_(messages.c.sender_id.is_(None), messages.c.sender_id != user_id),
            )
            .correlate(chat_members)
            .scalar_subquery()
        )
        query = (
            sa.select(chats.c.id, unread.label("unread_count"))
            .select_from(chat_members.join(chats, chats.c.id == chat_members.c.chat_id))
            .where(chat_members.c.user_id == user_id, chat_members.c.status.in_(ACTIVE))
        )
        if before is not None:
            at, chat_id = before
            query = query.where(
                sa.or_(
                    chats.c.last_activity_at < at,
                    sa.and_(chats.c.last_activity_at == at, chats.c.id < chat_id),
                )
            )
        query = query.order_by(chats.c.last_activity_at.desc(), chats.c.id.desc()).limit(limit)
        page = self.conn.execute(query).all()
        ids = [int(r.id) for r in page]
        found = ChatsRepo(self.conn).get_many(ids)
        members = self.memberships_of(user_id, ids)
        return [
            DialogRow(chat=found[r.id], member=members[r.id], unread_count=int(r.unread_count))
            for r in page
        ]


class InvitesRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, link: InviteLink) -> None:
        self.conn.execute(
            invite_links.insert().values(
                chat_id=link.chat_id, code=link.code, creator_id=link.creator_id, name=link.name,
                expires_at=link.expires_at, member_limit=link.member_limit, usage_count=0,
                revoked=False, created_at=link.created_at,
            )
        )  # fmt: skip

    def by_code(self, code: str) -> InviteLink | None:
        row = self.conn.execute(sa.select(invite_links).where(invite_links.c.code == code)).first()
        return None if row is None else _to_invite(row)

    def for_chat(self, chat_id: int) -> list[InviteLink]:
        rows = self.conn.execute(
            sa.select(invite_links)
            .where(invite_links.c.chat_id == chat_id)
            .order_by(invite_links.c.created_at.desc())
        ).all()
        return [_to_invite(r) for r in rows]

    def count_use(self, chat_id: int, code: str) -> None:
        self.conn.execute(
            invite_links.update()
            .where(invite_links.c.chat_id == chat_id, invite_links.c.code == code)
            .values(usage_count=invite_links.c.usage_count + 1)
        )

    def revoke(self, chat_id: int, code: str) -> bool:
        result = self.conn.execute(
            invite_links.update()
            .where(invite_links.c.chat_id == chat_id, invite_links.c.code == code)
            .values(revoked=True)
        )
        return result.rowcount > 0
