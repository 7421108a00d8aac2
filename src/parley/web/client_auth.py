"""Signing in from a browser: phone number, then the code, then (for a new account) a name.
On success the session token goes into the HttpOnly cookie, never into the page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep, IpDep
from parley.domain.errors import DomainError
from parley.domain.phones import mask_phone
from parley.services import accounts
from parley.web.guard import (
    AnyViewerDep,
    ViewerDep,
    clear_session_cookie,
    safe_next,
    set_session_cookie,
)
from parley.web.pages import page

router = APIRouter(include_in_schema=False)
Phone = Annotated[str, Form(max_length=40)]
Next = Annotated[str, Form(max_length=512)]


@router.get("/")
async def home(viewer: AnyViewerDep) -> Response:
    return RedirectResponse("/chats" if viewer.signed_in else "/signin", status_code=303)


@router.get("/signin")
async def sign_in_page(
    request: Request, viewer: AnyViewerDep, ctx: CtxDep, next: str | None = None
) -> Response:
    if viewer.signed_in:
        return RedirectResponse(safe_next(next), status_code=303)
    return page(
        request,
        "signin_phone.html",
        viewer=viewer,
        next=safe_next(next),
        phone="",
        error=None,
        dev=ctx.settings.is_dev,
    )


@router.post("/signin/code")
async def send_code(
    request: Request,
    viewer: AnyViewerDep,
    ctx: CtxDep,
    ip: IpDep,
    phone: Phone,
    next: Next = "/chats",
) -> Response:
    try:
        sent = await accounts.send_code(ctx, phone, ip=ip)
    except DomainError as error:
        return page(
            request,
            "signin_phone.html",
            viewer=viewer,
            next=safe_next(next),
            phone=phone,
            error=error.message,
            dev=ctx.settings.is_dev,
            status_code=400,
        )
    return page(
        request,
        "signin_code.html",
        viewer=viewer,
        next=safe_next(next),
        phone=sent.phone,
        masked=mask_phone(sent.phone),
        length=sent.length,
        error=None,
    )


@router.post("/signin")
async def sign_in(
    request: Request,
    viewer: AnyViewerDep,
    ctx: CtxDep,
    ip: IpDep,
    phone: Phone,
    code: Annotated[str, Form(max_length=16)],
    next: Next = "/chats",
) -> Response:
    try:
        done = await accounts.sign_in(
            ctx,
            phone,
            code=code.strip(),
            ip=ip,
            user_agent=request.headers.get("user-agent", "")[:256],
        )
    except DomainError as error:
        return page(
            request,
            "signin_code.html",
            viewer=viewer,
            next=safe_next(next),
            phone=phone,
            masked=mask_phone(phone),
            length=5,
            error=error.message,
            status_code=400,
        )
    target = "/welcome?next=" + safe_next(next) if done.new_account else safe_next(next)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, done.token, secure=not ctx.settings.is_dev)
    return response


@router.get("/welcome")
async def welcome_page(request: Request, viewer: ViewerDep, next: str | None = None) -> Response:
    return page(request, "welcome.html", viewer=viewer, next=safe_next(next), error=None)


@router.post("/welcome")
async def welcome(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    display_name: Annotated[str, Form(max_length=64)] = "",
    next: Next = "/chats",
) -> Response:
    if display_name.strip():
        try:
            await accounts.update_profile(ctx, viewer.user_id, display_name=display_name)
        except DomainError as error:
            return page(
                request,
                "welcome.html",
                viewer=viewer,
                next=safe_next(next),
                error=error.message,
                status_code=400,
            )
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/signout")
async def sign_out(viewer: ViewerDep, ctx: CtxDep) -> Response:
    assert viewer.principal is not None
    await accounts.sign_out(ctx, viewer.principal)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(response, secure=not ctx.settings.is_dev)
    return response
