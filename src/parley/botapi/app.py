"""The Bot API's routes: `GET|POST /bot<token>/<method>` and `GET /file/bot<token>/<path>`.

Each call authenticates the token, finds the method (names are case-insensitive), reads its
parameters from wherever the library put them, runs the handler and answers
{"ok": true, "result": ...} or Telegram's error object. Nothing here is a business rule: the
handlers translate to services, which decide."""

from __future__ import annotations

import logging
from typing import Any

import orjson
from fastapi import APIRouter, Request, Response

from parley.botapi import types
from parley.botapi.errors import NOT_FOUND, UNAUTHORIZED, BotApiError, from_domain
from parley.botapi.methods import METHODS
from parley.botapi.methods.base import Call, Result
from parley.botapi.methods.files import storage_key_of
from parley.botapi.params import Params, read_params
from parley.domain.errors import DomainError
from parley.domain.users import User
from parley.services import accounts, bots, media, webhooks
from parley.services.bot_updates import UpdatesPage
from parley.services.context import Ctx

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


def _json(body: dict[str, Any], status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _error(error: BotApiError) -> Response:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    response = _json(error.body(), error.code)
    if headers:
        response.headers.update(headers)
    return response


def _ctx(request: Request) -> Ctx:
    ctx: Ctx = request.app.state.container.ctx
    return ctx


def _base_url(request: Request, ctx: Ctx) -> str:
    return (ctx.settings.public_url or str(request.base_url)).rstrip("/")


async def run(call: Call) -> Any:
    handler = METHODS.get(call.method)
    if handler is None:
        raise NOT_FOUND
    return await handler(call)


async def _limit(ctx: Ctx, bot: User) -> None:
    limit = ctx.settings.requests_per_user_per_minute
    wait = await ctx.limiter.take(f"botapi:{bot.id}", limit=limit, window=60)
    if wait:
        raise BotApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)


@router.api_route("/bot{token}/{method}", methods=["GET", "POST"])
async def call_method(token: str, method: str, request: Request) -> Response:
    ctx = _ctx(request)
    name = method.lower()
    try:
        try:
            bot = await bots.authenticate_bot(ctx, token)
        except DomainError:
            raise UNAUTHORIZED from None
        if name not in METHODS:
            raise NOT_FOUND
        await _limit(ctx, bot)
        server = request.scope.get("server")
        if server:
            webhooks.remember_own_endpoint(ctx, str(server[0]), int(server[1]))
        params = await read_params(request)
        result = await run(Call(ctx=ctx, bot=bot, method=name, params=params,
                                base_url=_base_url(request, ctx)))  # fmt: skip
    except BotApiError as error:
        return _error(error)
    except DomainError as error:
        return _error(from_domain(error, name))
    if isinstance(result, Result):
        body: dict[str, Any] = {"ok": True, "result": result.value}
        if result.description:
            body["description"] = result.description
        return _json(body)
    return _json({"ok": True, "result": result})


@router.api_route("/bot{token}", methods=["GET", "POST"])
@router.api_route("/bot{token}/", methods=["GET", "POST"])
async def no_method(token: str) -> Response:
    return _error(NOT_FOUND)


@router.get("/file/bot{token}/{file_path:path}")
async def download(token: str, file_path: str, request: Request) -> Response:
    ctx = _ctx(request)
    try:
        await bots.authenticate_bot(ctx, token)
    except DomainError:
        return _error(UNAUTHORIZED)
    key = storage_key_of(file_path)
    if key is None:
        return _error(NOT_FOUND)
    try:
        found, data = await media.read_file(ctx, storage_key=key)
    except DomainError:
        return _error(NOT_FOUND)
    return Response(data, media_type=found.mime_type)


# -- for webhook delivery -----------------------------------------------------------------------
def render_updates(page: UpdatesPage) -> list[dict[str, Any]]:
    return [types.update(u, page.refs) for u in page.updates]


def replier(ctx: Ctx, base_url: str) -> Any:
    """Runs a method a bot answered its webhook with, as that bot."""

    async def reply(bot_id: int, method: str, values: dict[str, Any]) -> None:
        bot = await accounts.get_user(ctx, bot_id)
        call = Call(ctx=ctx, bot=bot, method=method.lower(), params=Params(values=values),
                    base_url=base_url)  # fmt: skip
        try:
            await run(call)
        except (BotApiError, DomainError) as error:
            log.info("webhook reply %s from bot %s refused: %s", method, bot_id, error)

    return reply


def install(ctx: Ctx, deliverer: webhooks.WebhookDeliverer) -> None:
    base = (ctx.settings.public_url or f"http://{ctx.settings.host}:{ctx.settings.port}").rstrip(
        "/"
    )
    deliverer.set_renderer(render_updates, replier(ctx, base))
