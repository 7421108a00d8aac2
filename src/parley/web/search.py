"""Search for the client: one box with tabs (all, chats, people, messages) whose results come
as you type (htmx asks for the results fragment), pages by cursor, and a Report action on
every result. Moderators also get the most asked queries (/console/moderation/searches)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from parley.api.deps import CtxDep
from parley.domain.errors import DomainError, RateLimited
from parley.domain.users import Role
from parley.services import search as search_service
from parley.services.search_rules import FoundChat, FoundMessage, FoundUser, Scope
from parley.web.guard import Viewer, ViewerDep, role_required
from parley.web.pages import page

router = APIRouter(include_in_schema=False)
TABS = [
    ("all", "All", Scope.GLOBAL),
    ("chats", "Chats", Scope.CHATS),
    ("people", "People", Scope.USERS),
    ("messages", "Messages", Scope.MESSAGES),
]
SCOPES = {key: scope for key, _, scope in TABS}
ModeratorDep = Annotated[Viewer, role_required(Role.MODERATOR)]


def _kind(found: object) -> str:
    if isinstance(found, FoundChat):
        return "chat"
    if isinstance(found, FoundUser):
        return "user"
    assert isinstance(found, FoundMessage)
    return "message"


@router.get("/search")
async def search_page(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    q: Annotated[str, Query(max_length=256)] = "",
    tab: Annotated[str, Query(max_length=16)] = "all",
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Response:
    tab = tab if tab in SCOPES else "all"
    results: list[tuple[str, object]] = []
    next_cursor, error = None, None
    if q.strip():
        try:
            found = await search_service.search(
                ctx, viewer.user_id, q=q, scope=SCOPES[tab], cursor=cursor, limit=20
            )
            results = [(_kind(r), r) for r in found.results]
            next_cursor = found.next_cursor
        except RateLimited:
            raise  # 429 with Retry-After, shown in the status area
        except DomainError as failure:
            error = failure.message
    fragment = bool(request.headers.get("hx-request")) and not request.headers.get("hx-boosted")
    name = "fragments/search_results.html" if fragment else "search.html"
    return page(
        request,
        name,
        viewer=viewer,
        q=q,
        tab=tab,
        tabs=TABS,
        results=results,
        next_cursor=next_cursor,
        error=error,
        cursor=cursor,
    )


@router.get("/console/moderation/searches")
async def top_searches(
    request: Request,
    viewer: ModeratorDep,
    ctx: CtxDep,
    days: Annotated[int, Query(ge=1, le=366)] = 7,
) -> Response:
    since, found = await search_service.top_queries(ctx, days=days, limit=50)
    peak = max((q.count for q in found), default=0)
    return page(
        request,
        "moderation/searches.html",
        viewer=viewer,
        since=since,
        found=found,
        days=days,
        peak=peak,
    )
