"""The `parley` command: one module per area."""

from __future__ import annotations

import typer

from parley.cli import (
    admin,
    audit,
    bot,
    db,
    demo,
    legal,
    moderation,
    search,
    serve,
    transparency,
)

app = typer.Typer(
    help="Parley: self-hostable messaging with accountable trust and safety.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("serve")(serve.serve)
app.add_typer(db.app, name="db")
app.add_typer(admin.app, name="admin")
app.add_typer(demo.app, name="demo")
app.add_typer(moderation.app, name="moderation")
app.add_typer(bot.app, name="bot")
app.add_typer(audit.app, name="audit")
app.add_typer(legal.app, name="legal")
app.add_typer(transparency.app, name="transparency")
app.add_typer(search.app, name="search")


def main() -> None:
    app()
