"""Appeals: the person a decision affects may appeal it once; a different moderator decides.
A reversal restores the content, the chat's listing or the account, and voids the violation."""

from __future__ import annotations

from parley.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from parley.domain.moderation import (
    APPEAL_TEXT_MAX,
    REASONS_MAX,
    Appeal,
    AppealOutcome,
    AppealState,
    clean_comment,
)
from parley.moderation.policy import Action
from parley.services import audit
from parley.services.cases import record_event, require_moderator
from parley.services.context import Ctx
from parley.services.decisions import Effects, publish_effects, undo
from parley.services.notices import notify
from parley.services.sequence import Changes
from parley.store.tx import Tx


async def appeal_decision(ctx: Ctx, user_id: int, *, decision_id: int, text: str) -> Appeal:
    body = clean_comment(text, limit=APPEAL_TEXT_MAX, field_name="text", required=True)
    now = ctx.clock.now()

    def run(tx: Tx) -> Appeal:
        decision = tx.decisions.get(decision_id)
        if decision is None or decision.affected_user_id != user_id:
            raise NotFound("decision not found", code="decision_not_found")
        if decision.action == Action.NONE.value:
            raise InvalidInput("nothing was done; there is nothing to appeal",
                               code="nothing_to_appeal")  # fmt: skip
        if decision.reversed_at is not None:
            raise Conflict("this decision was already reversed", code="decision_reversed")
        if tx.appeals.for_decision(decision_id) is not None:
            raise Conflict("a decision can be appealed once", code="already_appealed")
        appeal_id = tx.appeals.insert(decision_id=decision_id, appellant_id=user_id, text=body,
                                      at=now)  # fmt: skip
        actor = audit.Actor.user(user_id)
        audit.record(tx, actor=actor, action="appeal.filed", subject_kind="decision",
                     subject_id=decision_id, at=now, data={"appeal_id": appeal_id})  # fmt: skip
        if decision.case_id is not None:
            tx.cases.add_event(decision.case_id, kind="appealed", at=now, actor_kind=actor.kind,
                               actor_id=actor.id, data={"appeal_id": appeal_id})  # fmt: skip
        appeal = tx.appeals.get(appeal_id)
        assert appeal is not None
        return appeal

    return await ctx.db.write(run)


async def list_appeals(ctx: Ctx, moderator_id: int, *, state: str = "open", limit: int = 50
                       ) -> list[Appeal]:  # fmt: skip
    try:
        wanted = AppealState(state)
    except ValueError:
        raise InvalidInput("state is open, upheld or reversed", code="invalid_state") from None

    def run(tx: Tx) -> list[Appeal]:
        require_moderator(tx, moderator_id)
        return tx.appeals.queue(state=wanted, limit=min(max(limit, 1), 200))

    return await ctx.db.read(run)


async def decide_appeal(
    ctx: Ctx, moderator_id: int, *, appeal_id: int, outcome: str, reasons: str
) -> Appeal:
    try:
        verdict = AppealOutcome(outcome)
    except ValueError:
        raise InvalidInput("outcome is uphold or reverse", code="invalid_outcome") from None
    why = clean_comment(reasons, limit=REASONS_MAX, field_name="reasons", required=True)
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Appeal, Effects]:
        require_moderator(tx, moderator_id)
        appeal = tx.appeals.get(appeal_id)
        if appeal is None:
            raise NotFound("appeal not found", code="appeal_not_found")
        if appeal.state is not AppealState.OPEN:
            raise Conflict("this appeal was already decided", code="appeal_decided")
        decision = tx.decisions.get(appeal.decision_id)
        assert decision is not None
        if decision.moderator_id == moderator_id:
            raise Forbidden("a different moderator must decide the appeal",
                            code="same_moderator")  # fmt: skip
        if appeal.appellant_id == moderator_id:
            raise Forbidden("you cannot decide your own appeal", code="own_appeal")
        changes, revoked = Changes(), list[int]()
        state = AppealState.UPHELD
        if verdict is AppealOutcome.REVERSE:
            state = AppealState.REVERSED
            if decision.reversed_at is None:
                undo(tx, changes, decision, now, revoked)
        tx.appeals.decide(appeal.id, state=state, decider_id=moderator_id, reasons=why, at=now)
        actor = audit.Actor.user(moderator_id)
        audit.record(tx, actor=actor, action="appeal.decided", subject_kind="decision",
                     subject_id=decision.id, at=now,
                     data={"appeal_id": appeal.id, "outcome": state.value})  # fmt: skip
        if decision.case_id is not None:
            record_event(tx, decision.case_id, "appeal_decided", at=now, actor=actor,
                         data={"appeal_id": appeal.id, "outcome": state.value})  # fmt: skip
        text = (
            "Your appeal was accepted: the decision was reversed and what it changed was restored."
            if state is AppealState.REVERSED
            else "Your appeal was reviewed by a different moderator, who upheld the decision."
        )
        notify(tx, changes, user_id=appeal.appellant_id, kind="appeal_outcome", at=now,
               text=f"{text} Reasons: {why}",
               data={"appeal_id": appeal.id, "decision_id": decision.id,
                     "outcome": state.value, "reasons": why})  # fmt: skip
        updated = tx.appeals.get(appeal.id)
        assert updated is not None
        return updated, Effects(changes, revoked)

    appeal, effects = await ctx.db.write(run)
    await publish_effects(ctx, effects)
    return appeal
