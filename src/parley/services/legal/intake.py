"""Receiving a legal request: every check in order, each recorded with its outcome in the
request and in the audit chain, in the same transaction as the request itself.

A request naming a registered authority is always recorded (so forged ones are counted);
one naming no registered authority is refused and only counted as unattributable."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from parley.config import Settings
from parley.domain.errors import DomainError, NotFound
from parley.domain.legal import (
    AUTHORITY_ID,
    Authority,
    Check,
    LegalRequest,
    RequestNotAuthentic,
    RequestRefused,
    RequestReplayed,
    RequestStatus,
    Target,
    TargetStatus,
    UnknownAuthority,
    failed,
    passed,
)
from parley.domain.legal_envelope import (
    CLOCK_SKEW,
    AuthFields,
    Envelope,
    EnvelopeError,
    accepted_bases,
    auth_fields,
    check_data_requested,
    check_legal_basis,
    check_nondisclosure,
    check_offence,
    check_period,
    parse_envelope,
)
from parley.domain.periods import half_year_of
from parley.domain.users import UserKind
from parley.security.signatures import b64url_decode, signing_input, verify
from parley.security.tokens import hash_token
from parley.services import audit
from parley.services.context import Ctx
from parley.services.legal.authorities import authenticate_authority, limit_caller
from parley.services.legal.policy_link import disclosable_categories, policy_categories
from parley.store.tx import Tx


def _check_signature(
    authority: Authority, raw: dict[str, Any], auth: AuthFields, now: datetime
) -> Check:
    key = authority.key(auth.key_id)
    if key is None:
        return failed("signature", "key_unknown", f"{auth.key_id!r} is not a key of this authority")
    if key.revoked_at is not None:
        return failed("signature", "key_revoked", f"key {key.key_id!r} was revoked")
    if auth.issued_at > now + CLOCK_SKEW:
        return failed("signature", "issued_in_future", "legal_basis.issued_at is in the future")
    if not key.valid_at(auth.issued_at):
        return failed(
            "signature",
            "key_not_valid_at_issued_at",
            f"key {key.key_id!r} was not valid at legal_basis.issued_at",
        )
    try:
        signature = b64url_decode(auth.signature)
        message = signing_input(raw)
    except ValueError as error:  # not base64url, or not canonicalizable (RFC 8785)
        return failed("signature", "signature_invalid", str(error))
    if len(signature) != 64 or not verify(key.public_key, signature, message):
        return failed(
            "signature", "signature_invalid", "the signature does not verify under the named key"
        )
    return passed("signature", key.key_id)


def _request_checks(
    tx: Tx,
    settings: Settings,
    authority: Authority,
    raw: dict[str, Any],
    caller_id: str | None,
    now: datetime,
) -> tuple[list[Check], Envelope | None]:
    """The request-level checks, stopping at the first failure of authenticity or freshness."""
    if caller_id is None:
        return [failed("credentials", "api_key_invalid", "no valid API key was presented")], None
    if caller_id != authority.id:
        return [
            failed(
                "credentials", "api_key_other_authority", "the API key belongs to another authority"
            )
        ], None
    checks = [passed("credentials")]
    try:
        auth = auth_fields(raw)
    except EnvelopeError as error:
        return [*checks, failed("envelope", "envelope_malformed", str(error))], None
    signature = _check_signature(authority, raw, auth, now)
    checks.append(signature)
    if not signature.passed:
        return checks, None
    try:
        env = parse_envelope(raw, max_targets=settings.legal_max_targets)
    except EnvelopeError as error:
        return [*checks, failed("envelope", "envelope_malformed", str(error))], None
    checks.append(passed("envelope"))
    if tx.legal.replay_exists(authority.id, env.request_id):
        return [
            *checks,
            failed("replay", "request_id_replayed", "this request_id was used before"),
        ], env
    checks.append(passed("replay"))
    bases = accepted_bases(settings.legal_accepted_bases, authority.country)
    checks += [
        check_legal_basis(env, accepted=bases, country=authority.country),
        check_offence(env, known=policy_categories(), disclosable=disclosable_categories()),
        check_data_requested(env),
        check_period(env, now=now, max_days=settings.legal_max_period_days),
        check_nondisclosure(env, now=now, max_days=settings.legal_max_nondisclosure_days),
    ]
    return checks, env


@dataclass(frozen=True, slots=True)
class _Judged:
    spec: dict[str, Any]
    status: TargetStatus
    user_id: int | None
    reason: str | None
    violation_ids: tuple[int, ...] = ()


def _resolve(tx: Tx, spec: dict[str, Any]) -> tuple[int | None, str | None]:
    """The one account a target names, or why there is none."""
    if "username" in spec:
        user = tx.users.by_username(str(spec["username"]).removeprefix("@"))
    elif "user_id" in spec:
        user = tx.users.get(int(spec["user_id"]))
    else:
        ref = str(spec["chat"]).removeprefix("@")
        chat = tx.chats.get(int(ref)) if ref.isdigit() else tx.chats.by_username(ref)
        if chat is None or not chat.is_public:  # an authority can only cite what is public
            return None, "target_not_found"
        message = tx.messages.get(chat.id, int(spec["message_id"]))
        if message is None or message.sender_id is None:
            return None, "target_not_found"
        user = tx.users.get(message.sender_id)
    if user is None:
        return None, "target_not_found"
    if user.kind is not UserKind.USER:  # bots and the platform's own system account
        return None, "target_not_a_person"
    return user.id, None


def judge_targets(tx: Tx, targets: tuple[dict[str, Any], ...], category: str) -> list[_Judged]:
    """Resolve each target to exactly one account and find its confirmed violations in the
    offence's category (the caller has checked the category is disclosable)."""
    seen: set[int] = set()
    out: list[_Judged] = []
    for spec in targets:
        user_id, reason = _resolve(tx, spec)
        if user_id is None:
            out.append(_Judged(spec, TargetStatus.UNRESOLVED, None, reason))
        elif user_id in seen:
            out.append(_Judged(spec, TargetStatus.UNRESOLVED, None, "duplicate_target"))
        else:
            seen.add(user_id)
            found = tx.violations.confirmed_in_categories(user_id, [category])
            if found:
                out.append(
                    _Judged(spec, TargetStatus.ELIGIBLE, user_id, None, tuple(v.id for v in found))
                )
            else:
                out.append(_Judged(spec, TargetStatus.INELIGIBLE, user_id, "no_matching_violation"))
    return out


def _digest(raw: dict[str, Any]) -> str:
    text = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _str_field(raw: dict[str, Any], key: str, limit: int) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) and 0 < len(value) <= limit else None


def _record(
    tx: Tx,
    ctx: Ctx,
    authority: Authority,
    raw: dict[str, Any],
    caller_id: str | None,
    ip: str,
    now: datetime,
) -> LegalRequest:
    settings = ctx.settings
    checks, env = _request_checks(tx, settings, authority, raw, caller_id, now)
    authentic = all(c.passed for c in checks if c.name in ("credentials", "signature"))
    fresh = env is not None and not any(c.name == "replay" and not c.passed for c in checks)
    judged: list[_Judged] = []
    if env is not None and all(c.passed for c in checks):
        judged = judge_targets(tx, env.targets, env.offence_category)
        eligible = sum(1 for j in judged if j.status is TargetStatus.ELIGIBLE)
        checks.append(
            passed("targets", f"{eligible} of {len(judged)} eligible")
            if eligible
            else failed(
                "targets",
                "no_eligible_target",
                "no target has a confirmed violation matching the offence",
            )
        )
    first_failure = next((c for c in checks if not c.passed), None)
    status = RequestStatus.REJECTED if first_failure else RequestStatus.PENDING_REVIEW
    emergency = env is not None and env.basis.is_emergency
    due_at = rereview_due_at = None
    if status is RequestStatus.PENDING_REVIEW:
        due_at = now + (
            timedelta(hours=settings.legal_emergency_response_hours)
            if emergency
            else timedelta(days=settings.legal_response_days)
        )
        if emergency:
            rereview_due_at = now + timedelta(hours=settings.legal_emergency_rereview_hours)
    digest = _digest(raw)
    request_pk = tx.legal.insert(
        authority_id=authority.id,
        country=authority.country,
        request_id=_str_field(raw, "request_id", 128),
        replay_key=env.request_id if env is not None and authentic and fresh else None,
        key_id=_str_field(raw, "key_id", 64),
        basis_type=env.basis.type if env else None,
        basis_reference=env.basis.reference if env else None,
        basis_issued_at=env.basis.issued_at if env else None,
        basis_issued_by=env.basis.issued_by if env else None,
        offence_category=env.offence_category if env else None,
        emergency=emergency,
        data_requested=list(env.data_requested) if env else [],
        period_from=env.period_from if env else None,
        period_to=env.period_to if env else None,
        nondisclosure_until=env.nondisclosure_until if env else None,
        envelope=raw,
        envelope_sha256=digest,
        source_ip_enc=ctx.cipher.encrypt("ip", ip),
        status=status.value,
        checks=[c.to_dict() for c in checks],
        refusal_reason=first_failure.reason if first_failure else None,
        received_at=now,
        due_at=due_at,
        rereview_due_at=rereview_due_at,
    )
    tx.legal.put_targets(
        Target(
            request_pk=request_pk,
            index=i,
            spec=j.spec,
            status=j.status,
            user_id=j.user_id,
            reason=j.reason,
            violation_ids=j.violation_ids,
        )
        for i, j in enumerate(judged)
    )
    system = audit.Actor.system("legal-intake")

    def note(action: str, data: dict[str, Any], actor: audit.Actor = system) -> None:
        audit.record(
            tx,
            actor=actor,
            action=action,
            subject_kind="legal_request",
            subject_id=request_pk,
            at=now,
            data=data,
        )

    caller = audit.Actor("authority", authority.id) if caller_id == authority.id else None
    note(
        "legal.request.received",
        {
            "authority_id": authority.id,
            "request_id": _str_field(raw, "request_id", 128),
            "key_id": _str_field(raw, "key_id", 64),
            "envelope_sha256": digest,
            "emergency": emergency,
        },
        caller or audit.Actor("anonymous"),
    )
    for check in checks:
        note("legal.request.check", check.to_dict())
    for i, j in enumerate(judged):
        note(
            "legal.request.check",
            {
                "check": "target",
                "index": i,
                "passed": j.status is TargetStatus.ELIGIBLE,
                "reason": j.reason,
                "user_id": j.user_id,
                "violation_ids": list(j.violation_ids),
            },
        )
    if first_failure:
        note("legal.request.rejected", {"reason": first_failure.reason})
    else:
        note(
            "legal.request.queued",
            {
                "due_at": due_at.isoformat() if due_at else None,
                "emergency": emergency,
                "rereview_due_at": rereview_due_at.isoformat() if rereview_due_at else None,
            },
        )
    request = tx.legal.get(request_pk)
    assert request is not None
    return request


def authority_view(request: LegalRequest) -> dict[str, Any]:
    """What the authority learns about its request: status, every check, per-target outcome
    and the decision. Never account ids, never anything about accounts it did not name."""
    return {
        "id": request.id,
        "request_id": request.request_id,
        "status": request.status.value,
        "received_at": request.received_at.isoformat(),
        "emergency": request.emergency,
        "checks": [c.to_dict() for c in request.checks],
        "targets": [
            {
                "index": t.index,
                "target": t.spec,
                "status": t.status.value,
                "reason": t.reason,
                "released": list(t.released_items),
            }
            for t in request.targets
        ],
    }


def _refusal(request: LegalRequest) -> DomainError:
    first = next(c for c in request.checks if not c.passed)
    details = authority_view(request)
    message = f"the request was refused: {first.reason}" + (
        f" ({first.detail})" if first.detail else ""
    )
    if first.name in ("credentials", "signature"):
        return RequestNotAuthentic(message, **details)
    if first.name == "replay":
        return RequestReplayed(message, **details)
    return RequestRefused(message, **details)


async def submit_request(
    ctx: Ctx, envelope: dict[str, Any], *, api_key: str | None, ip: str
) -> LegalRequest:
    """Receive an envelope: record it with every check's outcome, queue it for review when
    all pass, else raise the refusal (the record stands either way)."""
    authority_id = envelope.get("authority_id")
    valid_id = isinstance(authority_id, str) and bool(AUTHORITY_ID.match(authority_id))
    await limit_caller(ctx, ip=ip, authority_id=authority_id if valid_id else None)
    now = ctx.clock.now()
    key_hash = hash_token(api_key) if api_key and len(api_key) <= 256 else None

    def run(tx: Tx) -> LegalRequest | None:
        authority = tx.authorities.get(str(authority_id)) if valid_id else None
        if authority is None:
            tx.legal.count_unattributed(half_year_of(now))
            return None
        caller_id = tx.authorities.id_by_api_key_hash(key_hash) if key_hash else None
        return _record(tx, ctx, authority, envelope, caller_id, ip, now)

    request = await ctx.db.write(run)
    if request is None:
        raise UnknownAuthority(
            "the envelope names no registered authority; nothing was recorded",
            checks=[failed("credentials", "unknown_authority").to_dict()],
        )
    if request.status is RequestStatus.REJECTED:
        raise _refusal(request)
    return request


async def get_own_request(
    ctx: Ctx, api_key: str | None, *, request_pk: int, ip: str
) -> LegalRequest:
    """One of the calling authority's requests; anyone else's is not found."""
    authority = await authenticate_authority(ctx, api_key, ip=ip)
    request = await ctx.db.read(lambda tx: tx.legal.get(request_pk))
    if request is None or request.authority_id != authority.id:
        raise NotFound("no such request", code="request_not_found")
    return request


async def list_own_requests(
    ctx: Ctx, api_key: str | None, *, ip: str, limit: int = 50, before: int | None = None
) -> list[LegalRequest]:
    authority = await authenticate_authority(ctx, api_key, ip=ip)
    limit = max(1, min(limit, 200))
    return await ctx.db.read(
        lambda tx: tx.legal.for_authority(authority.id, limit=limit, before=before)
    )
