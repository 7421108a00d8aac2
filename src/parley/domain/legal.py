"""Legal requests: authorities, their keys, the request envelope's vocabulary and the record a
request leaves as it moves through the checks, two-officer review and disclosure.

Only two kinds of data can ever be disclosed (a phone number and IP address records), only for
accounts with a confirmed violation in a disclosable category, and only after two different
legal officers agree (docs/legal-requests.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parley.domain.errors import Conflict, Forbidden, InvalidInput


class AuthorityKind(StrEnum):
    COURT = "court"
    PROSECUTOR = "prosecutor"
    POLICE = "police"


class BasisType(StrEnum):
    COURT_ORDER = "court_order"
    WARRANT = "warrant"
    SUBPOENA = "subpoena"
    EMERGENCY = "emergency"


class DataItem(StrEnum):
    """The only data a legal request can ever obtain."""

    PHONE_NUMBER = "phone_number"
    IP_ADDRESSES = "ip_addresses"


DISCLOSABLE_DATA = frozenset(d.value for d in DataItem)


class RequestStatus(StrEnum):
    REJECTED = "rejected"  # failed an automatic check; nothing was or will be disclosed
    PENDING_REVIEW = "pending_review"  # in the legal console queue
    APPROVED = "approved"  # one officer approved; a second must confirm
    RELEASED = "released"  # the package is signed and retrievable
    REFUSED = "refused"  # an officer refused it (or nothing was left to release)


OPEN_STATUSES = (RequestStatus.PENDING_REVIEW, RequestStatus.APPROVED)


class TargetStatus(StrEnum):
    UNRESOLVED = "unresolved"  # did not resolve to exactly one account
    INELIGIBLE = "ineligible"  # resolved, but no confirmed violation matching the offence
    ELIGIBLE = "eligible"  # may be released once two officers agree
    RELEASED = "released"
    WITHHELD = "withheld"  # eligible, but the officers did not release it
    NOT_EVALUATED = "not_evaluated"  # the request failed before targets were looked at


class Outcome(StrEnum):
    FULL = "full"  # every target, every item requested
    PARTIAL = "partial"


class Rereview(StrEnum):
    """The after-the-fact review every emergency request gets within 72 hours."""

    UPHELD = "upheld"
    NOT_UPHELD = "not_upheld"


# The order checks run in. Until the envelope is known to be authentic (credentials, signature)
# and fresh (replay), nothing else is looked at; until every request-level check passes, no
# account is looked up. A forged envelope learns nothing about anyone.
CHECKS = (
    "credentials",
    "signature",
    "envelope",
    "replay",
    "legal_basis",
    "offence",
    "data_requested",
    "period",
    "nondisclosure",
    "targets",
)


@dataclass(frozen=True, slots=True)
class Check:
    """One check's outcome, as recorded, shown to officers and returned to the authority."""

    name: str
    passed: bool
    reason: str | None = None  # a stable code when it failed
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.name,
            "passed": self.passed,
            "reason": self.reason,
            "detail": self.detail,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Check:
        return cls(
            name=str(data["check"]),
            passed=bool(data["passed"]),
            reason=data.get("reason"),
            detail=str(data.get("detail", "")),
        )


def passed(name: str, detail: str = "") -> Check:
    return Check(name, True, None, detail)


def failed(name: str, reason: str, detail: str = "") -> Check:
    return Check(name, False, reason, detail)


@dataclass(frozen=True, slots=True)
class AuthorityKey:
    authority_id: str
    key_id: str
    public_key: bytes  # raw 32-byte Ed25519 public key
    valid_from: datetime
    valid_until: datetime | None
    added_at: datetime
    revoked_at: datetime | None = None
    revoke_reason: str | None = None

    def valid_at(self, when: datetime) -> bool:
        return self.valid_from <= when and (self.valid_until is None or when < self.valid_until)


@dataclass(frozen=True, slots=True)
class Authority:
    id: str
    name: str
    country: str
    kind: AuthorityKind
    contact: str
    created_at: datetime
    keys: tuple[AuthorityKey, ...] = ()

    def key(self, key_id: str) -> AuthorityKey | None:
        return next((k for k in self.keys if k.key_id == key_id), None)


@dataclass(frozen=True, slots=True)
class Target:
    """One account a request names, as resolved and judged."""

    request_pk: int
    index: int
    spec: dict[str, Any]  # as the authority wrote it
    status: TargetStatus
    user_id: int | None = None
    reason: str | None = None
    violation_ids: tuple[int, ...] = ()
    released_items: tuple[str, ...] = ()
    ip_records: int = 0  # how many IP records the package holds for this target


@dataclass(frozen=True, slots=True)
class Approval:
    """The first officer's decision, which a second officer confirms unchanged."""

    officer_id: int
    at: datetime
    release: tuple[int, ...]  # target indexes
    data: tuple[str, ...]  # narrowed, never widened
    withhold: dict[int, str] = field(default_factory=dict)  # target index -> reason
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "release": list(self.release),
            "data": list(self.data),
            "withhold": {str(k): v for k, v in self.withhold.items()},
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class LegalRequest:
    id: int
    authority_id: str
    country: str
    request_id: str | None
    key_id: str | None
    basis_type: str | None
    basis_reference: str | None
    basis_issued_at: datetime | None
    basis_issued_by: str | None
    offence_category: str | None
    emergency: bool
    data_requested: tuple[str, ...]
    period_from: datetime | None
    period_to: datetime | None
    nondisclosure_until: datetime | None
    status: RequestStatus
    checks: tuple[Check, ...]
    received_at: datetime
    envelope: dict[str, Any]
    refusal_reason: str | None = None
    due_at: datetime | None = None
    approval: Approval | None = None
    confirmed_by: int | None = None
    confirmed_at: datetime | None = None
    decided_by: int | None = None  # the officer who refused it
    decided_at: datetime | None = None
    decision_reason: str | None = None
    released_at: datetime | None = None
    outcome: Outcome | None = None
    rereview_due_at: datetime | None = None
    rereviewed_by: int | None = None
    rereviewed_at: datetime | None = None
    rereview: Rereview | None = None
    rereview_note: str | None = None
    targets: tuple[Target, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def targeted_user_ids(self) -> set[int]:
        return {t.user_id for t in self.targets if t.user_id is not None}


# -- rules on names and the ISO 3166-1 alpha-2 codes --------------------------------------------

AUTHORITY_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
KEY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")

ISO_COUNTRIES = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW""".split()  # noqa: SIM905  # a table, kept compact
)


def clean_authority_id(raw: str) -> str:
    value = raw.strip()
    if not AUTHORITY_ID.match(value):
        raise InvalidInput(
            "an authority id is 2–64 lowercase letters, digits, '.', '_' or '-'",
            code="invalid_authority_id",
        )
    return value


def clean_key_id(raw: str) -> str:
    value = raw.strip()
    if not KEY_ID.match(value):
        raise InvalidInput(
            "a key id is 1–64 letters, digits, '.', '_', ':' or '-'", code="invalid_key_id"
        )
    return value


def clean_country(raw: str) -> str:
    value = raw.strip().upper()
    if value not in ISO_COUNTRIES:
        raise InvalidInput(
            f"{raw!r} is not an ISO 3166-1 alpha-2 country code", code="invalid_country"
        )
    return value


def clean_text_field(raw: str, *, name: str, limit: int, required: bool = True) -> str:
    value = " ".join(raw.split())
    if required and not value:
        raise InvalidInput(f"{name} is required", code=f"invalid_{name}")
    if len(value) > limit:
        raise InvalidInput(f"{name} is at most {limit} characters", code=f"invalid_{name}")
    return value


# -- officer actions -------------------------------------------------------------------------------


def check_open(request: LegalRequest, *statuses: RequestStatus) -> None:
    allowed = statuses or OPEN_STATUSES
    if request.status not in allowed:
        raise Conflict(
            f"the request is {request.status.value}; this needs "
            + " or ".join(s.value for s in allowed),
            code="request_not_open",
        )


def check_second_officer(request: LegalRequest, officer_id: int) -> None:
    """Separation of duties: the confirming officer is not the approving one."""
    if request.approval is not None and request.approval.officer_id == officer_id:
        raise Forbidden(
            "a second legal officer must confirm; you approved this request",
            code="same_officer",
        )


# -- refusals as the authority API reports them ----------------------------------------------------


class RequestRefused(InvalidInput):
    """The request failed an automatic check (details carry every check's outcome)."""

    default_code = "request_refused"


class RequestNotAuthentic(Forbidden):
    """Wrong API key, unknown or revoked signing key, or a signature that does not verify."""

    default_code = "request_not_authentic"


class RequestReplayed(Conflict):
    """An authentic request reused a request_id this authority already used."""

    default_code = "request_replayed"


class UnknownAuthority(Forbidden):
    """The envelope names no registered authority; nothing was recorded."""

    default_code = "unknown_authority"
