"""Legal requests as received and decided, their targets, the signed disclosure packages
(encrypted at rest: they hold phone numbers and IP addresses), the user notices they owe, and
the count of requests that named no registered authority."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from parley.domain.legal import (
    Approval,
    Check,
    LegalRequest,
    Outcome,
    RequestStatus,
    Rereview,
    Target,
    TargetStatus,
)
from parley.store.schema import metadata
from parley.store.types import BigId, EpochMillis, Json

legal_requests = sa.Table(
    "legal_requests",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("authority_id", sa.String(64), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("request_id", sa.String(128)),
    # Set only for authentic requests, so a forger cannot burn a request_id in advance.
    sa.Column("replay_key", sa.String(128)),
    sa.Column("key_id", sa.String(64)),
    sa.Column("basis_type", sa.String(16)),
    sa.Column("basis_reference", sa.String(256)),
    sa.Column("basis_issued_at", EpochMillis),
    sa.Column("basis_issued_by", sa.String(256)),
    sa.Column("offence_category", sa.String(32)),
    sa.Column("emergency", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("data_requested", Json, nullable=False),
    sa.Column("period_from", EpochMillis),
    sa.Column("period_to", EpochMillis),
    sa.Column("nondisclosure_until", EpochMillis),
    sa.Column("envelope", Json, nullable=False),
    sa.Column("envelope_sha256", sa.String(64), nullable=False),
    sa.Column("source_ip_enc", sa.LargeBinary),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("checks", Json, nullable=False),
    sa.Column("refusal_reason", sa.String(64)),
    sa.Column("received_at", EpochMillis, nullable=False),
    sa.Column("due_at", EpochMillis),
    sa.Column("approval", Json),
    sa.Column("approved_by", sa.BigInteger),
    sa.Column("approved_at", EpochMillis),
    sa.Column("confirmed_by", sa.BigInteger),
    sa.Column("confirmed_at", EpochMillis),
    sa.Column("decided_by", sa.BigInteger),
    sa.Column("decided_at", EpochMillis),
    sa.Column("decision_reason", sa.String(500)),
    sa.Column("released_at", EpochMillis),
    sa.Column("outcome", sa.String(8)),
    sa.Column("rereview_due_at", EpochMillis),
    sa.Column("rereviewed_by", sa.BigInteger),
    sa.Column("rereviewed_at", EpochMillis),
    sa.Column("rereview", sa.String(16)),
    sa.Column("rereview_note", sa.String(1000)),
    sa.UniqueConstraint("authority_id", "replay_key"),
    sa.Index("ix_legal_requests_status_due_at", "status", "due_at"),
    sa.Index("ix_legal_requests_received_at", "received_at"),
    sa.Index("ix_legal_requests_authority_id_id", "authority_id", "id"),
)

legal_targets = sa.Table(
    "legal_targets",
    metadata,
    sa.Column("request_pk", sa.BigInteger, primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("spec", Json, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("user_id", sa.BigInteger, index=True),
    sa.Column("reason", sa.String(64)),
    sa.Column("violation_ids", Json, nullable=False),
    sa.Column("released_items", Json, nullable=False),
    sa.Column("ip_records", sa.Integer, nullable=False, server_default="0"),
)

legal_packages = sa.Table(
    "legal_packages",
    metadata,
    sa.Column("request_pk", sa.BigInteger, primary_key=True),
    sa.Column("package_enc", sa.LargeBinary, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("key_id", sa.String(64), nullable=False),
    sa.Column("created_at", EpochMillis, nullable=False),
    sa.Column("retrievals", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_retrieved_at", EpochMillis),
)

legal_notices = sa.Table(
    "legal_notices",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("request_pk", sa.BigInteger, nullable=False),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("due_at", EpochMillis, nullable=False),
    sa.Column("sent_at", EpochMillis),
    sa.Column("chat_id", sa.BigInteger),
    sa.Column("message_id", sa.BigInteger),
    sa.UniqueConstraint("request_pk", "user_id"),
    sa.Index("ix_legal_notices_sent_at_due_at", "sent_at", "due_at"),
)

legal_unattributed = sa.Table(
    "legal_unattributed",
    metadata,
    sa.Column("half_year", sa.String(7), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)


@dataclass(frozen=True, slots=True)
class Package:
    request_pk: int
    package_enc: bytes
    sha256: str
    key_id: str
    created_at: datetime
    retrievals: int


@dataclass(frozen=True, slots=True)
class DueNotice:
    id: int
    request_pk: int
    user_id: int
    due_at: datetime


@dataclass(frozen=True, slots=True)
class RequestFigures:
    """One request as the transparency report counts it."""

    id: int
    country: str
    status: RequestStatus
    outcome: Outcome | None
    refusal_reason: str | None
    emergency: bool
    rereview: Rereview | None
    targets: int
    released_user_ids: tuple[int, ...]


def _to_target(r: Row[Any]) -> Target:
    return Target(
        request_pk=r.request_pk,
        index=r.idx,
        spec=dict(r.spec),
        status=TargetStatus(r.status),
        user_id=r.user_id,
        reason=r.reason,
        violation_ids=tuple(r.violation_ids),
        released_items=tuple(r.released_items),
        ip_records=r.ip_records,
    )


def _to_approval(r: Row[Any]) -> Approval | None:
    if r.approved_by is None or r.approval is None:
        return None
    data = r.approval
    return Approval(
        officer_id=r.approved_by,
        at=r.approved_at,
        release=tuple(data["release"]),
        data=tuple(data["data"]),
        withhold={int(k): v for k, v in data["withhold"].items()},
        note=data.get("note", ""),
    )


def _to_request(r: Row[Any], targets: Iterable[Target]) -> LegalRequest:
    return LegalRequest(
        id=r.id,
        authority_id=r.authority_id,
        country=r.country,
        request_id=r.request_id,
        key_id=r.key_id,
        basis_type=r.basis_type,
        basis_reference=r.basis_reference,
        basis_issued_at=r.basis_issued_at,
        basis_issued_by=r.basis_issued_by,
        offence_category=r.offence_category,
        emergency=r.emergency,
        data_requested=tuple(r.data_requested),
        period_from=r.period_from,
        period_to=r.period_to,
        nondisclosure_until=r.nondisclosure_until,
        status=RequestStatus(r.status),
        checks=tuple(Check.from_dict(c) for c in r.checks),
        received_at=r.received_at,
        envelope=dict(r.envelope),
        refusal_reason=r.refusal_reason,
        due_at=r.due_at,
        approval=_to_approval(r),
        confirmed_by=r.confirmed_by,
        confirmed_at=r.confirmed_at,
        decided_by=r.decided_by,
        decided_at=r.decided_at,
        decision_reason=r.decision_reason,
        released_at=r.released_at,
        outcome=Outcome(r.outcome) if r.outcome else None,
        rereview_due_at=r.rereview_due_at,
        rereviewed_by=r.rereviewed_by,
        rereviewed_at=r.rereviewed_at,
        rereview=Rereview(r.rereview) if r.rereview else None,
        rereview_note=r.rereview_note,
        targets=tuple(targets),
    )


class LegalRequestsRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- requests ------------------------------------------------------------------------
    def insert(self, **values: Any) -> int:
        result = self.conn.execute(legal_requests.insert().values(**values))
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def update(self, request_pk: int, **values: Any) -> None:
        self.conn.execute(
            legal_requests.update().where(legal_requests.c.id == request_pk).values(**values)
        )

    def replay_exists(self, authority_id: str, request_id: str) -> bool:
        found = self.conn.execute(
            sa.select(legal_requests.c.id).where(
                legal_requests.c.authority_id == authority_id,
                legal_requests.c.replay_key == request_id,
            )
        ).first()
        return found is not None

    def _targets(self, ids: list[int]) -> dict[int, list[Target]]:
        if not ids:
            return {}
        rows = self.conn.execute(
            sa.select(legal_targets)
            .where(legal_targets.c.request_pk.in_(ids))
            .order_by(legal_targets.c.request_pk, legal_targets.c.idx)
        ).all()
        out: dict[int, list[Target]] = {}
        for r in rows:
            out.setdefault(r.request_pk, []).append(_to_target(r))
        return out

    def _many(self, query: sa.Select[Any]) -> list[LegalRequest]:
        rows = self.conn.execute(query).all()
        targets = self._targets([r.id for r in rows])
        return [_to_request(r, targets.get(r.id, ())) for r in rows]

    def get(self, request_pk: int) -> LegalRequest | None:
        found = self._many(sa.select(legal_requests).where(legal_requests.c.id == request_pk))
        return found[0] if found else None

    def for_authority(
        self, authority_id: str, *, limit: int, before: int | None = None
    ) -> list[LegalRequest]:
        query = sa.select(legal_requests).where(legal_requests.c.authority_id == authority_id)
        if before is not None:
            query = query.where(legal_requests.c.id < before)
        return self._many(query.order_by(legal_requests.c.id.desc()).limit(limit))

    def in_status(self, statuses: Iterable[RequestStatus], *, limit: int) -> list[LegalRequest]:
        query = sa.select(legal_requests).where(
            legal_requests.c.status.in_([s.value for s in statuses])
        )
        return self._many(query.order_by(legal_requests.c.id.desc()).limit(limit))  # newest

    def awaiting_rereview(self, *, limit: int) -> list[LegalRequest]:
        """Emergency requests past the automatic checks whose re-review is not yet done."""
        query = (
            sa.select(legal_requests)
            .where(
                legal_requests.c.rereview_due_at.is_not(None),
                legal_requests.c.rereviewed_at.is_(None),
            )
            .order_by(legal_requests.c.rereview_due_at)
            .limit(limit)
        )
        return self._many(query)

    # -- targets -------------------------------------------------------------------------
    def put_targets(self, targets: Iterable[Target]) -> None:
        rows = [
            {
                "request_pk": t.request_pk,
                "idx": t.index,
                "spec": t.spec,
                "status": t.status.value,
                "user_id": t.user_id,
                "reason": t.reason,
                "violation_ids": list(t.violation_ids),
                "released_items": list(t.released_items),
                "ip_records": t.ip_records,
            }
            for t in targets
        ]
        if rows:
            self.conn.execute(legal_targets.insert(), rows)

    def update_target(self, request_pk: int, index: int, **values: Any) -> None:
        self.conn.execute(
            legal_targets.update()
            .where(legal_targets.c.request_pk == request_pk, legal_targets.c.idx == index)
            .values(**values)
        )

    # -- packages ------------------------------------------------------------------------
    def put_package(
        self, *, request_pk: int, package_enc: bytes, sha256: str, key_id: str, at: datetime
    ) -> None:
        self.conn.execute(
            legal_packages.insert().values(
                request_pk=request_pk,
                package_enc=package_enc,
                sha256=sha256,
                key_id=key_id,
                created_at=at,
            )
        )

    def get_package(self, request_pk: int) -> Package | None:
        r = self.conn.execute(
            sa.select(legal_packages).where(legal_packages.c.request_pk == request_pk)
        ).first()
        if r is None:
            return None
        return Package(
            request_pk=r.request_pk,
            package_enc=bytes(r.package_enc),
            sha256=r.sha256,
            key_id=r.key_id,
            created_at=r.created_at,
            retrievals=r.retrievals,
        )

    def count_retrieval(self, request_pk: int, *, at: datetime) -> None:
        self.conn.execute(
            legal_packages.update()
            .where(legal_packages.c.request_pk == request_pk)
            .values(retrievals=legal_packages.c.retrievals + 1, last_retrieved_at=at)
        )

    # -- notices -------------------------------------------------------------------------
    def add_notice(self, *, request_pk: int, user_id: int, due_at: datetime) -> int:
        result = self.conn.execute(
            legal_notices.insert().values(request_pk=request_pk, user_id=user_id, due_at=due_at)
        )
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    def due_notices(self, now: datetime, *, limit: int) -> list[DueNotice]:
        rows = self.conn.execute(
            sa.select(legal_notices)
            .where(legal_notices.c.sent_at.is_(None), legal_notices.c.due_at <= now)
            .order_by(legal_notices.c.due_at, legal_notices.c.id)
            .limit(limit)
        ).all()
        return [
            DueNotice(id=r.id, request_pk=r.request_pk, user_id=r.user_id, due_at=r.due_at)
            for r in rows
        ]

    def claim_notice(self, notice_id: int, *, at: datetime) -> bool:
        """Mark the notice sent; False when another transaction already did (send it once)."""
        result = self.conn.execute(
            legal_notices.update()
            .where(legal_notices.c.id == notice_id, legal_notices.c.sent_at.is_(None))
            .values(sent_at=at)
        )
        return result.rowcount > 0

    def set_notice_message(self, notice_id: int, *, chat_id: int, message_id: int) -> None:
        self.conn.execute(
            legal_notices.update()
            .where(legal_notices.c.id == notice_id)
            .values(chat_id=chat_id, message_id=message_id)
        )

    # -- the unattributable count ----------------------------------------------------------
    def count_unattributed(self, half_year: str) -> None:
        updated = self.conn.execute(
            legal_unattributed.update()
            .where(legal_unattributed.c.half_year == half_year)
            .values(count=legal_unattributed.c.count + 1)
        )
        if updated.rowcount == 0:
            self.conn.execute(legal_unattributed.insert().values(half_year=half_year, count=1))

    def unattributed(self, half_year: str) -> int:
        value = self.conn.execute(
            sa.select(legal_unattributed.c.count).where(legal_unattributed.c.half_year == half_year)
        ).scalar()
        return int(value or 0)

    # -- transparency ----------------------------------------------------------------------
    def figures_between(self, start: datetime, end: datetime) -> list[RequestFigures]:
        """Every request received in [start, end), with what the report counts."""
        rows = self.conn.execute(
            sa.select(
                legal_requests.c.id,
                legal_requests.c.country,
                legal_requests.c.status,
                legal_requests.c.outcome,
                legal_requests.c.refusal_reason,
                legal_requests.c.emergency,
                legal_requests.c.rereview,
            )
            .where(legal_requests.c.received_at >= start, legal_requests.c.received_at < end)
            .order_by(legal_requests.c.id)
        ).all()
        ids = [r.id for r in rows]
        counts: dict[int, int] = {}
        released: dict[int, list[int]] = {}
        if ids:
            for t in self.conn.execute(
                sa.select(
                    legal_targets.c.request_pk, legal_targets.c.status, legal_targets.c.user_id
                ).where(legal_targets.c.request_pk.in_(ids))
            ).all():
                counts[t.request_pk] = counts.get(t.request_pk, 0) + 1
                if t.status == TargetStatus.RELEASED.value and t.user_id is not None:
                    released.setdefault(t.request_pk, []).append(int(t.user_id))
        return [
            RequestFigures(
                id=r.id,
                country=r.country,
                status=RequestStatus(r.status),
                outcome=Outcome(r.outcome) if r.outcome else None,
                refusal_reason=r.refusal_reason,
                emergency=r.emergency,
                rereview=Rereview(r.rereview) if r.rereview else None,
                targets=counts.get(r.id, 0),
                released_user_ids=tuple(released.get(r.id, ())),
            )
            for r in rows
        ]

    def received_bounds(self) -> tuple[datetime, datetime] | None:
        row = self.conn.execute(
            sa.select(
                sa.func.min(legal_requests.c.received_at), sa.func.max(legal_requests.c.received_at)
            )
        ).first()
        if row is None or row[0] is None:
            return None
        return row[0], row[1]  # min/max keep the column type: aware datetimes
