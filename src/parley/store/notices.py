"""System accounts: the platform's own accounts (the "Parley Notices" sender), by name."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from parley.store.schema import metadata

system_accounts = sa.Table(
    "system_accounts",
    metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("user_id", sa.BigInteger, nullable=False, unique=True),
)


class SystemAccountsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, name: str) -> int | None:
        value = self.conn.execute(
            sa.select(system_accounts.c.user_id).where(system_accounts.c.name == name)
        ).scalar()
        return None if value is None else int(value)

    def put(self, name: str, user_id: int) -> None:
        self.conn.execute(system_accounts.insert().values(name=name, user_id=user_id))

    def user_ids(self) -> set[int]:
        return {int(v) for v in self.conn.execute(sa.select(system_accounts.c.user_id)).scalars()}
