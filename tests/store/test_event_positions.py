"""Consumers tail the event sequence without ever skipping an event. On PostgreSQL two
transactions can commit out of id order; a consumer must not move past an event that a
still-running transaction may yet commit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from parley.container import Container
from parley.domain.events import ChatEventKind, EventPosition
from parley.store import feeds
from parley.store.tx import Tx

T = datetime(2026, 11, 28, tzinfo=UTC)


def _append(tx: Tx, chat_id: int, pts: int) -> None:
    tx.events.append_chat(chat_id=chat_id, pts=pts, kind=ChatEventKind.CHAT_UPDATE, data={},
                          at=T)  # fmt: skip


async def test_tail_in_order_and_head(container: Container) -> None:
    for pts in (1, 2, 3):
        await container.db.write(lambda tx, p=pts: _append(tx, 9, p))
    events = await container.db.read(lambda tx: tx.events.tail(EventPosition(), limit=10))
    assert [e.pts for e in events] == [1, 2, 3]
    head = await container.db.read(lambda tx: tx.events.head())
    assert head == events[-1].position
    assert not await container.db.read(lambda tx: tx.events.has_after(head))
    middle = events[0].position
    rest = await container.db.read(lambda tx: tx.events.tail(middle, limit=10))
    assert [e.pts for e in rest] == [2, 3]


async def test_an_event_committed_late_is_not_skipped(container: Container) -> None:
    if container.db.is_sqlite:
        pytest.skip("SQLite has one writer at a time: events commit in id order")
    engine = container.db.engine
    early, late = engine.connect(), engine.connect()
    try:
        for conn in (early, late):  # as Parley's write transactions begin
            conn.begin()
            conn.execute(feeds.writer_lock_sql())
        _append(Tx(early), 7, 1)  # takes the smaller id, commits last
        _append(Tx(late), 8, 1)
        late.commit()
        seen = await container.db.read(lambda tx: tx.events.tail(EventPosition(), limit=10))
        assert seen == []  # the later id is held back while the earlier one may still commit
        early.commit()
        seen = await container.db.read(lambda tx: tx.events.tail(EventPosition(), limit=10))
        assert [e.chat_id for e in seen] == [7, 8]
    finally:
        early.close()
        late.close()


async def test_another_programs_long_transaction_does_not_stall_consumers(
    container: Container,
) -> None:
    """Only Parley's own writers hold the horizon back; an idle transaction of some other
    program on the same server does not."""
    if container.db.is_sqlite:
        pytest.skip("PostgreSQL's cluster-wide transaction horizon only")
    outsider = container.db.engine.connect()
    try:
        outsider.begin()
        outsider.exec_driver_sql("SELECT pg_current_xact_id()")  # holds a transaction id
        await container.db.write(lambda tx: _append(tx, 5, 1))
        seen = await container.db.read(lambda tx: tx.events.tail(EventPosition(), limit=10))
        assert [e.chat_id for e in seen] == [5]
    finally:
        outsider.rollback()
        outsider.close()
