from __future__ import annotations

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from parley.cli.common import console, err_console
from parley.config import load_settings
from parley.store import migrate
from parley.store.copy import TargetNotEmpty, copy_store

app = typer.Typer(help="The store: migrations.", no_args_is_help=True)


@app.command()
def upgrade(revision: str = typer.Argument("head", help="target revision")) -> None:
    """Create or migrate the database to the current schema."""
    settings = load_settings()
    settings.data.mkdir(parents=True, exist_ok=True)
    url = settings.resolved_database_url
    migrate.upgrade(url, revision)
    console.print(f"database at revision [bold]{migrate.current_revision(url)}[/]")


@app.command()
def current() -> None:
    """Show the database's schema revision and the code's."""
    url = load_settings().resolved_database_url
    console.print(f"database: {migrate.current_revision(url)}  code: {migrate.head_revision(url)}")


@app.command("copy")
def copy_cmd(
    source: str = typer.Option(
        ..., "--from", help="source URL, e.g. sqlite:///parley-data/parley.db"
    ),
    target: str = typer.Option(..., "--to", help="target URL, e.g. postgresql://user@host/parley"),
    batch: int = typer.Option(5000, min=100, max=100_000, help="rows per insert batch"),
) -> None:
    """Copy a whole community to another database (migrated first; must be empty), then check
    every table's row count."""
    with Progress(TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console) as bar:  # fmt: skip
        tasks: dict[str, TaskID] = {}

        def progress(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = bar.add_task(table, total=max(total, 1))
            bar.update(tasks[table], completed=done if total else 1)

        try:
            counts = copy_store(source, target, batch=batch, progress=progress)
        except TargetNotEmpty as error:
            err_console.print(f"[red]{error}")
            raise typer.Exit(1) from error
    table = Table("table", "source rows", "target rows", "check")
    for c in counts:
        table.add_row(c.table, str(c.source), str(c.target), "ok" if c.ok else "[red]MISMATCH")
    console.print(table)
    if not all(c.ok for c in counts):
        err_console.print("[red]row counts differ: the copy is incomplete")
        raise typer.Exit(1)
    console.print(f"[green]copied {sum(c.source for c in counts)} rows; counts match")
