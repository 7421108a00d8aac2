"""Trust and safety: what can be reported, cases and their states, decisions and appeals, the
priority of the review queue, and the statement of reasons a decision sends.

Pure types and rules; the workflow lives in services/ (reports, cases, decisions, appeals)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parley.domain.errors import InvalidInput


class SubjectKind(StrEnum):
    MESSAGE = "message"
    CHAT = "chat"
    USER = "user"


@dataclass(frozen=True, slots=True)
class Subject:
    """What a report, case or decision is about."""

    kind: SubjectKind
    chat_id: int | None = None
    message_id: int | None = None
    user_id: int | None = None

    @property
    def key(self) -> str:
        if self.kind is SubjectKind.MESSAGE:
            return f"{self.chat_id}:{self.message_id}"
        if self.kind is SubjectKind.CHAT:
            return str(self.chat_id)
        return str(self.user_id)

    @classmethod
    def message(cls, chat_id: int, message_id: int) -> Subject:
        return cls(SubjectKind.MESSAGE, chat_id=chat_id, message_id=message_id)

    @classmethod
    def chat(cls, chat_id: int) -> Subject:
        return cls(SubjectKind.CHAT, chat_id=chat_id)

    @classmethod
    def user(cls, user_id: int) -> Subject:
        return cls(SubjectKind.USER, user_id=user_id)

    @classmethod
    def parse(cls, kind: str, key: str) -> Subject:
        try:
            k = SubjectKind(kind)
            if k is SubjectKind.MESSAGE:
                chat, _, message = key.partition(":")
                return cls.message(int(chat), int(message))
            if k is SubjectKind.CHAT:
                return cls.chat(int(key))
            return cls.user(int(key))
        except ValueError as error:
            raise InvalidInput(f"not a subject: {kind} {key}", code="invalid_subject") from error


class CaseState(StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"  # needs a senior look (policy question, legal risk, CSAM)
    RESOLVED = "resolved"


class CaseSource(StrEnum):
    REPORT = "report"  # a user's notice (DSA Art. 16)
    AUTOMATED = "automated"  # a detector: text classifier or hash bank


class AppealState(StrEnum):
    OPEN = "open"
    UPHELD = "upheld"  # the decision stands
    REVERSED = "reversed"  # the decision is undone


class AppealOutcome(StrEnum):
    UPHOLD = "uphold"
    REVERSE = "reverse"


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    subject: Subject
    author_id: int | None
    state: CaseState
    source: CaseSource
    category: str | None
    rule_id: str | None
    priority: float
    confidence: float
    reach: int
    report_count: int
    snapshot: dict[str, Any]
    scores: dict[str, float]
    assignee_id: int | None
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None = None
    first_action_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Report:
    id: int
    case_id: int
    reporter_id: int
    subject: Subject
    rule_id: str
    comment: str
    created_at: datetime
    outcome: str | None = None
    notified_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CaseEvent:
    case_id: int
    seq: int
    kind: str
    at: datetime
    actor_kind: str
    actor_id: str | None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    case_id: int | None
    subject: Subject
    affected_user_id: int | None
    action: str  # parley.moderation.policy.Action value
    rule_id: str
    category: str
    automated: bool
    moderator_id: int | None
    reasons: str
    statement: dict[str, Any]
    restore: dict[str, Any]  # what to put back if the decision is reversed
    created_at: datetime
    reversed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Appeal:
    id: int
    decision_id: int
    appellant_id: int
    text: str
    state: AppealState
    created_at: datetime
    decider_id: int | None = None
    outcome_reasons: str | None = None
    decided_at: datetime | None = None


REPORT_COMMENT_MAX = 1000
REASONS_MAX = 2000
APPEAL_TEXT_MAX = 2000


def clean_comment(text: str, *, limit: int, field_name: str, required: bool = False) -> str:
    if not isinstance(text, str) or "\x00" in text:
        raise InvalidInput(f"{field_name} must be text", code=f"invalid_{field_name}")
    text = text.strip()
    if required and not text:
        raise InvalidInput(f"{field_name} is required", code=f"invalid_{field_name}")
    if len(text) > limit:
        raise InvalidInput(f"{field_name} is longer than {limit} characters",
                           code=f"invalid_{field_name}")  # fmt: skip
    return text


def queue_priority(*, severity: int, reach: int, confidence: float) -> float:
    """Severity × reach × confidence: the review queue's order. Reach counts the people who can
    see the content (chat members, search exposure); its log keeps one huge channel from
    drowning every other case, confidence is the detector's probability or grows with reports."""
    return round(severity * math.log10(10 + max(reach, 0)) * (0.25 + min(max(confidence, 0), 1)), 4)


def report_confidence(report_count: int, model_score: float = 0.0) -> float:
    """Each independent report halves the remaining doubt; a detector's score is a floor."""
    return max(model_score, 1 - 0.5**report_count)
