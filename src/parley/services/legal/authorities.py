"""Authorities: registration by an admin, their signing keys (added, revoked) and the API key
they present on /legal/v1. Only a hash of the API key is kept; it is shown once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from parley.domain.errors import Conflict, InvalidInput, NotFound, RateLimited, Unauthenticated
from parley.domain.legal import (
    Authority,
    AuthorityKey,
    AuthorityKind,
    clean_authority_id,
    clean_country,
    clean_key_id,
    clean_text_field,
)
from parley.security.signatures import key_fingerprint, parse_public_key
from parley.security.tokens import hash_token, new_token
from parley.services import audit
from parley.services.context import Ctx
from parley.store.tx import Tx

API_KEY_PREFIX = "plk_"


@dataclass(frozen=True, slots=True)
class KeySpec:
    """A public key as an admin supplies it: PEM or base64url of the raw 32 bytes."""

    key_id: str
    public_key: str
    valid_from: datetime
    valid_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class Registered:
    authority: Authority
    api_key: str  # shown once; only its hash is stored


def _key(authority_id: str, spec: KeySpec, at: datetime) -> AuthorityKey:
    try:
        raw = parse_public_key(spec.public_key)
    except ValueError as error:
        raise InvalidInput(f"key {spec.key_id!r}: {error}", code="invalid_public_key") from None
    if spec.valid_from.tzinfo is None or (
        spec.valid_until is not None and spec.valid_until.tzinfo is None
    ):
        raise InvalidInput("key validity needs time zones", code="invalid_key_validity")
    if spec.valid_until is not None and spec.valid_until <= spec.valid_from:
        raise InvalidInput("a key's validity must end after it starts", code="invalid_key_validity")
    return AuthorityKey(
        authority_id=authority_id,
        key_id=clean_key_id(spec.key_id),
        public_key=raw,
        valid_from=spec.valid_from,
        valid_until=spec.valid_until,
        added_at=at,
    )


def _key_facts(key: AuthorityKey) -> dict[str, object]:
    return {
        "key_id": key.key_id,
        "fingerprint": key_fingerprint(key.public_key),
        "valid_from": key.valid_from.isoformat(),
        "valid_until": key.valid_until.isoformat() if key.valid_until else None,
    }


def _load(tx: Tx, authority_id: str) -> Authority:
    authority = tx.authorities.get(authority_id)
    if authority is None:
        raise NotFound("no such authority", code="authority_not_found")
    return authority


async def register_authority(
    ctx: Ctx,
    *,
    actor: audit.Actor,
    authority_id: str,
    name: str,
    country: str,
    kind: AuthorityKind,
    contact: str,
    keys: list[KeySpec],
) -> Registered:
    """Register an authority with one or more signing keys; returns its API key (once)."""
    authority_id = clean_authority_id(authority_id)
    name = clean_text_field(name, name="name", limit=200)
    country = clean_country(country)
    contact = clean_text_field(contact, name="contact", limit=500)
    if not keys:
        raise InvalidInput("register at least one signing key", code="no_keys")
    now = ctx.clock.now()
    parsed = [_key(authority_id, spec, now) for spec in keys]
    if len({k.key_id for k in parsed}) != len(parsed):
        raise InvalidInput("key ids must differ", code="duplicate_key_id")
    api_key = API_KEY_PREFIX + new_token()

    def run(tx: Tx) -> Authority:
        if tx.authorities.get(authority_id) is not None:
            raise Conflict("an authority with this id exists", code="authority_exists")
        tx.authorities.insert(
            authority_id=authority_id,
            name=name,
            country=country,
            kind=kind,
            contact=contact,
            api_key_hash=hash_token(api_key),
            at=now,
        )
        for key in parsed:
            tx.authorities.add_key(key)
        audit.record(
            tx,
            actor=actor,
            action="legal.authority.register",
            subject_kind="legal_authority",
            subject_id=authority_id,
            at=now,
            data={
                "name": name,
                "country": country,
                "kind": kind.value,
                "contact": contact,
                "keys": [_key_facts(k) for k in parsed],
            },
        )
        return _load(tx, authority_id)

    return Registered(authority=await ctx.db.write(run), api_key=api_key)


async def add_key(ctx: Ctx, authority_id: str, *, actor: audit.Actor, key: KeySpec) -> Authority:
    """Add a signing key (key rotation: add the new one, later revoke the old one)."""
    now = ctx.clock.now()
    parsed = _key(authority_id, key, now)

    def run(tx: Tx) -> Authority:
        authority = _load(tx, authority_id)
        if authority.key(parsed.key_id) is not None:
            raise Conflict("this authority already has a key with this id", code="key_exists")
        tx.authorities.add_key(parsed)
        audit.record(
            tx,
            actor=actor,
            action="legal.authority.key_add",
            subject_kind="legal_authority",
            subject_id=authority_id,
            at=now,
            data=_key_facts(parsed),
        )
        return _load(tx, authority_id)

    return await ctx.db.write(run)


async def revoke_key(
    ctx: Ctx, authority_id: str, *, actor: audit.Actor, key_id: str, reason: str
) -> Authority:
    """Revoke a signing key: no request signed with it is accepted or released from now on,
    including those already waiting in the queue."""
    reason = clean_text_field(reason, name="reason", limit=255)
    now = ctx.clock.now()

    def run(tx: Tx) -> Authority:
        authority = _load(tx, authority_id)
        key = authority.key(key_id)
        if key is None:
            raise NotFound("this authority has no key with this id", code="key_not_found")
        if key.revoked_at is not None:
            raise Conflict("the key is already revoked", code="key_revoked")
        tx.authorities.revoke_key(authority_id, key_id, at=now, reason=reason)
        audit.record(
            tx,
            actor=actor,
            action="legal.authority.key_revoke",
            subject_kind="legal_authority",
            subject_id=authority_id,
            at=now,
            data={"key_id": key_id, "reason": reason},
        )
        return _load(tx, authority_id)

    return await ctx.db.write(run)


async def rotate_api_key(ctx: Ctx, authority_id: str, *, actor: audit.Actor) -> str:
    """Issue a new API key; the old one stops working at once."""
    api_key = API_KEY_PREFIX + new_token()
    now = ctx.clock.now()

    def run(tx: Tx) -> None:
        _load(tx, authority_id)
        tx.authorities.set_api_key_hash(authority_id, hash_token(api_key))
        audit.record(
            tx,
            actor=actor,
            action="legal.authority.api_key_rotate",
            subject_kind="legal_authority",
            subject_id=authority_id,
            at=now,
        )

    await ctx.db.write(run)
    return api_key


async def list_authorities(ctx: Ctx) -> list[Authority]:
    return await ctx.db.read(lambda tx: tx.authorities.all())


async def limit_caller(ctx: Ctx, *, ip: str, authority_id: str | None = None) -> None:
    """Flood control on /legal/v1: per client address, and per authority once known."""
    per_minute = ctx.settings.legal_requests_per_minute
    keys = [f"legal:ip:{ip}"] + ([f"legal:authority:{authority_id}"] if authority_id else [])
    for key in keys:
        wait = await ctx.limiter.take(key, limit=per_minute, window=60)
        if wait:
            raise RateLimited(f"too many legal API calls; try again in {wait} s", retry_after=wait)


async def authenticate_authority(ctx: Ctx, api_key: str | None, *, ip: str) -> Authority:
    """The authority an API key belongs to (for reads on /legal/v1)."""
    await limit_caller(ctx, ip=ip)
    if not api_key or len(api_key) > 256:
        raise Unauthenticated("send 'Authorization: Bearer <API key>'", code="api_key_missing")
    key_hash = hash_token(api_key)

    def run(tx: Tx) -> Authority | None:
        authority_id = tx.authorities.id_by_api_key_hash(key_hash)
        return None if authority_id is None else tx.authorities.get(authority_id)

    authority = await ctx.db.read(run)
    if authority is None:
        raise Unauthenticated("the API key is not valid", code="api_key_invalid")
    wait = await ctx.limiter.take(
        f"legal:authority:{authority.id}", limit=ctx.settings.legal_requests_per_minute, window=60
    )
    if wait:
        raise RateLimited(f"too many legal API calls; try again in {wait} s", retry_after=wait)
    return authority
