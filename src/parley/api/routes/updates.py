from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, WebSocket

from parley.api import ws
from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.events import DifferenceOut, StateOut, difference_out, state_out
from parley.domain.errors import InvalidInput
from parley.services import updates

router = APIRouter(prefix="/updates", tags=["updates"], responses=ERROR_RESPONSES)


def parse_pts(items: list[str]) -> dict[int, int]:
    """`pts=CHAT:PTS`, repeated once per chat the client follows."""
    out: dict[int, int] = {}
    for item in items:
        chat, sep, value = item.partition(":")
        if not sep or not chat.isdigit() or not value.isdigit():
            raise InvalidInput(f"pts must look like CHAT_ID:PTS, got {item[:40]!r}",
                               code="invalid_state")  # fmt: skip
        out[int(chat)] = int(value)
    return out


@router.get("/state", response_model=StateOut, summary="Your current seq and each chat's pts")
async def get_state(principal: PrincipalDep, ctx: CtxDep) -> StateOut:
    return state_out(await updates.get_state(ctx, principal.user.id))


@router.get("", response_model=DifferenceOut,
            summary="Everything since the state you hold: user events since `seq`, and for "
                    "each `pts=CHAT:PTS` that chat's events since then")  # fmt: skip
async def get_difference(
    principal: PrincipalDep,
    ctx: CtxDep,
    seq: Annotated[int, Query(ge=0)] = 0,
    pts: Annotated[list[str] | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DifferenceOut:
    diff = await updates.get_difference(ctx, principal.user.id, seq=seq,
                                        pts=parse_pts(pts or []), limit=limit)  # fmt: skip
    return difference_out(diff)


@router.websocket("/ws")
async def live(websocket: WebSocket) -> None:
    """Live events, and sends over the same connection (see docs/api.md, WebSocket)."""
    await ws.serve(websocket)
