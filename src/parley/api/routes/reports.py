from __future__ import annotations

from fastapi import APIRouter

from parley.api.deps import AnyPrincipalDep, CtxDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES
from parley.api.schemas.moderation import (
    AppealIn,
    AppealOut,
    DecisionOut,
    PolicyOut,
    ReportIn,
    ReportOut,
    appeal_out,
    decision_out,
    policy_out,
    report_out,
)
from parley.moderation.policy import load_policy
from parley.services import appeals, decisions, reports

router = APIRouter(tags=["reports and appeals"], responses=ERROR_RESPONSES)


@router.get(
    "/policy", response_model=PolicyOut, summary="The platform's rules (cite them in reports)"
)
async def get_policy() -> PolicyOut:
    return policy_out(load_policy())


@router.post("/reports", response_model=ReportOut, status_code=201,
             summary="Report a message, chat or user for breaking a rule")  # fmt: skip
async def file_report(body: ReportIn, principal: PrincipalDep, ctx: CtxDep) -> ReportOut:
    report = await reports.file_report(ctx, principal.user.id, subject=body.subject.to_subject(),
                                       rule_id=body.rule_id, comment=body.comment)  # fmt: skip
    return report_out(report)


@router.get("/me/reports", response_model=list[ReportOut], summary="Your reports and outcomes")
async def my_reports(principal: PrincipalDep, ctx: CtxDep) -> list[ReportOut]:
    return [report_out(r) for r in await reports.my_reports(ctx, principal.user.id)]


@router.get("/me/decisions", response_model=list[DecisionOut],
            summary="Moderation decisions about you, with their statements of reasons")  # fmt: skip
async def my_decisions(principal: AnyPrincipalDep, ctx: CtxDep) -> list[DecisionOut]:
    return [decision_out(d) for d in await decisions.decisions_about_me(ctx, principal.user.id)]


@router.get("/decisions/{decision_id}", response_model=DecisionOut,
            summary="One decision about you")  # fmt: skip
async def get_decision(decision_id: int, principal: AnyPrincipalDep, ctx: CtxDep) -> DecisionOut:
    return decision_out(await decisions.get_my_decision(ctx, principal.user.id,
                                                        decision_id=decision_id))  # fmt: skip


@router.post(
    "/decisions/{decision_id}/appeal",
    response_model=AppealOut,
    status_code=201,
    summary="Appeal a decision about you (once); a different moderator decides",
)
async def appeal(decision_id: int, body: AppealIn, principal: AnyPrincipalDep, ctx: CtxDep
                 ) -> AppealOut:  # fmt: skip
    return appeal_out(
        await appeals.appeal_decision(
            ctx, principal.user.id, decision_id=decision_id, text=body.text
        )
    )
