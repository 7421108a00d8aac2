"""The legal console (role legal_officer): the requests queue with deadlines and emergency
flags, each request with its checks and their outcomes and the targets' eligibility, the
two-officer decision (approve, then a different officer confirms; or reject), the 72-hour
re-review of emergency requests, and what the released package holds."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep
from parley.domain.errors import InvalidInput
from parley.domain.legal import RequestStatus, Rereview
from parley.domain.users import Role
from parley.services import legal
from parley.web.guard import Viewer, role_required
from parley.web.pages import CONSOLES, page

router = APIRouter(prefix="/console/legal", include_in_schema=False)
OfficerDep = Annotated[Viewer, role_required(Role.LEGAL_OFFICER)]
Note = Annotated[str, Form(max_length=2000)]
CONSOLES.append((Role.LEGAL_OFFICER, "/console/legal", "Legal"))
VIEWS = {
    "open": None,
    "released": [RequestStatus.RELEASED],
    "refused": [RequestStatus.REFUSED, RequestStatus.REJECTED],
}


def until(due: datetime | None, now: datetime) -> str:
    """A deadline as people read it: "in 3 h", "in 2 d", "overdue by 5 h"."""
    if due is None:
        return "—"
    seconds = (due - now).total_seconds()
    hours = abs(seconds) / 3600
    span = f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.0f} d"
    return f"in {span}" if seconds >= 0 else f"overdue by {span}"


@router.get("")
async def queue_page(
    request: Request,
    viewer: OfficerDep,
    ctx: CtxDep,
    view: Annotated[str, Query(max_length=16)] = "open",
    sort: Annotated[str, Query(max_length=16)] = "deadline",
) -> Response:
    if view not in VIEWS:
        raise InvalidInput("view is open, released or refused", code="invalid_view")
    found = await legal.list_queue(ctx, viewer.user_id, sort=sort, statuses=VIEWS[view])
    rereviews = await legal.list_rereviews(ctx, viewer.user_id, overdue_only=False)
    return page(
        request,
        "legal/queue.html",
        viewer=viewer,
        requests=found,
        view=view,
        sort=sort,
        rereviews=rereviews,
        now=ctx.clock.now(),
        until=until,
    )


@router.get("/requests/{request_pk}")
async def request_page(
    request: Request, request_pk: int, viewer: OfficerDep, ctx: CtxDep
) -> Response:
    view = await legal.get_request(ctx, viewer.user_id, request_pk=request_pk)
    return page(
        request, "legal/request.html", viewer=viewer, v=view, now=ctx.clock.now(), until=until
    )


@router.post("/requests/{request_pk}/approve")
async def approve(
    request: Request,
    request_pk: int,
    viewer: OfficerDep,
    ctx: CtxDep,
    note: Note = "",
    release: Annotated[list[int] | None, Form()] = None,
    data: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Targets not ticked are withheld, each with the reason typed beside it."""
    form = await request.form()
    withhold = {}
    for key, value in form.multi_items():
        if key.startswith("withhold_") and key[9:].isdigit() and isinstance(value, str):
            index = int(key[9:])
            if index not in (release or []) and value.strip():
                withhold[index] = value.strip()[:500]
    await legal.approve_request(
        ctx,
        viewer.user_id,
        request_pk=request_pk,
        release=release or [],
        data=data,
        withhold=withhold,
        note=note,
    )
    return RedirectResponse(f"/console/legal/requests/{request_pk}", status_code=303)


@router.post("/requests/{request_pk}/confirm")
async def confirm(request_pk: int, viewer: OfficerDep, ctx: CtxDep) -> Response:
    await legal.confirm_request(ctx, viewer.user_id, request_pk=request_pk)
    return RedirectResponse(f"/console/legal/requests/{request_pk}", status_code=303)


@router.post("/requests/{request_pk}/reject")
async def reject(
    request_pk: int, viewer: OfficerDep, ctx: CtxDep, reason: Annotated[str, Form(max_length=2000)]
) -> Response:
    await legal.reject_request(ctx, viewer.user_id, request_pk=request_pk, reason=reason)
    return RedirectResponse(f"/console/legal/requests/{request_pk}", status_code=303)


@router.post("/requests/{request_pk}/rereview")
async def rereview(
    request_pk: int,
    viewer: OfficerDep,
    ctx: CtxDep,
    outcome: Annotated[str, Form(max_length=16)],
    note: Note = "",
) -> Response:
    try:
        verdict = Rereview(outcome)
    except ValueError:
        raise InvalidInput("outcome is upheld or not_upheld", code="invalid_outcome") from None
    await legal.rereview_request(
        ctx, viewer.user_id, request_pk=request_pk, outcome=verdict, note=note
    )
    return RedirectResponse(f"/console/legal/requests/{request_pk}", status_code=303)
