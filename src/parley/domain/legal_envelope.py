"""The legal request envelope (the external contract in docs/legal-requests.md): its shape, and
the checks that need nothing but the envelope, the policy and the configuration.

Everything here is pure. The checks that need the store (keys, replays, targets) live in
services/legal/intake.py; the signature itself is verified there too, over the RFC 8785
canonical JSON of every field but `signature`."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from parley.domain.legal import (
    DISCLOSABLE_DATA,
    BasisType,
    Check,
    failed,
    passed,
)

REQUIRED = frozenset(
    {
        "request_id",
        "authority_id",
        "key_id",
        "legal_basis",
        "offence",
        "targets",
        "data_requested",
        "period",
        "signature",
    }
)
OPTIONAL = frozenset({"nondisclosure_until", "emergency_justification"})
MAX_TARGETS = 50
MAX_SAFE_INT = 2**53 - 1  # RFC 8785 numbers are IEEE doubles
CLOCK_SKEW = timedelta(minutes=5)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")
_REQUEST_ID = re.compile(r"^[\x21-\x7e]{1,128}$")  # printable ASCII, no spaces


class EnvelopeError(ValueError):
    """The envelope is malformed; the message says where."""


@dataclass(frozen=True, slots=True)
class Basis:
    type: str
    reference: str
    issued_at: datetime
    issued_by: str

    @property
    def is_emergency(self) -> bool:
        return self.type == BasisType.EMERGENCY.value


@dataclass(frozen=True, slots=True)
class Envelope:
    request_id: str
    authority_id: str
    key_id: str
    basis: Basis
    offence_category: str
    offence_description: str
    targets: tuple[dict[str, Any], ...]
    data_requested: tuple[str, ...]
    period_from: datetime
    period_to: datetime
    nondisclosure_until: datetime | None
    emergency_justification: str | None
    signature: str


@dataclass(frozen=True, slots=True)
class AuthFields:
    """What authenticating an envelope needs, read before anything else is trusted."""

    key_id: str
    signature: str
    issued_at: datetime


def parse_rfc3339(value: object, where: str) -> datetime:
    if not isinstance(value, str) or not _RFC3339.match(value):
        raise EnvelopeError(f"{where} must be an RFC 3339 date-time with a time zone")
    text = value.upper()
    if "." in text:  # Python keeps microseconds: trim longer fractions rather than refuse
        head, _, rest = text.partition(".")
        digits = re.match(r"\d+", rest)
        assert digits is not None
        text = head + "." + digits.group()[:6].ljust(6, "0") + rest[digits.end() :]
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError as error:
        raise EnvelopeError(f"{where} is not a real date-time") from error


def _text(
    data: Mapping[str, Any], key: str, where: str, *, limit: int, required: bool = True
) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise EnvelopeError(f"{where}.{key} must be a non-empty string")
    if len(value) > limit:
        raise EnvelopeError(f"{where}.{key} is longer than {limit} characters")
    return value


def _object(value: object, where: str, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise EnvelopeError(f"{where} must be an object")
    unknown = sorted(set(value) - keys)
    if unknown:
        raise EnvelopeError(f"{where} has unknown fields: {', '.join(unknown)}")
    return value


def auth_fields(raw: Mapping[str, Any]) -> AuthFields:
    """The key id, signature and legal basis date: all a signature check needs."""
    key_id = raw.get("key_id")
    signature = raw.get("signature")
    basis = raw.get("legal_basis")
    if not isinstance(key_id, str) or not key_id or len(key_id) > 64:
        raise EnvelopeError("key_id must be a string of 1–64 characters")
    if not isinstance(signature, str) or not 1 <= len(signature) <= 200:
        raise EnvelopeError("signature must be a base64url string")
    if not isinstance(basis, dict):
        raise EnvelopeError("legal_basis must be an object")
    return AuthFields(
        key_id=key_id,
        signature=signature,
        issued_at=parse_rfc3339(basis.get("issued_at"), "legal_basis.issued_at"),
    )


def _target(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EnvelopeError(f"{where} must be an object")
    keys = frozenset(value)
    if keys == {"username"}:
        name = value["username"]
        if not isinstance(name, str) or not 1 <= len(name.removeprefix("@")) <= 32:
            raise EnvelopeError(f"{where}.username must be a username")
        return {"username": name}
    if keys == {"user_id"}:
        uid = value["user_id"]
        if isinstance(uid, str) and uid.isdigit() and len(uid) <= 16:
            return {"user_id": uid}
        if isinstance(uid, int) and not isinstance(uid, bool) and 0 < uid <= MAX_SAFE_INT:
            return {"user_id": uid}
        raise EnvelopeError(f"{where}.user_id must be a positive integer or a string of digits")
    if keys == {"chat", "message_id"}:
        chat, mid = value["chat"], value["message_id"]
        if not isinstance(chat, str) or not 1 <= len(chat) <= 64:
            raise EnvelopeError(f"{where}.chat must be a chat username or id")
        if isinstance(mid, bool) or not isinstance(mid, int) or not 0 < mid <= MAX_SAFE_INT:
            raise EnvelopeError(f"{where}.message_id must be a positive integer")
        return {"chat": chat, "message_id": mid}
    raise EnvelopeError(
        f"{where} must be exactly one of {{username}}, {{user_id}} or {{chat, message_id}}"
    )


def parse_envelope(raw: Mapping[str, Any], *, max_targets: int = MAX_TARGETS) -> Envelope:
    """Check the envelope's shape (not yet its meaning); raise EnvelopeError at the first
    problem."""
    missing = sorted(REQUIRED - set(raw))
    if missing:
        raise EnvelopeError(f"missing fields: {', '.join(missing)}")
    unknown = sorted(set(raw) - REQUIRED - OPTIONAL)
    if unknown:
        raise EnvelopeError(f"unknown fields: {', '.join(unknown)}")
    request_id = raw["request_id"]
    if not isinstance(request_id, str) or not _REQUEST_ID.match(request_id):
        raise EnvelopeError("request_id must be 1–128 printable ASCII characters, no spaces")
    auth = auth_fields(raw)
    basis_raw = _object(
        raw["legal_basis"],
        "legal_basis",
        frozenset({"type", "reference", "issued_at", "issued_by"}),
    )
    basis_type = _text(basis_raw, "type", "legal_basis", limit=32)
    if basis_type not in {b.value for b in BasisType}:
        raise EnvelopeError(
            "legal_basis.type must be one of " + ", ".join(b.value for b in BasisType)
        )
    basis = Basis(
        type=basis_type,
        reference=_text(basis_raw, "reference", "legal_basis", limit=256),
        issued_at=auth.issued_at,
        issued_by=_text(basis_raw, "issued_by", "legal_basis", limit=256),
    )
    offence = _object(raw["offence"], "offence", frozenset({"category", "description"}))
    category = _text(offence, "category", "offence", limit=32)
    description = _text(offence, "description", "offence", limit=4000, required=False)
    targets_raw = raw["targets"]
    if not isinstance(targets_raw, list) or not 1 <= len(targets_raw) <= max_targets:
        raise EnvelopeError(f"targets must be a list of 1–{max_targets} targets")
    targets = tuple(_target(t, f"targets[{i}]") for i, t in enumerate(targets_raw))
    data = raw["data_requested"]
    if not isinstance(data, list) or not data or not all(isinstance(d, str) for d in data):
        raise EnvelopeError("data_requested must be a non-empty list of strings")
    if len(data) > 20 or len(set(data)) != len(data):
        raise EnvelopeError("data_requested lists each item once")
    period = _object(raw["period"], "period", frozenset({"from", "to"}))
    nondisclosure = raw.get("nondisclosure_until")
    justification = raw.get("emergency_justification")
    if justification is not None and (
        not isinstance(justification, str) or len(justification) > 4000
    ):
        raise EnvelopeError("emergency_justification must be a string of at most 4000 characters")
    return Envelope(
        request_id=request_id,
        authority_id=str(raw["authority_id"]),
        key_id=auth.key_id,
        basis=basis,
        offence_category=category,
        offence_description=description,
        targets=targets,
        data_requested=tuple(data),
        period_from=parse_rfc3339(period.get("from"), "period.from"),
        period_to=parse_rfc3339(period.get("to"), "period.to"),
        nondisclosure_until=None
        if nondisclosure is None
        else parse_rfc3339(nondisclosure, "nondisclosure_until"),
        emergency_justification=justification.strip() if justification else None,
        signature=auth.signature,
    )


# -- checks that need only the envelope, the policy and the configuration ----------------------


def accepted_bases(config: Mapping[str, Collection[str]], country: str) -> frozenset[str]:
    """The basis types accepted from a country: its own entry, else the "*" default."""
    return frozenset(config.get(country, config.get("*", ())))


def check_legal_basis(env: Envelope, *, accepted: frozenset[str], country: str) -> Check:
    if env.basis.type not in accepted:
        return failed(
            "legal_basis",
            "basis_not_accepted",
            f"a {env.basis.type} is not accepted from {country}; accepted: "
            + (", ".join(sorted(accepted)) or "none"),
        )
    if env.basis.is_emergency and not (env.emergency_justification or "").strip():
        return failed(
            "legal_basis",
            "emergency_justification_missing",
            "an emergency request must say what imminent danger it averts",
        )
    return passed("legal_basis", env.basis.type)


def check_offence(env: Envelope, *, known: frozenset[str], disclosable: frozenset[str]) -> Check:
    category = env.offence_category
    if category not in known:
        return failed(
            "offence",
            "offence_category_unknown",
            f"{category!r} is not a category of the platform policy",
        )
    if category not in disclosable:
        return failed(
            "offence",
            "offence_not_disclosable",
            f"{category!r} is not a disclosable category (speech is never disclosable by default)",
        )
    return passed("offence", category)


def check_data_requested(env: Envelope) -> Check:
    extra = [d for d in env.data_requested if d not in DISCLOSABLE_DATA]
    if extra:
        return failed(
            "data_requested",
            "data_not_disclosable",
            "only phone_number and ip_addresses can be requested; refused: "
            + ", ".join(sorted(extra)),
        )
    return passed("data_requested", ", ".join(env.data_requested))


def check_period(env: Envelope, *, now: datetime, max_days: int) -> Check:
    start, end = env.period_from, env.period_to
    if start >= end:
        return failed("period", "period_invalid", "period.from must be before period.to")
    if end > now + CLOCK_SKEW:
        return failed(
            "period",
            "period_in_future",
            "the period must have ended; data that does not exist yet is never requested this way",
        )
    if end - start > timedelta(days=max_days):
        return failed(
            "period",
            "period_too_long",
            f"the period is {(end - start).days} days; at most {max_days}",
        )
    return passed("period", f"{(end - start).days} days")


def check_nondisclosure(env: Envelope, *, now: datetime, max_days: int) -> Check:
    until = env.nondisclosure_until
    if until is None:
        return passed("nondisclosure", "none: the user is told at release")
    if until <= env.basis.issued_at:
        return failed(
            "nondisclosure",
            "nondisclosure_invalid",
            "nondisclosure_until is before the legal basis was issued",
        )
    if until - now > timedelta(days=max_days):
        return failed(
            "nondisclosure",
            "nondisclosure_too_long",
            f"a nondisclosure period may last at most {max_days} days",
        )
    return passed("nondisclosure", until.isoformat())
