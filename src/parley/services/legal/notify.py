"""Telling the affected user: who asked, when, under which basis, and what was released.

A notice is owed for every released account. It is sent at release, or once the request's
`nondisclosure_until` has passed; `send_due_notices` is the scheduled job that sends those."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from parley.domain.legal import Authority, DataItem, LegalRequest, Target
from parley.services import audit
from parley.services.context import Ctx
from parley.services.notices import notify
from parley.services.sequence import Changes, publish
from parley.store.tx import Tx

log = logging.getLogger(__name__)
KIND = "legal_disclosure"
_BASIS = {
    "court_order": "court order",
    "warrant": "warrant",
    "subpoena": "subpoena",
    "emergency": "emergency request",
}


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "?"


def notice_facts(request: LegalRequest, authority: Authority, target: Target) -> dict[str, Any]:
    return {
        "request": request.id,
        "authority": {
            "name": authority.name,
            "country": authority.country,
            "kind": authority.kind.value,
        },
        "received_at": request.received_at.isoformat(),
        "released_at": request.released_at.isoformat() if request.released_at else None,
        "legal_basis": {
            "type": request.basis_type,
            "reference": request.basis_reference,
            "issued_at": request.basis_issued_at.isoformat() if request.basis_issued_at else None,
            "issued_by": request.basis_issued_by,
        },
        "offence_category": request.offence_category,
        "released": list(target.released_items),
        "ip_records": target.ip_records,
        "period": {
            "from": request.period_from.isoformat() if request.period_from else None,
            "to": request.period_to.isoformat() if request.period_to else None,
        },
    }


def notice_text(request: LegalRequest, authority: Authority, target: Target) -> str:
    released = []
    if DataItem.PHONE_NUMBER.value in target.released_items:
        released.append("your phone number")
    if DataItem.IP_ADDRESSES.value in target.released_items:
        released.append(
            f"{target.ip_records} IP address record{'s' if target.ip_records != 1 else ''} "
            f"from {_day(request.period_from)} to {_day(request.period_to)}"
        )
    basis = _BASIS.get(request.basis_type or "", request.basis_type or "legal request")
    return "\n".join(
        [
            "A legal request about your account was answered.",
            f"Who asked: {authority.name} ({authority.kind.value}, {authority.country}).",
            f"When: received {_day(request.received_at)}, answered {_day(request.released_at)}.",
            f"Legal basis: {basis} {request.basis_reference}, issued "
            f"{_day(request.basis_issued_at)} by {request.basis_issued_by}.",
            "What was released: " + " and ".join(released) + ".",
            f"Why: your account has a confirmed violation of the rules on "
            f"{(request.offence_category or '').replace('_', ' ')}.",
            "Nothing else was released: no messages, contacts or other data.",
        ]
    )


def deliver(
    tx: Tx,
    changes: Changes,
    *,
    notice_id: int,
    request: LegalRequest,
    authority: Authority,
    target: Target,
    now: datetime,
) -> bool:
    """Send one owed notice, unless another process already has."""
    assert target.user_id is not None
    if not tx.legal.claim_notice(notice_id, at=now):
        return False
    sent = notify(
        tx,
        changes,
        user_id=target.user_id,
        kind=KIND,
        at=now,
        text=notice_text(request, authority, target),
        data=notice_facts(request, authority, target),
    )
    tx.legal.set_notice_message(notice_id, chat_id=sent.chat_id, message_id=sent.id)
    audit.record(
        tx,
        actor=audit.Actor.system("legal-notices"),
        action="legal.notice.sent",
        subject_kind="legal_request",
        subject_id=request.id,
        at=now,
        data={"user_id": target.user_id, "chat_id": sent.chat_id, "message_id": sent.id},
    )
    return True


def schedule(
    tx: Tx, changes: Changes, *, request: LegalRequest, authority: Authority, now: datetime
) -> None:
    """Owe a notice to each released account: send it now, or when nondisclosure ends."""
    due = max(now, request.nondisclosure_until or now)
    for target in request.targets:
        if target.user_id is None or not target.released_items:
            continue
        notice_id = tx.legal.add_notice(request_pk=request.id, user_id=target.user_id, due_at=due)
        if due <= now:
            deliver(
                tx,
                changes,
                notice_id=notice_id,
                request=request,
                authority=authority,
                target=target,
                now=now,
            )
        else:
            audit.record(
                tx,
                actor=audit.Actor.system("legal-notices"),
                action="legal.notice.deferred",
                subject_kind="legal_request",
                subject_id=request.id,
                at=now,
                data={"user_id": target.user_id, "due_at": due.isoformat()},
            )


async def send_due_notices(ctx: Ctx, *, limit: int = 200) -> int:
    """Send every notice whose nondisclosure period has passed (a scheduled job)."""
    now = ctx.clock.now()
    due = await ctx.db.read(lambda tx: tx.legal.due_notices(now, limit=limit))
    sent = 0
    for notice in due:

        def run(
            tx: Tx,
            notice_id: int = notice.id,
            request_pk: int = notice.request_pk,
            user_id: int = notice.user_id,
        ) -> Changes | None:
            request = tx.legal.get(request_pk)
            assert request is not None
            authority = tx.authorities.get(request.authority_id)
            assert authority is not None
            target = next(t for t in request.targets if t.user_id == user_id)
            changes = Changes()
            done = deliver(
                tx,
                changes,
                notice_id=notice_id,
                request=request,
                authority=authority,
                target=target,
                now=now,
            )
            return changes if done else None  # None: another process sent it

        changes = await ctx.db.write(run)
        if changes is not None:
            await publish(ctx, changes)
            sent += 1
    if sent:
        log.info("sent %d legal disclosure notices", sent)
    return sent
