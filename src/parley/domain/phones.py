"""Phone numbers: parsing and normalising to E.164, and Telegram-style test numbers."""

from __future__ import annotations

import re

import phonenumbers

from parley.domain.errors import InvalidInput

# +999 66 X YYYY: Telegram's test numbers. They exist only in dev mode and sign in with the
# code made of digit X five times, so demos and tests need no SMS gateway.
_TEST_NUMBER = re.compile(r"^\+99966(\d)(\d{4})$")
_ALLOWED_CHARS = re.compile(r"^[+0-9 ()\-.]{3,32}$")


def test_number_code(e164: str) -> str | None:
    """The fixed code of a test number, or None when the number is not one."""
    match = _TEST_NUMBER.match(e164)
    if match is None:
        return None
    return match.group(1) * 5


def normalize_phone(raw: str, *, allow_test_numbers: bool) -> str:
    """Return the number in E.164 form or raise InvalidInput."""
    if not isinstance(raw, str) or not _ALLOWED_CHARS.match(raw.strip()):
        raise InvalidInput(
            "phone must be an international number like +4915112345678", code="invalid_phone"
        )
    compact = re.sub(r"[ ()\-.]", "", raw.strip())
    if not compact.startswith("+"):
        compact = "+" + compact
    if _TEST_NUMBER.match(compact):
        if allow_test_numbers:
            return compact
        raise InvalidInput("test numbers work only in dev mode", code="invalid_phone")
    try:
        parsed = phonenumbers.parse(compact, None)
    except phonenumbers.NumberParseException as exc:
        raise InvalidInput("phone is not a valid number", code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput("phone is not a valid number", code="invalid_phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """A form safe for logs and screens: the country prefix and the last two digits."""
    if len(e164) <= 5:
        return "+" + "*" * max(len(e164) - 1, 0)
    return e164[:3] + "*" * (len(e164) - 5) + e164[-2:]
