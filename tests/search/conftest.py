"""Fixtures for search: a container whose index is caught up on demand, and people in it."""

from __future__ import annotations

from parley.container import Container
from parley.search.protocol import Position


async def caught_up(container: Container) -> Position:
    """Wait until the index has applied everything the store holds."""
    indexer = container.search.indexer
    assert indexer is not None, "the test process must hold the index"
    return await indexer.catch_up()
