"""The `parley` command against a real data directory: in-process through Typer's runner
(fast), and once as a real subprocess (the console entry point and process exit codes)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app as cli_app
from tests.conftest import BACKEND, PG_URL, pg_admin


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def parley(data: Path, *args: str) -> Outcome:
    """Run a CLI command in this process (Typer's runner) with PARLEY_DATA pointing at `data`."""
    env = {"PARLEY_DATA": str(data), "PARLEY_ENV": "dev", "COLUMNS": "200"}

    def invoke() -> Outcome:
        result = CliRunner().invoke(cli_app, list(args), env=env)
        return Outcome(result.exit_code, result.stdout, result.stderr)

    # The commands run their own event loop; from an async test, give them a thread of their own.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(invoke).result()


def parley_process(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARLEY_DATA": str(data), "PARLEY_ENV": "dev"}
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory with a migrated, seeded store (a PostgreSQL database when the suite
    runs on PostgreSQL, named by a parley.toml in the directory)."""
    data = tmp_path_factory.mktemp("cli")
    name = None
    if BACKEND == "postgres":
        name = f"parley_cli_{uuid.uuid4().hex[:8]}"
        pg_admin(f"CREATE DATABASE {name}")
        (data / "parley.toml").write_text(f'database_url = "{PG_URL}/{name}"\n')
    try:
        assert parley(data, "db", "upgrade").returncode == 0
        out = parley(data, "demo", "seed", "--if-empty")
        assert out.returncode == 0, out.stderr
        assert "+9996610001" in out.stdout and "11111" in out.stdout
        yield data
    finally:
        if name:
            pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_demo_seed_is_idempotent(seeded: Path) -> None:
    out = parley(seeded, "demo", "seed", "--if-empty")
    assert out.returncode == 0 and "already present" in out.stdout


def test_grant_role_is_audited(seeded: Path) -> None:
    out = parley(seeded, "admin", "grant-role", "@alice", "moderator")
    assert out.returncode == 0, out.stderr
    assert "granted" in out.stdout
    again = parley(seeded, "admin", "grant-role", "alice", "moderator")
    assert "nothing to change" in again.stdout
    missing = parley(seeded, "admin", "grant-role", "@nobody_here", "moderator")
    assert missing.returncode == 1
    bad_role = parley(seeded, "admin", "grant-role", "@alice", "emperor")
    assert bad_role.returncode == 2


def test_outbox_lists_codes(seeded: Path) -> None:
    out = parley(seeded, "admin", "outbox")
    assert out.returncode == 0
    assert "code" in out.stdout


def test_serve_refuses_unmigrated_database(tmp_path: Path) -> None:
    out = parley_process(tmp_path, "serve", "--port", "1")
    assert out.returncode == 2
    assert "parley db upgrade" in out.stdout


def test_hash_bank_import_from_csv(seeded: Path, tmp_path: Path) -> None:
    csv = tmp_path / "bank.csv"
    digest = "ab" * 32
    csv.write_text(f"hash,category,source\n{digest},csam,test\n")
    out = parley(seeded, "moderation", "hashes", "import", str(csv), "--bank", "b1",
                 "--kind", "sha256")  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert "added 1" in out.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("hash,category,source\nnothex,csam,test\n")
    out = parley(seeded, "moderation", "hashes", "import", str(bad), "--bank", "b1",
                 "--kind", "sha256")  # fmt: skip
    assert out.returncode == 1
    assert "b1: 1" in parley(seeded, "moderation", "hashes", "list").stdout
