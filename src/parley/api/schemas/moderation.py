from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from parley.api.schemas.common import Model
from parley.api.schemas.users import UserOut, user_out
from parley.domain.moderation import Appeal, Case, CaseEvent, Decision, Report, Subject
from parley.moderation.policy import Policy
from parley.services.cases import CaseDetail
from parley.services.decisions import BulkOutcome


class SubjectIn(Model):
    """Exactly one of: a message (chat_id + message_id), a chat (chat_id), a user (user_id)."""

    chat_id: int | None = None
    message_id: int | None = None
    user_id: int | None = None

    @model_validator(mode="after")
    def _one(self) -> SubjectIn:
        if self.user_id is not None and (self.chat_id is not None or self.message_id is not None):
            raise ValueError("give a user_id, or a chat_id (with a message_id for a message)")
        if self.user_id is None and self.chat_id is None:
            raise ValueError("give a user_id, or a chat_id (with a message_id for a message)")
        return self

    def to_subject(self) -> Subject:
        if self.user_id is not None:
            return Subject.user(self.user_id)
        assert self.chat_id is not None
        if self.message_id is not None:
            return Subject.message(self.chat_id, self.message_id)
        return Subject.chat(self.chat_id)


class SubjectOut(BaseModel):
    kind: str
    chat_id: int | None
    message_id: int | None
    user_id: int | None


class ReportIn(Model):
    subject: SubjectIn
    rule_id: str = Field(max_length=64)
    comment: str = Field(default="", max_length=2000)


class ReportOut(BaseModel):
    id: int
    case_id: int
    subject: SubjectOut
    rule_id: str
    comment: str
    created_at: datetime
    outcome: str | None


class DecideIn(Model):
    action: Literal["none", "quarantine", "remove", "delist_chat", "restrict_user", "ban_user"]
    rule_id: str = Field(max_length=64)
    reasons: str = Field(default="", max_length=4000)


class BulkDecideIn(DecideIn):
    case_ids: list[int] = Field(min_length=1, max_length=100)


class BulkOutcomeOut(BaseModel):
    case_id: int
    decision_id: int | None
    error: str | None


class AssignIn(Model):
    assignee_id: int | None


class CommentIn(Model):
    text: str = Field(max_length=4000)


class EscalateIn(Model):
    reason: str = Field(max_length=2000)


class AppealIn(Model):
    text: str = Field(max_length=4000)


class AppealDecideIn(Model):
    outcome: Literal["uphold", "reverse"]
    reasons: str = Field(max_length=4000)


class CaseOut(BaseModel):
    id: int
    subject: SubjectOut
    author_id: int | None
    state: str
    source: str
    category: str | None
    rule_id: str | None
    priority: float
    confidence: float
    reach: int
    report_count: int
    scores: dict[str, float]
    snapshot: dict[str, Any]
    assignee_id: int | None
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None


class CaseEventOut(BaseModel):
    seq: int
    kind: str
    at: datetime
    actor_kind: str
    actor_id: str | None
    data: dict[str, Any]


class DecisionOut(BaseModel):
    id: int
    case_id: int | None
    subject: SubjectOut
    action: str
    rule_id: str
    category: str
    automated: bool
    moderator_id: int | None
    reasons: str
    statement: dict[str, Any]
    created_at: datetime
    reversed_at: datetime | None


class AppealOut(BaseModel):
    id: int
    decision_id: int
    appellant_id: int
    text: str
    state: str
    created_at: datetime
    decider_id: int | None
    outcome_reasons: str | None
    decided_at: datetime | None


class CaseDetailOut(BaseModel):
    case: CaseOut
    author: UserOut | None
    reports: list[ReportOut]
    events: list[CaseEventOut]
    decisions: list[DecisionOut]
    appeals: list[AppealOut]


class RuleOut(BaseModel):
    id: str
    title: str
    category: str
    severity: int
    default_action: str
    disclosable: bool
    description: str


class PolicyOut(BaseModel):
    version: str
    rules: list[RuleOut]


def subject_out(s: Subject) -> SubjectOut:
    return SubjectOut(kind=s.kind.value, chat_id=s.chat_id, message_id=s.message_id,
                      user_id=s.user_id)  # fmt: skip


def report_out(r: Report) -> ReportOut:
    return ReportOut(id=r.id, case_id=r.case_id, subject=subject_out(r.subject),
                     rule_id=r.rule_id, comment=r.comment, created_at=r.created_at,
                     outcome=r.outcome)  # fmt: skip


def case_out(c: Case) -> CaseOut:
    return CaseOut(
        id=c.id, subject=subject_out(c.subject), author_id=c.author_id, state=c.state.value,
        source=c.source.value, category=c.category, rule_id=c.rule_id, priority=c.priority,
        confidence=c.confidence, reach=c.reach, report_count=c.report_count, scores=c.scores,
        snapshot=c.snapshot, assignee_id=c.assignee_id, created_at=c.created_at,
        updated_at=c.updated_at, resolved_at=c.resolved_at,
    )  # fmt: skip


def decision_out(d: Decision) -> DecisionOut:
    return DecisionOut(
        id=d.id, case_id=d.case_id, subject=subject_out(d.subject), action=d.action,
        rule_id=d.rule_id, category=d.category, automated=d.automated,
        moderator_id=d.moderator_id, reasons=d.reasons, statement=d.statement,
        created_at=d.created_at, reversed_at=d.reversed_at,
    )  # fmt: skip


def appeal_out(a: Appeal) -> AppealOut:
    return AppealOut(
        id=a.id, decision_id=a.decision_id, appellant_id=a.appellant_id, text=a.text,
        state=a.state.value, created_at=a.created_at, decider_id=a.decider_id,
        outcome_reasons=a.outcome_reasons, decided_at=a.decided_at,
    )  # fmt: skip


def event_out(e: CaseEvent) -> CaseEventOut:
    return CaseEventOut(seq=e.seq, kind=e.kind, at=e.at, actor_kind=e.actor_kind,
                        actor_id=e.actor_id, data=e.data)  # fmt: skip


def case_detail_out(d: CaseDetail) -> CaseDetailOut:
    return CaseDetailOut(
        case=case_out(d.case), author=user_out(d.author) if d.author else None,
        reports=[report_out(r) for r in d.reports], events=[event_out(e) for e in d.events],
        decisions=[decision_out(x) for x in d.decisions],
        appeals=[appeal_out(a) for a in d.appeals],
    )  # fmt: skip


def bulk_out(o: BulkOutcome) -> BulkOutcomeOut:
    return BulkOutcomeOut(case_id=o.case_id, decision_id=o.decision_id, error=o.error)


def policy_out(p: Policy) -> PolicyOut:
    return PolicyOut(version=p.version, rules=[
        RuleOut(id=r.id, title=r.title, category=r.category, severity=r.severity,
                default_action=r.default_action.value, disclosable=r.disclosable,
                description=r.description) for r in p.rules])  # fmt: skip
