from __future__ import annotations

from fastapi import APIRouter

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES, Ok
from parley.api.schemas.users import MeOut, ProfileIn, SessionOut, me_out, session_out
from parley.services import accounts

router = APIRouter(prefix="/me", tags=["me"], responses=ERROR_RESPONSES)


@router.get("", response_model=MeOut, summary="Your own profile")
async def get_me(principal: PrincipalDep, ctx: CtxDep) -> MeOut:
    user = await accounts.get_user(ctx, principal.user.id)
    phone = await accounts.user_phone(ctx, user.id, user_id=user.id)
    return me_out(user, phone=phone)


@router.patch("", response_model=MeOut, summary="Change your profile")
async def update_me(body: ProfileIn, principal: PrincipalDep, ctx: CtxDep) -> MeOut:
    user = await accounts.update_profile(
        ctx, principal.user.id, display_name=body.display_name, bio=body.bio,
        username=body.username or None, clear_username=body.username == "",
        phone_visible=body.phone_visible, phone_searchable=body.phone_searchable,
    )  # fmt: skip
    phone = await accounts.user_phone(ctx, user.id, user_id=user.id)
    return me_out(user, phone=phone)


@router.get("/sessions", response_model=list[SessionOut], summary="Your signed-in sessions")
async def list_sessions(principal: PrincipalDep, ctx: CtxDep) -> list[SessionOut]:
    sessions = await accounts.list_sessions(ctx, principal.user.id)
    return [session_out(s, current_id=principal.session_id) for s in sessions]


@router.delete("/sessions/{session_id}", response_model=Ok, summary="Revoke one of your sessions")
async def revoke_session(session_id: int, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await accounts.revoke_session(ctx, principal.user.id, session_id=session_id)
    return Ok()
