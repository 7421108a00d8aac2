"""The migrations are the truth for the database; the table definitions must agree with them."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from parley.store.catalog import metadata
from parley.store.database import normalize_url
from parley.store.migrate import current_revision, for_dialect, head_revision
from tests.conftest import BACKEND, PG_TEMPLATE, PG_URL


def _diff(url: str) -> list[object]:
    engine = sa.create_engine(normalize_url(url))
    with engine.connect() as conn:
        include = for_dialect(conn.dialect.name)
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        diff = compare_metadata(ctx, metadata)
    engine.dispose()
    return list(diff)


def test_migrations_match_table_definitions(template_db: Path) -> None:
    diff = _diff(f"sqlite:///{template_db}")
    assert diff == [], f"tables and migrations disagree; run scripts/new_migration.py: {diff}"
    if BACKEND == "postgres":
        diff = _diff(f"{PG_URL}/{PG_TEMPLATE}")
        assert diff == [], f"on PostgreSQL, tables and migrations disagree: {diff}"


def test_template_is_at_head(template_db: Path) -> None:
    url = f"sqlite:///{template_db}"
    assert current_revision(url) == head_revision(url)
