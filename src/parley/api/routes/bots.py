"""Bots for their owners (create, list, settings, token), blocking a bot, and pressing a bot's
inline buttons."""

from __future__ import annotations

from fastapi import APIRouter

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.bots import (
    BotOut,
    CallbackAnswerOut,
    CallbackIn,
    CreateBotIn,
    TokenOut,
    UpdateBotIn,
    answer_out,
    bot_out,
    token_out,
)
from parley.api.schemas.common import ERROR_RESPONSES, Ok
from parley.domain.errors import InvalidInput
from parley.services import bots, callbacks

router = APIRouter(tags=["bots"], responses=ERROR_RESPONSES)


@router.post("/bots", response_model=TokenOut, status_code=201,
             summary="Create a bot; its token is shown once")  # fmt: skip
async def create_bot(body: CreateBotIn, principal: PrincipalDep, ctx: CtxDep) -> TokenOut:
    issued = await bots.create_bot(ctx, principal.user.id, username=body.username, name=body.name)
    return token_out(issued)


@router.get("/bots", response_model=list[BotOut], summary="Your bots")
async def list_bots(principal: PrincipalDep, ctx: CtxDep) -> list[BotOut]:
    return [bot_out(b) for b in await bots.list_bots(ctx, principal.user.id)]


@router.get("/bots/{bot_id}", response_model=BotOut, summary="One of your bots")
async def get_bot(bot_id: int, principal: PrincipalDep, ctx: CtxDep) -> BotOut:
    return bot_out(await bots.get_bot(ctx, principal.user.id, bot_id=bot_id))


@router.patch("/bots/{bot_id}", response_model=BotOut,
              summary="Rename a bot, set privacy mode or whether groups may add it")  # fmt: skip
async def update_bot(bot_id: int, body: UpdateBotIn, principal: PrincipalDep, ctx: CtxDep
                     ) -> BotOut:  # fmt: skip
    info = await bots.update_bot(
        ctx, principal.user.id, bot_id=bot_id, name=body.name, privacy=body.privacy,
        can_join_groups=body.can_join_groups,
    )  # fmt: skip
    return bot_out(info)


@router.post("/bots/{bot_id}/token", response_model=TokenOut,
             summary="Issue a new token; the old one stops working")  # fmt: skip
async def regenerate_token(bot_id: int, principal: PrincipalDep, ctx: CtxDep) -> TokenOut:
    return token_out(await bots.regenerate_token(ctx, principal.user.id, bot_id=bot_id))


@router.delete("/bots/{bot_id}/token", response_model=BotOut,
               summary="Revoke the token without issuing another")  # fmt: skip
async def revoke_token(bot_id: int, principal: PrincipalDep, ctx: CtxDep) -> BotOut:
    return bot_out(await bots.revoke_token(ctx, principal.user.id, bot_id=bot_id))


@router.post("/bots/{bot_id}/block", response_model=Ok,
             summary="Stop a bot: it may no longer message you")  # fmt: skip
async def block_bot(bot_id: int, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await bots.set_bot_blocked(ctx, principal.user.id, bot_id=bot_id, blocked=True)
    return Ok()


@router.delete("/bots/{bot_id}/block", response_model=Ok, summary="Restart a stopped bot")
async def unblock_bot(bot_id: int, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await bots.set_bot_blocked(ctx, principal.user.id, bot_id=bot_id, blocked=False)
    return Ok()


@router.post("/chats/{chat_id}/messages/{message_id}/callback", response_model=CallbackAnswerOut,
             summary="Press an inline button; waits briefly for the bot's answer")  # fmt: skip
async def press_button(chat_id: int, message_id: int, body: CallbackIn, principal: PrincipalDep,
                       ctx: CtxDep) -> CallbackAnswerOut:  # fmt: skip
    answer = await callbacks.press_button(ctx, principal.user.id, chat_id=chat_id,
                                          message_id=message_id, data=body.data)  # fmt: skip
    return answer_out(answer)


@router.get("/callbacks/{query_id}", response_model=CallbackAnswerOut,
            summary="The bot's answer to a button you pressed")  # fmt: skip
async def get_answer(query_id: str, principal: PrincipalDep, ctx: CtxDep) -> CallbackAnswerOut:
    if len(query_id) > 24:
        raise InvalidInput("not a callback query id", code="callback_not_found")
    return answer_out(await callbacks.get_answer(ctx, principal.user.id, query_id=query_id))
