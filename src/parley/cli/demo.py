from __future__ import annotations

import typer
from rich.table import Table

from parley.cli.common import console, run_with_container
from parley.container import Container
from parley.demo import world
from parley.security.ratelimit import NoRateLimiter

app = typer.Typer(help="The demo world.", no_args_is_help=True)


@app.command()
def seed(if_empty: bool = typer.Option(False, "--if-empty", help="do nothing when users exist")
         ) -> None:  # fmt: skip
    """Create demo people, channels, groups and a few hundred posts."""

    async def run(c: Container) -> world.SeedReport | None:
        if not c.settings.is_dev:
            raise typer.BadParameter("the demo world is for dev mode (PARLEY_ENV=dev)")
        if if_empty and await world.is_seeded(c.ctx):
            return None
        c.ctx.limiter = NoRateLimiter()  # seeding posts hundreds of messages in seconds
        return await world.seed(c.ctx)

    report = run_with_container(run)
    people = world.PEOPLE
    if report is not None:
        console.print(f"[green]Seeded[/] {len(people)} people, {report.chats} chats, "
                      f"{report.messages} messages.")  # fmt: skip
    else:
        console.print("Demo world already present.")
    table = Table("who", "phone", "code", "username", "roles", title="Demo sign-ins (test numbers)")
    for p in people:
        table.add_row(
            p.name, p.phone, p.code, "@" + p.username, ", ".join(r.value for r in p.roles) or "user"
        )
    console.print(table)
    console.print(
        "Open [bold]http://127.0.0.1:8080[/] and sign in with a phone and code above; "
        "API docs at [bold]http://127.0.0.1:8080/api/docs[/]."
    )
