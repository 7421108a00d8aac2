from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES, Ok
from parley.api.schemas.moderation import (
    AppealDecideIn,
    AppealOut,
    AssignIn,
    BulkDecideIn,
    BulkOutcomeOut,
    CaseDetailOut,
    CaseOut,
    CommentIn,
    DecideIn,
    DecisionOut,
    EscalateIn,
    appeal_out,
    bulk_out,
    case_detail_out,
    case_out,
    decision_out,
)
from parley.domain.errors import InvalidInput
from parley.services import appeals, cases, decisions

router = APIRouter(prefix="/moderation", tags=["moderation"], responses=ERROR_RESPONSES)


def _after(cursor: str | None) -> tuple[float, int] | None:
    if cursor is None:
        return None
    priority, _, case_id = cursor.partition(":")
    try:
        return float(priority), int(case_id)
    except ValueError:
        raise InvalidInput("cursor is PRIORITY:CASE_ID of the last case seen",
                           code="invalid_cursor") from None  # fmt: skip


@router.get(
    "/cases",
    response_model=list[CaseOut],
    summary="The review queue, highest priority (severity × reach × confidence) first",
)
async def queue(
    principal: PrincipalDep,
    ctx: CtxDep,
    state: Annotated[str, Query(max_length=16)] = "active",
    category: Annotated[str | None, Query(max_length=32)] = None,
    source: Annotated[str | None, Query(max_length=16)] = None,
    mine: bool = False,
    unassigned: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=64)] = None,
) -> list[CaseOut]:
    found = await cases.list_queue(ctx, principal.user.id, state=state, category=category,
                                   source=source, mine=mine, unassigned=unassigned, limit=limit,
                                   after=_after(cursor))  # fmt: skip
    return [case_out(c) for c in found]


@router.get(
    "/cases/{case_id}",
    response_model=CaseDetailOut,
    summary="A case: content in context, scores, reports, history, decisions, appeals",
)
async def get_case(case_id: int, principal: PrincipalDep, ctx: CtxDep) -> CaseDetailOut:
    return case_detail_out(await cases.get_case(ctx, principal.user.id, case_id=case_id))


@router.post("/cases/{case_id}/assign", response_model=CaseOut, summary="Assign (or unassign)")
async def assign(case_id: int, body: AssignIn, principal: PrincipalDep, ctx: CtxDep) -> CaseOut:
    return case_out(
        await cases.assign_case(
            ctx, principal.user.id, case_id=case_id, assignee_id=body.assignee_id
        )
    )


@router.post("/cases/{case_id}/comment", response_model=Ok, summary="Add an internal note")
async def comment(case_id: int, body: CommentIn, principal: PrincipalDep, ctx: CtxDep) -> Ok:
    await cases.comment_case(ctx, principal.user.id, case_id=case_id, text=body.text)
    return Ok()


@router.post("/cases/{case_id}/escalate", response_model=CaseOut, summary="Escalate a case")
async def escalate(case_id: int, body: EscalateIn, principal: PrincipalDep, ctx: CtxDep
                   ) -> CaseOut:  # fmt: skip
    return case_out(
        await cases.escalate_case(ctx, principal.user.id, case_id=case_id, reason=body.reason)
    )


@router.post(
    "/cases/{case_id}/decide",
    response_model=DecisionOut,
    summary="Decide a case, citing a rule; the affected user gets a statement of reasons",
)
async def decide(case_id: int, body: DecideIn, principal: PrincipalDep, ctx: CtxDep
                 ) -> DecisionOut:  # fmt: skip
    decision = await decisions.decide_case(ctx, principal.user.id, case_id=case_id,
                                           action=body.action, rule_id=body.rule_id,
                                           reasons=body.reasons)  # fmt: skip
    return decision_out(decision)


@router.post("/cases/decide", response_model=list[BulkOutcomeOut],
             summary="The same decision on many cases")  # fmt: skip
async def decide_many(body: BulkDecideIn, principal: PrincipalDep, ctx: CtxDep
                      ) -> list[BulkOutcomeOut]:  # fmt: skip
    outcomes = await decisions.decide_cases(ctx, principal.user.id, case_ids=body.case_ids,
                                            action=body.action, rule_id=body.rule_id,
                                            reasons=body.reasons)  # fmt: skip
    return [bulk_out(o) for o in outcomes]


@router.get("/appeals", response_model=list[AppealOut], summary="The appeals queue")
async def list_appeals(
    principal: PrincipalDep, ctx: CtxDep, state: Annotated[str, Query(max_length=16)] = "open"
) -> list[AppealOut]:
    return [appeal_out(a) for a in await appeals.list_appeals(ctx, principal.user.id, state=state)]


@router.post(
    "/appeals/{appeal_id}/decide",
    response_model=AppealOut,
    summary="Uphold or reverse the decision appealed (a different moderator)",
)
async def decide_appeal(appeal_id: int, body: AppealDecideIn, principal: PrincipalDep,
                        ctx: CtxDep) -> AppealOut:  # fmt: skip
    return appeal_out(
        await appeals.decide_appeal(
            ctx, principal.user.id, appeal_id=appeal_id, outcome=body.outcome, reasons=body.reasons
        )
    )
