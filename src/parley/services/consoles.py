"""What the moderator console's screens show, composed from the moderation services: the
queue with the people in it, a case with the names of everyone in its context, the appeals
queue with the decisions appealed, and what a user sees of decisions about them. The rules
(who is a moderator, who may decide an appeal) stay in services/cases.py, decisions.py and
appeals.py, which these call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parley.domain.moderation import Appeal, Case, Decision, Report
from parley.domain.users import User
from parley.moderation.policy import Policy
from parley.services import appeals, cases, decisions, reports
from parley.services.cases import CaseDetail
from parley.services.context import Ctx
from parley.store.tx import Tx


@dataclass(frozen=True, slots=True)
class QueuePage:
    cases: list[Case]
    people: dict[int, User]
    policy: Policy
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class CasePage:
    detail: CaseDetail
    people: dict[int, User]
    policy: Policy


@dataclass(frozen=True, slots=True)
class AppealItem:
    appeal: Appeal
    decision: Decision


@dataclass(frozen=True, slots=True)
class AppealsPage:
    items: list[AppealItem]
    people: dict[int, User]
    policy: Policy


@dataclass(frozen=True, slots=True)
class MyModeration:
    """A user's own side: decisions about them (with appeals) and the reports they filed."""

    decisions: list[Decision]
    appeals: dict[int, Appeal]  # by decision id
    reports: list[Report]
    policy: Policy


def _people(tx: Tx, ids: set[int | None]) -> dict[int, User]:
    wanted = {i for i in ids if i is not None}
    return tx.users.get_many(wanted) if wanted else {}


def _snapshot_people(case: Case) -> set[int | None]:
    snap: dict[str, Any] = case.snapshot
    ids: set[int | None] = {case.author_id, case.assignee_id}
    message = snap.get("message") or {}
    ids.add(message.get("sender_id"))
    ids.update(m.get("sender_id") for m in snap.get("context") or [])
    return ids


async def load_queue(
    ctx: Ctx,
    moderator_id: int,
    *,
    state: str = "active",
    category: str | None = None,
    source: str | None = None,
    mine: bool = False,
    unassigned: bool = False,
    limit: int = 50,
    after: tuple[float, int] | None = None,
) -> QueuePage:
    found = await cases.list_queue(
        ctx,
        moderator_id,
        state=state,
        category=category,
        source=source,
        mine=mine,
        unassigned=unassigned,
        limit=limit + 1,
        after=after,
    )
    page, more = found[:limit], len(found) > limit
    ids: set[int | None] = set()
    for case in page:
        ids |= _snapshot_people(case)
    people = await ctx.db.read(lambda tx: _people(tx, ids))
    cursor = f"{page[-1].priority}:{page[-1].id}" if more and page else None
    return QueuePage(
        cases=page, people=people, policy=decisions.effective_policy(ctx), next_cursor=cursor
    )


async def load_case(ctx: Ctx, moderator_id: int, *, case_id: int) -> CasePage:
    detail = await cases.get_case(ctx, moderator_id, case_id=case_id)
    ids = _snapshot_people(detail.case)
    ids.update(r.reporter_id for r in detail.reports)
    ids.update(d.moderator_id for d in detail.decisions)
    ids.update(
        int(e.actor_id)
        for e in detail.events
        if e.actor_kind == "user" and e.actor_id and e.actor_id.isdigit()
    )
    people = await ctx.db.read(lambda tx: _people(tx, ids))
    return CasePage(detail=detail, people=people, policy=decisions.effective_policy(ctx))


async def load_appeals(ctx: Ctx, moderator_id: int, *, state: str = "open") -> AppealsPage:
    found = await appeals.list_appeals(ctx, moderator_id, state=state)

    def run(tx: Tx) -> tuple[list[AppealItem], dict[int, User]]:
        items = []
        for appeal in found:
            decision = tx.decisions.get(appeal.decision_id)
            if decision is not None:
                items.append(AppealItem(appeal=appeal, decision=decision))
        ids: set[int | None] = {a.appeal.appellant_id for a in items}
        ids |= {a.decision.moderator_id for a in items}
        return items, _people(tx, ids)

    items, people = await ctx.db.read(run)
    return AppealsPage(items=items, people=people, policy=decisions.effective_policy(ctx))


async def load_my_moderation(ctx: Ctx, user_id: int) -> MyModeration:
    mine = await decisions.decisions_about_me(ctx, user_id)
    filed = await reports.my_reports(ctx, user_id)

    def run(tx: Tx) -> dict[int, Appeal]:
        out = {}
        for decision in mine:
            appeal = tx.appeals.for_decision(decision.id)
            if appeal is not None:
                out[decision.id] = appeal
        return out

    return MyModeration(
        decisions=mine,
        appeals=await ctx.db.read(run),
        reports=filed,
        policy=decisions.effective_policy(ctx),
    )


def policy_of(ctx: Ctx) -> Policy:
    """The rules to cite (with any configured threshold overrides)."""
    return decisions.effective_policy(ctx)
