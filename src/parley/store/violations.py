"""Violations recorded by upheld moderation decisions (see domain/violations.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.violations import Violation
from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis

violations = sa.Table(
    "violations",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("rule_id", sa.String(64), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("decision_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("subject_kind", sa.String(16), nullable=False),
    sa.Column("subject_id", sa.String(64), nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("voided_at", EpochMillis),
    sa.Column("void_reason", sa.String(255)),
    sa.Index("ix_violations_user_id_category", "user_id", "category"),
)


def _to_violation(r: Row[Any]) -> Violation:
    return Violation(
        id=r.id, user_id=r.user_id, rule_id=r.rule_id, category=r.category,
        decision_id=r.decision_id, subject_kind=r.subject_kind, subject_id=r.subject_id,
        created_at=r.created_at, voided_at=r.voided_at, void_reason=r.void_reason,
    )  # fmt: skip


class ViolationsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(
        self,
        *,
        user_id: int,
        rule_id: str,
        category: str,
        decision_id: int,
        subject_kind: str,
        subject_id: str,
        at: datetime,
    ) -> int:
        result = self.conn.execute(
            violations.insert().values(
                user_id=user_id, rule_id=rule_id, category=category, decision_id=decision_id,
                subject_kind=subject_kind, subject_id=subject_id, created_at=at,
            )
        )  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def get(self, violation_id: int) -> Violation | None:
        row = self.conn.execute(
            sa.select(violations).where(violations.c.id == violation_id)
        ).first()
        return None if row is None else _to_violation(row)

    def for_user(self, user_id: int, *, include_voided: bool = False) -> list[Violation]:
        query = sa.select(violations).where(violations.c.user_id == user_id)
        if not include_voided:
            query = query.where(violations.c.voided_at.is_(None))
        rows = self.conn.execute(query.order_by(violations.c.id)).all()
        return [_to_violation(r) for r in rows]

    def confirmed_in_categories(self, user_id: int, categories: list[str]) -> list[Violation]:
        """The user's standing violations in any of `categories` (legal eligibility)."""
        if not categories:
            return []
        rows = self.conn.execute(
            sa.select(violations)
            .where(
                violations.c.user_id == user_id,
                violations.c.category.in_(categories),
                violations.c.voided_at.is_(None),
            )
            .order_by(violations.c.id)
        ).all()
        return [_to_violation(r) for r in rows]

    def void_for_decision(self, decision_id: int, *, at: datetime, reason: str) -> int:
        result = self.conn.execute(
            violations.update()
            .where(violations.c.decision_id == decision_id, violations.c.voided_at.is_(None))
            .values(voided_at=at, void_reason=reason[:255])
        )
        return int(result.rowcount)

    def count_for_user(self, user_id: int) -> int:
        return int(
            self.conn.execute(
                sa.select(sa.func.count())
                .select_from(violations)
                .where(violations.c.user_id == user_id, violations.c.voided_at.is_(None))
            ).scalar_one()
        )
