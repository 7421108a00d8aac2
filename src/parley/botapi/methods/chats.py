"""Chats and their members: getChat, getChatMember(Count), getChatAdministrators, ban, unban,
restrict and promote members, pin and unpin, leaveChat, createChatInviteLink."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from parley.botapi import types
from parley.botapi.errors import bad_request
from parley.botapi.ids import parse_user_id
from parley.botapi.methods.base import Call, Handler, resolve
from parley.domain.chats import AdminRights, ChatKind
from parley.services import bots, chats, members, messages
from parley.services.members import MemberFilter

_RIGHTS = ("can_manage_chat", "can_change_info", "can_post_messages", "can_edit_messages",
           "can_delete_messages", "can_restrict_members", "can_invite_users", "can_pin_messages",
           "can_promote_members")  # fmt: skip


def _until(call: Call) -> datetime | None:
    """until_date as Telegram reads it: under 30 seconds or over 366 days away is forever."""
    value = call.params.integer("until_date")
    if not value:
        return None
    now = call.ctx.clock.now()
    when = datetime.fromtimestamp(value, UTC)
    if when < now + timedelta(seconds=30) or when > now + timedelta(days=366):
        return None
    return when


async def get_chat(call: Call) -> dict[str, Any]:
    view = await resolve(call)
    refs = await bots.refs_for(call.ctx, call.bot.id, [], chat_ids={view.chat.id})
    return types.chat_full(view, refs)


async def get_chat_member(call: Call) -> dict[str, Any]:
    view = await resolve(call)
    user_id = parse_user_id(call.params.raw("user_id"))
    found = await members.get_member(call.ctx, call.bot.id, chat_id=view.chat.id,
                                     member_id=user_id)  # fmt: skip
    return types.chat_member(found.member, found.user, view.chat.kind)


async def get_chat_member_count(call: Call) -> int:
    view = await resolve(call)
    return view.chat.member_count


async def get_chat_administrators(call: Call) -> list[dict[str, Any]]:
    view = await resolve(call)
    if view.chat.kind is ChatKind.PRIVATE:
        raise bad_request("there are no administrators in the private chat")
    found = await members.list_members(call.ctx, call.bot.id, chat_id=view.chat.id,
                                       member_filter=MemberFilter.ADMINS, limit=200)  # fmt: skip
    # Telegram lists the administrators that are not bots.
    return [types.chat_member(m.member, m.user, view.chat.kind) for m in found
            if not m.user.is_bot]  # fmt: skip


async def ban_chat_member(call: Call) -> bool:
    view = await resolve(call)
    user_id = parse_user_id(call.params.raw("user_id"))
    await members.ban_member(call.ctx, call.bot.id, chat_id=view.chat.id, user_id=user_id,
                             until=_until(call))  # fmt: skip
    return True


async def unban_chat_member(call: Call) -> bool:
    view = await resolve(call)
    user_id = parse_user_id(call.params.raw("user_id"))
    await bots.unban_chat_member(call.ctx, call.bot.id, chat_id=view.chat.id, user_id=user_id,
                                 only_if_banned=call.params.flag("only_if_banned"))  # fmt: skip
    return True


async def restrict_chat_member(call: Call) -> bool:
    view = await resolve(call)
    user_id = parse_user_id(call.params.raw("user_id"))
    perms = call.params.json_object("permissions", "permissions")
    if perms is None:
        raise bad_request('parameter "permissions" is required')
    # Parley models one permission, sending; any can_send_* flag grants it.
    can_send = any(bool(v) for k, v in perms.items() if k.startswith("can_send_"))
    await members.restrict_member(call.ctx, call.bot.id, chat_id=view.chat.id, user_id=user_id,
                                  can_send=can_send, until=_until(call))  # fmt: skip
    return True


async def promote_chat_member(call: Call) -> bool:
    view = await resolve(call)
    user_id = parse_user_id(call.params.raw("user_id"))
    flags = {name: call.params.flag(name) for name in _RIGHTS}
    rights = AdminRights(**flags) if any(flags.values()) else None
    await members.promote_member(call.ctx, call.bot.id, chat_id=view.chat.id, user_id=user_id,
                                 rights=rights)  # fmt: skip
    return True


async def pin_chat_message(call: Call) -> bool:
    view = await resolve(call)
    message_id = call.params.required_integer("message_id", "message identifier is not specified")
    await messages.pin_message(call.ctx, call.bot.id, chat_id=view.chat.id,
                               message_id=message_id, pinned=True)  # fmt: skip
    return True


async def unpin_chat_message(call: Call) -> bool:
    view = await resolve(call)
    message_id = call.params.integer("message_id")
    if message_id is None:
        message_id = await bots.latest_pinned(call.ctx, call.bot.id, chat_id=view.chat.id)
        if message_id is None:
            return True
    await messages.pin_message(call.ctx, call.bot.id, chat_id=view.chat.id,
                               message_id=message_id, pinned=False)  # fmt: skip
    return True


async def leave_chat(call: Call) -> bool:
    view = await resolve(call)
    await chats.leave_chat(call.ctx, call.bot.id, chat_id=view.chat.id)
    return True


async def create_chat_invite_link(call: Call) -> dict[str, Any]:
    view = await resolve(call)
    p = call.params
    expire = p.integer("expire_date")
    link = await chats.create_invite_link(
        call.ctx, call.bot.id, chat_id=view.chat.id, name=p.string("name", "") or "",
        expires_at=datetime.fromtimestamp(expire, UTC) if expire else None,
        member_limit=p.integer("member_limit"),
    )  # fmt: skip
    out: dict[str, Any] = {
        "invite_link": f"{call.base_url}/join/{link.code}", "creator": types.user(call.bot),
        "creates_join_request": False, "is_primary": False, "is_revoked": link.revoked,
    }  # fmt: skip
    if link.name:
        out["name"] = link.name
    if link.expires_at is not None:
        out["expire_date"] = types.unix(link.expires_at)
    if link.member_limit is not None:
        out["member_limit"] = link.member_limit
    return out


METHODS: dict[str, Handler] = {
    "getchat": get_chat,
    "getchatmember": get_chat_member,
    "getchatmembercount": get_chat_member_count,
    "getchatmemberscount": get_chat_member_count,  # the old name libraries still send
    "getchatadministrators": get_chat_administrators,
    "banchatmember": ban_chat_member,
    "kickchatmember": ban_chat_member,
    "unbanchatmember": unban_chat_member,
    "restrictchatmember": restrict_chat_member,
    "promotechatmember": promote_chat_member,
    "pinchatmessage": pin_chat_message,
    "unpinchatmessage": unpin_chat_message,
    "leavechat": leave_chat,
    "createchatinvitelink": create_chat_invite_link,
}
