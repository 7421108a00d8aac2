from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.messages import (
    DeleteIn,
    EditIn,
    ForwardIn,
    MessageOut,
    ReadIn,
    ReadOut,
    SendIn,
    SentOut,
    message_out,
)
from parley.domain.errors import NotFound
from parley.services import messages

router = APIRouter(prefix="/chats/{chat_id}", tags=["messages"], responses=ERROR_RESPONSES)


@router.get(
    "/messages",
    response_model=list[MessageOut],
    summary="History: back from `before` (newest first) or forward from `after`",
)
async def history(
    chat_id: int,
    principal: PrincipalDep,
    ctx: CtxDep,
    before: Annotated[int | None, Query(ge=1)] = None,
    after: Annotated[int | None, Query(ge=0)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> list[MessageOut]:
    page = await messages.get_history(ctx, principal.user.id, chat_id=chat_id, before_id=before,
                                      after_id=after, limit=limit)  # fmt: skip
    return [message_out(m) for m in page]


@router.post(
    "/messages", response_model=SentOut, summary="Send a message (idempotent by random_id)"
)
async def send(chat_id: int, body: SendIn, principal: PrincipalDep, ctx: CtxDep) -> SentOut:
    sent = await messages.send_message(
        ctx, principal.user.id, chat_id=chat_id, text=body.text, random_id=body.random_id,
        reply_to_id=body.reply_to_id, entities=body.entities,
    )  # fmt: skip
    return SentOut(message=message_out(sent.message), duplicate=sent.duplicate, pts=sent.pts)


@router.get("/messages/{message_id}", response_model=MessageOut, summary="One message")
async def get_message(chat_id: int, message_id: int, principal: PrincipalDep, ctx: CtxDep
                      ) -> MessageOut:  # fmt: skip
    found = await messages.get_messages(ctx, principal.user.id, chat_id=chat_id,
                                        message_ids=[message_id])  # fmt: skip
    if not found:
        raise NotFound("message not found", code="message_not_found")
    return message_out(found[0])


@router.patch("/messages/{message_id}", response_model=MessageOut, summary="Edit your message")
async def edit(chat_id: int, message_id: int, body: EditIn, principal: PrincipalDep, ctx: CtxDep
               ) -> MessageOut:  # fmt: skip
    updated = await messages.edit_message(ctx, principal.user.id, chat_id=chat_id,
                                          message_id=message_id, text=body.text,
                                          entities=body.entities)  # fmt: skip
    return message_out(updated)


@router.post("/messages/delete", response_model=list[int],
             summary="Delete messages for everyone (ids deleted)")  # fmt: skip
async def delete(chat_id: int, body: DeleteIn, principal: PrincipalDep, ctx: CtxDep) -> list[int]:
    return await messages.delete_messages(
        ctx, principal.user.id, chat_id=chat_id, message_ids=body.message_ids
    )


@router.post("/messages/{message_id}/pin", response_model=MessageOut, summary="Pin a message")
async def pin(chat_id: int, message_id: int, principal: PrincipalDep, ctx: CtxDep) -> MessageOut:
    return message_out(
        await messages.pin_message(
            ctx, principal.user.id, chat_id=chat_id, message_id=message_id, pinned=True
        )
    )


@router.delete("/messages/{message_id}/pin", response_model=MessageOut, summary="Unpin a message")
async def unpin(chat_id: int, message_id: int, principal: PrincipalDep, ctx: CtxDep) -> MessageOut:
    return message_out(
        await messages.pin_message(
            ctx, principal.user.id, chat_id=chat_id, message_id=message_id, pinned=False
        )
    )


@router.post("/forward", response_model=list[MessageOut],
             summary="Forward messages from another chat into this one")  # fmt: skip
async def forward(chat_id: int, body: ForwardIn, principal: PrincipalDep, ctx: CtxDep
                  ) -> list[MessageOut]:  # fmt: skip
    sent = await messages.forward_messages(
        ctx,
        principal.user.id,
        from_chat_id=body.from_chat_id,
        message_ids=body.message_ids,
        to_chat_id=chat_id,
    )
    return [message_out(m) for m in sent]


@router.post("/read", response_model=ReadOut, summary="Mark messages read up to max_id")
async def read(chat_id: int, body: ReadIn, principal: PrincipalDep, ctx: CtxDep) -> ReadOut:
    upto = await messages.read_history(ctx, principal.user.id, chat_id=chat_id, max_id=body.max_id)
    return ReadOut(read_inbox_max_id=upto)
