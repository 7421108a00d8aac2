"""Readiness: can the store be reached, and is its schema at the code's migration head."""

from __future__ import annotations

import asyncio
from typing import Any

from parley.services.context import Ctx
from parley.store import migrate


async def readiness(ctx: Ctx) -> dict[str, Any]:
    url = ctx.db.url
    try:
        current = await asyncio.to_thread(migrate.current_revision, url)
    except Exception as error:  # the store is down: report, don't raise
        return {"ready": False, "store": f"unreachable: {type(error).__name__}"}
    head = migrate.head_revision(url)
    return {"ready": current == head, "store": "ok", "schema": current, "expected_schema": head}
