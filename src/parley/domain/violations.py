"""Violations: the record a moderation decision leaves when it upholds a rule breach.

A violation, and only a violation, makes a user's phone number and IP addresses disclosable to a
valid legal request — and only when the rule's category is disclosable under the policy and
matches the request's offence (DESIGN.md, violations). A reversal on appeal voids it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Violation:
    id: int
    user_id: int
    rule_id: str
    category: str
    decision_id: int
    subject_kind: str  # message | chat | user
    subject_id: str  # "chat_id:message_id" for messages, the id otherwise
    created_at: datetime
    voided_at: datetime | None = None
    void_reason: str | None = None

    @property
    def is_confirmed(self) -> bool:
        return self.voided_at is None
