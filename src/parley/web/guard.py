"""Who is asking, for pages: the browser session cookie, CSRF tokens and role checks.

A signed-in browser holds the session token in the HttpOnly cookie `parley_session` (the API
and the WebSocket accept it too). Every state-changing request carries a CSRF token bound to
that cookie: htmx sends it as the X-CSRF-Token header (from a meta tag), plain forms as the
hidden field `csrf_token`. Cross-origin requests are refused earlier, by Origin, in
web/headers.py. Before sign-in the token is bound to an anonymous cookie instead."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request, Response

from parley.api.deps import client_ip, get_container
from parley.domain.errors import Forbidden, Unauthenticated
from parley.domain.users import Role, User, UserStatus
from parley.services import accounts
from parley.services.auth_cache import Principal
from parley.services.context import Ctx

SESSION_COOKIE = "parley_session"
ANON_COOKIE = "parley_anon"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SESSION_MAX_AGE = 365 * 24 * 3600
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SignInRequired(Exception):
    """A page that needs a signed-in browser was asked for without one: sign in, then return."""

    def __init__(self, next_path: str) -> None:
        super().__init__("sign in first")
        self.next_path = next_path


@dataclass(frozen=True, slots=True)
class Viewer:
    """The browser asking: their account and session (None when signed out) and the CSRF
    token their forms must carry."""

    principal: Principal | None
    csrf: str

    @property
    def user(self) -> User:
        if self.principal is None:
            raise Unauthenticated("sign in first")
        return self.principal.user

    @property
    def user_id(self) -> int:
        return self.user.id

    @property
    def signed_in(self) -> bool:
        return self.principal is not None

    def has_role(self, role: Role) -> bool:
        return self.principal is not None and self.principal.user.has_role(role)


def csrf_for(ctx: Ctx, cookie_value: str) -> str:
    digest = hmac.new(ctx.secret, b"csrf:" + cookie_value.encode(), hashlib.sha256)
    return digest.hexdigest()[:40]


def _anon_value(request: Request) -> str:
    """The anonymous cookie's value, minted on first sight and set by `web.headers`."""
    value = request.cookies.get(ANON_COOKIE) or request.scope.get("parley.anon")
    if not value or len(value) > 64:
        value = secrets.token_urlsafe(24)
        request.scope["parley.anon"] = value
    return str(value)


async def _principal(request: Request) -> Principal | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    ctx = get_container(request).ctx
    try:
        principal = await accounts.authenticate(ctx, token, ip=client_ip(request))
    except Unauthenticated:
        request.scope["parley.drop_session"] = True  # revoked elsewhere: forget the cookie
        return None
    await accounts.check_request_rate(ctx, principal.user.id)
    return principal


async def _check_csrf(request: Request, expected: str) -> None:
    if request.method not in UNSAFE:
        return
    offered = request.headers.get(CSRF_HEADER)
    if offered is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()  # Starlette keeps it; the handler's Form fields reuse it
            field = form.get(CSRF_FIELD)
            offered = field if isinstance(field, str) else None
    if not offered or not hmac.compare_digest(offered, expected):
        raise Forbidden(
            "the form was stale or came from elsewhere; reload the page and retry",
            code="csrf_failed",
        )


async def viewer_dependency(request: Request) -> Viewer:
    """Anyone, signed in or not; state-changing requests must carry the CSRF token."""
    principal = await _principal(request)
    ctx = get_container(request).ctx
    if principal is not None:
        csrf = csrf_for(ctx, request.cookies[SESSION_COOKIE])
    else:
        csrf = csrf_for(ctx, _anon_value(request))
    await _check_csrf(request, csrf)
    return Viewer(principal=principal, csrf=csrf)


AnyViewerDep = Annotated[Viewer, Depends(viewer_dependency)]


def _next_path(request: Request) -> str:
    if request.method != "GET" or request.headers.get("hx-request"):
        referer = request.headers.get("hx-current-url") or "/chats"
        path = "/" + referer.split("://", 1)[-1].partition("/")[2]
        return path if path.startswith("/") else "/chats"
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


async def any_signed_in_dependency(viewer: AnyViewerDep, request: Request) -> Viewer:
    """Signed in, a banned account included: it may read the decisions about it and appeal."""
    if viewer.principal is None:
        raise SignInRequired(_next_path(request))
    return viewer


BannedToo = Annotated[Viewer, Depends(any_signed_in_dependency)]


async def signed_in_dependency(viewer: BannedToo) -> Viewer:
    if viewer.user.status is UserStatus.BANNED:
        raise Forbidden(
            "this account was banned for breaking the rules; open /decisions to "
            "read why and appeal",
            code="account_banned",
        )
    return viewer


ViewerDep = Annotated[Viewer, Depends(signed_in_dependency)]


def role_required(role: Role) -> object:
    """A page for one platform role: signed out goes to sign-in, anyone else gets 403."""

    async def check(viewer: ViewerDep) -> Viewer:
        if not viewer.user.has_role(role):
            raise Forbidden(
                f"this page is for the {role.value.replace('_', ' ')} role", code="role_required"
            )
        return viewer

    return Depends(check)


def sign_in_url(next_path: str) -> str:
    return "/signin?next=" + quote(next_path, safe="/")


def safe_next(raw: str | None) -> str:
    """Only a local path: `next` must never send a browser to another site."""
    if not raw or not raw.startswith("/") or raw.startswith("//") or "\\" in raw:
        return "/chats"
    return raw


def set_session_cookie(response: Response, token: str, *, secure: bool) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def clear_session_cookie(response: Response, *, secure: bool) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=secure)
