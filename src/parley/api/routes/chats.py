from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.chats import (
    ChatOut,
    CreateChatIn,
    DialogOut,
    InviteIn,
    InviteOut,
    PrivateChatIn,
    UpdateChatIn,
    chat_out,
    dialog_out,
    invite_out,
)
from parley.api.schemas.common import ERROR_RESPONSES, Ok
from parley.domain.chats import ChatKind
from parley.domain.clock import from_ms
from parley.domain.errors import InvalidInput
from parley.services import chats, dialogs

router = APIRouter(tags=["chats"], responses=ERROR_RESPONSES)


def _base_url(request: Request) -> str:
    configured = request.app.state.container.settings.public_url
    return (configured or str(request.base_url)).rstrip("/")


def _cursor(raw: str | None) -> tuple[object, int] | None:
    if raw is None:
        return None
    at, _, chat_id = raw.partition(":")
    if not at.isdigit() or not chat_id.isdigit():
        raise InvalidInput(
            "cursor is malformed; pass a dialog's cursor back", code="invalid_cursor"
        )
    return from_ms(int(at)), int(chat_id)


@router.get("/chats", response_model=list[DialogOut], summary="Your chats by last activity")
async def list_dialogs(
    principal: PrincipalDep,
    ctx: CtxDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(max_length=64)] = None,
) -> list[DialogOut]:
    page = await dialogs.list_dialogs(ctx, principal.user.id, limit=limit, before=_cursor(cursor))  # type: ignore[arg-type]
    return [dialog_out(d) for d in page]


@router.post("/chats", response_model=ChatOut, status_code=201, summary="Create a group or channel")
async def create_chat(body: CreateChatIn, principal: PrincipalDep, ctx: CtxDep) -> ChatOut:
    view = await chats.create_chat(
        ctx, principal.user.id, kind=ChatKind(body.kind), title=body.title,
        description=body.description, username=body.username, member_ids=body.member_ids,
    )  # fmt: skip
    return chat_out(view)


@router.post("/chats/private", response_model=ChatOut, summary="Open the private chat with a user")
async def open_private(body: PrivateChatIn, principal: PrincipalDep, ctx: CtxDep) -> ChatOut:
    return chat_out(await chats.open_private_chat(ctx, principal.user.id, peer_id=body.user_id))


@router.get("/chats/{chat_id}", response_model=ChatOut, summary="A chat's info")
async def get_chat(chat_id: int, principal: PrincipalDep, ctx: CtxDep) -> ChatOut:
    return chat_out(await chats.get_chat(ctx, principal.user.id, chat_id=chat_id))


@router.patch("/chats/{chat_id}", response_model=ChatOut, summary="Change title, description, "
              "username or slow mode")  # fmt: skip
async def update_chat(chat_id: int, body: UpdateChatIn, principal: PrincipalDep, ctx: CtxDep
                      ) -> ChatOut:  # fmt: skip
    view = await chats.update_chat(
        ctx, principal.user.id, chat_id=chat_id, title=body.title, description=body.description,
        username=body.username or None, clear_username=body.username == "",
        slow_mode_seconds=body.slow_mode_seconds,
    )  # fmt: skip
    return chat_out(view)


@router.post("/chats/{chat_id}/join", response_model=ChatOut, summary="Join a public chat")
async def join(chat_id: int, principal: PrincipalDep, ctx: CtxDep) -> ChatOut:
    return chat_out(await chats.join_chat(ctx, principal.user.id, chat_id=chat_id))


@router.post("/chats/{chat_id}/leave", response_model=Ok, summary="Leave a group or channel")
async def leave(chat_id: int, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await chats.leave_chat(ctx, principal.user.id, chat_id=chat_id)
    return Ok()


@router.post("/invites/{code}/join", response_model=ChatOut, summary="Join by invite link")
async def join_by_invite(code: str, principal: PrincipalDep, ctx: CtxDep) -> ChatOut:
    if len(code) > 64:
        raise InvalidInput("not an invite code", code="invite_invalid")
    return chat_out(await chats.join_by_invite(ctx, principal.user.id, code=code))


@router.post("/chats/{chat_id}/invite-links", response_model=InviteOut, status_code=201,
             summary="Create an invite link")  # fmt: skip
async def create_invite(chat_id: int, body: InviteIn, request: Request, principal: PrincipalDep,
                        ctx: CtxDep) -> InviteOut:  # fmt: skip
    link = await chats.create_invite_link(
        ctx, principal.user.id, chat_id=chat_id, name=body.name, expires_at=body.expires_at,
        member_limit=body.member_limit,
    )  # fmt: skip
    return invite_out(link, base_url=_base_url(request))


@router.get("/chats/{chat_id}/invite-links", response_model=list[InviteOut],
            summary="A chat's invite links")  # fmt: skip
async def list_invites(chat_id: int, request: Request, principal: PrincipalDep, ctx: CtxDep
                       ) -> list[InviteOut]:  # fmt: skip
    links = await chats.list_invite_links(ctx, principal.user.id, chat_id=chat_id)
    return [invite_out(link, base_url=_base_url(request)) for link in links]


@router.delete("/chats/{chat_id}/invite-links/{code}", response_model=Ok,
               summary="Revoke an invite link")  # fmt: skip
async def revoke_invite(chat_id: int, code: str, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await chats.revoke_invite_link(ctx, principal.user.id, chat_id=chat_id, code=code)
    return Ok()
