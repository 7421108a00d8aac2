"""The migrations are the truth for the database; the table definitions must agree with them."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from parley.store.catalog import metadata
from parley.store.migrate import current_revision, head_revision


def test_migrations_match_table_definitions(template_db: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{template_db}")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, metadata)
    engine.dispose()
    assert diff == [], f"tables and migrations disagree; run scripts/new_migration.py: {diff}"


def test_template_is_at_head(template_db: Path) -> None:
    url = f"sqlite:///{template_db}"
    assert current_revision(url) == head_revision(url)
