"""Member administration: adding people, banning, restricting, promoting, listing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from parley.domain.chats import (
    AdminRights,
    ChatKind,
    Member,
    MemberStatus,
    check_can_manage,
    check_has_right,
    effective_status,
)
from parley.domain.errors import Forbidden, InvalidInput, NotFound
from parley.domain.events import ChatEventKind
from parley.domain.users import User
from parley.services.chats import (
    add_member,
    load_chat,
    member_audience,
    readable_chat,
    remove_member,
)
from parley.services.context import Ctx
from parley.services.sequence import Changes, publish
from parley.store.tx import Tx

MAX_PAGE = 200


class MemberFilter(StrEnum):
    ALL = "all"
    ADMINS = "admins"
    BANNED = "banned"


@dataclass(frozen=True, slots=True)
class MemberView:
    member: Member
    user: User


async def add_members(ctx: Ctx, actor_id: int, *, chat_id: int, user_ids: list[int]) -> list[int]:
    """Add people to a group (needs the invite right). Returns those newly added."""
    ids = sorted(set(user_ids))
    if not 1 <= len(ids) <= MAX_PAGE:
        raise InvalidInput(f"add 1–{MAX_PAGE} users at a time", code="invalid_members")
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[list[int], Changes]:
        chat, actor = readable_chat(tx, actor_id, chat_id, now)
        found = tx.users.get_many(ids)
        bots = [u for u in ids if u in found and found[u].is_bot]
        # Channels are joined by people; only bots are added to them (by admins).
        if chat.kind is ChatKind.PRIVATE or (chat.kind is ChatKind.CHANNEL
                                             and len(bots) != len(ids)):  # fmt: skip
            raise InvalidInput("people are added to groups; channels are joined",
                               code="invalid_chat_kind")  # fmt: skip
        # Members of a group may add people, as in Telegram's default group permissions.
        if actor is None or not actor.is_active:
            raise Forbidden("join the group first", code="not_a_member")
        missing = [u for u in ids if u not in found]
        if missing:
            raise InvalidInput(f"unknown users: {missing}", code="user_not_found")
        if bots:
            check_has_right(chat, actor, "can_invite_users")  # bots are added by admins
            settings = tx.bots.get_many(bots)
            if any(b not in settings or not settings[b].can_join_groups for b in bots):
                raise Forbidden("this bot can't be added to groups", code="bot_groups_disabled")
        changes, added = Changes(), []
        for uid in ids:
            before = tx.members.get(chat_id, uid)
            if before is not None and before.is_active:
                continue
            add_member(tx, changes, load_chat(tx, chat_id), uid, now, inviter_id=actor_id)
            added.append(uid)
        return added, changes

    added, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return added


async def ban_member(
    ctx: Ctx,
    actor_id: int,
    *,
    chat_id: int,
    user_id: int,
    until: datetime | None = None,
    kick_only: bool = False,
) -> None:
    """Remove someone and keep them out until `until` (forever when None). A kick removes
    without the ban, so they may rejoin."""
    now = ctx.clock.now()

    def run(tx: Tx) -> Changes:
        chat, actor = readable_chat(tx, actor_id, chat_id, now)
        if chat.kind is ChatKind.PRIVATE:
            raise InvalidInput("nobody is banned from a private chat", code="invalid_chat_kind")
        check_has_right(chat, actor, "can_restrict_members")
        assert actor is not None
        target = tx.members.get(chat_id, user_id)
        check_can_manage(actor, target)
        if target is None:
            if kick_only:
                raise NotFound("this user is not a member", code="not_a_member")
            target = Member(chat_id=chat_id, user_id=user_id, status=MemberStatus.LEFT,
                            joined_at=now)  # fmt: skip
        before = target.status.value
        changes = Changes()
        status = MemberStatus.LEFT if kick_only else MemberStatus.BANNED
        remove_member(tx, changes, chat, target, now, status=status, actor_id=actor_id,
                      until=None if kick_only else until)  # fmt: skip
        if not kick_only:
            changes.chat(
                tx,
                chat_id=chat_id,
                kind=ChatEventKind.MEMBER_UPDATE,
                at=now,
                audience=member_audience(chat),
                data={
                    "user_id": user_id,
                    "actor_id": actor_id,
                    "status": "banned",
                    "old_status": before,
                },
            )
        return changes

    await publish(ctx, await ctx.db.write(run))


async def unban_member(ctx: Ctx, actor_id: int, *, chat_id: int, user_id: int) -> None:
    now = ctx.clock.now()

    def run(tx: Tx) -> Changes:
        chat, actor = readable_chat(tx, actor_id, chat_id, now)
        check_has_right(chat, actor, "can_restrict_members")
        target = tx.members.get(chat_id, user_id)
        changes = Changes()
        if target is None or target.status is not MemberStatus.BANNED:
            return changes
        tx.members.set_status(chat_id, user_id, MemberStatus.LEFT)
        changes.chat(
            tx,
            chat_id=chat_id,
            kind=ChatEventKind.MEMBER_UPDATE,
            at=now,
            audience=member_audience(chat),
            data={
                "user_id": user_id,
                "actor_id": actor_id,
                "status": "left",
                "old_status": "banned",
            },
        )
        return changes

    await publish(ctx, await ctx.db.write(run))


async def restrict_member(
    ctx: Ctx,
    actor_id: int,
    *,
    chat_id: int,
    user_id: int,
    can_send: bool,
    until: datetime | None = None,
) -> Member:
    """Mute (or unmute) a group member, for a while or until lifted."""
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Member, Changes]:
        chat, actor = readable_chat(tx, actor_id, chat_id, now)
        if chat.kind is not ChatKind.GROUP:
            raise InvalidInput("members are restricted in groups", code="invalid_chat_kind")
        check_has_right(chat, actor, "can_restrict_members")
        assert actor is not None
        target = tx.members.get(chat_id, user_id)
        if target is None or not target.is_active:
            raise NotFound("this user is not a member", code="not_a_member")
        check_can_manage(actor, target)
        status = MemberStatus.MEMBER if can_send and until is None else MemberStatus.RESTRICTED
        updated = Member(
            chat_id=chat_id, user_id=user_id, status=status, joined_at=target.joined_at,
            can_send=can_send, until=until if status is MemberStatus.RESTRICTED else None,
            read_inbox_max_id=target.read_inbox_max_id, last_post_at=target.last_post_at,
            inviter_id=target.inviter_id,
        )  # fmt: skip
        tx.members.put(updated)
        changes = Changes()
        changes.chat(tx, chat_id=chat_id, kind=ChatEventKind.MEMBER_UPDATE, at=now,
                     data={"user_id": user_id, "actor_id": actor_id, "status": status.value,
                           "old_status": target.status.value, "can_send": can_send,
                           "until": until.isoformat() if until else None})  # fmt: skip
        return updated, changes

    member, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return member


async def promote_member(
    ctx: Ctx, actor_id: int, *, chat_id: int, user_id: int, rights: AdminRights | None
) -> Member:
    """Make a member an admin with `rights`, or an ordinary member again when None."""
    now = ctx.clock.now()

    def run(tx: Tx) -> tuple[Member, Changes]:
        chat, actor = readable_chat(tx, actor_id, chat_id, now)
        if chat.kind is ChatKind.PRIVATE:
            raise InvalidInput("private chats have no admins", code="invalid_chat_kind")
        check_has_right(chat, actor, "can_promote_members")
        assert actor is not None
        target = tx.members.get(chat_id, user_id)
        if target is None or effective_status(target, now) not in (
            MemberStatus.MEMBER,
            MemberStatus.ADMIN,
            MemberStatus.RESTRICTED,
        ):
            raise NotFound("this user is not a member", code="not_a_member")
        check_can_manage(actor, target)
        if rights is not None and actor.status is not MemberStatus.OWNER:
            assert actor.rights is not None
            if not actor.rights.covers(rights):
                raise Forbidden("you cannot grant rights you do not hold", code="rights_exceeded")
        status = MemberStatus.ADMIN if rights is not None else MemberStatus.MEMBER
        updated = Member(
            chat_id=chat_id, user_id=user_id, status=status, joined_at=target.joined_at,
            rights=rights, read_inbox_max_id=target.read_inbox_max_id,
            last_post_at=target.last_post_at, inviter_id=target.inviter_id,
        )  # fmt: skip
        tx.members.put(updated)
        changes = Changes()
        changes.chat(tx, chat_id=chat_id, kind=ChatEventKind.MEMBER_UPDATE, at=now,
                     data={"user_id": user_id, "actor_id": actor_id, "status": status.value,
                           "old_status": target.status.value,
                           "rights": rights.to_dict() if rights else None})  # fmt: skip
        return updated, changes

    member, changes = await ctx.db.write(run)
    await publish(ctx, changes)
    return member


async def list_members(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    member_filter: MemberFilter = MemberFilter.ALL,
    after_user_id: int = 0,
    limit: int = 100,
) -> list[MemberView]:
    """A page of members ordered by user id. Channel subscribers are listed to admins only,
    as in Telegram; banned lists need the restrict right."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInput(f"limit must be 1–{MAX_PAGE}", code="invalid_limit")
    now = ctx.clock.now()

    def run(tx: Tx) -> list[MemberView]:
        chat, me = readable_chat(tx, user_id, chat_id, now)
        statuses: tuple[str, ...]
        if member_filter is MemberFilter.ADMINS:
            statuses = ("owner", "admin")
        elif member_filter is MemberFilter.BANNED:
            check_has_right(chat, me, "can_restrict_members")
            statuses = ("banned",)
        else:
            if chat.kind is ChatKind.CHANNEL and not (me and me.is_admin):
                raise Forbidden("only admins see a channel's subscribers", code="admin_required")
            if (
                chat.kind is not ChatKind.CHANNEL
                and not chat.is_public
                and not (me and me.is_active)
            ):
                raise Forbidden("join the chat to see its members", code="not_a_member")
            statuses = ("owner", "admin", "member", "restricted")
        members = tx.members.page(chat_id, statuses=statuses, after_user_id=after_user_id,
                                  limit=limit)  # fmt: skip
        users = tx.users.get_many([m.user_id for m in members])
        return [MemberView(member=m, user=users[m.user_id]) for m in members if m.user_id in users]

    return await ctx.db.read(run)


async def get_member(ctx: Ctx, user_id: int, *, chat_id: int, member_id: int) -> MemberView:
    now = ctx.clock.now()

    def run(tx: Tx) -> MemberView:
        readable_chat(tx, user_id, chat_id, now)
        target = tx.members.get(chat_id, member_id)
        user = tx.users.get(member_id)
        if user is None:
            raise NotFound("user not found", code="user_not_found")
        if target is None:
            target = Member(chat_id=chat_id, user_id=member_id, status=MemberStatus.LEFT,
                            joined_at=now)  # fmt: skip
        return MemberView(member=target, user=user)

    return await ctx.db.read(run)
