from __future__ import annotations

import getpass

import typer
from rich.table import Table

from parley.cli.common import console, err_console, run_with_container
from parley.container import Container
from parley.domain.errors import DomainError
from parley.domain.users import Role
from parley.services import accounts, admin_tools
from parley.services.audit import Actor

app = typer.Typer(
    help="Operator tasks: roles, the dev code outbox, retention.", no_args_is_help=True
)


def _cli_actor() -> Actor:
    return Actor("cli", getpass.getuser())


@app.command("grant-role")
def grant_role(
    user: str = typer.Argument(..., help="@username, user id, or phone number"),
    role: Role = typer.Argument(..., help="user, moderator, legal_officer or admin"),
    revoke: bool = typer.Option(False, "--revoke", help="take the role away instead"),
) -> None:
    """Grant (or revoke) a platform role. The change is written to the audit log."""

    async def run(c: Container) -> bool:
        target = await admin_tools.find_user(c.ctx, user)
        return await accounts.grant_role(
            c.ctx, target.id, role=role, actor=_cli_actor(), revoke=revoke
        )

    try:
        changed = run_with_container(run)
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(1) from error
    verb = "revoked" if revoke else "granted"
    console.print(f"{role.value} {verb}" if changed else "nothing to change")


@app.command()
def outbox(limit: int = typer.Option(20, help="how many recent codes")) -> None:
    """Show recently sent sign-in codes (dev mode's stand-in for an SMS gateway)."""

    async def run(c: Container) -> list[tuple[str, str, str]]:
        if not c.settings.is_dev:
            raise DomainError("the outbox exists only in dev mode", code="not_dev")
        return await admin_tools.outbox(c.ctx, limit=limit)

    try:
        rows = run_with_container(run)
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(1) from error
    table = Table("sent at", "phone", "code")
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command("purge-ips")
def purge_ips() -> None:
    """Delete IP records older than the retention period now (it also runs hourly)."""
    deleted = run_with_container(lambda c: accounts.purge_ip_records(c.ctx))
    console.print(f"deleted {deleted} IP records")
