"""The moderator console (role moderator): the queue by priority with filters and bulk
decisions, a case with its content in context, model scores, reports, history and the
decision form citing a rule, and the appeals queue."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep
from parley.domain.errors import InvalidInput
from parley.domain.users import Role
from parley.services import appeals, cases, consoles, decisions
from parley.web.guard import Viewer, role_required
from parley.web.pages import CONSOLES, page

router = APIRouter(prefix="/console/moderation", include_in_schema=False)
ModeratorDep = Annotated[Viewer, role_required(Role.MODERATOR)]
Reasons = Annotated[str, Form(max_length=2000)]
ACTIONS = [
    ("none", "No action"),
    ("quarantine", "Quarantine (hide from search)"),
    ("remove", "Remove the content"),
    ("delist_chat", "Delist the chat from search"),
    ("restrict_user", "Restrict the author"),
    ("ban_user", "Ban the author"),
]
CONSOLES.append((Role.MODERATOR, "/console/moderation", "Moderation"))


def _cursor(raw: str | None) -> tuple[float, int] | None:
    if not raw:
        return None
    priority, _, case_id = raw.partition(":")
    try:
        return float(priority), int(case_id)
    except ValueError:
        raise InvalidInput("the cursor is malformed", code="invalid_cursor") from None


@router.get("")
async def queue_page(
    request: Request,
    viewer: ModeratorDep,
    ctx: CtxDep,
    state: Annotated[str, Query(max_length=16)] = "active",
    category: Annotated[str, Query(max_length=40)] = "",
    source: Annotated[str, Query(max_length=16)] = "",
    mine: bool = False,
    unassigned: bool = False,
    cursor: Annotated[str | None, Query(max_length=64)] = None,
    done: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    queue = await consoles.load_queue(
        ctx,
        viewer.user_id,
        state=state,
        category=category or None,
        source=source or None,
        mine=mine,
        unassigned=unassigned,
        after=_cursor(cursor),
    )
    filters = {
        "state": state,
        "category": category,
        "source": source,
        "mine": mine,
        "unassigned": unassigned,
    }
    return page(
        request,
        "moderation/queue.html",
        viewer=viewer,
        queue=queue,
        filters=filters,
        actions=ACTIONS,
        done=done,
    )


@router.post("/bulk")
async def bulk_decide(
    viewer: ModeratorDep,
    ctx: CtxDep,
    action: Annotated[str, Form(max_length=20)],
    rule_id: Annotated[str, Form(max_length=64)],
    reasons: Reasons = "",
    case_ids: Annotated[list[int] | None, Form()] = None,
) -> Response:
    if not case_ids:
        raise InvalidInput("select the cases to decide", code="invalid_cases")
    outcomes = await decisions.decide_cases(
        ctx, viewer.user_id, case_ids=case_ids, action=action, rule_id=rule_id, reasons=reasons
    )
    decided = sum(1 for o in outcomes if o.decision_id is not None)
    failed = len(outcomes) - decided
    note = f"{decided} decided" + (f", {failed} not (already decided or gone)" if failed else "")
    return RedirectResponse(f"/console/moderation?done={quote(note)}", status_code=303)


@router.get("/cases/{case_id}")
async def case_page(request: Request, case_id: int, viewer: ModeratorDep, ctx: CtxDep) -> Response:
    found = await consoles.load_case(ctx, viewer.user_id, case_id=case_id)
    return page(request, "moderation/case.html", viewer=viewer, found=found, actions=ACTIONS)


@router.post("/cases/{case_id}/decide")
async def decide(
    case_id: int,
    viewer: ModeratorDep,
    ctx: CtxDep,
    action: Annotated[str, Form(max_length=20)],
    rule_id: Annotated[str, Form(max_length=64)],
    reasons: Reasons = "",
) -> Response:
    await decisions.decide_case(
        ctx, viewer.user_id, case_id=case_id, action=action, rule_id=rule_id, reasons=reasons
    )
    return RedirectResponse(f"/console/moderation/cases/{case_id}#decisions", status_code=303)


@router.post("/cases/{case_id}/assign")
async def assign(
    case_id: int, viewer: ModeratorDep, ctx: CtxDep, to_me: Annotated[bool, Form()] = True
) -> Response:
    await cases.assign_case(
        ctx, viewer.user_id, case_id=case_id, assignee_id=viewer.user_id if to_me else None
    )
    return RedirectResponse(f"/console/moderation/cases/{case_id}", status_code=303)


@router.post("/cases/{case_id}/comment")
async def comment(
    case_id: int, viewer: ModeratorDep, ctx: CtxDep, text: Annotated[str, Form(max_length=2000)]
) -> Response:
    await cases.comment_case(ctx, viewer.user_id, case_id=case_id, text=text)
    return RedirectResponse(f"/console/moderation/cases/{case_id}#history", status_code=303)


@router.post("/cases/{case_id}/escalate")
async def escalate(
    case_id: int, viewer: ModeratorDep, ctx: CtxDep, reason: Annotated[str, Form(max_length=1000)]
) -> Response:
    await cases.escalate_case(ctx, viewer.user_id, case_id=case_id, reason=reason)
    return RedirectResponse(f"/console/moderation/cases/{case_id}", status_code=303)


@router.get("/appeals")
async def appeals_page(
    request: Request,
    viewer: ModeratorDep,
    ctx: CtxDep,
    state: Annotated[str, Query(max_length=16)] = "open",
) -> Response:
    found = await consoles.load_appeals(ctx, viewer.user_id, state=state)
    return page(request, "moderation/appeals.html", viewer=viewer, found=found, state=state)


@router.post("/appeals/{appeal_id}/decide")
async def decide_appeal(
    appeal_id: int,
    viewer: ModeratorDep,
    ctx: CtxDep,
    outcome: Annotated[str, Form(max_length=10)],
    reasons: Reasons,
) -> Response:
    await appeals.decide_appeal(
        ctx, viewer.user_id, appeal_id=appeal_id, outcome=outcome, reasons=reasons
    )
    return RedirectResponse("/console/moderation/appeals", status_code=303)
