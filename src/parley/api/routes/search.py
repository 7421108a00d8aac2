from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import CtxDep, PrincipalDep, require_role
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.search import SearchOut, TopQueriesOut, search_out, top_queries_out
from parley.domain.users import Role
from parley.services import search as search_service
from parley.services.search_rules import Scope

router = APIRouter(tags=["search"], responses=ERROR_RESPONSES)

_DESCRIPTION = """
Search public chats, people and messages, and your own chats.

**Scopes**
- `global` (default): messages in public, listed groups and channels; the first page leads
  with up to 5 matching public chats and people.
- `mine`: messages in the chats you belong to, private ones included.
- `messages`: messages in public chats and in yours (no chats or people).
- `chats`: public groups and channels by @username, title and description, and your own
  groups and channels by title.
- `users`: people and bots by @username and display name. A phone number finds its owner
  only if they allowed it (`phone_searchable`).

**Query** (1–256 characters): every word must match; the last word also matches the words it
begins, as you type (`parl` finds `parley`). Case, accents and letter variants do not matter
(`cafe` finds `Café`, `елка` finds `Ёлка`, Arabic alef forms and tashkeel are folded).
`"quoted words"` must appear in that order; `#tag` matches that hashtag exactly. Nothing else
is syntax: brackets, `AND`/`OR`, `*` and the like are read as plain separators.

Results are ranked by relevance, with a boost for an exact @username, for larger chats and
for recent posts. Only content you may see is returned: in global results, only visible
messages in listed public chats from authors who are not banned. Page with `cursor` (the
previous page's `next_cursor`, with the same query and filters).
"""


@router.get("/search", response_model=SearchOut, summary="Search chats, people and messages",
            description=_DESCRIPTION)  # fmt: skip
async def search(
    principal: PrincipalDep,
    ctx: CtxDep,
    q: Annotated[str, Query(description="what to look for, at most 256 characters")],
    scope: Scope = Scope.GLOBAL,
    chat: Annotated[
        str | None, Query(max_length=64, description="messages in this chat: id or @username")
    ] = None,
    sender: Annotated[
        str | None,
        Query(alias="from", max_length=64, description="messages by this user: id or @username"),
    ] = None,
    after: Annotated[datetime | None, Query(description="messages sent at or after")] = None,
    before: Annotated[datetime | None, Query(description="messages sent before")] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> SearchOut:
    page = await search_service.search(
        ctx, principal.user.id, q=q, scope=scope, chat=chat, sender=sender, after=after,
        before=before, cursor=cursor, limit=limit,
    )  # fmt: skip
    return search_out(page)


@router.get(
    "/moderation/search-queries",
    response_model=TopQueriesOut,
    tags=["moderation"],
    summary="What global search is used for: the most asked queries (moderators)",
    description="Normalized query text and how often it was asked over the last `days` days; "
    "never who asked. Counts global, message and chat searches that found something.",
    dependencies=[require_role(Role.MODERATOR)],
)
async def search_queries(
    ctx: CtxDep,
    days: Annotated[int, Query(ge=1, le=366)] = 7,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> TopQueriesOut:
    since, found = await search_service.top_queries(ctx, days=days, limit=limit)
    return top_queries_out(since, found)
