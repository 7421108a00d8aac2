"""The client's chats: the chat list with unread counts, a conversation, chat info with
invite links, creating groups and channels, joining by @username or invite link, profiles."""

from __future__ import annotations

import re
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep
from parley.domain.chats import SLOW_MODE_VALUES, AdminRights, ChatKind
from parley.domain.errors import DomainError, InvalidInput, NotFound
from parley.services import accounts, chats, conversations, members, resolve
from parley.web.guard import ViewerDep
from parley.web.pages import page

router = APIRouter(include_in_schema=False)
Before = Annotated[int | None, Query(ge=1)]
MEMBERS_PAGE = 50
AROUND_AFTER = 10  # messages shown after the one a link points at
INVITE = re.compile(r"(?:^|/join/)([A-Za-z0-9_-]{8,64})/?$")


def new_random_id() -> int:
    """The composer's random_id: a retried send of the same form never posts twice."""
    return secrets.randbits(63)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/chats")
async def chat_list_page(request: Request, viewer: ViewerDep, ctx: CtxDep) -> Response:
    listing = await conversations.load_chat_list(ctx, viewer.user_id)
    return page(request, "chats.html", viewer=viewer, listing=listing, active=None, convo=None)


@router.get("/chats/list")
async def chat_list_fragment(
    request: Request, viewer: ViewerDep, ctx: CtxDep, active: Annotated[int | None, Query()] = None
) -> Response:
    listing = await conversations.load_chat_list(ctx, viewer.user_id)
    return page(request, "fragments/chat_list.html", viewer=viewer, listing=listing, active=active)


@router.get("/chats/{chat_id}")
async def conversation_page(
    request: Request,
    chat_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    before: Before = None,
    reply: Before = None,
    around: Before = None,
) -> Response:
    """The newest page, or the page before a message (paging back), or the page around one
    (a search result, a quoted or pinned message further back)."""
    if around is not None and before is None:
        before = around + AROUND_AFTER + 1
    convo = await conversations.load_conversation(
        ctx, viewer.user_id, chat_id=chat_id, before_id=before
    )
    listing = await conversations.load_chat_list(ctx, viewer.user_id)
    replying = next((m for m in convo.messages if m.id == reply), None)
    return page(
        request,
        "chats.html",
        viewer=viewer,
        listing=listing,
        active=chat_id,
        convo=convo,
        random_id=new_random_id(),
        attach_id=new_random_id(),
        replying=replying,
    )


@router.get("/chats/{chat_id}/older")
async def older_messages(
    request: Request,
    chat_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    before: Annotated[int, Query(ge=1)],
) -> Response:
    convo = await conversations.load_conversation(
        ctx, viewer.user_id, chat_id=chat_id, before_id=before
    )
    return page(request, "fragments/older.html", viewer=viewer, convo=convo)


@router.get("/chats/{chat_id}/pinned")
async def pinned_bar(request: Request, chat_id: int, viewer: ViewerDep, ctx: CtxDep) -> Response:
    convo = await conversations.load_conversation(ctx, viewer.user_id, chat_id=chat_id, limit=1)
    return page(request, "fragments/pinned.html", viewer=viewer, convo=convo)


@router.get("/chats/{chat_id}/info")
async def chat_info_page(
    request: Request, chat_id: int, viewer: ViewerDep, ctx: CtxDep, saved: bool = False
) -> Response:
    info = await conversations.load_chat_info(ctx, viewer.user_id, chat_id=chat_id)
    base = (ctx.settings.public_url or str(request.base_url)).rstrip("/")
    return page(
        request,
        "chat_info.html",
        viewer=viewer,
        info=info,
        base_url=base,
        saved=saved,
        slow_modes=SLOW_MODE_VALUES,
    )


@router.get("/chats/{chat_id}/members")
async def members_page(
    request: Request,
    chat_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    after: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    info = await conversations.load_chat_info(ctx, viewer.user_id, chat_id=chat_id)
    found = await members.list_members(
        ctx, viewer.user_id, chat_id=chat_id, after_user_id=after, limit=MEMBERS_PAGE
    )
    return page(
        request,
        "members.html",
        viewer=viewer,
        info=info,
        chat_id=chat_id,
        found=found,
        more=len(found) == MEMBERS_PAGE,
        after=after,
    )


@router.post("/chats/{chat_id}/members/{user_id}/{action}")
async def member_action(
    chat_id: int, user_id: int, action: str, viewer: ViewerDep, ctx: CtxDep
) -> Response:
    """Remove (may rejoin), ban, unban, make admin or dismiss: the rights are checked by the
    member services; nobody grants a right they lack."""
    if action in ("remove", "ban"):
        await members.ban_member(
            ctx, viewer.user_id, chat_id=chat_id, user_id=user_id, kick_only=action == "remove"
        )
    elif action == "promote":
        await members.promote_member(
            ctx, viewer.user_id, chat_id=chat_id, user_id=user_id, rights=AdminRights()
        )
    elif action == "dismiss":
        await members.promote_member(
            ctx, viewer.user_id, chat_id=chat_id, user_id=user_id, rights=None
        )
    else:
        raise InvalidInput("unknown member action", code="invalid_action")
    return _see_other(f"/chats/{chat_id}/members")


@router.post("/chats/{chat_id}/edit")
async def edit_chat(
    request: Request,
    chat_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    title: Annotated[str, Form(max_length=200)],
    description: Annotated[str, Form(max_length=400)] = "",
    username: Annotated[str, Form(max_length=40)] = "",
    slow_mode_seconds: Annotated[int | None, Form()] = None,
) -> Response:
    await chats.update_chat(
        ctx,
        viewer.user_id,
        chat_id=chat_id,
        title=title,
        description=description,
        username=username.strip() or None,
        clear_username=not username.strip(),
        slow_mode_seconds=slow_mode_seconds,
    )
    return _see_other(f"/chats/{chat_id}/info?saved=true")


@router.post("/chats/{chat_id}/join")
async def join(chat_id: int, viewer: ViewerDep, ctx: CtxDep) -> Response:
    await chats.join_chat(ctx, viewer.user_id, chat_id=chat_id)
    return _see_other(f"/chats/{chat_id}")


@router.post("/chats/{chat_id}/leave")
async def leave(chat_id: int, viewer: ViewerDep, ctx: CtxDep) -> Response:
    await chats.leave_chat(ctx, viewer.user_id, chat_id=chat_id)
    return _see_other("/chats")


@router.post("/chats/{chat_id}/invites")
async def create_invite(
    chat_id: int, viewer: ViewerDep, ctx: CtxDep, name: Annotated[str, Form(max_length=32)] = ""
) -> Response:
    await chats.create_invite_link(ctx, viewer.user_id, chat_id=chat_id, name=name)
    return _see_other(f"/chats/{chat_id}/info#invites")


@router.post("/chats/{chat_id}/invites/{code}/revoke")
async def revoke_invite(chat_id: int, code: str, viewer: ViewerDep, ctx: CtxDep) -> Response:
    await chats.revoke_invite_link(ctx, viewer.user_id, chat_id=chat_id, code=code[:64])
    return _see_other(f"/chats/{chat_id}/info#invites")


@router.get("/new")
async def new_chat_page(
    request: Request, viewer: ViewerDep, kind: Annotated[str, Query(max_length=8)] = "group"
) -> Response:
    return page(
        request,
        "new_chat.html",
        viewer=viewer,
        error=None,
        form={
            "kind": kind if kind in ("group", "channel") else "group",
            "title": "",
            "description": "",
            "username": "",
        },
    )


@router.post("/new")
async def new_chat(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    kind: Annotated[str, Form(max_length=8)],
    title: Annotated[str, Form(max_length=200)],
    description: Annotated[str, Form(max_length=400)] = "",
    username: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    try:
        if kind not in ("group", "channel"):
            raise InvalidInput("choose a group or a channel", code="invalid_kind")
        view = await chats.create_chat(
            ctx,
            viewer.user_id,
            kind=ChatKind(kind),
            title=title,
            description=description,
            username=username.strip() or None,
        )
    except DomainError as error:
        form = {"kind": kind, "title": title, "description": description, "username": username}
        return page(
            request, "new_chat.html", viewer=viewer, error=error.message, form=form, status_code=400
        )
    return _see_other(f"/chats/{view.chat.id}")


@router.get("/join")
async def join_page(request: Request, viewer: ViewerDep) -> Response:
    return page(request, "join.html", viewer=viewer, error=None, query="")


@router.post("/join")
async def join_lookup(
    request: Request, viewer: ViewerDep, ctx: CtxDep, query: Annotated[str, Form(max_length=300)]
) -> Response:
    """An invite link goes to its preview; a @username to the chat, or a private chat with
    the person holding it."""
    text = query.strip()
    invite = INVITE.search(text) if "/" in text or "join" in text else None
    if invite:
        return _see_other(f"/join/{invite.group(1)}")
    name = text.rsplit("/", 1)[-1].removeprefix("@")
    try:
        found = await resolve.resolve_username(ctx, viewer.user_id, username=name)
        if found.user is not None:
            view = await chats.open_private_chat(ctx, viewer.user_id, peer_id=found.user.id)
            return _see_other(f"/chats/{view.chat.id}")
    except DomainError as error:
        return page(
            request,
            "join.html",
            viewer=viewer,
            error=error.message,
            query=text,
            status_code=404 if isinstance(error, NotFound) else 400,
        )
    assert found.chat is not None
    return _see_other(f"/chats/{found.chat.chat.id}")


@router.get("/join/{code}")
async def invite_page(request: Request, code: str, viewer: ViewerDep, ctx: CtxDep) -> Response:
    preview = await conversations.preview_invite(ctx, viewer.user_id, code=code)
    return page(request, "invite.html", viewer=viewer, preview=preview, code=code)


@router.post("/join/{code}")
async def join_invite(code: str, viewer: ViewerDep, ctx: CtxDep) -> Response:
    view = await chats.join_by_invite(ctx, viewer.user_id, code=code[:64])
    return _see_other(f"/chats/{view.chat.id}")


@router.get("/u/{user_id}")
async def profile_page(request: Request, user_id: int, viewer: ViewerDep, ctx: CtxDep) -> Response:
    user = await accounts.get_user(ctx, user_id)
    phone = await accounts.user_phone(ctx, viewer.user_id, user_id=user_id)
    return page(request, "profile.html", viewer=viewer, user=user, phone=phone)


@router.post("/u/{user_id}/message")
async def message_user(user_id: int, viewer: ViewerDep, ctx: CtxDep) -> Response:
    view = await chats.open_private_chat(ctx, viewer.user_id, peer_id=user_id)
    return _see_other(f"/chats/{view.chat.id}")


@router.get("/@{username}")
async def by_username(username: str, viewer: ViewerDep, ctx: CtxDep) -> Response:
    found = await resolve.resolve_username(ctx, viewer.user_id, username=username)
    if found.user is not None:
        return _see_other(f"/u/{found.user.id}")
    assert found.chat is not None
    return _see_other(f"/chats/{found.chat.chat.id}")
