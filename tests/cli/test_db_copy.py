"""`parley db copy`: move a community to another database (SQLite -> PostgreSQL on the
PostgreSQL run; SQLite -> another SQLite file on the SQLite run), with a count check."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.domain.chats import ChatKind
from parley.store.database import Database
from tests.cli.test_cli import parley
from tests.conftest import BACKEND, PG_URL, pg_admin


@pytest.fixture
def target(tmp_path: Path) -> Iterator[str]:
    if BACKEND != "postgres":
        yield f"sqlite:///{tmp_path / 'copy.db'}"
        return
    name = f"parley_copy_{uuid.uuid4().hex[:8]}"
    pg_admin(f"CREATE DATABASE {name}")
    try:
        yield f"{PG_URL}/{name}"
    finally:
        pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_copy_moves_everything_and_checks_counts(tmp_path: Path, target: str) -> None:
    source_dir = tmp_path / "source"
    assert parley(source_dir, "db", "upgrade").returncode == 0
    assert parley(source_dir, "demo", "seed").returncode == 0
    source = f"sqlite:///{source_dir / 'parley.db'}"
    out = parley(tmp_path, "db", "copy", "--from", source, "--to", target, "--batch", "100")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "counts match" in out.stdout

    db = Database(target)
    try:
        users = db.read_sync(lambda tx: tx.users.count())
        alice = db.read_sync(lambda tx: tx.users.by_username("alice"))
        assert users == 10 and alice is not None
        # ids continue after the copied ones (sequences moved on PostgreSQL)
        new_id = db.write_sync(
            lambda tx: tx.chats.insert(kind=ChatKind.GROUP, title="after", at=alice.created_at)
        )
        assert new_id > 8
    finally:
        db.close()

    again = parley(tmp_path, "db", "copy", "--from", source, "--to", target)
    assert again.returncode == 1 and "already holds rows" in again.stdout + again.stderr
