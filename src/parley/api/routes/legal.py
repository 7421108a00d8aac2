"""The legal console for legal officers, and the authority registry for admins, under
/api/v1/legal (the web console comes later and calls the same services)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import CtxDep, require_role
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.legal import (
    ApproveIn,
    AuthorityIn,
    AuthorityOut,
    KeyIn,
    RegisteredOut,
    RejectIn,
    RequestDetailOut,
    RequestSummaryOut,
    RereviewIn,
    RevokeKeyIn,
    authority_out,
    request_detail_out,
    request_summary_out,
)
from parley.domain.errors import InvalidInput
from parley.domain.legal import AuthorityKind, RequestStatus, Rereview
from parley.domain.users import Role
from parley.services import legal
from parley.services.audit import Actor
from parley.services.auth_cache import Principal

router = APIRouter(prefix="/legal", tags=["legal console"], responses=ERROR_RESPONSES)
Officer = Annotated[Principal, require_role(Role.LEGAL_OFFICER)]
Admin = Annotated[Principal, require_role(Role.ADMIN)]


def _statuses(raw: list[str] | None) -> list[RequestStatus] | None:
    if not raw:
        return None
    try:
        return [RequestStatus(s) for s in raw]
    except ValueError:
        raise InvalidInput(
            "status is one of " + ", ".join(s.value for s in RequestStatus), code="invalid_status"
        ) from None


@router.get(
    "/requests",
    response_model=list[RequestSummaryOut],
    summary="The review queue: open requests, emergency first, nearest deadline first",
)
async def list_queue(
    officer: Officer,
    ctx: CtxDep,
    sort: str = "deadline",
    status: Annotated[list[str] | None, Query(max_length=5)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[RequestSummaryOut]:
    found = await legal.list_queue(
        ctx, officer.user.id, sort=sort, statuses=_statuses(status), limit=limit
    )
    now = ctx.clock.now()
    return [request_summary_out(r, now=now) for r in found]


@router.get(
    "/requests/{request_pk}",
    response_model=RequestDetailOut,
    summary="One request with its checks, per-target eligibility and audit trail",
)
async def get_request(request_pk: int, officer: Officer, ctx: CtxDep) -> RequestDetailOut:
    view = await legal.get_request(ctx, officer.user.id, request_pk=request_pk)
    return request_detail_out(view, now=ctx.clock.now())


async def _detail(ctx: CtxDep, officer_id: int, request_pk: int) -> RequestDetailOut:
    view = await legal.get_request(ctx, officer_id, request_pk=request_pk)
    return request_detail_out(view, now=ctx.clock.now())


@router.post(
    "/requests/{request_pk}/approve",
    response_model=RequestDetailOut,
    summary="First officer: approve releasing chosen targets and data",
)
async def approve(
    request_pk: int, body: ApproveIn, officer: Officer, ctx: CtxDep
) -> RequestDetailOut:
    try:
        withhold = {int(k): v for k, v in body.withhold.items()}
    except ValueError:
        raise InvalidInput(
            "withhold maps target indexes to reasons", code="withhold_reason_required"
        ) from None
    await legal.approve_request(
        ctx,
        officer.user.id,
        request_pk=request_pk,
        release=body.release,
        data=body.data,
        withhold=withhold,
        note=body.note,
    )
    return await _detail(ctx, officer.user.id, request_pk)


@router.post(
    "/requests/{request_pk}/confirm",
    response_model=RequestDetailOut,
    summary="Second, different officer: confirm and release the signed package",
)
async def confirm(request_pk: int, officer: Officer, ctx: CtxDep) -> RequestDetailOut:
    await legal.confirm_request(ctx, officer.user.id, request_pk=request_pk)
    return await _detail(ctx, officer.user.id, request_pk)


@router.post(
    "/requests/{request_pk}/reject",
    response_model=RequestDetailOut,
    summary="Refuse the request, with a reason the authority is told",
)
async def reject(
    request_pk: int, body: RejectIn, officer: Officer, ctx: CtxDep
) -> RequestDetailOut:
    await legal.reject_request(ctx, officer.user.id, request_pk=request_pk, reason=body.reason)
    return await _detail(ctx, officer.user.id, request_pk)


@router.post(
    "/requests/{request_pk}/rereview",
    response_model=RequestDetailOut,
    summary="Record the 72-hour re-review of an emergency request",
)
async def rereview(
    request_pk: int, body: RereviewIn, officer: Officer, ctx: CtxDep
) -> RequestDetailOut:
    await legal.rereview_request(
        ctx, officer.user.id, request_pk=request_pk, outcome=Rereview(body.outcome), note=body.note
    )
    return await _detail(ctx, officer.user.id, request_pk)


@router.get(
    "/rereviews",
    response_model=list[RequestSummaryOut],
    summary="Emergency requests awaiting their re-review (overdue=true: past 72 hours)",
)
async def list_rereviews(
    officer: Officer, ctx: CtxDep, overdue: bool = False
) -> list[RequestSummaryOut]:
    found = await legal.list_rereviews(ctx, officer.user.id, overdue_only=overdue)
    now = ctx.clock.now()
    return [request_summary_out(r, now=now) for r in found]


# -- the authority registry (admins) ----------------------------------------------------------


def _spec(key: KeyIn) -> legal.KeySpec:
    return legal.KeySpec(
        key_id=key.key_id,
        public_key=key.public_key,
        valid_from=key.valid_from,
        valid_until=key.valid_until,
    )


@router.get(
    "/authorities",
    response_model=list[AuthorityOut],
    summary="Registered authorities and their keys (admins)",
)
async def list_authorities(admin: Admin, ctx: CtxDep) -> list[AuthorityOut]:
    return [authority_out(a) for a in await legal.list_authorities(ctx)]


@router.post(
    "/authorities",
    response_model=RegisteredOut,
    status_code=201,
    summary="Register an authority; its API key is shown once (admins)",
)
async def register_authority(body: AuthorityIn, admin: Admin, ctx: CtxDep) -> RegisteredOut:
    registered = await legal.register_authority(
        ctx,
        actor=Actor.user(admin.user.id),
        authority_id=body.id,
        name=body.name,
        country=body.country,
        kind=AuthorityKind(body.kind),
        contact=body.contact,
        keys=[_spec(k) for k in body.keys],
    )
    return RegisteredOut(authority=authority_out(registered.authority), api_key=registered.api_key)


@router.post(
    "/authorities/{authority_id}/keys",
    response_model=AuthorityOut,
    summary="Add a signing key to an authority (admins)",
)
async def add_key(authority_id: str, body: KeyIn, admin: Admin, ctx: CtxDep) -> AuthorityOut:
    authority = await legal.add_key(
        ctx, authority_id, actor=Actor.user(admin.user.id), key=_spec(body)
    )
    return authority_out(authority)


@router.post(
    "/authorities/{authority_id}/keys/{key_id}/revoke",
    response_model=AuthorityOut,
    summary="Revoke an authority's signing key (admins)",
)
async def revoke_key(
    authority_id: str, key_id: str, body: RevokeKeyIn, admin: Admin, ctx: CtxDep
) -> AuthorityOut:
    authority = await legal.revoke_key(
        ctx, authority_id, actor=Actor.user(admin.user.id), key_id=key_id, reason=body.reason
    )
    return authority_out(authority)
