"""Shapes of the legal request APIs: the authority API (/legal/v1) and the legal console and
authority registry in the client API (/api/v1/legal)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from parley.api.schemas.common import Model
from parley.domain.errors import InvalidInput
from parley.domain.legal import Authority, LegalRequest
from parley.domain.violations import Violation
from parley.services.legal import OfficerView, PlatformKey, authority_view, key_fingerprint
from parley.store.audit import AuditRow

MAX_ENVELOPE_BYTES = 65_536


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise InvalidInput(f"duplicate JSON member {key[:40]!r}", code="invalid_json")
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise InvalidInput(f"{name} is not JSON", code="invalid_json")


def parse_envelope_body(body: bytes) -> dict[str, Any]:
    """Strict JSON: one object, no duplicate members (the signed bytes and what is processed
    must be the same document), no NaN or Infinity."""
    try:
        value = json.loads(body, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise InvalidInput("the body is not valid JSON", code="invalid_json") from None
    if not isinstance(value, dict):
        raise InvalidInput("the envelope is a JSON object", code="invalid_json")
    return value


# -- the authority API ---------------------------------------------------------------------------


class CheckOut(BaseModel):
    check: str
    passed: bool
    reason: str | None
    detail: str


class AuthorityTargetOut(BaseModel):
    index: int
    target: dict[str, Any]
    status: str
    reason: str | None
    released: list[str]


class AuthorityRequestOut(BaseModel):
    id: int
    request_id: str | None
    status: str
    received_at: datetime
    emergency: bool
    checks: list[CheckOut]
    targets: list[AuthorityTargetOut]
    decision_reason: str | None = None
    package_url: str | None = None


def authority_request_out(request: LegalRequest) -> AuthorityRequestOut:
    view = authority_view(request)
    released = request.status.value == "released"
    return AuthorityRequestOut(
        **view,
        decision_reason=request.decision_reason,
        package_url=f"/legal/v1/requests/{request.id}/package" if released else None,
    )


class PlatformKeyOut(BaseModel):
    key_id: str
    algorithm: str
    public_key: str = Field(description="base64url of the raw 32-byte Ed25519 public key")
    public_key_pem: str


def platform_key_out(key: PlatformKey) -> PlatformKeyOut:
    return PlatformKeyOut(
        key_id=key.key_id,
        algorithm=key.algorithm,
        public_key=key.public_key,
        public_key_pem=key.public_key_pem,
    )


# -- the legal console ------------------------------------------------------------------------


class ViolationOut(BaseModel):
    id: int
    rule_id: str
    category: str
    decision_id: int
    created_at: datetime
    voided_at: datetime | None


class OfficerTargetOut(BaseModel):
    index: int
    target: dict[str, Any]
    status: str
    reason: str | None
    user_id: int | None
    violations: list[ViolationOut]
    released: list[str]
    ip_records: int


class ApprovalOut(BaseModel):
    officer_id: int
    at: datetime
    release: list[int]
    data: list[str]
    withhold: dict[str, str]
    note: str


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    actor_kind: str
    actor_id: str | None
    action: str
    data: dict[str, Any]


class RequestSummaryOut(BaseModel):
    id: int
    authority_id: str
    country: str
    request_id: str | None
    status: str
    emergency: bool
    received_at: datetime
    due_at: datetime | None
    overdue: bool
    basis_type: str | None
    offence_category: str | None
    targets: int
    eligible: int
    rereview_due_at: datetime | None
    rereview: str | None


class AuthoritySummaryOut(BaseModel):
    id: str
    name: str
    country: str
    kind: str


class RequestDetailOut(RequestSummaryOut):
    authority: AuthoritySummaryOut | None
    basis_reference: str | None
    basis_issued_at: datetime | None
    basis_issued_by: str | None
    offence_description: str
    emergency_justification: str | None
    data_requested: list[str]
    period_from: datetime | None
    period_to: datetime | None
    nondisclosure_until: datetime | None
    checks: list[CheckOut]
    target_details: list[OfficerTargetOut]
    approval: ApprovalOut | None
    confirmed_by: int | None
    confirmed_at: datetime | None
    decided_by: int | None
    decided_at: datetime | None
    decision_reason: str | None
    refusal_reason: str | None
    released_at: datetime | None
    outcome: str | None
    rereviewed_by: int | None
    rereviewed_at: datetime | None
    rereview_note: str | None
    trail: list[AuditEntryOut]


def _summary_fields(r: LegalRequest, now: datetime) -> dict[str, Any]:
    return {
        "id": r.id,
        "authority_id": r.authority_id,
        "country": r.country,
        "request_id": r.request_id,
        "status": r.status.value,
        "emergency": r.emergency,
        "received_at": r.received_at,
        "due_at": r.due_at,
        "overdue": r.is_open and r.due_at is not None and r.due_at < now,
        "basis_type": r.basis_type,
        "offence_category": r.offence_category,
        "targets": len(r.targets),
        "eligible": sum(1 for t in r.targets if t.status.value == "eligible"),
        "rereview_due_at": r.rereview_due_at,
        "rereview": r.rereview.value if r.rereview else None,
    }


def request_summary_out(r: LegalRequest, *, now: datetime) -> RequestSummaryOut:
    return RequestSummaryOut(**_summary_fields(r, now))


def _violation_out(v: Violation) -> ViolationOut:
    return ViolationOut(
        id=v.id,
        rule_id=v.rule_id,
        category=v.category,
        decision_id=v.decision_id,
        created_at=v.created_at,
        voided_at=v.voided_at,
    )


def _authority_summary(a: Authority | None) -> AuthoritySummaryOut | None:
    if a is None:
        return None
    return AuthoritySummaryOut(id=a.id, name=a.name, country=a.country, kind=a.kind.value)


def request_detail_out(view: OfficerView, *, now: datetime) -> RequestDetailOut:
    r = view.request
    offence = r.envelope.get("offence")
    description = offence.get("description") if isinstance(offence, dict) else None
    justification = r.envelope.get("emergency_justification")
    approval = None
    if r.approval is not None:
        a = r.approval
        approval = ApprovalOut(
            officer_id=a.officer_id,
            at=a.at,
            release=list(a.release),
            data=list(a.data),
            withhold={str(k): v for k, v in a.withhold.items()},
            note=a.note,
        )
    return RequestDetailOut(
        **_summary_fields(r, now),
        authority=_authority_summary(view.authority),
        basis_reference=r.basis_reference,
        basis_issued_at=r.basis_issued_at,
        basis_issued_by=r.basis_issued_by,
        offence_description=description if isinstance(description, str) else "",
        emergency_justification=justification if isinstance(justification, str) else None,
        data_requested=list(r.data_requested),
        period_from=r.period_from,
        period_to=r.period_to,
        nondisclosure_until=r.nondisclosure_until,
        checks=[CheckOut(**c.to_dict()) for c in r.checks],
        target_details=[
            OfficerTargetOut(
                index=t.index,
                target=t.spec,
                status=t.status.value,
                reason=t.reason,
                user_id=t.user_id,
                released=list(t.released_items),
                ip_records=t.ip_records,
                violations=[
                    _violation_out(view.violations[v])
                    for v in t.violation_ids
                    if v in view.violations
                ],
            )
            for t in r.targets
        ],
        approval=approval,
        confirmed_by=r.confirmed_by,
        confirmed_at=r.confirmed_at,
        decided_by=r.decided_by,
        decided_at=r.decided_at,
        decision_reason=r.decision_reason,
        refusal_reason=r.refusal_reason,
        released_at=r.released_at,
        outcome=r.outcome.value if r.outcome else None,
        rereviewed_by=r.rereviewed_by,
        rereviewed_at=r.rereviewed_at,
        rereview_note=r.rereview_note,
        trail=[audit_entry_out(e) for e in view.trail],
    )


def audit_entry_out(e: AuditRow) -> AuditEntryOut:
    return AuditEntryOut(
        id=e.id, at=e.at, actor_kind=e.actor_kind, actor_id=e.actor_id, action=e.action, data=e.data
    )


class ApproveIn(Model):
    release: list[int] = Field(max_length=50, description="indexes of eligible targets")
    data: list[str] | None = Field(
        default=None, max_length=2, description="narrow what was requested; default: all of it"
    )
    withhold: dict[str, str] = Field(
        default_factory=dict,
        description="target index -> reason, for each eligible target not released",
    )
    note: str = Field(default="", max_length=2000)


class RejectIn(Model):
    reason: str = Field(min_length=1, max_length=500, description="told to the authority")


class RereviewIn(Model):
    outcome: Literal["upheld", "not_upheld"]
    note: str = Field(default="", max_length=1000)


# -- the authority registry (admins) ----------------------------------------------------------


class KeyIn(Model):
    key_id: str = Field(max_length=64)
    public_key: str = Field(max_length=2000, description="PEM, or base64url of the raw 32 bytes")
    valid_from: datetime
    valid_until: datetime | None = None


class AuthorityIn(Model):
    id: str = Field(max_length=64)
    name: str = Field(max_length=200)
    country: str = Field(max_length=2, description="ISO 3166-1 alpha-2")
    kind: Literal["court", "prosecutor", "police"]
    contact: str = Field(max_length=500)
    keys: list[KeyIn] = Field(min_length=1, max_length=10)


class RevokeKeyIn(Model):
    reason: str = Field(min_length=1, max_length=255)


class KeyOut(BaseModel):
    key_id: str
    fingerprint: str
    valid_from: datetime
    valid_until: datetime | None
    revoked_at: datetime | None
    revoke_reason: str | None


class AuthorityOut(AuthoritySummaryOut):
    contact: str
    created_at: datetime
    keys: list[KeyOut]


class RegisteredOut(BaseModel):
    authority: AuthorityOut
    api_key: str = Field(description="shown once; only its hash is stored")


def authority_out(a: Authority) -> AuthorityOut:
    return AuthorityOut(
        id=a.id,
        name=a.name,
        country=a.country,
        kind=a.kind.value,
        contact=a.contact,
        created_at=a.created_at,
        keys=[
            KeyOut(
                key_id=k.key_id,
                fingerprint=key_fingerprint(k.public_key),
                valid_from=k.valid_from,
                valid_until=k.valid_until,
                revoked_at=k.revoked_at,
                revoke_reason=k.revoke_reason,
            )
            for k in a.keys
        ],
    )
