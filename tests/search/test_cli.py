"""`parley search`: rebuild the index from the store, and see what it holds."""

from __future__ import annotations

import json
from pathlib import Path

from parley.config import Settings
from parley.container import Container
from parley.domain.chats import ChatKind
from parley.search.tantivy_backend import TantivyIndex
from parley.services import accounts, chats, messages
from parley.store import migrate
from tests.cli.test_cli import parley


async def test_reindex_rebuilds_from_the_store_and_refuses_a_held_index(tmp_path: Path) -> None:
    migrate.upgrade(f"sqlite:///{tmp_path / 'parley.db'}")
    container = Container(Settings(env="dev", data=tmp_path))
    await container.start()
    try:
        owner = await accounts.ensure_account(container.ctx, "+9996610001", display_name="Ann",
                                              username="ann_owner")  # fmt: skip
        view = await chats.create_chat(container.ctx, owner.id, kind=ChatKind.CHANNEL,
                                       title="Lantern", username="lantern_news")  # fmt: skip
        for text in ("first lantern post", "second lantern post"):
            await messages.send_message(container.ctx, owner.id, chat_id=view.chat.id, text=text)
    finally:
        await container.close()

    held = TantivyIndex(tmp_path / "search")  # another process would hold it like this
    refused = parley(tmp_path, "search", "reindex")
    held.close()
    assert refused.returncode == 1 and "another process" in refused.stderr

    out = parley(tmp_path, "search", "reindex")
    assert out.returncode == 0, out.stderr
    assert "indexing" in out.stdout  # the progress bar
    assert "indexed 2 public and 0 private messages and 2 users and chats" in out.stdout
    stats = parley(tmp_path, "search", "stats")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["messages_public"] == 2
