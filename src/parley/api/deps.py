"""Request dependencies: the container, the caller's identity and their client address."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.requests import HTTPConnection

from parley.container import Container
from parley.domain.errors import Forbidden, Unauthenticated
from parley.domain.users import Role, UserStatus
from parley.services import accounts
from parley.services.auth_cache import Principal
from parley.services.context import Ctx

# Dependencies are `async def` on purpose: FastAPI runs plain `def` dependencies in a worker
# thread, a hop that costs more than the whole request on the hot path.


def get_container(conn: HTTPConnection) -> Container:
    container: Container = conn.app.state.container
    return container


async def ctx_dependency(conn: HTTPConnection) -> Ctx:
    return get_container(conn).ctx


async def ip_dependency(conn: HTTPConnection) -> str:
    return client_ip(conn)


def client_ip(conn: HTTPConnection) -> str:
    """The peer address, or the first untrusted hop of X-Forwarded-For when the peer is a
    configured trusted proxy. Never believe the header from anyone else."""
    peer = conn.client.host if conn.client else "0.0.0.0"  # noqa: S104  # no peer: a placeholder
    container = get_container(conn)
    trusted = container.trusted_networks
    if not trusted or not _in(peer, trusted):
        return peer
    header = conn.headers.get("x-forwarded-for", "")
    hops = [h.strip() for h in header.split(",") if h.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer
        if not _in(hop, trusted):
            return hop
    return hops[0] if hops else peer


def _in(address: str, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def bearer_token(conn: HTTPConnection) -> str | None:
    header = conn.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
        raise Unauthenticated("use 'Authorization: Bearer <token>'")
    return None


async def any_principal(request: Request) -> Principal:
    """Whoever the token belongs to, a banned account included (it may read the decisions
    about it and appeal them, nothing else)."""
    token = bearer_token(request) or request.cookies.get("parley_session")
    if not token:
        raise Unauthenticated("sign in first: send 'Authorization: Bearer <token>'")
    ctx = get_container(request).ctx
    principal = await accounts.authenticate(ctx, token, ip=client_ip(request))
    await accounts.check_request_rate(ctx, principal.user.id)
    return principal


async def current_principal(request: Request) -> Principal:
    principal = await any_principal(request)
    if principal.user.status is UserStatus.BANNED:
        raise Forbidden("this account was banned for breaking the rules; see "
                        "GET /api/v1/me/decisions to read why and appeal",
                        code="account_banned")  # fmt: skip
    return principal


CtxDep = Annotated[Ctx, Depends(ctx_dependency)]
PrincipalDep = Annotated[Principal, Depends(current_principal)]
AnyPrincipalDep = Annotated[Principal, Depends(any_principal)]
IpDep = Annotated[str, Depends(ip_dependency)]


def require_role(role: Role) -> Any:
    async def check(principal: PrincipalDep) -> Principal:
        if not principal.user.has_role(role):
            raise Forbidden(f"this needs the {role.value} role", code="role_required")
        return principal

    return Depends(check)
