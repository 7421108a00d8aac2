"""Reporting periods: half-years, as transparency reports count them ("2026-H2")."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from parley.domain.errors import InvalidInput

_HALF_YEAR = re.compile(r"^(\d{4})-H([12])$")


def half_year_of(when: datetime) -> str:
    when = when.astimezone(UTC)
    return f"{when.year}-H{1 if when.month <= 6 else 2}"


def half_year_bounds(label: str) -> tuple[datetime, datetime]:
    """[start, end) of a half-year such as 2026-H2, in UTC."""
    match = _HALF_YEAR.match(label.strip())
    if not match or not 2000 <= int(match.group(1)) <= 9998:
        raise InvalidInput(
            "a period looks like 2026-H2 (a year and H1 or H2)", code="invalid_period"
        )
    year, half = int(match.group(1)), int(match.group(2))
    if half == 1:
        return datetime(year, 1, 1, tzinfo=UTC), datetime(year, 7, 1, tzinfo=UTC)
    return datetime(year, 7, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
