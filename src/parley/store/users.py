"""Accounts: users (people and bots) and their platform roles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.users import Role, User, UserKind, UserStatus
from parley.store.schema import metadata
from parley.store.search_feed import FeedKind, touch
from parley.store.types import BigId, EpochMillis

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("username", sa.String(32)),
    sa.Column("username_key", sa.String(32), unique=True),
    sa.Column("display_name", sa.String(64), nullable=False),
    sa.Column("bio", sa.String(140), nullable=False, server_default=""),
    sa.Column("status", sa.String(16), nullable=False, server_default="active"),
    sa.Column("phone_enc", sa.LargeBinary),
    sa.Column("phone_hash", sa.LargeBinary, unique=True),
    sa.Column("phone_visible", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("phone_searchable", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("bot_owner_id", sa.BigInteger, index=True),
    sa.Column("seq", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", EpochMillis, nullable=False),
)

user_roles = sa.Table(
    "user_roles",
    metadata,
    sa.Column("user_id", sa.BigInteger, primary_key=True),
    sa.Column("role", sa.String(16), primary_key=True),
    sa.Column("granted_by", sa.BigInteger),
    sa.Column("granted_at", EpochMillis, nullable=False),
)


def _to_user(row: Row[Any], roles: frozenset[Role]) -> User:
    return User(
        id=row.id,
        kind=UserKind(row.kind),
        username=row.username,
        display_name=row.display_name,
        bio=row.bio,
        status=UserStatus(row.status),
        created_at=row.created_at,
        phone_visible=row.phone_visible,
        phone_searchable=row.phone_searchable,
        roles=roles,
        bot_owner_id=row.bot_owner_id,
    )


_USER_COLUMNS = [
    users.c.id, users.c.kind, users.c.username, users.c.display_name, users.c.bio,
    users.c.status, users.c.created_at, users.c.phone_visible, users.c.phone_searchable,
    users.c.bot_owner_id,
]  # fmt: skip


_USER_BY_ID = sa.select(*_USER_COLUMNS).where(users.c.id == sa.bindparam("id"))
_ROLES_OF = sa.select(user_roles.c.role).where(user_roles.c.user_id == sa.bindparam("id"))
_STATUSES = sa.select(users.c.id, users.c.status).where(
    users.c.id.in_(sa.bindparam("ids", expanding=True))
)

# A change to one of these reaches the search index through the outbox (store/search_feed.py).
_SEARCHED_FIELDS = frozenset({"username", "display_name", "status", "kind"})


class UsersRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(
        self,
        *,
        kind: UserKind,
        display_name: str,
        created_at: datetime,
        username: str | None = None,
        phone_enc: bytes | None = None,
        phone_hash: bytes | None = None,
        bot_owner_id: int | None = None,
    ) -> int:
        result = self.conn.execute(
            users.insert().values(
                kind=kind.value,
                username=username,
                username_key=username.lower() if username else None,
                display_name=display_name,
                bio="",
                status=UserStatus.ACTIVE.value,
                phone_enc=phone_enc,
                phone_hash=phone_hash,
                bot_owner_id=bot_owner_id,
                created_at=created_at,
            )
        )
        pk = result.inserted_primary_key
        assert pk is not None
        touch(self.conn, FeedKind.USER, int(pk[0]))
        return int(pk[0])

    def get(self, user_id: int) -> User | None:
        row = self.conn.execute(_USER_BY_ID, {"id": user_id}).first()
        return None if row is None else _to_user(row, self.roles_of(user_id))

    def statuses(self, user_ids: set[int]) -> dict[int, UserStatus]:
        if not user_ids:
            return {}
        rows = self.conn.execute(_STATUSES, {"ids": list(user_ids)}).all()
        return {r.id: UserStatus(r.status) for r in rows}

    def get_many(
        self, user_ids: list[int] | set[int], *, with_roles: bool = True
    ) -> dict[int, User]:
        """Users by id; `with_roles=False` skips loading platform roles (their `roles` is then
        empty), for callers that show profiles and never check permissions with them."""
        ids = list(set(user_ids))
        if not ids:
            return {}
        rows = self.conn.execute(sa.select(*_USER_COLUMNS).where(users.c.id.in_(ids))).all()
        if not with_roles:
            return {row.id: _to_user(row, frozenset()) for row in rows}
        role_rows = self.conn.execute(
            sa.select(user_roles.c.user_id, user_roles.c.role).where(user_roles.c.user_id.in_(ids))
        ).all()
        roles: dict[int, set[Role]] = {}
        for r in role_rows:
            roles.setdefault(r.user_id, set()).add(Role(r.role))
        return {row.id: _to_user(row, frozenset(roles.get(row.id, ()))) for row in rows}

    def by_username(self, key: str) -> User | None:
        row = self.conn.execute(
            sa.select(*_USER_COLUMNS).where(users.c.username_key == key.lower())
        ).first()
        return None if row is None else _to_user(row, self.roles_of(row.id))

    def id_by_phone_hash(self, phone_hash: bytes) -> int | None:
        value = self.conn.execute(
            sa.select(users.c.id).where(users.c.phone_hash == phone_hash)
        ).scalar()
        return None if value is None else int(value)

    def phone_enc(self, user_id: int) -> bytes | None:
        value = self.conn.execute(
            sa.select(users.c.phone_enc).where(users.c.id == user_id)
        ).scalar()
        return None if value is None else bytes(value)

    def update(self, user_id: int, **values: Any) -> None:
        if "username" in values:
            name = values["username"]
            values["username_key"] = name.lower() if name else None
        self.conn.execute(users.update().where(users.c.id == user_id).values(**values))
        if _SEARCHED_FIELDS.intersection(values):
            touch(self.conn, FeedKind.USER, user_id)

    def username_taken(self, key: str, *, except_user: int | None = None) -> bool:
        query = sa.select(users.c.id).where(users.c.username_key == key.lower())
        found = self.conn.execute(query).scalar()
        return found is not None and found != except_user

    def next_seq(self, user_id: int) -> int:
        value = self.conn.execute(
            users.update()
            .where(users.c.id == user_id)
            .values(seq=users.c.seq + 1)
            .returning(users.c.seq)
        ).scalar_one()
        return int(value)

    def current_seq(self, user_id: int) -> int:
        return int(
            self.conn.execute(sa.select(users.c.seq).where(users.c.id == user_id)).scalar_one()
        )

    def roles_of(self, user_id: int) -> frozenset[Role]:
        rows = self.conn.execute(_ROLES_OF, {"id": user_id}).scalars()
        return frozenset(Role(r) for r in rows)

    def grant_role(self, user_id: int, role: Role, *, by: int | None, at: datetime) -> bool:
        if role in self.roles_of(user_id):
            return False
        self.conn.execute(
            user_roles.insert().values(
                user_id=user_id, role=role.value, granted_by=by, granted_at=at
            )
        )
        return True

    def revoke_role(self, user_id: int, role: Role) -> bool:
        result = self.conn.execute(
            user_roles.delete().where(
                user_roles.c.user_id == user_id, user_roles.c.role == role.value
            )
        )
        return result.rowcount > 0

    def system_account(self) -> int | None:
        value = self.conn.execute(
            sa.select(users.c.id).where(users.c.kind == "system").order_by(users.c.id).limit(1)
        ).scalar()
        return None if value is None else int(value)

    def with_role(self, role: Role) -> list[User]:
        ids = (
            self.conn.execute(
                sa.select(user_roles.c.user_id).where(user_roles.c.role == role.value)
            )
            .scalars()
            .all()
        )
        found = self.get_many(set(ids))
        return [found[i] for i in sorted(found)]

    def count(self) -> int:
        return int(self.conn.execute(sa.select(sa.func.count()).select_from(users)).scalar_one())
