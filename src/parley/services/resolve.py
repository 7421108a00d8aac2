"""Usernames are shared by users and public chats; resolving one finds whichever holds it."""

from __future__ import annotations

from dataclasses import dataclass

from parley.domain.errors import InvalidInput, NotFound
from parley.domain.users import User, UserStatus
from parley.services.chats import ChatView, resolve_chat
from parley.services.context import Ctx


@dataclass(frozen=True, slots=True)
class Resolved:
    user: User | None = None
    chat: ChatView | None = None


async def resolve_username(ctx: Ctx, viewer_id: int, *, username: str) -> Resolved:
    name = username.strip().removeprefix("@")
    if not name or len(name) > 32:
        raise InvalidInput("not a username", code="invalid_username")
    user = await ctx.db.read(lambda tx: tx.users.by_username(name))
    if user is not None and user.status is not UserStatus.BANNED:
        return Resolved(user=user)
    try:
        return Resolved(chat=await resolve_chat(ctx, viewer_id, username=name))
    except NotFound:
        raise NotFound("nobody has this username", code="username_not_found") from None
