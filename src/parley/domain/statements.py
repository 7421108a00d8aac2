"""Statements of reasons: what a moderation decision tells the person it affects (EU DSA
Art. 17 — what was done, on which ground, whether it was automated, how to appeal), in words
for people and in the field names of the DSA Transparency Database API for export."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parley.domain.moderation import CaseSource, SubjectKind

# Parley's policy categories in the Transparency Database's category vocabulary.
DSA_CATEGORY = {
    "drugs": "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
    "weapons": "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
    "fake_documents": "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
    "stolen_data": "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
    "fraud": "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
    "cybercrime": "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
    "csam": "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
    "terrorism": "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
    "spam": "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE",
    "hate_speech": "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
    "harassment": "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
    "misinformation": "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
}

_WHAT = {
    "none": "No action was taken.",
    "quarantine": "Your content was hidden from search while it is reviewed; people in the chat "
    "can still see it.",
    "remove": "Your content was removed.",
    "delist_chat": "Your chat was removed from search; its members can still use it.",
    "restrict_user": "Your account may no longer post in public chats.",
    "ban_user": "Your account was banned.",
}

_VISIBILITY = {
    "quarantine": ["DECISION_VISIBILITY_CONTENT_DEMOTED"],
    "remove": ["DECISION_VISIBILITY_CONTENT_REMOVED"],
    "delist_chat": ["DECISION_VISIBILITY_CONTENT_DEMOTED"],
}
_ACCOUNT = {"ban_user": "DECISION_ACCOUNT_TERMINATED", "restrict_user": None}
_PROVISION = {"restrict_user": "DECISION_PROVISION_PARTIAL_SUSPENSION"}
_CONTENT_TYPE = {
    SubjectKind.MESSAGE: "CONTENT_TYPE_TEXT",
    SubjectKind.CHAT: "CONTENT_TYPE_OTHER",
    SubjectKind.USER: "CONTENT_TYPE_OTHER",
}


def statement_of_reasons(
    *,
    decision_id: int,
    action: str,
    rule_id: str,
    rule_title: str,
    rule_description: str,
    category: str,
    subject_kind: SubjectKind,
    has_image: bool,
    source: CaseSource,
    automated_detection: bool,
    automated_decision: bool,
    facts: str,
    content_date: datetime | None,
    decided_at: datetime,
) -> dict[str, Any]:
    """The statement stored with a decision and sent to the affected user."""
    content_types = [_CONTENT_TYPE[subject_kind]] + (["CONTENT_TYPE_IMAGE"] if has_image else [])
    return {
        # for people
        "what": _WHAT.get(action, action),
        "action": action,
        "rule": {"id": rule_id, "title": rule_title},
        "why": facts or rule_description,
        "automated": "This was decided automatically." if automated_decision else (
            "A human moderator decided this" + (", after an automated detector flagged it."
                                                if automated_detection else ".")),
        "how_to_appeal": "You can appeal once: POST /api/v1/decisions/{id}/appeal or the Appeal "
        "button next to this notice. A different moderator will review it.".replace(
            "{id}", str(decision_id)),
        # the DSA Transparency Database API's fields
        "puid": f"parley-decision-{decision_id}",
        "decision_visibility": _VISIBILITY.get(action, []),
        "decision_account": _ACCOUNT.get(action),
        "decision_provision": _PROVISION.get(action),
        "decision_monetary": None,
        "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "incompatible_content_ground": rule_id,
        "incompatible_content_explanation": rule_description,
        "incompatible_content_illegal": "Yes" if category in _ILLEGAL else "No",
        "category": DSA_CATEGORY.get(category, "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"),
        "content_type": content_types,
        "source_type": "SOURCE_ARTICLE_16" if source is CaseSource.REPORT else "SOURCE_VOLUNTARY",
        "automated_detection": "Yes" if automated_detection else "No",
        "automated_decision": "AUTOMATED_DECISION_FULLY" if automated_decision
        else "AUTOMATED_DECISION_NOT_AUTOMATED",
        "decision_facts": facts or rule_description,
        "content_date": content_date.date().isoformat() if content_date else None,
        "application_date": decided_at.date().isoformat(),
    }  # fmt: skip


_ILLEGAL = frozenset(
    {"drugs", "weapons", "fake_documents", "stolen_data", "fraud", "cybercrime", "csam",
     "terrorism"}
)  # fmt: skip

DSA_EXPORT_FIELDS = (
    "puid", "decision_visibility", "decision_account", "decision_provision",
    "decision_monetary", "decision_ground", "incompatible_content_ground",
    "incompatible_content_explanation", "incompatible_content_illegal", "category",
    "content_type", "source_type", "automated_detection", "automated_decision",
    "decision_facts", "content_date", "application_date",
)  # fmt: skip


def dsa_export(statement: dict[str, Any]) -> dict[str, Any]:
    """A statement in the Transparency Database API's shape (field names only, no PII)."""
    return {k: statement.get(k) for k in DSA_EXPORT_FIELDS}
