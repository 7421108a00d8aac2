from __future__ import annotations

import asyncio
import json

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from parley.cli.common import console, err_console, run_with_container
from parley.config import load_settings
from parley.container import Container
from parley.domain.errors import DomainError
from parley.services import search

app = typer.Typer(help="The search index: rebuild it from the store, inspect it.",
                  no_args_is_help=True)  # fmt: skip


@app.command()
def reindex() -> None:
    """Rebuild the search index from the store (the truth). Searches keep answering from the
    old index until the new one is complete. Stop a running server first: it holds the index."""

    async def main() -> dict[str, object]:
        container = Container(load_settings())
        try:
            with Progress(
                TextColumn("[bold]indexing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("documents"), TimeRemainingColumn(), console=console,
            ) as bar:  # fmt: skip
                task = bar.add_task("index", total=None)

                def progress(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                await search.rebuild_index(container.ctx, progress=progress)
            return await search.index_stats(container.ctx)
        finally:
            await container.close()

    try:
        stats = asyncio.run(main())
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(1) from error
    console.print(
        f"indexed {stats['messages_public']} public and {stats['messages_private']} private "
        f"messages and {stats['peers']} users and chats ({stats['bytes_on_disk']:,} bytes)"
    )


@app.command()
def stats() -> None:
    """Show what the index holds and how far into the store's changes it is."""
    found = run_with_container(lambda c: search.index_stats(c.ctx))
    console.print_json(json.dumps(found))


@app.command("top-queries")
def top_queries(
    days: int = typer.Option(7, help="over the last this many days"),
    limit: int = typer.Option(50, help="how many queries"),
) -> None:
    """The most searched queries (counts only, never who asked), for moderators."""
    try:
        since, found = run_with_container(lambda c: search.top_queries(c.ctx, days=days,
                                                                        limit=limit))  # fmt: skip
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(1) from error
    table = Table("query", "count", title=f"since {since:%Y-%m-%d}")
    for item in found:
        table.add_row(item.query, str(item.count))
    console.print(table)
