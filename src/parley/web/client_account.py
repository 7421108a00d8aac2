"""The signed-in person's own account: profile and privacy, and sessions with revoke."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep
from parley.domain.errors import DomainError
from parley.services import accounts
from parley.web.guard import ViewerDep, clear_session_cookie
from parley.web.pages import page

router = APIRouter(include_in_schema=False)


@router.get("/settings")
async def settings_page(
    request: Request, viewer: ViewerDep, ctx: CtxDep, saved: bool = False
) -> Response:
    phone = await accounts.user_phone(ctx, viewer.user_id, user_id=viewer.user_id)
    return page(
        request,
        "settings.html",
        viewer=viewer,
        me=viewer.user,
        phone=phone,
        saved=saved,
        error=None,
    )


@router.post("/settings")
async def save_settings(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    display_name: Annotated[str, Form(max_length=100)],
    username: Annotated[str, Form(max_length=40)] = "",
    bio: Annotated[str, Form(max_length=300)] = "",
    phone_visible: Annotated[bool, Form()] = False,
    phone_searchable: Annotated[bool, Form()] = False,
) -> Response:
    try:
        await accounts.update_profile(
            ctx,
            viewer.user_id,
            display_name=display_name,
            bio=bio,
            username=username.strip() or None,
            clear_username=not username.strip(),
            phone_visible=phone_visible,
            phone_searchable=phone_searchable,
        )
    except DomainError as error:
        return page(
            request,
            "settings.html",
            viewer=viewer,
            me=viewer.user,
            phone=None,
            saved=False,
            error=error.message,
            status_code=400,
        )
    return RedirectResponse("/settings?saved=true", status_code=303)


@router.get("/settings/sessions")
async def sessions_page(request: Request, viewer: ViewerDep, ctx: CtxDep) -> Response:
    sessions = await accounts.list_sessions(ctx, viewer.user_id)
    assert viewer.principal is not None
    return page(
        request,
        "sessions.html",
        viewer=viewer,
        sessions=sessions,
        current=viewer.principal.session_id,
    )


@router.post("/settings/sessions/{session_id}/revoke")
async def revoke_session(session_id: int, viewer: ViewerDep, ctx: CtxDep) -> Response:
    await accounts.revoke_session(ctx, viewer.user_id, session_id=session_id)
    assert viewer.principal is not None
    if session_id != viewer.principal.session_id:
        return RedirectResponse("/settings/sessions", status_code=303)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(response, secure=not ctx.settings.is_dev)
    return response
