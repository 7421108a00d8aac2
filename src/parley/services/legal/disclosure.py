"""Disclosure: the platform signing key, building and signing the package when a second
officer confirms, and the authority retrieving it.

The package holds phone numbers and IP addresses, so it is stored encrypted (like every other
copy of them) and each decryption that fills it is an audited access to personal data."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from parley.domain.errors import Conflict, NotFound
from parley.domain.legal import DataItem, LegalRequest, RequestStatus, Target
from parley.security.canonical import canonical_json
from parley.security.signatures import ALGORITHM, Signer, b64url_encode, public_key_pem
from parley.services import audit
from parley.services.context import Ctx
from parley.services.legal.authorities import authenticate_authority
from parley.store.tx import Tx

SIGNER = "legal.signer"
PACKAGE_VERSION = 1


def rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def platform_signer(ctx: Ctx) -> Signer:
    """The platform's Ed25519 key: from `legal_signing_key_path`, else generated into the data
    directory (mode 0600) on first use."""
    signer = ctx.extensions.get(SIGNER)
    if not isinstance(signer, Signer):
        signer = Signer.load_or_create(ctx.settings.resolved_legal_signing_key_path)
        ctx.extensions[SIGNER] = signer
    return signer


@dataclass(frozen=True, slots=True)
class PlatformKey:
    key_id: str
    algorithm: str
    public_key: str  # base64url of the raw 32 bytes
    public_key_pem: str


def platform_key(ctx: Ctx) -> PlatformKey:
    signer = platform_signer(ctx)
    return PlatformKey(
        key_id=signer.key_id,
        algorithm=ALGORITHM,
        public_key=b64url_encode(signer.public_key),
        public_key_pem=public_key_pem(signer.public_key),
    )


def _ip_records(
    tx: Tx, ctx: Ctx, user_id: int, start: datetime, end: datetime
) -> list[dict[str, str]]:
    """The user's IP addresses seen inside [start, end], one record per address, with first
    and last seen clipped to the period so nothing outside it is revealed."""
    merged: dict[str, tuple[datetime, datetime]] = {}
    for record in tx.sessions.ips_for_user(user_id, since=start, until=end):
        ip = ctx.cipher.decrypt("ip", record.ip_enc)
        first, last = max(record.first_seen, start), min(record.last_seen, end)
        if ip in merged:
            first, last = min(first, merged[ip][0]), max(last, merged[ip][1])
        merged[ip] = (first, last)
    ordered = sorted(merged.items(), key=lambda item: (item[1][0], item[0]))
    return [
        {"ip": ip, "first_seen": rfc3339(first), "last_seen": rfc3339(last)}
        for ip, (first, last) in ordered
    ]


def build_package(
    tx: Tx,
    ctx: Ctx,
    request: LegalRequest,
    *,
    release: list[Target],
    withheld: list[tuple[Target, str]],
    data: tuple[str, ...],
    actor: audit.Actor,
    now: datetime,
) -> tuple[dict[str, Any], dict[int, int]]:
    """The unsigned package and the IP record count per released target. Each account's
    data is decrypted here, and each decryption is written to the audit chain."""
    assert request.period_from is not None and request.period_to is not None
    assert request.basis_issued_at is not None
    entries: list[dict[str, Any]] = []
    counts: dict[int, int] = {}
    for target in release:
        assert target.user_id is not None
        entry: dict[str, Any] = {"index": target.index, "target": target.spec}
        if DataItem.PHONE_NUMBER.value in data:
            blob = tx.users.phone_enc(target.user_id)
            entry["phone_number"] = None if blob is None else ctx.cipher.decrypt("phone", blob)
        if DataItem.IP_ADDRESSES.value in data:
            entry["ip_addresses"] = _ip_records(
                tx, ctx, target.user_id, request.period_from, request.period_to
            )
            counts[target.index] = len(entry["ip_addresses"])
        violations = [tx.violations.get(v) for v in target.violation_ids]
        entry["violations"] = [
            {
                "id": v.id,
                "rule_id": v.rule_id,
                "category": v.category,
                "decision_id": v.decision_id,
                "confirmed_at": rfc3339(v.created_at),
            }
            for v in violations
            if v is not None
        ]
        entries.append(entry)
        audit.record(
            tx,
            actor=actor,
            action="personal_data.access",
            subject_kind="user",
            subject_id=target.user_id,
            at=now,
            data={
                "purpose": f"legal_request:{request.id}",
                "fields": list(data),
                "ip_records": counts.get(target.index, 0),
            },
        )
    package = {
        "package_version": PACKAGE_VERSION,
        "platform": ctx.settings.public_url or "parley",
        "request": {
            "id": request.id,
            "request_id": request.request_id,
            "authority_id": request.authority_id,
            "legal_basis": {
                "type": request.basis_type,
                "reference": request.basis_reference,
                "issued_at": rfc3339(request.basis_issued_at),
                "issued_by": request.basis_issued_by,
            },
            "offence_category": request.offence_category,
        },
        "period": {"from": rfc3339(request.period_from), "to": rfc3339(request.period_to)},
        "data_released": list(data),
        "released_at": rfc3339(now),
        "targets": entries,
        "withheld": [
            {"index": t.index, "target": t.spec, "reason": reason} for t, reason in withheld
        ],
    }
    return package, counts


def seal_package(
    tx: Tx, ctx: Ctx, request_pk: int, package: dict[str, Any], now: datetime
) -> tuple[str, str]:
    """Sign the package, store it encrypted; return its SHA-256 and the signing key id."""
    signer = platform_signer(ctx)
    signed = signer.sign_document(package)
    body = canonical_json(signed)
    digest = hashlib.sha256(body).hexdigest()
    tx.legal.put_package(
        request_pk=request_pk,
        sha256=digest,
        key_id=signer.key_id,
        at=now,
        package_enc=ctx.cipher.encrypt("legal_package", body.decode()),
    )
    return digest, signer.key_id


async def retrieve_package(
    ctx: Ctx, api_key: str | None, *, request_pk: int, ip: str
) -> dict[str, Any]:
    """The signed package, for the authority that made the request, once released."""
    authority = await authenticate_authority(ctx, api_key, ip=ip)
    now = ctx.clock.now()

    def run(tx: Tx) -> bytes:
        request = tx.legal.get(request_pk)
        if request is None or request.authority_id != authority.id:
            raise NotFound("no such request", code="request_not_found")
        package = tx.legal.get_package(request_pk)
        if request.status is not RequestStatus.RELEASED or package is None:
            raise Conflict(
                f"nothing to retrieve: the request is {request.status.value}",
                code="package_not_available",
            )
        tx.legal.count_retrieval(request_pk, at=now)
        audit.record(
            tx,
            actor=audit.Actor("authority", authority.id),
            action="legal.package.retrieve",
            subject_kind="legal_request",
            subject_id=request_pk,
            at=now,
            data={"sha256": package.sha256, "retrieval": package.retrievals + 1},
        )
        return package.package_enc

    blob = await ctx.db.write(run)
    document: dict[str, Any] = json.loads(ctx.cipher.decrypt("legal_package", blob))
    return document
