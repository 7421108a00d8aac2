"""`parley bot`: create bots and manage their tokens from the command line."""

from __future__ import annotations

import typer

from parley.cli.common import console, err_console, run_with_container
from parley.container import Container
from parley.domain.errors import DomainError
from parley.services import admin_tools, bots

app = typer.Typer(help="Bots: create them, revoke or regenerate their tokens.",
                  no_args_is_help=True)  # fmt: skip


def _fail(error: DomainError) -> typer.Exit:
    err_console.print(f"[red]{error.message}")
    return typer.Exit(1)


@app.command()
def create(
    owner: str = typer.Option(..., help="the owner: @username, user id or phone number"),
    username: str = typer.Option(..., help="the bot's username; it must end in 'bot'"),
    name: str = typer.Option(..., help="the bot's display name"),
) -> None:
    """Create a bot and print its token (shown once: only a hash is kept)."""

    async def run(c: Container) -> bots.IssuedToken:
        person = await admin_tools.find_user(c.ctx, owner)
        return await bots.create_bot(c.ctx, person.id, username=username, name=name)

    try:
        issued = run_with_container(run)
    except DomainError as error:
        raise _fail(error) from error
    console.print(f"created @{issued.info.user.username} (id {issued.info.user.id})",
                  highlight=False)  # fmt: skip
    print(issued.token)


@app.command()
def revoke(
    bot: str = typer.Argument(..., help="the bot: @username or id"),
    regenerate: bool = typer.Option(False, "--regenerate", help="issue a new token and print it"),
) -> None:
    """Revoke a bot's token at once; with --regenerate, print its replacement."""

    async def run(c: Container) -> str | None:
        found = await admin_tools.find_user(c.ctx, bot)
        if not found.is_bot or found.bot_owner_id is None:
            raise DomainError(f"{bot} is not a bot", code="bot_not_found")
        if regenerate:
            issued = await bots.regenerate_token(c.ctx, found.bot_owner_id, bot_id=found.id)
            return issued.token
        await bots.revoke_token(c.ctx, found.bot_owner_id, bot_id=found.id)
        return None

    try:
        token = run_with_container(run)
    except DomainError as error:
        raise _fail(error) from error
    if token is None:
        console.print("token revoked")
    else:
        print(token)
