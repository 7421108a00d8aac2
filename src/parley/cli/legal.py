"""`parley legal`: the authority registry (admins), owed user notices, overdue re-reviews."""

from __future__ import annotations

import getpass
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import typer
from rich.table import Table

from parley.cli.common import console, err_console, run_with_container
from parley.container import Container
from parley.domain.errors import DomainError
from parley.domain.legal import Authority, AuthorityKind
from parley.services import legal
from parley.services.audit import Actor

T = TypeVar("T")
app = typer.Typer(help="Legal requests: authorities, notices, re-reviews.", no_args_is_help=True)
authority_app = typer.Typer(help="Registered authorities and their keys.", no_args_is_help=True)
app.add_typer(authority_app, name="authority")


def _actor() -> Actor:
    return Actor("cli", getpass.getuser())


def _when(text: str | None, *, name: str) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(
            f"{name} is an RFC 3339 date-time, e.g. 2026-07-01T00:00:00Z"
        ) from None
    if value.tzinfo is None:
        raise typer.BadParameter(f"{name} needs a time zone, e.g. 2026-07-01T00:00:00Z")
    return value.astimezone(UTC)


def _key(text: str, valid_from: datetime, valid_until: datetime | None) -> legal.KeySpec:
    """KEY_ID=PUBLIC, where PUBLIC is base64url of the raw key or @path/to/public.pem."""
    key_id, sep, public = text.partition("=")
    if not sep or not key_id or not public:
        raise typer.BadParameter("a key is KEY_ID=BASE64URL or KEY_ID=@public.pem")
    if public.startswith("@"):
        try:
            public = Path(public[1:]).read_text()
        except OSError as error:
            raise typer.BadParameter(f"cannot read {public[1:]}: {error.strerror}") from error
    return legal.KeySpec(
        key_id=key_id, public_key=public, valid_from=valid_from, valid_until=valid_until
    )


def _run(fn: Callable[[Container], Awaitable[T]]) -> T:
    try:
        return run_with_container(fn)
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(1) from error


def _print(authorities: list[Authority]) -> None:
    table = Table("id", "name", "country", "kind", "contact", "keys")
    for a in authorities:
        keys = ", ".join(
            f"{k.key_id} ({legal.key_fingerprint(k.public_key)}"
            + (", revoked" if k.revoked_at else "")
            + ")"
            for k in a.keys
        )
        table.add_row(a.id, a.name, a.country, a.kind.value, a.contact, keys)
    console.print(table)


@authority_app.command("add")
def add(
    authority_id: str = typer.Argument(..., help="a short id, e.g. de-bka"),
    name: str = typer.Option(..., help="the authority's name"),
    country: str = typer.Option(..., help="ISO 3166-1 alpha-2, e.g. DE"),
    kind: AuthorityKind = typer.Option(..., help="court, prosecutor or police"),
    contact: str = typer.Option(..., help="how the legal team reaches them"),
    keys: list[str] = typer.Option(..., "--key", help="KEY_ID=BASE64URL or KEY_ID=@pem (repeat)"),
    valid_from: str = typer.Option(None, help="keys valid from (RFC 3339; default: now)"),
    valid_until: str = typer.Option(None, help="keys valid until (RFC 3339; default: open)"),
) -> None:
    """Register an authority and print its API key (shown once)."""
    start = _when(valid_from, name="--valid-from") or datetime.now(UTC)
    end = _when(valid_until, name="--valid-until")
    specs = [_key(k, start, end) for k in keys]

    async def run(c: Container) -> legal.Registered:
        return await legal.register_authority(
            c.ctx,
            actor=_actor(),
            authority_id=authority_id,
            name=name,
            country=country,
            kind=kind,
            contact=contact,
            keys=specs,
        )

    registered: legal.Registered = _run(run)
    _print([registered.authority])
    console.print("API key (shown once, store it safely):")
    typer.echo(registered.api_key)


@authority_app.command("list")
def list_() -> None:
    """Registered authorities and their keys."""

    async def run(c: Container) -> list[Authority]:
        return await legal.list_authorities(c.ctx)

    _print(_run(run))


@authority_app.command("add-key")
def add_key(
    authority_id: str = typer.Argument(...),
    key: str = typer.Argument(..., help="KEY_ID=BASE64URL or KEY_ID=@public.pem"),
    valid_from: str = typer.Option(None, help="RFC 3339; default: now"),
    valid_until: str = typer.Option(None, help="RFC 3339; default: open"),
) -> None:
    """Add a signing key (rotation: add the new key, then revoke the old one)."""
    spec = _key(
        key,
        _when(valid_from, name="--valid-from") or datetime.now(UTC),
        _when(valid_until, name="--valid-until"),
    )

    async def run(c: Container) -> Authority:
        return await legal.add_key(c.ctx, authority_id, actor=_actor(), key=spec)

    _print([_run(run)])


@authority_app.command("revoke-key")
def revoke_key(
    authority_id: str = typer.Argument(...),
    key_id: str = typer.Argument(...),
    reason: str = typer.Option(..., help="why (kept in the audit log)"),
) -> None:
    """Revoke a signing key: nothing signed with it is accepted or released any more."""

    async def run(c: Container) -> Authority:
        return await legal.revoke_key(
            c.ctx, authority_id, actor=_actor(), key_id=key_id, reason=reason
        )

    _print([_run(run)])
    console.print(f"key {key_id} revoked")


@authority_app.command("rotate-api-key")
def rotate_api_key(authority_id: str = typer.Argument(...)) -> None:
    """Issue a new API key; the old one stops working at once."""

    async def run(c: Container) -> str:
        return await legal.rotate_api_key(c.ctx, authority_id, actor=_actor())

    api_key: str = _run(run)
    console.print("new API key (shown once):")
    typer.echo(api_key)


@app.command("send-notices")
def send_notices() -> None:
    """Send the user notices whose nondisclosure period has passed (also runs every minute
    inside `parley serve`)."""

    async def run(c: Container) -> int:
        return await legal.send_due_notices(c.ctx)

    console.print(f"sent {_run(run)} notices")


@app.command("overdue")
def overdue() -> None:
    """Emergency requests whose 72-hour re-review is overdue; exits 1 when there are any."""

    async def run(c: Container) -> list[tuple[int, str, str]]:
        found = await legal.overdue_rereviews(c.ctx)
        return [
            (r.id, r.authority_id, r.rereview_due_at.isoformat() if r.rereview_due_at else "")
            for r in found
        ]

    rows: list[tuple[int, str, str]] = _run(run)
    table = Table("request", "authority", "re-review was due")
    for pk, authority_id, due in rows:
        table.add_row(str(pk), authority_id, due)
    console.print(table)
    if rows:
        raise typer.Exit(1)
