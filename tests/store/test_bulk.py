"""store/bulk.execute_many stores exactly what SQLAlchemy's own executemany stores: the same
column values, JSON nulls and documents, and epoch milliseconds, byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from parley.container import Container
from parley.domain.messages import ForwardOrigin, Message, MessageKind
from parley.store.messages import _INSERT, _row_of, messages
from parley.store.tx import Tx

WHEN = datetime(2026, 11, 29, 3, 4, 5, 678000, tzinfo=UTC)


def _variants(first_id: int) -> list[Message]:
    plain = Message(chat_id=7, id=first_id, sender_id=3, kind=MessageKind.TEXT, text="hi",
                    date=WHEN, random_id=first_id)  # fmt: skip
    return [
        plain,
        Message(
            chat_id=7,
            id=first_id + 1,
            sender_id=None,
            kind=MessageKind.SERVICE,
            text="",
            date=WHEN,
            entities=[{"type": "bold", "offset": 0, "length": 2}],
            forward=ForwardOrigin(chat_id=None, message_id=None, sender_id=9, date=WHEN),
            media={"kind": "photo", "sizes": [1, 2]},
            extra={"markup": {"k": None}},
            reply_to_id=first_id,
        ),
    ]


def _stored(tx: Tx, ids: list[int]) -> list[dict[str, Any]]:
    cols = ", ".join(c.name for c in messages.c if c.name not in ("id", "random_id"))
    rows = tx.conn.exec_driver_sql(
        f"SELECT {cols} FROM messages WHERE chat_id = 7 AND id IN ({', '.join(map(str, ids))}) "
        "ORDER BY id"
    ).mappings()
    out = []
    for row in rows:
        row = dict(row)
        if row["reply_to_id"] is not None:
            row["reply_to_id"] -= min(ids)
        out.append(row)
    return out


async def test_bulk_rows_match_sqlalchemys(container: Container) -> None:
    def run(tx: Tx) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        tx.conn.execute(_INSERT, [_row_of(m) for m in _variants(100)])
        tx.messages.insert_many(_variants(200))
        return _stored(tx, [100, 101]), _stored(tx, [200, 201])

    ours, theirs = await container.db.write(run)
    assert ours == theirs
    back = await container.db.read(lambda tx: tx.messages.get_many(7, [200, 201]))
    assert back[200] == _variants(200)[0]
    assert back[201] == _variants(200)[1]
