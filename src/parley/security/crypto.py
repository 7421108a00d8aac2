"""Personal data at rest: AES-256-GCM field encryption and keyed-hash (HMAC) lookup.

Phone numbers and IP addresses are never stored in the clear. Each is stored encrypted, with a
blind index (HMAC-SHA256 under a separate key) beside it for equality lookups. Both keys are
derived from the platform secret with HKDF, so one configured secret is all an operator keeps."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_VERSION = b"\x01"
_NONCE = 12


def derive_key(secret: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"parley/v1", info=purpose.encode()
    ).derive(secret)


class FieldCipher:
    """Encrypts single fields; the field's kind is bound in as associated data, so a phone
    ciphertext cannot be replayed as an IP ciphertext."""

    def __init__(self, secret: bytes) -> None:
        self._aead = AESGCM(derive_key(secret, "field-encryption"))
        self._index_key = derive_key(secret, "blind-index")

    def encrypt(self, kind: str, value: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, value.encode(), kind.encode())

    def decrypt(self, kind: str, blob: bytes) -> str:
        if blob[:1] != _VERSION:
            raise ValueError("unknown ciphertext version")
        nonce, body = blob[1 : 1 + _NONCE], blob[1 + _NONCE :]
        return self._aead.decrypt(nonce, body, kind.encode()).decode()

    def blind_index(self, kind: str, value: str) -> bytes:
        return hmac.new(
            self._index_key, kind.encode() + b"\x00" + value.encode(), hashlib.sha256
        ).digest()
