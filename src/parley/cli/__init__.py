"""The `parley` command: one module per area."""

from __future__ import annotations

import typer

from parley.cli import admin, db, demo, search, serve

app = typer.Typer(
    help="Parley: self-hostable messaging with accountable trust and safety.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("serve")(serve.serve)
app.add_typer(db.app, name="db")
app.add_typer(admin.app, name="admin")
app.add_typer(demo.app, name="demo")
app.add_typer(search.app, name="search")


def main() -> None:
    app()
