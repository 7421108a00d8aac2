"""RFC 8785 canonical JSON: the bytes that signatures and the audit chain cover."""

from __future__ import annotations

from typing import Any

import rfc8785


def canonical_json(value: Any) -> bytes:
    return bytes(rfc8785.dumps(value))
