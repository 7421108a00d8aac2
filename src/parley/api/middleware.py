"""Pure ASGI middleware (cheap on the hot path): request size limits and metrics."""

from __future__ import annotations

import time
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley.api.errors import error_body
from parley.metrics import Metrics


class BodyLimit:
    """Refuse bodies over the limit with 413 before any handler reads them: by Content-Length
    when given, and by counting when the body streams."""

    upload_prefixes = ("/api/v1/media", "/bot", "/upload/")  # /upload/: web uploads

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        settings = scope["app"].state.container.settings
        uploads = path.startswith(self.upload_prefixes)
        limit = settings.max_upload_bytes if uploads else settings.max_request_bytes
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _reject(send, 400, "bad_request", "Content-Length is not a number")
                    return
                if declared > limit:
                    await _reject(send, 413, "too_large", f"request body over {limit} bytes",
                                  telegram=_is_bot_api(path))  # fmt: skip
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _reject(send, 413, "too_large", f"request body over {limit} bytes",
                          telegram=_is_bot_api(path))  # fmt: skip


class _TooLarge(Exception):
    pass


def _is_bot_api(path: str) -> bool:
    return path.startswith(("/bot", "/file/bot"))


async def _reject(
    send: Send, status: int, code: str, message: str, *, telegram: bool = False
) -> None:
    """Refuse a request; Bot API paths get Telegram's error shape, which bot libraries read."""
    body = orjson.dumps(
        {"ok": False, "error_code": status, "description": "Request Entity Too Large"}
        if telegram and status == 413
        else error_body(code, message)
    )
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


class MetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        metrics: Metrics = scope["app"].state.container.metrics
        started = time.perf_counter()
        status = {"code": 500}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route: Any = scope.get("route")
            name = getattr(route, "path", "unmatched")
            metrics.http_requests.labels(scope["method"], name, str(status["code"])).inc()
            metrics.http_latency.labels(name).observe(time.perf_counter() - started)
