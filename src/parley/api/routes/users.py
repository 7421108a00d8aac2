from __future__ import annotations

from fastapi import APIRouter

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.chats import ChatOut, chat_out
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.users import UserOut, user_out
from parley.services import accounts, resolve

router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


@router.get("/users/{user_id}", response_model=UserOut, summary="A user's public profile")
async def get_user(user_id: int, principal: PrincipalDep, ctx: CtxDep) -> UserOut:
    user = await accounts.get_user(ctx, user_id)
    phone = await accounts.user_phone(ctx, principal.user.id, user_id=user_id)
    return user_out(user, phone=phone)


@router.get("/resolve/{username}", response_model=UserOut | ChatOut,
            summary="Find the user or public chat that holds a @username")  # fmt: skip
async def resolve_username(
    username: str, principal: PrincipalDep, ctx: CtxDep
) -> UserOut | ChatOut:
    found = await resolve.resolve_username(ctx, principal.user.id, username=username)
    if found.user is not None:
        phone = await accounts.user_phone(ctx, principal.user.id, user_id=found.user.id)
        return user_out(found.user, phone=phone)
    assert found.chat is not None
    return chat_out(found.chat)
