from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.chats import (
    AddMembersIn,
    BanIn,
    MemberOut,
    PromoteIn,
    RestrictIn,
    member_out,
)
from parley.api.schemas.common import ERROR_RESPONSES, Ok
from parley.services import members
from parley.services.members import MemberFilter

router = APIRouter(prefix="/chats/{chat_id}/members", tags=["members"], responses=ERROR_RESPONSES)


@router.get("", response_model=list[MemberOut], summary="A page of members, by user id")
async def list_members(
    chat_id: int,
    principal: PrincipalDep,
    ctx: CtxDep,
    filter: MemberFilter = MemberFilter.ALL,  # the public query parameter's name
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
) -> list[MemberOut]:
    page = await members.list_members(
        ctx,
        principal.user.id,
        chat_id=chat_id,
        member_filter=filter,
        after_user_id=after,
        limit=limit,
    )
    return [member_out(m) for m in page]


@router.post("", response_model=list[int], summary="Add people to a group (ids newly added)")
async def add_members(chat_id: int, body: AddMembersIn, principal: PrincipalDep, ctx: CtxDep
                      ) -> list[int]:  # fmt: skip
    return await members.add_members(
        ctx, principal.user.id, chat_id=chat_id, user_ids=body.user_ids
    )


@router.get("/{user_id}", response_model=MemberOut, summary="One member's status")
async def get_member(chat_id: int, user_id: int, principal: PrincipalDep, ctx: CtxDep) -> MemberOut:
    return member_out(
        await members.get_member(ctx, principal.user.id, chat_id=chat_id, member_id=user_id)
    )


@router.post("/{user_id}/ban", response_model=Ok, summary="Ban a member (until a time, or ever)")
async def ban(chat_id: int, user_id: int, body: BanIn, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await members.ban_member(
        ctx, principal.user.id, chat_id=chat_id, user_id=user_id, until=body.until
    )
    return Ok()


@router.post("/{user_id}/unban", response_model=Ok, summary="Lift a ban")
async def unban(chat_id: int, user_id: int, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await members.unban_member(ctx, principal.user.id, chat_id=chat_id, user_id=user_id)
    return Ok()


@router.post("/{user_id}/kick", response_model=Ok, summary="Remove a member who may rejoin")
async def kick(chat_id: int, user_id: int, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await members.ban_member(
        ctx, principal.user.id, chat_id=chat_id, user_id=user_id, kick_only=True
    )
    return Ok()


@router.post("/{user_id}/restrict", response_model=MemberOut, summary="Mute or unmute a member")
async def restrict(chat_id: int, user_id: int, body: RestrictIn, principal: PrincipalDep,
                   ctx: CtxDep) -> MemberOut:  # fmt: skip
    await members.restrict_member(
        ctx,
        principal.user.id,
        chat_id=chat_id,
        user_id=user_id,
        can_send=body.can_send,
        until=body.until,
    )
    return member_out(
        await members.get_member(ctx, principal.user.id, chat_id=chat_id, member_id=user_id)
    )


@router.post("/{user_id}/promote", response_model=MemberOut, summary="Make admin, or demote")
async def promote(chat_id: int, user_id: int, body: PromoteIn, principal: PrincipalDep,
                  ctx: CtxDep) -> MemberOut:  # fmt: skip
    await members.promote_member(
        ctx,
        principal.user.id,
        chat_id=chat_id,
        user_id=user_id,
        rights=body.rights.to_rights() if body.rights else None,
    )
    return member_out(
        await members.get_member(ctx, principal.user.id, chat_id=chat_id, member_id=user_id)
    )
