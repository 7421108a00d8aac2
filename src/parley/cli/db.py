from __future__ import annotations

import typer

from parley.cli.common import console
from parley.config import load_settings
from parley.store import migrate

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
