from __future__ import annotations

from fastapi import APIRouter, Request

from parley.api.deps import CtxDep, IpDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES, Ok
from parley.api.schemas.users import SendCodeIn, SentCodeOut, SignedInOut, SignInIn, me_out
from parley.services import accounts

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/send-code", response_model=SentCodeOut, summary="Send a sign-in code to a phone")
async def send_code(body: SendCodeIn, ctx: CtxDep, ip: IpDep) -> SentCodeOut:
    sent = await accounts.send_code(ctx, body.phone, ip=ip)
    return SentCodeOut(phone=sent.phone, expires_in=sent.expires_in, code_length=sent.length)


@router.post("/sign-in", response_model=SignedInOut, summary="Sign in (or up) with the code")
async def sign_in(body: SignInIn, request: Request, ctx: CtxDep, ip: IpDep) -> SignedInOut:
    done = await accounts.sign_in(
        ctx, body.phone, code=body.code, ip=ip, display_name=body.display_name,
        user_agent=request.headers.get("user-agent", ""),
    )  # fmt: skip
    phone = await accounts.user_phone(ctx, done.user.id, user_id=done.user.id)
    return SignedInOut(
        token=done.token,
        session_id=done.session_id,
        new_account=done.new_account,
        user=me_out(done.user, phone=phone),
    )


@router.post("/sign-out", response_model=Ok, summary="Revoke the current session")
async def sign_out(principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await accounts.sign_out(ctx, principal)
    return Ok()
