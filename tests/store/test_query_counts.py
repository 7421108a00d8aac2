"""Pinned statement counts for the hot paths (Zulip-style): a change that adds a query to a
send, a dialogs page or a sync must show up here and be justified."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from parley.container import Container
from parley.domain.chats import ChatKind
from parley.security.ratelimit import NoRateLimiter
from parley.services import accounts, chats, dialogs, messages, updates


@contextmanager
def counting(container: Container) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith(("BEGIN", "SAVEPOINT", "RELEASE", "COMMIT", "PRAGMA")):
            words = statement.split()
            seen.append(" ".join(words[:3])[:40])

    engines = {container.db.engine, container.db._write_engine}
    for engine in engines:
        event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", before)


async def _world(container: Container, people: int) -> tuple[list[int], int]:
    # Background consumers of the event sequence would add statements of their own.
    await container.bots.close()
    if container.search.indexer is not None:
        await container.search.indexer.stop()
    ctx = container.ctx
    ctx.limiter = NoRateLimiter()
    ids = []
    for i in range(people):
        user = await accounts.ensure_account(ctx, f"+99966{1 + i % 3}{i:04d}", display_name=f"p{i}")
        ids.append(user.id)
    chat = await chats.create_chat(ctx, ids[0], kind=ChatKind.GROUP, title="g", member_ids=ids[1:])
    return ids, chat.chat.id


async def test_a_batch_of_sends_costs_a_fixed_number_of_statements(container: Container) -> None:
    ids, chat_id = await _world(container, 20)
    with counting(container) as seen:
        await asyncio.gather(
            *(
                messages.send_message(container.ctx, uid, chat_id=chat_id, text="hi", random_id=uid)
                for uid in ids
            )
        )
    # whatever the batch size: chats, members, statuses, random ids (reply targets only when
    # replying), the pts reservation (one executemany; on PostgreSQL for one chat one
    # UPDATE … RETURNING), messages, events, read positions
    # + the sender's read position; PostgreSQL: + the writer lock (feeds.py)
    per_batch = 8 if container.db.is_sqlite else 9
    assert len(seen) % per_batch == 0, seen
    assert len(seen) // per_batch <= 3, f"{len(seen)} statements for {len(ids)} sends"


async def test_a_batch_of_sends_into_many_chats_costs_no_statement_per_chat(
    container: Container,
) -> None:
    ids, first = await _world(container, 12)
    chat_ids = [first]
    for i in range(5):
        view = await chats.create_chat(
            container.ctx, ids[0], kind=ChatKind.GROUP, title=f"g{i}", member_ids=ids[1:]
        )
        chat_ids.append(view.chat.id)
    ctx = container.ctx
    with counting(container) as seen:
        sent = await asyncio.gather(
            *(
                messages.send_message(
                    ctx, uid, chat_id=chat_ids[i % len(chat_ids)], text="hi", random_id=uid
                )
                for i, uid in enumerate(ids)
            )
        )
    # as above; the pts reservation for all the chats at once: SQLite one executemany,
    # PostgreSQL one locking read of the counters and one executemany
    per_batch = 8 if container.db.is_sqlite else 10
    assert len(seen) % per_batch == 0, seen
    assert len(seen) // per_batch <= 3, f"{len(seen)} statements for {len(ids)} sends"
    # every chat's pts and message ids stayed consecutive
    for chat_id in chat_ids:
        mine = sorted(s.message.id for s in sent if s.message.chat_id == chat_id)
        assert mine == list(range(mine[0], mine[0] + len(mine))), mine


async def test_dialogs_page_and_difference_do_not_grow_with_chats(container: Container) -> None:
    ctx = container.ctx
    ids, _ = await _world(container, 3)
    for i in range(10):
        await chats.create_chat(ctx, ids[0], kind=ChatKind.GROUP, title=f"g{i}",
                                member_ids=ids[1:])  # fmt: skip
    for other in (ids[0], ids[2]):
        await chats.open_private_chat(ctx, ids[1], peer_id=other)
    with counting(container) as seen:
        page = await dialogs.list_dialogs(ctx, ids[1], limit=50)
    assert len(page) == 13
    assert {d.view.peer.id for d in page if d.view.peer} == {ids[0], ids[2]}
    # page + unread counts, chats, memberships, top messages, private peers, their profiles,
    # their roles — the same for 13 dialogs as for 1
    assert len(seen) == 7, seen
    state = await updates.get_state(ctx, ids[1])
    with counting(container) as seen:
        await updates.get_difference(
            ctx, ids[1], seq=0, pts={c.chat_id: 0 for c in state.chats[:5]}
        )
    # seq, user events, chat ids, memberships, states + per followed chat: events and messages
    assert len(seen) == 5 + 5 * 2, seen


async def test_messages_by_key_in_power_of_two_statements(container: Container) -> None:
    """Looking messages up by (chat, id) rounds each statement up to a power of two keys, so
    the compiled-statement cache holds a handful of shapes, not one per count."""
    ids, chat_id = await _world(container, 2)
    for i in range(5):
        await messages.send_message(container.ctx, ids[0], chat_id=chat_id, text=f"m{i}")

    def lookup(keys: list[tuple[int, int]]) -> Any:
        return container.db.read_sync(lambda tx: tx.messages.get_keys(keys))

    with counting(container) as seen:
        for count in (1, 2, 3, 5):
            keys = [(chat_id, i) for i in range(1, count + 1)]
            found = lookup([*keys, (chat_id, 999), (chat_id + 1, 1)])  # two that do not exist
            assert sorted(found) == keys
            assert all(found[k].id == k[1] for k in keys)
    assert len(seen) == 4
    many = lookup([(chat_id, i) for i in range(1300)])  # across three statements
    assert sorted(many) == [(chat_id, i) for i in range(1, 7)]  # the service message, then m0–m4
