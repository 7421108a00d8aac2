"""The authority API, /legal/v1: submit a signed request, follow it, retrieve the package.
The external contract is docs/legal-requests.md."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from parley.api.deps import CtxDep, IpDep
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.legal import (
    MAX_ENVELOPE_BYTES,
    AuthorityRequestOut,
    PlatformKeyOut,
    authority_request_out,
    parse_envelope_body,
    platform_key_out,
)
from parley.domain.errors import PayloadTooLarge
from parley.services import legal

router = APIRouter(prefix="/legal/v1", tags=["legal: authority API"], responses=ERROR_RESPONSES)


def api_key(request: Request) -> str | None:
    """The authority's API key from `Authorization: Bearer`, or None. A missing or malformed
    header is not refused here: an envelope naming a registered authority is recorded anyway."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


@router.post(
    "/requests",
    status_code=202,
    response_model=AuthorityRequestOut,
    summary="Submit a signed legal request envelope (docs/legal-requests.md)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "object", "description": "the signed envelope"}
                }
            },
        }
    },
)
async def submit(request: Request, ctx: CtxDep, ip: IpDep) -> AuthorityRequestOut:
    body = await request.body()
    if len(body) > MAX_ENVELOPE_BYTES:
        raise PayloadTooLarge(f"an envelope is at most {MAX_ENVELOPE_BYTES} bytes")
    envelope = parse_envelope_body(body)
    received = await legal.submit_request(ctx, envelope, api_key=api_key(request), ip=ip)
    return authority_request_out(received)


@router.get(
    "/requests", response_model=list[AuthorityRequestOut], summary="Your requests, newest first"
)
async def list_requests(
    request: Request, ctx: CtxDep, ip: IpDep, limit: int = 50, before: int | None = None
) -> list[AuthorityRequestOut]:
    found = await legal.list_own_requests(ctx, api_key(request), ip=ip, limit=limit, before=before)
    return [authority_request_out(r) for r in found]


@router.get(
    "/requests/{request_pk}",
    response_model=AuthorityRequestOut,
    summary="One of your requests: status, checks and decision",
)
async def get_request(
    request_pk: int, request: Request, ctx: CtxDep, ip: IpDep
) -> AuthorityRequestOut:
    found = await legal.get_own_request(ctx, api_key(request), request_pk=request_pk, ip=ip)
    return authority_request_out(found)


@router.get(
    "/requests/{request_pk}/package", summary="The signed disclosure package, once released"
)
async def get_package(request_pk: int, request: Request, ctx: CtxDep, ip: IpDep) -> JSONResponse:
    package: dict[str, Any] = await legal.retrieve_package(
        ctx, api_key(request), request_pk=request_pk, ip=ip
    )
    return JSONResponse(package, headers={"Cache-Control": "no-store"})


@router.get(
    "/platform-key",
    response_model=PlatformKeyOut,
    summary="The platform's Ed25519 public key that signs disclosure packages",
)
async def get_platform_key(ctx: CtxDep) -> PlatformKeyOut:
    return platform_key_out(legal.platform_key(ctx))
