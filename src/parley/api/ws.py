"""The WebSocket session: authenticate, stream live events, accept sends and reads.

Frames from the client are JSON objects with an `op`:
  {"op": "auth", "token": "..."}             first frame unless an Authorization header was sent
  {"op": "send", "req": "1", "chat_id": 5, "text": "hi", "random_id": 42, "reply_to_id": null}
  {"op": "read", "req": "2", "chat_id": 5, "max_id": 17}
  {"op": "ping", "req": "3"}
Each op is answered by {"type": "result", "req": ..., "ok": true, "result": {...}} or
{"type": "result", "req": ..., "ok": false, "error": {"code", "message"}}. Events arrive as
{"type": "chat_event", ...} and {"type": "user_event", ...}, as in GET /updates. A server
message is one such object, or a JSON array of them when several were ready at once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from functools import partial
from typing import Any

import orjson
from fastapi import WebSocket, WebSocketDisconnect
from pydantic import ValidationError
from starlette.websockets import WebSocketDisconnected

from parley.api.deps import bearer_token, client_ip, get_container
from parley.api.errors import error_body
from parley.api.schemas.messages import SendIn
from parley.api.schemas.wire import message_wire
from parley.domain.codec import encode_message
from parley.domain.errors import DomainError, InvalidInput, Unauthenticated
from parley.domain.users import UserStatus
from parley.services import accounts, messages, updates
from parley.services.auth_cache import Principal
from parley.services.context import Ctx
from parley.services.live import Subscriber
from parley.services.pipeline import OrderedPipeline

log = logging.getLogger(__name__)
AUTH_TIMEOUT = 10.0
MAX_FRAME = 64 * 1024
CLOSE_AUTH = 4001
CLOSE_LAGGING = 4008
MAX_BATCH = 64
MAX_IN_FLIGHT = 16  # ops of one connection in flight at once (services/pipeline.py)


async def serve(websocket: WebSocket) -> None:
    container = get_container(websocket)
    ctx = container.ctx
    await websocket.accept()
    try:
        principal = await _authenticate(websocket)
    except (Unauthenticated, InvalidInput, TimeoutError, ValueError) as error:
        message = getattr(error, "message", "authenticate first")
        await _send(websocket, {"type": "error", **error_body("unauthenticated", message)})
        await websocket.close(code=CLOSE_AUTH)
        return
    except WebSocketDisconnect:
        return
    sub = await container.hub.connect(principal.user.id, principal.session_id)
    state = await _ready_state(ctx, principal)
    await _send(websocket, {"type": "ready", "user_id": principal.user.id, **state})
    writer = asyncio.create_task(_pump(websocket, sub))
    ops = OrderedPipeline(depth=MAX_IN_FLIGHT)
    try:
        while not sub.closed:
            raw = await websocket.receive_text()
            if len(raw) > MAX_FRAME:
                await _send(
                    websocket, {"type": "error", **error_body("too_large", "frame too large")}
                )
                continue
            await ops.submit(partial(_answer, ctx, principal, sub, raw))
    except (WebSocketDisconnect, WebSocketDisconnected):
        pass  # the client went away, or the writer closed a lagging socket
    finally:
        container.hub.disconnect(sub)
        writer.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await writer


async def _ready_state(ctx: Ctx, principal: Principal) -> dict[str, Any]:
    state = await updates.get_state(ctx, principal.user.id)
    return {"seq": state.seq, "chats": [{"chat_id": c.chat_id, "pts": c.pts} for c in state.chats]}


async def _authenticate(websocket: WebSocket) -> Principal:
    ctx = get_container(websocket).ctx
    token = bearer_token(websocket) or websocket.cookies.get("parley_session")
    if token is None:
        raw = await asyncio.wait_for(websocket.receive_text(), timeout=AUTH_TIMEOUT)
        frame = orjson.loads(raw[:MAX_FRAME])
        if not isinstance(frame, dict) or frame.get("op") != "auth":
            raise Unauthenticated('the first frame must be {"op": "auth", "token": ...}')
        token = str(frame.get("token", ""))
    principal = await accounts.authenticate(ctx, token, ip=client_ip(websocket))
    if principal.user.status is UserStatus.BANNED:
        raise Unauthenticated("this account was banned")
    return principal


async def _pump(websocket: WebSocket, sub: Subscriber) -> None:
    """Write queued frames to the socket. When several are waiting they go out as one JSON
    array in a single WebSocket message (like Telegram's update containers): under load the
    per-message cost of the WebSocket stack is paid once for many events."""
    while True:
        frame = await sub.queue.get()
        batch = [frame]
        while frame is not None and len(batch) < MAX_BATCH and not sub.queue.empty():
            frame = sub.queue.get_nowait()
            batch.append(frame)
        closing = batch[-1] is None
        frames = [f for f in batch if f is not None]
        if len(frames) == 1:
            await websocket.send_text(frames[0].decode())
        elif frames:
            await websocket.send_text((b"[" + b",".join(frames) + b"]").decode())
        if closing:
            code = CLOSE_LAGGING if sub.lagging else 1000
            with contextlib.suppress(Exception):
                await websocket.close(code=code)
            return


async def _send(websocket: WebSocket, payload: dict[str, Any]) -> None:
    await websocket.send_text(orjson.dumps(payload).decode())


async def _answer(ctx: Ctx, principal: Principal, sub: Subscriber, raw: str) -> None:
    reply = await _handle(ctx, principal, sub, raw)
    if reply is not None:
        sub.push(orjson.dumps(reply))


async def _handle(ctx: Ctx, principal: Principal, sub: Subscriber, raw: str
                  ) -> dict[str, Any] | None:  # fmt: skip
    req: Any = None
    try:
        frame = orjson.loads(raw)
        if not isinstance(frame, dict):
            raise InvalidInput("frames are JSON objects", code="invalid_frame")
        req = frame.pop("req", None)
        op = frame.pop("op", None)
        result = await _dispatch(ctx, principal, sub, op, frame)
        return {"type": "result", "req": req, "ok": True, "result": result}
    except orjson.JSONDecodeError:
        return {
            "type": "result",
            "req": req,
            "ok": False,
            **error_body("invalid_frame", "frames are JSON objects"),
        }
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return {
            "type": "result",
            "req": req,
            "ok": False,
            **error_body("invalid_request", f"{where}: {first.get('msg')}"),
        }
    except DomainError as error:
        extra = {"retry_after": error.details.get("retry_after")}
        return {
            "type": "result",
            "req": req,
            "ok": False,
            **error_body(error.code, error.message, **extra),
        }
    except Exception:  # a bug must not take the connection down with it
        log.exception("websocket op failed")
        return {"type": "result", "req": req, "ok": False,
                **error_body("internal", "the server failed to handle this request")}  # fmt: skip


async def _dispatch(ctx: Ctx, principal: Principal, sub: Subscriber, op: Any,
                    frame: dict[str, Any]) -> Any:  # fmt: skip
    user_id = principal.user.id
    if op == "ping":
        return {"pong": True}
    if op == "send":
        chat_id = frame.pop("chat_id", None)
        if not isinstance(chat_id, int):
            raise InvalidInput("chat_id is required", code="invalid_request")
        body = SendIn.model_validate(frame)
        sent = await messages.send_message(
            ctx, user_id, chat_id=chat_id, text=body.text, random_id=body.random_id,
            reply_to_id=body.reply_to_id, entities=body.entities, origin=sub.key,
        )  # fmt: skip
        return {"message": message_wire(encode_message(sent.message)), "pts": sent.pts,
                "duplicate": sent.duplicate}  # fmt: skip
    if op == "read":
        chat_id, max_id = frame.get("chat_id"), frame.get("max_id")
        if not isinstance(chat_id, int) or not isinstance(max_id, int):
            raise InvalidInput("chat_id and max_id are integers", code="invalid_request")
        upto = await messages.read_history(ctx, user_id, chat_id=chat_id, max_id=max_id)
        return {"read_inbox_max_id": upto}
    raise InvalidInput(f"unknown op {str(op)[:32]!r}", code="unknown_op")
