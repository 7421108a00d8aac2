"""Domain exceptions. Each carries a stable machine-readable code; api/errors.py maps the
class to an HTTP status once, so services never think in status codes."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    default_code = "error"

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.details = details


class InvalidInput(DomainError):
    """The request is malformed or breaks a validation rule."""

    default_code = "invalid_input"


class Unauthenticated(DomainError):
    """No valid credentials were presented."""

    default_code = "unauthenticated"


class Forbidden(DomainError):
    """The caller is known but may not do this."""

    default_code = "forbidden"


class NotFound(DomainError):
    """The thing does not exist, or the caller may not know that it does."""

    default_code = "not_found"


class Conflict(DomainError):
    """The request clashes with the current state (a taken username, a second appeal)."""

    default_code = "conflict"


class PayloadTooLarge(DomainError):
    """The request body or an uploaded file exceeds its limit."""

    default_code = "too_large"


class RateLimited(DomainError):
    """Flood control: try again after `retry_after` seconds."""

    default_code = "flood_wait"

    def __init__(self, message: str, *, retry_after: int, code: str | None = None) -> None:
        super().__init__(message, code=code, retry_after=retry_after)
        self.retry_after = retry_after
