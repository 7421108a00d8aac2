"""Cases: one open case per reported or flagged subject, the review queue ordered by priority,
and the case's history. Reports and detector flags fold into the open case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parley.domain.chats import ChatKind
from parley.domain.errors import Forbidden, InvalidInput, NotFound
from parley.domain.moderation import (
    Appeal,
    Case,
    CaseEvent,
    CaseSource,
    CaseState,
    Decision,
    Report,
    Subject,
    SubjectKind,
    clean_comment,
    queue_priority,
    report_confidence,
)
from parley.domain.users import Role, User
from parley.moderation.policy import load_policy
from parley.services import audit
from parley.services.context import Ctx
from parley.store.tx import Tx

CONTEXT_MESSAGES = 5
QUEUE_MAX = 200


@dataclass(frozen=True, slots=True)
class CaseDetail:
    case: Case
    reports: list[Report]
    events: list[CaseEvent]
    decisions: list[Decision]
    appeals: list[Appeal]
    author: User | None


def actor_of(user_id: int | None) -> audit.Actor:
    return audit.Actor.user(user_id) if user_id is not None else audit.Actor.system("moderation")


def subject_state(tx: Tx, subject: Subject) -> tuple[int | None, int, dict[str, Any]]:
    """(author, reach, snapshot) of a subject as it is now. The snapshot keeps what moderators
    need to judge it even if the author later edits or deletes it; a reported message comes with
    a few messages around it for context."""
    if subject.kind is SubjectKind.MESSAGE:
        assert subject.chat_id is not None and subject.message_id is not None
        chat = tx.chats.get(subject.chat_id)
        message = tx.messages.get(subject.chat_id, subject.message_id)
        if chat is None or message is None:
            raise NotFound("message not found", code="message_not_found")
        around = tx.messages.history(chat.id, before_id=message.id, limit=CONTEXT_MESSAGES,
                                     include_removed=True)[::-1]  # fmt: skip
        around += tx.messages.history(chat.id, after_id=message.id, limit=CONTEXT_MESSAGES,
                                      include_removed=True)  # fmt: skip
        snapshot = {
            "chat": {"id": chat.id, "kind": chat.kind.value, "title": chat.title,
                     "username": chat.username, "member_count": chat.member_count},
            "message": {"id": message.id, "sender_id": message.sender_id, "text": message.text,
                        "date": message.date.isoformat(), "media": message.media},
            "context": [{"id": m.id, "sender_id": m.sender_id, "text": m.text,
                         "date": m.date.isoformat()} for m in around],
        }  # fmt: skip
        author = message.sender_id
        if chat.kind is ChatKind.CHANNEL and author is None:
            author = chat.owner_id
        return author, chat.member_count, snapshot
    if subject.kind is SubjectKind.CHAT:
        assert subject.chat_id is not None
        chat = tx.chats.get(subject.chat_id)
        if chat is None:
            raise NotFound("chat not found", code="chat_not_found")
        about = {"id": chat.id, "kind": chat.kind.value, "title": chat.title,
                 "description": chat.description, "username": chat.username,
                 "member_count": chat.member_count, "owner_id": chat.owner_id}  # fmt: skip
        snapshot = {"chat": about}
        return chat.owner_id, chat.member_count, snapshot
    assert subject.user_id is not None
    user = tx.users.get(subject.user_id)
    if user is None:
        raise NotFound("user not found", code="user_not_found")
    snapshot = {"user": {"id": user.id, "username": user.username,
                         "display_name": user.display_name, "bio": user.bio}}  # fmt: skip
    return user.id, 100 if user.username else 1, snapshot


def open_or_fold(
    tx: Tx,
    *,
    subject: Subject,
    source: CaseSource,
    category: str | None,
    rule_id: str | None,
    at: datetime,
    actor: audit.Actor,
    model_score: float = 0.0,
    scores: dict[str, float] | None = None,
    new_report: bool = False,
) -> Case:
    """The open case about `subject`, created if needed, with its priority brought up to date."""
    policy = load_policy()
    author_id, reach, snapshot = subject_state(tx, subject)
    case = tx.cases.open_for(subject)
    if case is None:
        case_id = tx.cases.insert(
            subject=subject, author_id=author_id, source=source, category=category,
            rule_id=rule_id, priority=0.0, confidence=0.0, reach=reach, snapshot=snapshot,
            scores=scores or {}, at=at,
        )  # fmt: skip
        record_event(
            tx,
            case_id,
            "opened",
            at=at,
            actor=actor,
            data={"source": source.value, "category": category, "rule_id": rule_id},
        )
        case = tx.cases.get(case_id)
        assert case is not None
    reports = case.report_count + (1 if new_report else 0)
    score = max(model_score, case.scores.get(category or "", 0.0) if case.scores else 0.0)
    confidence = report_confidence(reports, score)
    cat = case.category or category
    severity = max((r.severity for r in policy.rules_in(cat)), default=3) if cat else 3
    values: dict[str, Any] = {
        "report_count": reports,
        "confidence": confidence,
        "reach": max(reach, case.reach),
        "priority": queue_priority(
            severity=severity, reach=max(reach, case.reach), confidence=confidence
        ),
        "updated_at": at,
    }
    if case.category is None and category is not None:
        values.update(category=category, rule_id=rule_id)
    if scores:
        values["scores"] = {**case.scores, **scores}
    tx.cases.update(case.id, **values)
    updated = tx.cases.get(case.id)
    assert updated is not None
    return updated


def record_event(tx: Tx, case_id: int, kind: str, *, at: datetime, actor: audit.Actor,
                 data: dict[str, Any] | None = None) -> None:  # fmt: skip
    """A case event, in the case's history and in the audit log."""
    tx.cases.add_event(case_id, kind=kind, at=at, actor_kind=actor.kind, actor_id=actor.id,
                       data=data or {})  # fmt: skip
    audit.record(tx, actor=actor, action=f"case.{kind}", subject_kind="case", subject_id=case_id,
                 at=at, data=data or {})  # fmt: skip


def require_moderator(tx: Tx, user_id: int) -> User:
    user = tx.users.get(user_id)
    if user is None or not user.has_role(Role.MODERATOR):
        raise Forbidden("this needs the moderator role", code="role_required")
    return user


async def list_queue(
    ctx: Ctx,
    moderator_id: int,
    *,
    state: str = "open",
    category: str | None = None,
    source: str | None = None,
    mine: bool = False,
    unassigned: bool = False,
    limit: int = 50,
    after: tuple[float, int] | None = None,
) -> list[Case]:
    """The review queue, highest priority first (severity × reach × confidence)."""
    states: tuple[str, ...]
    if state == "active":
        states = (CaseState.OPEN.value, CaseState.ESCALATED.value)
    elif state in {s.value for s in CaseState}:
        states = (state,)
    else:
        raise InvalidInput("state is open, escalated, resolved or active", code="invalid_state")
    if source is not None and source not in {s.value for s in CaseSource}:
        raise InvalidInput("source is report or automated", code="invalid_source")
    if not 1 <= limit <= QUEUE_MAX:
        raise InvalidInput(f"limit must be 1–{QUEUE_MAX}", code="invalid_limit")

    def run(tx: Tx) -> list[Case]:
        require_moderator(tx, moderator_id)
        return tx.cases.queue(states=states, category=category, source=source,
                              assignee_id=moderator_id if mine else None, unassigned=unassigned,
                              limit=limit, after=after)  # fmt: skip

    return await ctx.db.read(run)


async def get_case(ctx: Ctx, moderator_id: int, *, case_id: int) -> CaseDetail:
    def run(tx: Tx) -> CaseDetail:
        require_moderator(tx, moderator_id)
        case = tx.cases.get(case_id)
        if case is None:
            raise NotFound("case not found", code="case_not_found")
        decisions = tx.decisions.for_case(case_id)
        appeals = [a for d in decisions if (a := tx.appeals.for_decision(d.id)) is not None]
        author = tx.users.get(case.author_id) if case.author_id is not None else None
        return CaseDetail(case=case, reports=tx.reports.for_case(case_id),
                          events=tx.cases.events(case_id), decisions=decisions, appeals=appeals,
                          author=author)  # fmt: skip

    return await ctx.db.read(run)


async def assign_case(ctx: Ctx, moderator_id: int, *, case_id: int, assignee_id: int | None
                      ) -> Case:  # fmt: skip
    now = ctx.clock.now()

    def run(tx: Tx) -> Case:
        require_moderator(tx, moderator_id)
        if assignee_id is not None:
            require_moderator(tx, assignee_id)
        case = _open_case(tx, case_id)
        tx.cases.update(case.id, assignee_id=assignee_id, updated_at=now)
        record_event(tx, case.id, "assigned", at=now, actor=audit.Actor.user(moderator_id),
                     data={"assignee_id": assignee_id})  # fmt: skip
        updated = tx.cases.get(case.id)
        assert updated is not None
        return updated

    return await ctx.db.write(run)


async def comment_case(ctx: Ctx, moderator_id: int, *, case_id: int, text: str) -> None:
    body = clean_comment(text, limit=2000, field_name="comment", required=True)
    now = ctx.clock.now()

    def run(tx: Tx) -> None:
        require_moderator(tx, moderator_id)
        if tx.cases.get(case_id) is None:
            raise NotFound("case not found", code="case_not_found")
        record_event(tx, case_id, "comment", at=now, actor=audit.Actor.user(moderator_id),
                     data={"text": body})  # fmt: skip

    await ctx.db.write(run)


async def escalate_case(ctx: Ctx, moderator_id: int, *, case_id: int, reason: str) -> Case:
    why = clean_comment(reason, limit=1000, field_name="reason", required=True)
    now = ctx.clock.now()

    def run(tx: Tx) -> Case:
        require_moderator(tx, moderator_id)
        case = _open_case(tx, case_id)
        tx.cases.update(case.id, state=CaseState.ESCALATED.value, updated_at=now)
        record_event(tx, case.id, "escalated", at=now, actor=audit.Actor.user(moderator_id),
                     data={"reason": why})  # fmt: skip
        updated = tx.cases.get(case.id)
        assert updated is not None
        return updated

    return await ctx.db.write(run)


def _open_case(tx: Tx, case_id: int) -> Case:
    case = tx.cases.get(case_id)
    if case is None:
        raise NotFound("case not found", code="case_not_found")
    if case.state is CaseState.RESOLVED:
        raise InvalidInput("this case is resolved", code="case_resolved")
    return case
