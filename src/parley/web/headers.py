"""Browser-facing protections for every response, as pure ASGI middleware (cheap on the API's
hot path): a strict Content-Security-Policy (this origin only, no inline script or style),
no framing, no sniffing; and refusal of cross-origin state-changing requests and WebSocket
handshakes that would ride on the browser's cookies."""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley.web.guard import ANON_COOKIE, SESSION_COOKIE, UNSAFE

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
ALWAYS: list[tuple[bytes, bytes]] = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
# The interactive API docs load their viewer from a CDN; nothing else may.
NO_CSP_PATHS = ("/api/docs",)


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", ())}


def _cookies(headers: dict[bytes, bytes]) -> dict[str, str]:
    raw = headers.get(b"cookie")
    if not raw:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw.decode("latin-1"))
    except Exception:  # a malformed cookie header is the browser's problem, not a 500
        return {}
    return {k: m.value for k, m in jar.items()}


def same_origin(headers: dict[bytes, bytes], public_url: str | None) -> bool:
    """False only when the browser says the request comes from another site."""
    origin = headers.get(b"origin", b"").decode("latin-1")
    if origin and origin != "null":
        netloc = urlsplit(origin).netloc.lower()
        host = headers.get(b"host", b"").decode("latin-1").lower()
        allowed = {host}
        if public_url:
            allowed.add(urlsplit(public_url).netloc.lower())
        return netloc in allowed
    if origin == "null":
        return False
    site = headers.get(b"sec-fetch-site", b"").decode("latin-1")
    return site in ("", "same-origin", "none")


class BrowserGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        cookies = _cookies(headers)
        settings = scope["app"].state.container.settings
        rides_on_cookie = (SESSION_COOKIE in cookies or ANON_COOKIE in cookies) and (
            b"authorization" not in headers
        )
        unsafe = kind == "websocket" or scope["method"] in UNSAFE
        if rides_on_cookie and unsafe and not same_origin(headers, settings.public_url):
            await _refuse(scope, send)
            return
        if kind == "websocket":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        secure = "; Secure" if not settings.is_dev else ""

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = list(message.get("headers", []))
                present = {k.lower() for k, _ in out}
                for name, value in ALWAYS:
                    if name not in present:
                        out.append((name, value))
                if b"content-security-policy" not in present and not path.startswith(NO_CSP_PATHS):
                    out.append((b"content-security-policy", CSP.encode()))
                anon = scope.get("parley.anon")
                if anon and ANON_COOKIE not in cookies:
                    out.append(
                        (
                            b"set-cookie",
                            (
                                f"{ANON_COOKIE}={anon}; Path=/; HttpOnly; SameSite=Lax{secure}"
                            ).encode(),
                        )
                    )
                if scope.get("parley.drop_session"):
                    out.append(
                        (
                            b"set-cookie",
                            (
                                f"{SESSION_COOKIE}=; Max-Age=0; Path=/; "
                                f"HttpOnly; SameSite=Lax{secure}"
                            ).encode(),
                        )
                    )
                message = {**message, "headers": out}
            await send(message)

        await self.app(scope, receive, sending)


async def _refuse(scope: Scope, send: Send) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = orjson.dumps(
        {"error": {"code": "cross_origin", "message": "cross-origin requests are refused"}}
    )
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


__all__ = ["CSP", "BrowserGuard", "same_origin"]
