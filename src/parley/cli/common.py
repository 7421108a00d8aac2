"""Shared by the CLI modules: build the container, run a coroutine against it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from rich.console import Console

from parley.config import load_settings
from parley.container import Container

T = TypeVar("T")
console = Console()
err_console = Console(stderr=True)


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


def run_with_container(fn: Callable[[Container], Awaitable[T]]) -> T:
    async def main() -> T:
        container = Container(load_settings())
        await container.start(background=False)
        try:
            return await fn(container)
        finally:
            await container.close()

    return asyncio.run(main())
