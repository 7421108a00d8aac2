"""Bot tests run their webhooks on loopback, so the test server allows private addresses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parley.config import Settings


@pytest.fixture
def settings(tmp_path: Path, template_db: Path) -> Settings:
    shutil.copy(template_db, tmp_path / "parley.db")
    return Settings(
        env="dev", data=tmp_path, secret_key="test-secret-key-for-parley-tests-only-0123456789",
        db_read_threads=2, webhook_allow_private=True, webhook_require_https=False,
        webhook_retry_base_seconds=0.2, callback_answer_wait_seconds=3.0,
    )  # fmt: skip
