"""Operator helpers shared by the CLI: find a user by any handle, read the dev outbox."""

from __future__ import annotations

from parley.domain.errors import NotFound
from parley.domain.users import User
from parley.services import accounts
from parley.services.context import Ctx


async def find_user(ctx: Ctx, handle: str) -> User:
    """@username, numeric id, or a phone number starting with +."""
    handle = handle.strip()
    if handle.startswith("+"):
        user = await accounts.find_user_by_phone(ctx, handle)
        if user is None:
            raise NotFound("no user with that phone number", code="user_not_found")
        return user
    if handle.isdigit():
        return await accounts.get_user(ctx, int(handle))
    return await accounts.resolve_username(ctx, handle)


async def outbox(ctx: Ctx, *, limit: int) -> list[tuple[str, str, str]]:
    entries = await ctx.db.read(lambda tx: tx.codes.outbox(limit))
    return [(e.created_at.strftime("%Y-%m-%d %H:%M:%S"), ctx.cipher.decrypt("phone", e.phone_enc),
             e.code) for e in entries]  # fmt: skip
