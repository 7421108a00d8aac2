"""Bearer tokens and one-time codes. Only hashes are stored; a leaked database row does not
sign anyone in."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def new_code(digits: int = 5) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def hash_code(secret: bytes, phone: str, code: str) -> bytes:
    return hmac.new(secret, f"{phone}:{code}".encode(), hashlib.sha256).digest()


def codes_match(expected: bytes, got: bytes) -> bool:
    return hmac.compare_digest(expected, got)
