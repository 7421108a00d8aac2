"""Moderation cases (one open case per subject), their event history, and user reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.moderation import (
    Case,
    CaseEvent,
    CaseSource,
    CaseState,
    Report,
    Subject,
    SubjectKind,
)
from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis, Json

cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("subject_kind", sa.String(8), nullable=False),
    sa.Column("subject_key", sa.String(48), nullable=False),
    sa.Column("chat_id", sa.BigInteger),
    sa.Column("author_id", sa.BigInteger, index=True),
    sa.Column("state", sa.String(12), nullable=False),
    sa.Column("source", sa.String(12), nullable=False),
    sa.Column("category", sa.String(32)),
    sa.Column("rule_id", sa.String(64)),
    sa.Column("priority", sa.Float, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("reach", sa.Integer, nullable=False, server_default="0"),
    sa.Column("report_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("snapshot", Json, nullable=False),
    sa.Column("scores", Json, nullable=False),
    sa.Column("assignee_id", sa.BigInteger),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("updated_at", EpochMillis, nullable=False),
    sa.Column("resolved_at", EpochMillis),
    sa.Column("first_action_at", EpochMillis),
    sa.Column("event_seq", sa.Integer, nullable=False, server_default="0"),
    sa.Index("ix_cases_subject", "subject_kind", "subject_key", "state"),
    sa.Index("ix_cases_state_priority", "state", "priority"),
)

case_events = sa.Table(
    "case_events",
    metadata,
    sa.Column("case_id", sa.BigInteger, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("at", EpochMillis, nullable=False),
    sa.Column("actor_kind", sa.String(16), nullable=False),
    sa.Column("actor_id", sa.String(64)),
    sa.Column("data", Json, nullable=False),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("reporter_id", sa.BigInteger, nullable=False),
    sa.Column("subject_kind", sa.String(8), nullable=False),
    sa.Column("subject_key", sa.String(48), nullable=False),
    sa.Column("rule_id", sa.String(64), nullable=False),
    sa.Column("comment", sa.String(1000), nullable=False, server_default=""),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("outcome", sa.String(32)),
    sa.Column("notified_at", EpochMillis),
    sa.UniqueConstraint("reporter_id", "subject_kind", "subject_key", "case_id"),
    sa.Index("ix_reports_reporter_id_created_at", "reporter_id", "created_at"),
)


def _to_case(r: Row[Any]) -> Case:
    return Case(
        id=r.id, subject=Subject.parse(r.subject_kind, r.subject_key), author_id=r.author_id,
        state=CaseState(r.state), source=CaseSource(r.source), category=r.category,
        rule_id=r.rule_id, priority=r.priority, confidence=r.confidence, reach=r.reach,
        report_count=r.report_count, snapshot=r.snapshot, scores=r.scores,
        assignee_id=r.assignee_id, created_at=r.created_at, updated_at=r.updated_at,
        resolved_at=r.resolved_at, first_action_at=r.first_action_at,
    )  # fmt: skip


def _to_report(r: Row[Any]) -> Report:
    return Report(
        id=r.id, case_id=r.case_id, reporter_id=r.reporter_id,
        subject=Subject.parse(r.subject_kind, r.subject_key), rule_id=r.rule_id,
        comment=r.comment, created_at=r.created_at, outcome=r.outcome, notified_at=r.notified_at,
    )  # fmt: skip


class CasesRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, *, subject: Subject, author_id: int | None, source: CaseSource,
               category: str | None, rule_id: str | None, priority: float, confidence: float,
               reach: int, snapshot: dict[str, Any], scores: dict[str, float],
               at: datetime) -> int:  # fmt: skip
        result = self.conn.execute(
            cases.insert().values(
                subject_kind=subject.kind.value, subject_key=subject.key,
                chat_id=subject.chat_id, author_id=author_id, state=CaseState.OPEN.value,
                source=source.value, category=category, rule_id=rule_id, priority=priority,
                confidence=confidence, reach=reach, report_count=0, snapshot=snapshot,
                scores=scores, created_at=at, updated_at=at,
            )
        )  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def get(self, case_id: int) -> Case | None:
        row = self.conn.execute(sa.select(cases).where(cases.c.id == case_id)).first()
        return None if row is None else _to_case(row)

    def get_many(self, case_ids: list[int]) -> dict[int, Case]:
        if not case_ids:
            return {}
        rows = self.conn.execute(sa.select(cases).where(cases.c.id.in_(case_ids))).all()
        return {r.id: _to_case(r) for r in rows}

    def open_for(self, subject: Subject) -> Case | None:
        """The unresolved case about this subject, if any: reports fold into it."""
        row = self.conn.execute(
            sa.select(cases).where(
                cases.c.subject_kind == subject.kind.value,
                cases.c.subject_key == subject.key,
                cases.c.state != CaseState.RESOLVED.value,
            )
        ).first()
        return None if row is None else _to_case(row)

    def update(self, case_id: int, **values: Any) -> None:
        self.conn.execute(cases.update().where(cases.c.id == case_id).values(**values))

    def queue(
        self,
        *,
        states: tuple[str, ...],
        category: str | None = None,
        source: str | None = None,
        assignee_id: int | None = None,
        unassigned: bool = False,
        limit: int = 50,
        after: tuple[float, int] | None = None,
    ) -> list[Case]:
        """Highest priority first; `after` is the last (priority, id) of the previous page."""
        query = sa.select(cases).where(cases.c.state.in_(states))
        if category:
            query = query.where(cases.c.category == category)
        if source:
            query = query.where(cases.c.source == source)
        if assignee_id is not None:
            query = query.where(cases.c.assignee_id == assignee_id)
        if unassigned:
            query = query.where(cases.c.assignee_id.is_(None))
        if after is not None:
            priority, case_id = after
            query = query.where(
                sa.or_(cases.c.priority < priority,
                       sa.and_(cases.c.priority == priority, cases.c.id > case_id))
            )  # fmt: skip
        rows = self.conn.execute(
            query.order_by(cases.c.priority.desc(), cases.c.id.asc()).limit(limit)
        ).all()
        return [_to_case(r) for r in rows]

    def add_event(
        self,
        case_id: int,
        *,
        kind: str,
        at: datetime,
        actor_kind: str,
        actor_id: str | None,
        data: dict[str, Any] | None = None,
    ) -> CaseEvent:
        seq = int(self.conn.execute(
            cases.update().where(cases.c.id == case_id)
            .values(event_seq=cases.c.event_seq + 1, updated_at=at)
            .returning(cases.c.event_seq)
        ).scalar_one())  # fmt: skip
        event = CaseEvent(case_id=case_id, seq=seq, kind=kind, at=at, actor_kind=actor_kind,
                          actor_id=actor_id, data=data or {})  # fmt: skip
        self.conn.execute(case_events.insert().values(
            case_id=case_id, seq=seq, kind=kind, at=at, actor_kind=actor_kind,
            actor_id=actor_id, data=event.data))  # fmt: skip
        return event

    def events(self, case_id: int) -> list[CaseEvent]:
        rows = self.conn.execute(
            sa.select(case_events).where(case_events.c.case_id == case_id)
            .order_by(case_events.c.seq)
        ).all()  # fmt: skip
        return [CaseEvent(case_id=r.case_id, seq=r.seq, kind=r.kind, at=r.at,
                          actor_kind=r.actor_kind, actor_id=r.actor_id, data=r.data)
                for r in rows]  # fmt: skip

    def count_by_state(self) -> dict[str, int]:
        rows = self.conn.execute(
            sa.select(cases.c.state, sa.func.count()).group_by(cases.c.state)
        ).all()
        return {r[0]: int(r[1]) for r in rows}

    def resolved_between(self, since: datetime, until: datetime) -> list[Case]:
        rows = self.conn.execute(
            sa.select(cases).where(cases.c.resolved_at >= since, cases.c.resolved_at < until)
        ).all()
        return [_to_case(r) for r in rows]


class ReportsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, *, case_id: int, reporter_id: int, subject: Subject, rule_id: str,
               comment: str, at: datetime) -> int:  # fmt: skip
        result = self.conn.execute(reports.insert().values(
            case_id=case_id, reporter_id=reporter_id, subject_kind=subject.kind.value,
            subject_key=subject.key, rule_id=rule_id, comment=comment, created_at=at))  # fmt: skip
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def existing(self, *, reporter_id: int, case_id: int) -> Report | None:
        row = self.conn.execute(
            sa.select(reports).where(reports.c.reporter_id == reporter_id,
                                     reports.c.case_id == case_id)
        ).first()  # fmt: skip
        return None if row is None else _to_report(row)

    def for_case(self, case_id: int) -> list[Report]:
        rows = self.conn.execute(
            sa.select(reports).where(reports.c.case_id == case_id).order_by(reports.c.id)
        ).all()
        return [_to_report(r) for r in rows]

    def by_reporter(self, reporter_id: int, *, limit: int = 50) -> list[Report]:
        rows = self.conn.execute(
            sa.select(reports).where(reports.c.reporter_id == reporter_id)
            .order_by(reports.c.id.desc()).limit(limit)
        ).all()  # fmt: skip
        return [_to_report(r) for r in rows]

    def set_outcome(self, case_id: int, *, outcome: str, at: datetime) -> list[int]:
        """Record the case's outcome on its reports; return the reporters to tell."""
        reporters = self.conn.execute(
            sa.select(reports.c.reporter_id).where(reports.c.case_id == case_id,
                                                   reports.c.notified_at.is_(None))
        ).scalars().all()  # fmt: skip
        self.conn.execute(reports.update().where(reports.c.case_id == case_id)
                          .values(outcome=outcome, notified_at=at))  # fmt: skip
        return sorted({int(r) for r in reporters})

    def between(self, since: datetime, until: datetime) -> list[Report]:
        rows = self.conn.execute(
            sa.select(reports).where(reports.c.created_at >= since, reports.c.created_at < until)
        ).all()
        return [_to_report(r) for r in rows]


SUBJECT_KINDS = tuple(k.value for k in SubjectKind)
