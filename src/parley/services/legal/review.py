"""The legal console: the queue, one request in full, and the two-officer decision.

Release needs two different legal officers: one approves (choosing which eligible targets and
which of the requested data to release: narrowing, never widening), a second confirms. Either
may refuse with a reason. No officer sees or acts on a request that names their own account.
Emergency requests are re-reviewed within 72 hours by an officer who took no part in them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from parley.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from parley.domain.legal import (
    OPEN_STATUSES,
    Approval,
    Authority,
    LegalRequest,
    Outcome,
    RequestStatus,
    Rereview,
    Target,
    TargetStatus,
    check_open,
    check_second_officer,
    clean_text_field,
)
from parley.domain.users import Role
from parley.domain.violations import Violation
from parley.services import audit
from parley.services.context import Ctx
from parley.services.legal import disclosure, notify
from parley.services.legal.policy_link import disclosable_categories
from parley.services.sequence import Changes, publish
from parley.store.audit import AuditRow
from parley.store.tx import Tx

SORTS = ("deadline", "received", "newest")


@dataclass(frozen=True, slots=True)
class OfficerView:
    request: LegalRequest
    authority: Authority | None
    violations: dict[int, Violation]
    trail: list[AuditRow]


def _officer(tx: Tx, officer_id: int) -> None:
    user = tx.users.get(officer_id)
    if user is None or not user.has_role(Role.LEGAL_OFFICER):
        raise Forbidden("this needs the legal_officer role", code="role_required")


def _load(tx: Tx, officer_id: int, request_pk: int) -> LegalRequest:
    """The request, unless it names the officer: then, for them, it does not exist."""
    _officer(tx, officer_id)
    request = tx.legal.get(request_pk)
    if request is None or officer_id in request.targeted_user_ids():
        raise NotFound("no such request", code="request_not_found")
    return request


def _sort(requests: list[LegalRequest], sort: str) -> list[LegalRequest]:
    if sort == "received":
        return sorted(requests, key=lambda r: (r.received_at, r.id))
    if sort == "newest":
        return sorted(requests, key=lambda r: (r.received_at, r.id), reverse=True)
    far = datetime.max.replace(tzinfo=requests[0].received_at.tzinfo) if requests else None
    return sorted(requests, key=lambda r: (not r.emergency, r.due_at or far, r.id))


async def list_queue(
    ctx: Ctx,
    officer_id: int,
    *,
    sort: str = "deadline",
    statuses: list[RequestStatus] | None = None,
    limit: int = 100,
) -> list[LegalRequest]:
    """Open requests by default; emergency first, then nearest deadline (sort="deadline")."""
    if sort not in SORTS:
        raise InvalidInput(f"sort is one of {', '.join(SORTS)}", code="invalid_sort")
    wanted = statuses or list(OPEN_STATUSES)

    def run(tx: Tx) -> list[LegalRequest]:
        _officer(tx, officer_id)
        found = tx.legal.in_status(wanted, limit=5000)
        return [r for r in found if officer_id not in r.targeted_user_ids()]

    return _sort(await ctx.db.read(run), sort)[: max(1, min(limit, 500))]


async def get_request(ctx: Ctx, officer_id: int, *, request_pk: int) -> OfficerView:
    def run(tx: Tx) -> OfficerView:
        request = _load(tx, officer_id, request_pk)
        ids = {v for t in request.targets for v in t.violation_ids}
        violations = {v.id: v for v in (tx.violations.get(i) for i in sorted(ids)) if v}
        return OfficerView(
            request=request,
            authority=tx.authorities.get(request.authority_id),
            violations=violations,
            trail=tx.audit.for_subject("legal_request", str(request_pk)),
        )

    return await ctx.db.read(run)


def _key_revoked(tx: Tx, request: LegalRequest) -> bool:
    authority = tx.authorities.get(request.authority_id)
    key = None if authority is None or request.key_id is None else authority.key(request.key_id)
    return key is None or key.revoked_at is not None


def _closed_if_key_revoked(tx: Tx, request: LegalRequest, *, officer_id: int,
                           now: datetime) -> bool:  # fmt: skip
    """A key revoked while the request waited refuses it at approval or release."""
    if not _key_revoked(tx, request):
        return False
    _close(tx, request, officer_id=officer_id, code="key_revoked_before_release",
           reason="the signing key was revoked after the request arrived", now=now)  # fmt: skip
    return True


def _close(
    tx: Tx, request: LegalRequest, *, officer_id: int, code: str, reason: str, now: datetime
) -> None:
    """Refuse the request: nothing is released, eligible targets are withheld."""
    for target in request.targets:
        if target.status is TargetStatus.ELIGIBLE:
            tx.legal.update_target(
                request.id, target.index, status=TargetStatus.WITHHELD.value, reason=code
            )
    tx.legal.update(
        request.id,
        status=RequestStatus.REFUSED.value,
        refusal_reason=code,
        decided_by=officer_id,
        decided_at=now,
        decision_reason=reason[:500],
    )
    audit.record(
        tx,
        actor=audit.Actor.user(officer_id),
        action="legal.request.reject",
        subject_kind="legal_request",
        subject_id=request.id,
        at=now,
        data={"reason_code": code, "reason": reason},
    )


def _reload(tx: Tx, request_pk: int) -> LegalRequest:
    request = tx.legal.get(request_pk)
    assert request is not None
    return request


async def approve_request(
    ctx: Ctx,
    officer_id: int,
    *,
    request_pk: int,
    release: list[int],
    data: list[str] | None = None,
    withhold: dict[int, str] | None = None,
    note: str = "",
) -> LegalRequest:
    """The first officer's decision: which eligible targets to release (the rest withheld,
    each with a reason) and which of the requested data. A second officer must confirm."""
    note = clean_text_field(note, name="note", limit=2000, required=False)
    reasons = {
        int(k): clean_text_field(v, name="reason", limit=500) for k, v in (withhold or {}).items()
    }
    now = ctx.clock.now()

    def run(tx: Tx) -> LegalRequest:
        request = _load(tx, officer_id, request_pk)
        check_open(request, RequestStatus.PENDING_REVIEW)
        eligible = {t.index for t in request.targets if t.status is TargetStatus.ELIGIBLE}
        chosen = set(release)
        if not chosen or not chosen <= eligible:
            raise InvalidInput(
                "release one or more eligible targets (by index); to release "
                "nothing, reject the request",
                code="invalid_release",
            )
        items = tuple(data) if data is not None else request.data_requested
        if (
            not items
            or len(set(items)) != len(items)
            or not set(items) <= set(request.data_requested)
        ):
            raise InvalidInput(
                "data may narrow what was requested, never widen it", code="data_widened"
            )
        rest = eligible - chosen
        if set(reasons) != rest:
            raise InvalidInput(
                "give a reason for each eligible target not released, and only for those",
                code="withhold_reason_required",
            )
        if _closed_if_key_revoked(tx, request, officer_id=officer_id, now=now):
            return _reload(tx, request_pk)
        approval = Approval(
            officer_id=officer_id,
            at=now,
            release=tuple(sorted(chosen)),
            data=tuple(items),
            withhold=reasons,
            note=note,
        )
        tx.legal.update(
            request_pk,
            status=RequestStatus.APPROVED.value,
            approval=approval.to_dict(),
            approved_by=officer_id,
            approved_at=now,
        )
        audit.record(
            tx,
            actor=audit.Actor.user(officer_id),
            action="legal.request.approve",
            subject_kind="legal_request",
            subject_id=request_pk,
            at=now,
            data=approval.to_dict(),
        )
        return _reload(tx, request_pk)

    return await ctx.db.write(run)


def _release(tx: Tx, ctx: Ctx, request: LegalRequest, officer_id: int, now: datetime) -> Changes:
    """Re-check each approved target, build, sign and store the package, owe the notices."""
    approval = request.approval
    assert approval is not None and request.offence_category is not None
    disclosable = request.offence_category in disclosable_categories()
    release: list[Target] = []
    withheld: list[tuple[Target, str]] = []
    for target in request.targets:
        if target.index in approval.release and target.user_id is not None:
            still = tx.violations.confirmed_in_categories(
                target.user_id, [request.offence_category]
            )
            if still and disclosable:
                release.append(replace(target, violation_ids=tuple(v.id for v in still)))
            else:  # voided on appeal (or the policy changed) since the checks ran
                withheld.append((target, "violation_voided"))
        elif target.index in approval.withhold:
            withheld.append((target, approval.withhold[target.index]))
        else:
            withheld.append((target, target.reason or "not_eligible"))
    if not release:
        _close(
            tx,
            request,
            officer_id=officer_id,
            code="no_eligible_target",
            reason="no approved target still has a confirmed violation",
            now=now,
        )
        return Changes()
    actor = audit.Actor.user(officer_id)
    package, counts = disclosure.build_package(
        tx,
        ctx,
        request,
        release=release,
        withheld=withheld,
        data=approval.data,
        actor=actor,
        now=now,
    )
    digest, key_id = disclosure.seal_package(tx, ctx, request.id, package, now)
    for target in release:
        tx.legal.update_target(
            request.id,
            target.index,
            status=TargetStatus.RELEASED.value,
            released_items=list(approval.data),
            ip_records=counts.get(target.index, 0),
            violation_ids=list(target.violation_ids),
        )
    for target, reason in withheld:
        if target.status is TargetStatus.ELIGIBLE:
            code = "violation_voided" if reason == "violation_voided" else "withheld_by_officer"
            tx.legal.update_target(
                request.id, target.index, status=TargetStatus.WITHHELD.value, reason=code
            )
    full = len(release) == len(request.targets) and set(approval.data) == set(
        request.data_requested
    )
    outcome = Outcome.FULL if full else Outcome.PARTIAL
    tx.legal.update(
        request.id,
        status=RequestStatus.RELEASED.value,
        confirmed_by=officer_id,
        confirmed_at=now,
        released_at=now,
        outcome=outcome.value,
    )
    audit.record(
        tx,
        actor=actor,
        action="legal.request.confirm",
        subject_kind="legal_request",
        subject_id=request.id,
        at=now,
        data={"approved_by": approval.officer_id},
    )
    audit.record(
        tx,
        actor=actor,
        action="legal.request.release",
        subject_kind="legal_request",
        subject_id=request.id,
        at=now,
        data={
            "package_sha256": digest,
            "signing_key": key_id,
            "outcome": outcome.value,
            "released": [t.index for t in release],
            "withheld": [t.index for t, _ in withheld],
            "data": list(approval.data),
        },
    )
    authority = tx.authorities.get(request.authority_id)
    assert authority is not None
    changes = Changes()
    notify.schedule(tx, changes, request=_reload(tx, request.id), authority=authority, now=now)
    return changes


async def confirm_request(ctx: Ctx, officer_id: int, *, request_pk: int) -> LegalRequest:
    """The second officer's confirmation: the package is built, signed and released."""
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[LegalRequest, Changes]:
        request = _load(tx, officer_id, request_pk)
        check_open(request, RequestStatus.APPROVED)
        check_second_officer(request, officer_id)
        if _closed_if_key_revoked(tx, request, officer_id=officer_id, now=now):
            return _reload(tx, request_pk), Changes()
        changes = _release(tx, ctx, request, officer_id, now)
        return _reload(tx, request_pk), changes

    request, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return request


async def reject_request(
    ctx: Ctx, officer_id: int, *, request_pk: int, reason: str
) -> LegalRequest:
    """Refuse the request (either officer, at either stage); the reason is told to the
    authority."""
    reason = clean_text_field(reason, name="reason", limit=500)
    now = ctx.clock.now()

    def run(tx: Tx) -> LegalRequest:
        request = _load(tx, officer_id, request_pk)
        check_open(request)
        _close(
            tx, request, officer_id=officer_id, code="refused_by_officer", reason=reason, now=now
        )
        return _reload(tx, request_pk)

    return await ctx.db.write(run)


async def rereview_request(
    ctx: Ctx, officer_id: int, *, request_pk: int, outcome: Rereview, note: str = ""
) -> LegalRequest:
    """Record the after-the-fact review of an emergency request. An emergency not upheld
    that is still open is refused at once."""
    note = clean_text_field(note, name="note", limit=1000, required=outcome is Rereview.NOT_UPHELD)
    now = ctx.clock.now()

    def run(tx: Tx) -> LegalRequest:
        request = _load(tx, officer_id, request_pk)
        if request.rereview_due_at is None or request.rereviewed_at is not None:
            raise Conflict("this request has no re-review outstanding", code="no_rereview_due")
        involved = {request.approval.officer_id if request.approval else None, request.confirmed_by}
        if officer_id in involved:
            raise Forbidden(
                "an officer who did not decide the request re-reviews it",
                code="independent_rereview_required",
            )
        tx.legal.update(
            request_pk,
            rereviewed_by=officer_id,
            rereviewed_at=now,
            rereview=outcome.value,
            rereview_note=note or None,
        )
        audit.record(
            tx,
            actor=audit.Actor.user(officer_id),
            action="legal.request.rereview",
            subject_kind="legal_request",
            subject_id=request_pk,
            at=now,
            data={"outcome": outcome.value, "note": note, "late": now > request.rereview_due_at},
        )
        if outcome is Rereview.NOT_UPHELD and request.is_open:
            _close(
                tx,
                request,
                officer_id=officer_id,
                code="emergency_not_upheld",
                reason=note,
                now=now,
            )
        return _reload(tx, request_pk)

    return await ctx.db.write(run)


async def list_rereviews(
    ctx: Ctx, officer_id: int, *, overdue_only: bool = False
) -> list[LegalRequest]:
    """Emergency requests awaiting their re-review, the most urgent first."""
    now = ctx.clock.now()

    def run(tx: Tx) -> list[LegalRequest]:
        _officer(tx, officer_id)
        found = tx.legal.awaiting_rereview(limit=1000)
        return [
            r
            for r in found
            if officer_id not in r.targeted_user_ids()
            and (not overdue_only or (r.rereview_due_at is not None and r.rereview_due_at <= now))
        ]

    return await ctx.db.read(run)


async def overdue_rereviews(ctx: Ctx) -> list[LegalRequest]:
    """Emergency requests whose 72-hour re-review deadline has passed (for alerts and the
    CLI; no officer filter)."""
    now = ctx.clock.now()
    found = await ctx.db.read(lambda tx: tx.legal.awaiting_rereview(limit=1000))
    return [r for r in found if r.rereview_due_at is not None and r.rereview_due_at <= now]
