"""Reporting and its answers, for every user: the Report form on any message, chat or profile
(a rule from the policy and a comment), the decisions about you with their statements of
reasons and the appeal form, and the outcomes of your reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from parley.api.deps import CtxDep
from parley.domain.errors import DomainError, InvalidInput
from parley.domain.moderation import Subject, SubjectKind
from parley.services import appeals, consoles, reports
from parley.web.guard import BannedToo, ViewerDep
from parley.web.pages import page

router = APIRouter(include_in_schema=False)
Id = Annotated[int | None, Query(ge=1)]
FormId = Annotated[int | None, Form(ge=1)]


def subject_of(kind: str, chat: int | None, message: int | None, user: int | None) -> Subject:
    if kind == SubjectKind.MESSAGE and chat and message:
        return Subject.message(chat, message)
    if kind == SubjectKind.CHAT and chat:
        return Subject.chat(chat)
    if kind == SubjectKind.USER and user:
        return Subject.user(user)
    raise InvalidInput("say what you report: a message, a chat or a user", code="invalid_subject")


def back_link(subject: Subject) -> str:
    if subject.kind is SubjectKind.MESSAGE:
        return f"/chats/{subject.chat_id}#m-{subject.message_id}"
    if subject.kind is SubjectKind.CHAT:
        return f"/chats/{subject.chat_id}"
    return f"/u/{subject.user_id}"


@router.get("/report")
async def report_page(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    kind: Annotated[str, Query(max_length=8)] = "",
    chat: Id = None,
    message: Id = None,
    user: Id = None,
) -> Response:
    subject = subject_of(kind, chat, message, user)
    return page(
        request,
        "report.html",
        viewer=viewer,
        subject=subject,
        back=back_link(subject),
        policy=consoles.policy_of(ctx),
        error=None,
        rule_id="",
        comment="",
    )


@router.post("/report")
async def file_report(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    kind: Annotated[str, Form(max_length=8)],
    rule_id: Annotated[str, Form(max_length=64)] = "",
    comment: Annotated[str, Form(max_length=1000)] = "",
    chat: FormId = None,
    message: FormId = None,
    user: FormId = None,
) -> Response:
    subject = subject_of(kind, chat, message, user)
    try:
        if not rule_id:
            raise InvalidInput("choose the rule it breaks", code="unknown_rule")
        await reports.file_report(
            ctx, viewer.user_id, subject=subject, rule_id=rule_id, comment=comment
        )
    except DomainError as error:
        return page(
            request,
            "report.html",
            viewer=viewer,
            subject=subject,
            back=back_link(subject),
            policy=consoles.policy_of(ctx),
            error=error.message,
            rule_id=rule_id,
            comment=comment,
            status_code=400,
        )
    return page(request, "report_sent.html", viewer=viewer, back=back_link(subject))


@router.get("/decisions")
async def my_decisions_page(
    request: Request, viewer: BannedToo, ctx: CtxDep, appealed: bool = False
) -> Response:
    mine = await consoles.load_my_moderation(ctx, viewer.user_id)
    return page(request, "decisions.html", viewer=viewer, mine=mine, appealed=appealed)


@router.post("/decisions/{decision_id}/appeal")
async def appeal(
    decision_id: int, viewer: BannedToo, ctx: CtxDep, text: Annotated[str, Form(max_length=2000)]
) -> Response:
    await appeals.appeal_decision(ctx, viewer.user_id, decision_id=decision_id, text=text)
    return RedirectResponse("/decisions?appealed=true", status_code=303)
