"""The authority portal: an authority's staff sign in with the authority's API key to a portal
session, see the status of their own requests (and nothing else) and download released
packages. The session is the API key sealed with the platform's field cipher in an HttpOnly
cookie for /portal, valid for a working day; rotating the key ends every session."""

from __future__ import annotations

import base64
from typing import Annotated

import orjson
from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep, IpDep
from parley.domain.errors import DomainError, Unauthenticated
from parley.services import legal
from parley.services.context import Ctx
from parley.web.guard import AnyViewerDep
from parley.web.pages import page

router = APIRouter(prefix="/portal", include_in_schema=False)
COOKIE = "parley_portal"
LIFETIME = 8 * 3600


def seal(ctx: Ctx, api_key: str) -> str:
    expires = int(ctx.clock.now().timestamp()) + LIFETIME
    blob = ctx.cipher.encrypt("portal", f"{expires}:{api_key}")
    return base64.urlsafe_b64encode(blob).decode()


def unseal(ctx: Ctx, request: Request) -> str:
    """The API key of this browser's portal session; Unauthenticated when there is none."""
    raw = request.cookies.get(COOKIE)
    if not raw or len(raw) > 1024:
        raise Unauthenticated("sign in to the portal", code="portal_signed_out")
    try:
        expires, _, api_key = ctx.cipher.decrypt("portal", base64.urlsafe_b64decode(raw)).partition(
            ":"
        )
        if int(expires) < ctx.clock.now().timestamp():
            raise ValueError("expired")
    except Exception:  # tampered, from another key, malformed or expired: sign in again
        raise Unauthenticated(
            "the portal session expired; sign in again", code="portal_signed_out"
        ) from None
    return api_key


def _signed_out(
    request: Request, viewer: AnyViewerDep, error: str | None = None, status_code: int = 200
) -> Response:
    response = page(
        request, "portal/signin.html", viewer=viewer, error=error, status_code=status_code
    )
    if error is not None:
        response.delete_cookie(COOKIE, path="/portal")
    return response


@router.get("")
async def portal_home(request: Request, viewer: AnyViewerDep, ctx: CtxDep, ip: IpDep) -> Response:
    try:
        found = await legal.list_own_requests(ctx, unseal(ctx, request), ip=ip)
    except Unauthenticated as error:
        expired = COOKIE in request.cookies  # a session that no longer works, not a first visit
        return _signed_out(request, viewer, error.message if expired else None)
    return page(request, "portal/requests.html", viewer=viewer, requests=found)


@router.post("/signin")
async def sign_in(
    request: Request,
    viewer: AnyViewerDep,
    ctx: CtxDep,
    ip: IpDep,
    api_key: Annotated[str, Form(max_length=256)],
) -> Response:
    try:
        await legal.authenticate_authority(ctx, api_key.strip(), ip=ip)
    except DomainError:
        return _signed_out(request, viewer, "That API key is not valid.", 401)
    response = RedirectResponse("/portal", status_code=303)
    response.set_cookie(
        COOKIE,
        seal(ctx, api_key.strip()),
        max_age=LIFETIME,
        path="/portal",
        httponly=True,
        samesite="strict",
        secure=not ctx.settings.is_dev,
    )
    return response


@router.post("/signout")
async def sign_out(viewer: AnyViewerDep, ctx: CtxDep) -> Response:
    response = RedirectResponse("/portal", status_code=303)
    response.delete_cookie(COOKIE, path="/portal")
    return response


@router.get("/requests/{request_pk}")
async def request_page(
    request: Request, request_pk: int, viewer: AnyViewerDep, ctx: CtxDep, ip: IpDep
) -> Response:
    try:
        found = await legal.get_own_request(ctx, unseal(ctx, request), request_pk=request_pk, ip=ip)
    except Unauthenticated as error:
        return _signed_out(request, viewer, error.message, 401)
    return page(
        request, "portal/request.html", viewer=viewer, r=found, view=legal.authority_view(found)
    )


@router.get("/requests/{request_pk}/package")
async def download_package(
    request: Request, request_pk: int, viewer: AnyViewerDep, ctx: CtxDep, ip: IpDep
) -> Response:
    try:
        package = await legal.retrieve_package(
            ctx, unseal(ctx, request), request_pk=request_pk, ip=ip
        )
    except Unauthenticated as error:
        return _signed_out(request, viewer, error.message, 401)
    name = f"parley-disclosure-{request_pk}.json"
    return Response(
        orjson.dumps(package, option=orjson.OPT_INDENT_2),
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
