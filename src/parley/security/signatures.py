"""Ed25519 signatures over RFC 8785 canonical JSON: authorities sign request envelopes, the
platform signs disclosure packages.

Keys travel as raw 32-byte public keys in base64url (no padding) or as PEM; a key id is derived
from the raw key, so anyone holding the public key can check which key signed what."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from parley.security.canonical import canonical_json

ALGORITHM = "Ed25519"
SIGNATURE_FIELD = "signature"


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    """Strict base64url, padding optional; raises ValueError on anything else."""
    if not text or any(c not in _B64URL for c in text.rstrip("=")):
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))
    except binascii.Error as error:
        raise ValueError("not base64url") from error


_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def parse_public_key(text: str) -> bytes:
    """A raw 32-byte Ed25519 public key from PEM (SubjectPublicKeyInfo) or base64url."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text.encode())
        except ValueError as error:
            raise ValueError("not a PEM public key") from error
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("the PEM key is not an Ed25519 key")
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    raw = b64url_decode(text)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    Ed25519PublicKey.from_public_bytes(raw)
    return raw


def public_key_pem(raw: bytes) -> str:
    key = Ed25519PublicKey.from_public_bytes(raw)
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def key_fingerprint(raw: bytes) -> str:
    """A short, stable id for a public key: the first 16 hex digits of its SHA-256."""
    return "ed25519:" + hashlib.sha256(raw).hexdigest()[:16]


def signing_input(document: dict[str, Any]) -> bytes:
    """The bytes a signature covers: the canonical JSON of every field but `signature`."""
    return canonical_json({k: v for k, v in document.items() if k != SIGNATURE_FIELD})


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def verify_document(document: dict[str, Any], public_key: bytes) -> bool:
    """Check a document signed with `Signer.sign_document` (a disclosure package): its
    `signature` field over the canonical JSON of every other field."""
    sig = document.get(SIGNATURE_FIELD)
    if not isinstance(sig, str):
        return False
    try:
        raw_sig = b64url_decode(sig)
    except ValueError:
        return False
    return verify(public_key, raw_sig, signing_input(document))


class Signer:
    """An Ed25519 private key, loaded from a file or generated into one (mode 0600)."""

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self.public_key = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.key_id = key_fingerprint(self.public_key)

    @classmethod
    def load_or_create(cls, path: Path) -> Signer:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process won the race; use its key
                pass
            else:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(pem)
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} does not hold an Ed25519 private key")
        return cls(key)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def sign_document(self, document: dict[str, Any]) -> dict[str, Any]:
        """Return the document with `signing_key` (algorithm and key id) added and a
        `signature` over the canonical JSON of every other field, so neither the content nor
        the key id can change without breaking it."""
        body = {k: v for k, v in document.items() if k != SIGNATURE_FIELD}
        body["signing_key"] = {"algorithm": ALGORITHM, "key_id": self.key_id}
        return {**body, SIGNATURE_FIELD: b64url_encode(self.sign(signing_input(body)))}
