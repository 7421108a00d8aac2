"""`parley bot`, run as a real subprocess against a real data directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.test_cli import parley


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-bots")
    assert parley(path, "db", "upgrade").returncode == 0
    assert parley(path, "demo", "seed", "--if-empty").returncode == 0
    return path


def test_bot_create_revoke_regenerate(data: Path) -> None:
    out = parley(data, "bot", "create", "--owner", "@alice", "--username", "cli_helper_bot",
                 "--name", "CLI Helper")  # fmt: skip
    assert out.returncode == 0, out.stderr
    token = out.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+:[A-Za-z0-9_-]{35}", token)
    taken = parley(data, "bot", "create", "--owner", "@alice", "--username", "cli_helper_bot",
                   "--name", "Again")  # fmt: skip
    assert taken.returncode == 1 and "taken" in taken.stderr
    bad = parley(data, "bot", "create", "--owner", "@alice", "--username", "not_a_helper",
                 "--name", "X")  # fmt: skip
    assert bad.returncode == 1 and "end in 'bot'" in bad.stderr
    revoked = parley(data, "bot", "revoke", "@cli_helper_bot")
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    fresh = parley(data, "bot", "revoke", "@cli_helper_bot", "--regenerate")
    new_token = fresh.stdout.strip()
    assert (
        fresh.returncode == 0
        and new_token != token
        and new_token.split(":")[0] == token.split(":")[0]
    )
    person = parley(data, "bot", "revoke", "@alice")
    assert person.returncode == 1
