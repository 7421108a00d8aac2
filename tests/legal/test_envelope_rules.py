"""The pure pieces: RFC 3339 strictness, envelope shape, canonical signing input, key files."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from parley.domain.legal_envelope import EnvelopeError, parse_envelope, parse_rfc3339
from parley.domain.periods import half_year_bounds, half_year_of
from parley.security.signatures import (
    Signer,
    b64url_decode,
    parse_public_key,
    signing_input,
    verify_document,
)
from tests.legal.conftest import b64url, raw_public


@pytest.mark.parametrize(
    "text",
    [
        "2026-07-01T09:30:00Z",
        "2026-07-01t09:30:00z",
        "2026-07-01T11:30:00+02:00",
        "2026-07-01T09:30:00.123456789Z",
    ],
)
def test_rfc3339_with_zone_is_read_as_utc(text: str) -> None:
    value = parse_rfc3339(text, "x")
    assert value.tzinfo is not None
    assert value.astimezone(UTC).replace(microsecond=0) == datetime(2026, 7, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "2026-07-01",
        "2026-07-01T09:30:00",
        "2026-07-01 09:30:00Z",
        "2026-02-30T00:00:00Z",
        "yesterday",
        1751362200,
        None,
    ],
)
def test_rfc3339_refuses_anything_else(text: object) -> None:
    with pytest.raises(EnvelopeError):
        parse_rfc3339(text, "x")


def _envelope(**changes: object) -> dict[str, object]:
    env: dict[str, object] = {
        "request_id": "R-1",
        "authority_id": "de-bka",
        "key_id": "k1",
        "legal_basis": {
            "type": "warrant",
            "reference": "W-1",
            "issued_at": "2026-07-01T00:00:00Z",
            "issued_by": "Court",
        },
        "offence": {"category": "drugs", "description": ""},
        "targets": [{"username": "dealer_one"}],
        "data_requested": ["phone_number"],
        "period": {"from": "2026-06-01T00:00:00Z", "to": "2026-06-30T00:00:00Z"},
        "signature": "x",
    }
    env.update(changes)
    return env


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"extra": 1}, "unknown fields: extra"),
        ({"request_id": "has space"}, "request_id"),
        ({"targets": []}, "targets must be a list of 1"),
        ({"targets": [{"user_id": True}]}, "user_id"),
        ({"targets": [{"chat": "c", "message_id": 2**60}]}, "message_id"),
        ({"targets": [{"phone": "+49"}]}, "exactly one of"),
        ({"data_requested": ["phone_number", "phone_number"]}, "each item once"),
        (
            {
                "legal_basis": {
                    "type": "letter",
                    "reference": "x",
                    "issued_at": "2026-07-01T00:00:00Z",
                    "issued_by": "x",
                }
            },
            "legal_basis.type",
        ),
        ({"emergency_justification": 5}, "emergency_justification"),
    ],
)
def test_envelope_shape_errors_say_where(changes: dict[str, object], message: str) -> None:
    with pytest.raises(EnvelopeError, match=message):
        parse_envelope(_envelope(**changes))


def test_envelope_with_user_id_as_number_or_digits() -> None:
    env = parse_envelope(_envelope(targets=[{"user_id": 7}, {"user_id": "8"}, {"username": "@x"}]))
    assert env.targets == ({"user_id": 7}, {"user_id": "8"}, {"username": "@x"})


def test_signing_input_is_rfc8785_without_the_signature() -> None:
    env = _envelope(offence={"category": "drugs", "description": "café ☕ \u2028"})
    expected = rfc8785.dumps({k: v for k, v in env.items() if k != "signature"})
    assert signing_input(env) == expected


def test_platform_key_file_is_private_and_stable(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "legal-signing.key"
    first = Signer.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = Signer.load_or_create(path)
    assert again.key_id == first.key_id and again.public_key == first.public_key
    signed = first.sign_document({"b": 1, "a": [1, 2]})
    assert verify_document(signed, first.public_key)
    other = Signer.load_or_create(tmp_path / "other.key")
    assert not verify_document(signed, other.public_key)
    assert not verify_document({**signed, "signing_key": {"key_id": "x"}}, first.public_key)
    assert not verify_document({**signed, "signature": "!!"}, first.public_key)


def test_public_keys_from_base64url_or_pem() -> None:
    key = Ed25519PrivateKey.generate()
    raw = raw_public(key)
    assert parse_public_key(b64url(raw)) == raw
    assert parse_public_key(b64url(raw) + "=") == raw
    with pytest.raises(ValueError, match="32 bytes"):
        parse_public_key(b64url(raw[:31]))
    with pytest.raises(ValueError, match="base64url"):
        b64url_decode("a+b/")


def test_half_years() -> None:
    assert half_year_of(datetime(2026, 6, 30, 23, 59, tzinfo=UTC)) == "2026-H1"
    assert half_year_of(datetime(2026, 7, 1, tzinfo=UTC)) == "2026-H2"
    start, end = half_year_bounds("2026-H2")
    assert (start, end) == (datetime(2026, 7, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    with pytest.raises(Exception, match="2026-H2"):
        half_year_bounds("2026-H3")
