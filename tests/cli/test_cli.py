"""The `parley` command, run as a real subprocess against a real data directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def parley(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARLEY_DATA": str(data), "PARLEY_ENV": "dev"}
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli")
    assert parley(data, "db", "upgrade").returncode == 0
    out = parley(data, "demo", "seed", "--if-empty")
    assert out.returncode == 0, out.stderr
    assert "+9996610001" in out.stdout and "11111" in out.stdout
    return data


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
    out = parley(tmp_path, "serve", "--port", "1")
    assert out.returncode == 2
    assert "parley db upgrade" in out.stdout
