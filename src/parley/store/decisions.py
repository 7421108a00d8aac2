"""Moderation decisions (with their statements of reasons) and appeals against them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.moderation import Appeal, AppealState, Decision, Subject
from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis, Json

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.BigInteger, index=True),
    sa.Column("subject_kind", sa.String(8), nullable=False),
    sa.Column("subject_key", sa.String(48), nullable=False),
    sa.Column("affected_user_id", sa.BigInteger, index=True),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("rule_id", sa.String(64), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("automated", sa.Boolean, nullable=False),
    sa.Column("moderator_id", sa.BigInteger),
    sa.Column("reasons", sa.String(2000), nullable=False, server_default=""),
    sa.Column("statement", Json, nullable=False),
    sa.Column("restore", Json, nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False, index=True),
    sa.Column("reversed_at", EpochMillis),
)

appeals = sa.Table(
    "appeals",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("decision_id", sa.BigInteger, nullable=False, unique=True),
    sa.Column("appellant_id", sa.BigInteger, nullable=False),
    sa.Column("text", sa.String(2000), nullable=False),
    sa.Column("state", sa.String(12), nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("decider_id", sa.BigInteger),
    sa.Column("outcome_reasons", sa.String(2000)),
    sa.Column("decided_at", EpochMillis),
    sa.Index("ix_appeals_state_created_at", "state", "created_at"),
)


def _to_decision(r: Row[Any]) -> Decision:
    return Decision(
        id=r.id, case_id=r.case_id, subject=Subject.parse(r.subject_kind, r.subject_key),
        affected_user_id=r.affected_user_id, action=r.action, rule_id=r.rule_id,
        category=r.category, automated=r.automated, moderator_id=r.moderator_id,
        reasons=r.reasons, statement=r.statement, restore=r.restore, created_at=r.created_at,
        reversed_at=r.reversed_at,
    )  # fmt: skip


def _to_appeal(r: Row[Any]) -> Appeal:
    return Appeal(
        id=r.id, decision_id=r.decision_id, appellant_id=r.appellant_id, text=r.text,
        state=AppealState(r.state), created_at=r.created_at, decider_id=r.decider_id,
        outcome_reasons=r.outcome_reasons, decided_at=r.decided_at,
    )  # fmt: skip


class DecisionsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, *, case_id: int | None, subject: Subject, affected_user_id: int | None,
               action: str, rule_id: str, category: str, automated: bool,
               moderator_id: int | None, reasons: str, restore: dict[str, Any],
               at: datetime) -> int:  # fmt: skip
        result = self.conn.execute(decisions.insert().values(
            case_id=case_id, subject_kind=subject.kind.value, subject_key=subject.key,
            affected_user_id=affected_user_id, action=action, rule_id=rule_id,
            category=category, automated=automated, moderator_id=moderator_id, reasons=reasons,
            statement={}, restore=restore, created_at=at))  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def set_statement(self, decision_id: int, statement: dict[str, Any]) -> None:
        self.conn.execute(decisions.update().where(decisions.c.id == decision_id)
                          .values(statement=statement))  # fmt: skip

    def get(self, decision_id: int) -> Decision | None:
        row = self.conn.execute(sa.select(decisions).where(decisions.c.id == decision_id)).first()
        return None if row is None else _to_decision(row)

    def for_case(self, case_id: int) -> list[Decision]:
        rows = self.conn.execute(
            sa.select(decisions).where(decisions.c.case_id == case_id).order_by(decisions.c.id)
        ).all()
        return [_to_decision(r) for r in rows]

    def for_user(self, user_id: int, *, limit: int = 50) -> list[Decision]:
        rows = self.conn.execute(
            sa.select(decisions).where(decisions.c.affected_user_id == user_id)
            .order_by(decisions.c.id.desc()).limit(limit)
        ).all()  # fmt: skip
        return [_to_decision(r) for r in rows]

    def mark_reversed(self, decision_id: int, *, at: datetime) -> None:
        self.conn.execute(decisions.update().where(decisions.c.id == decision_id)
                          .values(reversed_at=at))  # fmt: skip

    def between(self, since: datetime, until: datetime) -> list[Decision]:
        rows = self.conn.execute(
            sa.select(decisions)
            .where(decisions.c.created_at >= since, decisions.c.created_at < until)
            .order_by(decisions.c.id)
        ).all()
        return [_to_decision(r) for r in rows]


class AppealsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, *, decision_id: int, appellant_id: int, text: str, at: datetime) -> int:
        result = self.conn.execute(appeals.insert().values(
            decision_id=decision_id, appellant_id=appellant_id, text=text,
            state=AppealState.OPEN.value, created_at=at))  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def get(self, appeal_id: int) -> Appeal | None:
        row = self.conn.execute(sa.select(appeals).where(appeals.c.id == appeal_id)).first()
        return None if row is None else _to_appeal(row)

    def for_decision(self, decision_id: int) -> Appeal | None:
        row = self.conn.execute(
            sa.select(appeals).where(appeals.c.decision_id == decision_id)
        ).first()
        return None if row is None else _to_appeal(row)

    def queue(self, *, state: AppealState, limit: int = 50) -> list[Appeal]:
        rows = self.conn.execute(
            sa.select(appeals).where(appeals.c.state == state.value)
            .order_by(appeals.c.created_at).limit(limit)
        ).all()  # fmt: skip
        return [_to_appeal(r) for r in rows]

    def decide(self, appeal_id: int, *, state: AppealState, decider_id: int, reasons: str,
               at: datetime) -> None:  # fmt: skip
        self.conn.execute(appeals.update().where(appeals.c.id == appeal_id).values(
            state=state.value, decider_id=decider_id, outcome_reasons=reasons,
            decided_at=at))  # fmt: skip

    def between(self, since: datetime, until: datetime) -> list[Appeal]:
        rows = self.conn.execute(
            sa.select(appeals).where(appeals.c.created_at >= since, appeals.c.created_at < until)
        ).all()
        return [_to_appeal(r) for r in rows]

    def decided_between(self, since: datetime, until: datetime) -> list[Appeal]:
        rows = self.conn.execute(
            sa.select(appeals).where(appeals.c.decided_at >= since, appeals.c.decided_at < until)
        ).all()
        return [_to_appeal(r) for r in rows]
