"""Alembic, driven from code: `parley db upgrade` and the test fixtures call these."""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from parley.store.database import create_scratch_engine, normalize_url


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    cfg.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    engine = create_scratch_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revision(url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def for_dialect(dialect_name: str) -> Callable[..., bool]:
    """An Alembic `include_object` hook: leave out objects declared for another database with
    `.ddl_if(dialect=...)` (such as PostgreSQL-only indexes)."""

    def include(obj: object, _name: str | None, _type: str, _reflected: bool,
                _compare_to: object) -> bool:  # fmt: skip
        condition = getattr(obj, "_ddl_if", None)
        wanted = getattr(condition, "dialect", None)
        return wanted is None or wanted == dialect_name

    return include
