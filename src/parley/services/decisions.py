"""Decisions: what a moderator (or, within limits, a detector) does about a case — no action,
quarantine, remove, delist the chat, restrict or ban the user — always citing a rule, always
with a statement of reasons to the person affected, and, when a breach is upheld, a violation
record (the only thing that can make personal data disclosable; see services/legal.py).
Confirmed violations count as strikes, which escalate to restriction and then a ban."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from parley.bus import Topics
from parley.domain.chats import ChatStatus
from parley.domain.errors import Conflict, InvalidInput, NotFound
from parley.domain.events import ChatEventKind
from parley.domain.messages import Visibility
from parley.domain.moderation import (
    REASONS_MAX,
    Case,
    CaseSource,
    CaseState,
    Decision,
    Subject,
    SubjectKind,
    clean_comment,
)
from parley.domain.statements import statement_of_reasons
from parley.domain.users import UserKind, UserStatus
from parley.moderation.policy import Action, Policy, Rule, Thresholds, load_policy
from parley.services import audit
from parley.services.cases import record_event, require_moderator
from parley.services.context import Ctx
from parley.services.notices import notify
from parley.services.sequence import Changes, publish
from parley.store.tx import Tx

ALLOWED = {
    SubjectKind.MESSAGE: {Action.NONE, Action.QUARANTINE, Action.REMOVE, Action.DELIST_CHAT,
                          Action.RESTRICT_USER, Action.BAN_USER},
    SubjectKind.CHAT: {Action.NONE, Action.DELIST_CHAT, Action.RESTRICT_USER, Action.BAN_USER},
    SubjectKind.USER: {Action.NONE, Action.RESTRICT_USER, Action.BAN_USER},
}  # fmt: skip
BULK_MAX = 100


def effective_policy(ctx: Ctx) -> Policy:
    """The packaged policy with the thresholds configuration overrides."""
    overrides = {name: Thresholds(quarantine=q, remove=r)
                 for name, (q, r) in ctx.settings.moderation_thresholds.items()}  # fmt: skip
    policy = load_policy()
    return policy.with_thresholds(overrides) if overrides else policy


@dataclass(frozen=True, slots=True)
class Strikes:
    """How many confirmed violations within `window_days` restrict, then ban, an account."""

    restrict: int
    ban: int
    window_days: int

    @classmethod
    def of(cls, ctx: Ctx) -> Strikes:
        s = ctx.settings
        return cls(restrict=s.strikes_to_restrict, ban=s.strikes_to_ban,
                   window_days=s.strike_window_days)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Effects:
    """Side effects a decision had outside its transaction (to publish after commit)."""

    changes: Changes
    revoked_users: list[int]


def _rule(policy: Policy, rule_id: str) -> Rule:
    try:
        return policy.rule(rule_id)
    except KeyError:
        raise InvalidInput(f"no rule {rule_id!r} in the policy", code="unknown_rule") from None


def _visibility_event(tx: Tx, changes: Changes, chat_id: int, message_id: int, at: datetime
                      ) -> None:  # fmt: skip
    message = tx.messages.get(chat_id, message_id)
    changes.chat(tx, chat_id=chat_id, kind=ChatEventKind.MESSAGE_VISIBILITY, at=at,
                 data={"message_id": message_id,
                       "visibility": message.visibility.value if message else "removed"},
                 message=message)  # fmt: skip


def apply_action(tx: Tx, changes: Changes, *, subject: Subject, author_id: int | None,
                 action: Action, at: datetime, revoked: list[int]) -> dict[str, Any]:  # fmt: skip
    """Carry out an action; return what to put back if the decision is reversed. Search reads
    these states at query time, so the change is in effect for search when this commits."""
    restore: dict[str, Any] = {}
    if action in (Action.QUARANTINE, Action.REMOVE):
        assert subject.chat_id is not None and subject.message_id is not None
        message = tx.messages.get(subject.chat_id, subject.message_id)
        if message is None:
            raise NotFound("message not found", code="message_not_found")
        target = Visibility.QUARANTINED if action is Action.QUARANTINE else Visibility.REMOVED
        restore["message_visibility"] = message.visibility.value
        if message.visibility is not target:
            tx.messages.update(subject.chat_id, subject.message_id, visibility=target.value)
            _visibility_event(tx, changes, subject.chat_id, subject.message_id, at)
    elif action is Action.DELIST_CHAT:
        assert subject.chat_id is not None
        chat = tx.chats.get(subject.chat_id)
        if chat is None:
            raise NotFound("chat not found", code="chat_not_found")
        restore["chat_status"] = chat.status.value
        if chat.status is ChatStatus.LISTED:
            tx.chats.update(chat.id, status=ChatStatus.DELISTED.value)
            changes.chat(
                tx,
                chat_id=chat.id,
                kind=ChatEventKind.CHAT_UPDATE,
                at=at,
                data={"changed": ["status"], "status": ChatStatus.DELISTED.value},
            )
    elif action in (Action.RESTRICT_USER, Action.BAN_USER):
        if author_id is None:
            raise InvalidInput("this subject has no author to act on", code="no_author")
        user = tx.users.get(author_id)
        if user is None:
            raise NotFound("user not found", code="user_not_found")
        target_status = UserStatus.BANNED if action is Action.BAN_USER else UserStatus.RESTRICTED
        restore["user_status"] = user.status.value
        restore["user_id"] = author_id
        if user.status is not UserStatus.BANNED and user.status is not target_status:
            tx.users.update(author_id, status=target_status.value)
            if target_status is UserStatus.BANNED:
                tx.sessions.revoke_all(author_id, at)
            revoked.append(author_id)
    return restore


def undo(tx: Tx, changes: Changes, decision: Decision, at: datetime, revoked: list[int]) -> None:
    """Put back what a decision changed (reversal on appeal, or a human overruling a detector)."""
    subject, restore = decision.subject, decision.restore
    if "message_visibility" in restore and subject.kind is SubjectKind.MESSAGE:
        assert subject.chat_id is not None and subject.message_id is not None
        tx.messages.update(subject.chat_id, subject.message_id,
                           visibility=restore["message_visibility"])  # fmt: skip
        _visibility_event(tx, changes, subject.chat_id, subject.message_id, at)
    if "chat_status" in restore and subject.chat_id is not None:
        tx.chats.update(subject.chat_id, status=restore["chat_status"])
        changes.chat(
            tx,
            chat_id=subject.chat_id,
            kind=ChatEventKind.CHAT_UPDATE,
            at=at,
            data={"changed": ["status"], "status": restore["chat_status"]},
        )
    if "user_status" in restore:
        tx.users.update(int(restore["user_id"]), status=restore["user_status"])
        revoked.append(int(restore["user_id"]))
    tx.decisions.mark_reversed(decision.id, at=at)
    tx.violations.void_for_decision(decision.id, at=at, reason=f"decision {decision.id} reversed")


def record_decision(
    tx: Tx,
    changes: Changes,
    *,
    policy: Policy,
    strikes: Strikes,
    case: Case | None,
    subject: Subject,
    author_id: int | None,
    action: Action,
    rule: Rule,
    reasons: str,
    moderator_id: int | None,
    automated_detection: bool,
    at: datetime,
    revoked: list[int],
    violation: bool | None = None,
    source: CaseSource | None = None,
) -> Decision:
    """Apply `action`, store the decision with its statement of reasons, tell the affected
    person, record the violation (for an upheld breach) and escalate strikes."""
    if action not in ALLOWED[subject.kind]:
        raise InvalidInput(f"{action.value} does not apply to a {subject.kind.value}",
                           code="invalid_action")  # fmt: skip
    affected = author_id
    restore = apply_action(tx, changes, subject=subject, author_id=author_id, action=action,
                           at=at, revoked=revoked)  # fmt: skip
    automated = moderator_id is None
    decision_id = tx.decisions.insert(
        case_id=case.id if case else None, subject=subject, affected_user_id=affected,
        action=action.value, rule_id=rule.id, category=rule.category, automated=automated,
        moderator_id=moderator_id, reasons=reasons, restore=restore, at=at,
    )  # fmt: skip
    content_date = None
    has_image = False
    if case is not None and "message" in case.snapshot:
        content_date = datetime.fromisoformat(case.snapshot["message"]["date"])
        has_image = bool(case.snapshot["message"].get("media"))
    statement = statement_of_reasons(
        decision_id=decision_id, action=action.value, rule_id=rule.id, rule_title=rule.title,
        rule_description=rule.description, category=rule.category, subject_kind=subject.kind,
        has_image=has_image, source=source or (case.source if case else CaseSource.AUTOMATED),
        automated_detection=automated_detection, automated_decision=automated, facts=reasons,
        content_date=content_date, decided_at=at,
    )  # fmt: skip
    tx.decisions.set_statement(decision_id, statement)
    upheld = action is not Action.NONE if violation is None else violation
    if upheld and affected is not None:
        tx.violations.insert(user_id=affected, rule_id=rule.id, category=rule.category,
                             decision_id=decision_id, subject_kind=subject.kind.value,
                             subject_id=subject.key, at=at)  # fmt: skip
    audit.record(tx, actor=audit.Actor.user(moderator_id) if moderator_id else
                 audit.Actor.system("detector"), action="decision.made",
                 subject_kind="decision", subject_id=decision_id, at=at,
                 data={"case_id": case.id if case else None, "action": action.value,
                       "rule_id": rule.id, "automated": automated, "violation": upheld,
                       "subject": f"{subject.kind.value}:{subject.key}"})  # fmt: skip
    if affected is not None and action is not Action.NONE and _reachable(tx, affected):
        notify(tx, changes, user_id=affected, kind="decision", at=at,
               text=f"{statement['what']} Rule: {rule.title}. {statement['automated']} "
                    f"{statement['how_to_appeal']}",
               data={"decision_id": decision_id, "statement": statement})  # fmt: skip
    decision = tx.decisions.get(decision_id)
    assert decision is not None
    if upheld and affected is not None and moderator_id is not None:
        _escalate_strikes(tx, changes, policy=policy, strikes=strikes, user_id=affected,
                          rule=rule, at=at, revoked=revoked)  # fmt: skip
    return decision


def _reachable(tx: Tx, user_id: int) -> bool:
    user = tx.users.get(user_id)
    return user is not None and user.kind is not UserKind.SYSTEM


def _escalate_strikes(
    tx: Tx,
    changes: Changes,
    *,
    policy: Policy,
    strikes: Strikes,
    user_id: int,
    rule: Rule,
    at: datetime,
    revoked: list[int],
) -> None:
    """Confirmed violations within the window are strikes: enough of them restrict the account,
    more ban it — automated decisions with their own statements, appealable like any other."""
    window = at - timedelta(days=strikes.window_days)
    count = sum(1 for v in tx.violations.for_user(user_id) if v.created_at >= window)
    user = tx.users.get(user_id)
    if user is None:
        return
    action = None
    if count >= strikes.ban and user.status is not UserStatus.BANNED:
        action = Action.BAN_USER
    elif count >= strikes.restrict and user.status is UserStatus.ACTIVE:
        action = Action.RESTRICT_USER
    if action is None:
        return
    record_decision(
        tx, changes, policy=policy, strikes=strikes, case=None, subject=Subject.user(user_id),
        author_id=user_id, action=action, rule=rule, moderator_id=None,
        automated_detection=False, at=at, revoked=revoked, violation=False,
        source=CaseSource.AUTOMATED,
        reasons=f"{count} confirmed violations of the rules in the last "
                f"{strikes.window_days} days.",
    )  # fmt: skip


async def decide_case(
    ctx: Ctx, moderator_id: int, *, case_id: int, action: str, rule_id: str, reasons: str
) -> Decision:
    """A moderator's decision on an open case. It supersedes any automated action on the case,
    resolves it, and tells the reporters the outcome."""
    try:
        act = Action(action)
    except ValueError:
        raise InvalidInput(f"unknown action {action!r}", code="invalid_action") from None
    why = clean_comment(reasons, limit=REASONS_MAX, field_name="reasons")
    policy = effective_policy(ctx)
    strikes = Strikes.of(ctx)
    rule = _rule(policy, rule_id)
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Decision, Effects]:
        require_moderator(tx, moderator_id)
        case = tx.cases.get(case_id)
        if case is None:
            raise NotFound("case not found", code="case_not_found")
        if case.state is CaseState.RESOLVED:
            raise Conflict("this case is already decided", code="case_resolved")
        changes, revoked = Changes(), list[int]()
        for earlier in tx.decisions.for_case(case.id):
            if earlier.automated and earlier.reversed_at is None:
                undo(tx, changes, earlier, now, revoked)  # the human decision replaces it
        decision = record_decision(
            tx, changes, policy=policy, strikes=strikes, case=case, subject=case.subject,
            author_id=case.author_id, action=act, rule=rule, reasons=why,
            moderator_id=moderator_id, automated_detection=case.source is CaseSource.AUTOMATED,
            at=now, revoked=revoked,
        )  # fmt: skip
        tx.cases.update(case.id, state=CaseState.RESOLVED.value, resolved_at=now, updated_at=now,
                        first_action_at=case.first_action_at or now, rule_id=rule.id,
                        category=rule.category)  # fmt: skip
        record_event(
            tx,
            case.id,
            "decided",
            at=now,
            actor=audit.Actor.user(moderator_id),
            data={"decision_id": decision.id, "action": act.value, "rule_id": rule.id},
        )
        outcome = "no_action" if act is Action.NONE else act.value
        for reporter in tx.reports.set_outcome(case.id, outcome=outcome, at=now):
            text = ("Thank you for your report. We reviewed it and found no breach of our rules."
                    if act is Action.NONE else
                    f"Thank you for your report. We acted on it ({act.value.replace('_', ' ')}) "
                    f"under the rule: {rule.title}.")  # fmt: skip
            notify(
                tx,
                changes,
                user_id=reporter,
                kind="report_outcome",
                at=now,
                text=text,
                data={"case_id": case.id, "outcome": outcome, "rule_id": rule.id},
            )
        return decision, Effects(changes, revoked)

    decision, effects = await ctx.db.write(run)
    await publish_effects(ctx, effects)
    return decision


async def publish_effects(ctx: Ctx, effects: Effects) -> None:
    await publish(ctx, effects.changes)
    for user_id in sorted(set(effects.revoked_users)):
        await ctx.bus.publish(Topics.AUTH, {"user_id": user_id})


@dataclass(frozen=True, slots=True)
class BulkOutcome:
    case_id: int
    decision_id: int | None
    error: str | None


async def decide_cases(ctx: Ctx, moderator_id: int, *, case_ids: list[int], action: str,
                       rule_id: str, reasons: str) -> list[BulkOutcome]:  # fmt: skip
    """The same decision on many cases (spam waves); each case succeeds or fails on its own."""
    ids = list(dict.fromkeys(case_ids))
    if not 1 <= len(ids) <= BULK_MAX:
        raise InvalidInput(f"decide 1–{BULK_MAX} cases at a time", code="invalid_cases")
    out = []
    for case_id in ids:
        try:
            decision = await decide_case(ctx, moderator_id, case_id=case_id, action=action,
                                         rule_id=rule_id, reasons=reasons)  # fmt: skip
            out.append(BulkOutcome(case_id, decision.id, None))
        except (InvalidInput, NotFound, Conflict) as error:
            if error.code in {"role_required", "unknown_rule", "invalid_action"}:
                raise
            out.append(BulkOutcome(case_id, None, error.code))
    return out


async def decisions_about_me(ctx: Ctx, user_id: int) -> list[Decision]:
    return await ctx.db.read(lambda tx: tx.decisions.for_user(user_id))


async def get_my_decision(ctx: Ctx, user_id: int, *, decision_id: int) -> Decision:
    decision = await ctx.db.read(lambda tx: tx.decisions.get(decision_id))
    if decision is None or decision.affected_user_id != user_id:
        raise NotFound("decision not found", code="decision_not_found")
    return decision
