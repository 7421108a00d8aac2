"""User reports: anyone reports a message, chat or user they can see, citing a rule and saying
why. Reports about the same subject fold into one case; reporters are rate-limited and told the
outcome. A private chat's messages reach moderators only this way, from a participant."""

from __future__ import annotations

from datetime import datetime

from parley.domain.chats import check_can_read
from parley.domain.errors import InvalidInput, NotFound, RateLimited
from parley.domain.moderation import (
    REPORT_COMMENT_MAX,
    CaseSource,
    Report,
    Subject,
    SubjectKind,
    clean_comment,
)
from parley.domain.users import UserKind, UserStatus
from parley.moderation.policy import load_policy
from parley.services import audit
from parley.services.cases import open_or_fold, record_event
from parley.services.context import Ctx
from parley.store.tx import Tx


def _check_visible(tx: Tx, reporter_id: int, subject: Subject, now: datetime) -> None:
    """Nobody reports what they cannot see (and so learns nothing by trying)."""
    if subject.kind in (SubjectKind.MESSAGE, SubjectKind.CHAT):
        assert subject.chat_id is not None
        chat = tx.chats.get(subject.chat_id)
        if chat is None:
            raise NotFound("chat not found", code="chat_not_found")
        check_can_read(chat, tx.members.get(chat.id, reporter_id), now)
        if subject.kind is SubjectKind.MESSAGE:
            assert subject.message_id is not None
            message = tx.messages.get(chat.id, subject.message_id)
            if message is None or message.deleted:
                raise NotFound("message not found", code="message_not_found")
        return
    assert subject.user_id is not None
    user = tx.users.get(subject.user_id)
    if user is None or user.kind is UserKind.SYSTEM or user.status is UserStatus.BANNED:
        raise NotFound("user not found", code="user_not_found")


async def file_report(
    ctx: Ctx, reporter_id: int, *, subject: Subject, rule_id: str, comment: str = ""
) -> Report:
    """File (or repeat) a report. Reporting the same open case twice returns the first report."""
    policy = load_policy()
    try:
        rule = policy.rule(rule_id)
    except KeyError:
        raise InvalidInput(f"no rule {rule_id!r}; see GET /api/v1/policy",
                           code="unknown_rule") from None  # fmt: skip
    text = clean_comment(comment, limit=REPORT_COMMENT_MAX, field_name="comment")
    if subject.kind is SubjectKind.USER and subject.user_id == reporter_id:
        raise InvalidInput("you cannot report yourself", code="invalid_subject")
    limit = ctx.settings.reports_per_user_per_hour
    wait = await ctx.limiter.take(f"reports:user:{reporter_id}", limit=limit, window=3600)
    if wait:
        raise RateLimited("you have sent many reports; try again later", retry_after=wait)
    now = ctx.clock.now()

    def run(tx: Tx) -> Report:
        _check_visible(tx, reporter_id, subject, now)
        case = tx.cases.open_for(subject)
        if case is not None:
            earlier = tx.reports.existing(reporter_id=reporter_id, case_id=case.id)
            if earlier is not None:
                return earlier
        actor = audit.Actor.user(reporter_id)
        case = open_or_fold(tx, subject=subject, source=CaseSource.REPORT, category=rule.category,
                            rule_id=rule.id, at=now, actor=actor, new_report=True)  # fmt: skip
        report_id = tx.reports.insert(case_id=case.id, reporter_id=reporter_id, subject=subject,
                                      rule_id=rule.id, comment=text, at=now)  # fmt: skip
        record_event(tx, case.id, "reported", at=now, actor=actor,
                     data={"report_id": report_id, "rule_id": rule.id})  # fmt: skip
        found = tx.reports.existing(reporter_id=reporter_id, case_id=case.id)
        assert found is not None
        return found

    return await ctx.db.write(run)


async def my_reports(ctx: Ctx, reporter_id: int, *, limit: int = 50) -> list[Report]:
    return await ctx.db.read(lambda tx: tx.reports.by_reporter(reporter_id, limit=min(limit, 100)))
