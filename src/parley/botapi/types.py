"""Parley's objects in Telegram's shapes: User, Chat, ChatFullInfo, Message, MessageEntity,
ChatMember*, ChatMemberUpdated, CallbackQuery, Update. Fields that bot libraries require are
always present; optional ones are left out when empty, as Telegram leaves them out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parley.botapi.ids import chat_id_for, chat_type
from parley.domain.bots import message_entities
from parley.domain.chats import AdminRights, Chat, ChatKind, Member, MemberStatus
from parley.domain.clock import from_ms, to_ms
from parley.domain.codec import decode_message
from parley.domain.messages import Message, MessageKind
from parley.domain.users import User
from parley.services.bots import BotChat, Refs
from parley.store.bots import BotRow, StoredUpdate


def unix(value: datetime) -> int:
    return to_ms(value) // 1000


def user(u: User) -> dict[str, Any]:
    out: dict[str, Any] = {"id": u.id, "is_bot": u.is_bot, "first_name": u.display_name}
    if u.username:
        out["username"] = u.username
    return out


def _user_or_stub(refs: Refs, user_id: int) -> dict[str, Any]:
    found = refs.users.get(user_id)
    if found is None:
        return {"id": user_id, "is_bot": False, "first_name": "Deleted Account"}
    return user(found)


def me(u: User, bot: BotRow) -> dict[str, Any]:
    return {
        **user(u),
        "can_join_groups": bot.can_join_groups,
        "can_read_all_group_messages": not bot.privacy,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def chat(c: Chat, refs: Refs) -> dict[str, Any]:
    peer_id = refs.peers.get(c.id)
    out: dict[str, Any] = {"id": chat_id_for(c, peer_id), "type": chat_type(c)}
    if c.kind is ChatKind.PRIVATE:
        peer = refs.users.get(peer_id or 0)
        out["first_name"] = peer.display_name if peer else "Deleted Account"
        if peer is not None and peer.username:
            out["username"] = peer.username
    else:
        out["title"] = c.title
        if c.username:
            out["username"] = c.username
    return out


def chat_full(view: BotChat, refs: Refs) -> dict[str, Any]:
    c = view.chat
    peers = dict(refs.peers)
    if view.peer is not None:
        peers[c.id] = view.peer.id
    users = dict(refs.users)
    if view.peer is not None:
        users[view.peer.id] = view.peer
    out = chat(c, Refs(bot_id=refs.bot_id, users=users, chats=refs.chats, peers=peers))
    out.update({
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                "unique_gifts": False, "premium_subscription": False,
                                "gifts_from_channels": False},
    })  # fmt: skip
    if c.kind is ChatKind.PRIVATE and view.peer is not None and view.peer.bio:
        out["bio"] = view.peer.bio
    if c.kind is not ChatKind.PRIVATE:
        if c.description:
            out["description"] = c.description
        if c.slow_mode_seconds:
            out["slow_mode_delay"] = c.slow_mode_seconds
    if c.kind is ChatKind.GROUP:
        out["permissions"] = permissions(True)
    return out


def permissions(can_send: bool) -> dict[str, bool]:
    names = (
        "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos",
        "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls",
        "can_send_other_messages", "can_add_web_page_previews",
    )  # fmt: skip
    sending = dict.fromkeys(names, can_send)
    return {**sending, "can_change_info": False, "can_invite_users": True,
            "can_pin_messages": False, "can_manage_topics": False}  # fmt: skip


# -- messages ------------------------------------------------------------------------------
_SERVICE_JOINED = ("member_joined", "members_added")
_SERVICE_LEFT = ("member_left", "member_removed")


def _forward_origin(m: Message, refs: Refs) -> dict[str, Any] | None:
    fwd = m.forward
    if fwd is None:
        return None
    date = unix(fwd.date)
    source = refs.chats.get(fwd.chat_id) if fwd.chat_id is not None else None
    if source is not None and source.kind is ChatKind.CHANNEL:
        return {"type": "channel", "chat": chat(source, refs), "message_id": fwd.message_id or 0,
                "date": date}  # fmt: skip
    if fwd.sender_id is not None:
        return {"type": "user", "sender_user": _user_or_stub(refs, fwd.sender_id), "date": date}
    return {"type": "hidden_user", "sender_user_name": "Hidden", "date": date}


def _media(m: Message, out: dict[str, Any]) -> bool:
    media = m.media or {}
    if media.get("type") == "photo":
        out["photo"] = [
            {k: s[k] for k in ("file_id", "file_unique_id", "width", "height", "file_size")}
            for s in media.get("sizes", [])
        ]
        return True
    if media.get("type") == "document":
        doc = {k: media[k] for k in ("file_id", "file_unique_id", "file_name", "mime_type",
                                     "file_size") if media.get(k) is not None}  # fmt: skip
        out["document"] = doc
        return True
    return False


def _service(m: Message, c: Chat, refs: Refs, out: dict[str, Any]) -> None:
    action = m.extra.get("action")
    ids = [int(u) for u in m.extra.get("user_ids", []) if isinstance(u, int)]
    if action in _SERVICE_JOINED:
        out["new_chat_members"] = [_user_or_stub(refs, u) for u in ids]
    elif action in _SERVICE_LEFT and ids:
        out["left_chat_member"] = _user_or_stub(refs, ids[0])
    elif action == "title_changed":
        out["new_chat_title"] = str(m.extra.get("title", c.title))
    elif action == "chat_created":
        key = "channel_chat_created" if c.kind is ChatKind.CHANNEL else "group_chat_created"
        out[key] = True


def message(m: Message, refs: Refs, *, nested: bool = False) -> dict[str, Any]:
    c = refs.chats[m.chat_id]
    out: dict[str, Any] = {"message_id": m.id, "date": unix(m.date), "chat": chat(c, refs)}
    if c.kind is ChatKind.CHANNEL:
        out["sender_chat"] = out["chat"]
    elif m.sender_id is not None:
        out["from"] = _user_or_stub(refs, m.sender_id)
    if m.edit_date is not None:
        out["edit_date"] = unix(m.edit_date)
    origin = _forward_origin(m, refs)
    if origin is not None:
        out["forward_origin"] = origin
    if m.kind is MessageKind.SERVICE:
        _service(m, c, refs, out)
        return out
    has_media = _media(m, out)
    entities = message_entities(m)
    if has_media:
        if m.text:
            out["caption"] = m.text
            if entities:
                out["caption_entities"] = entities
    else:
        out["text"] = m.text
        if entities:
            out["entities"] = entities
    if not nested and m.reply_to_id is not None:
        target = refs.replies.get((m.chat_id, m.reply_to_id))
        if target is not None:
            out["reply_to_message"] = message(target, refs, nested=True)
    markup = m.extra.get("reply_markup")
    if isinstance(markup, dict) and "inline_keyboard" in markup:
        out["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
    return out


# -- members -------------------------------------------------------------------------------
_ADMIN_FLAGS = ("can_manage_video_chats", "can_post_stories", "can_edit_stories",
                "can_delete_stories", "can_manage_topics", "can_send_welcome_messages",
                "can_manage_direct_messages")  # fmt: skip


def _until(value: Any) -> int:
    if value is None or value == 0:
        return 0
    if isinstance(value, datetime):
        return unix(value)
    if isinstance(value, int):
        return value // 1000 if value > 10**11 else value
    if isinstance(value, str):
        try:
            return unix(datetime.fromisoformat(value))
        except ValueError:
            return 0
    return 0


def member_status(status: str, who: dict[str, Any], *, chat_kind: ChatKind,
                  rights: dict[str, bool] | None = None, can_send: bool = True,
                  until: Any = None) -> dict[str, Any]:  # fmt: skip
    """A ChatMember of the right variant from Parley's member status."""
    if status == MemberStatus.OWNER:
        return {"status": "creator", "user": who, "is_anonymous": False}
    if status == MemberStatus.ADMIN:
        r = AdminRights.from_dict(rights) if rights else AdminRights()
        out: dict[str, Any] = {
            "status": "administrator", "user": who, "can_be_edited": False, "is_anonymous": False,
            "can_manage_chat": r.can_manage_chat, "can_delete_messages": r.can_delete_messages,
            "can_restrict_members": r.can_restrict_members,
            "can_promote_members": r.can_promote_members, "can_change_info": r.can_change_info,
            "can_invite_users": r.can_invite_users,
        }  # fmt: skip
        out.update(dict.fromkeys(_ADMIN_FLAGS, False))
        if chat_kind is ChatKind.CHANNEL:
            out["can_post_messages"] = r.can_post_messages
            out["can_edit_messages"] = r.can_edit_messages
        else:
            out["can_pin_messages"] = r.can_pin_messages
        return out
    if status == MemberStatus.RESTRICTED:
        return {"status": "restricted", "user": who, "is_member": True, **permissions(can_send),
                "can_react_to_messages": True, "can_edit_tag": False,
                "until_date": _until(until)}  # fmt: skip
    if status == MemberStatus.BANNED:
        return {"status": "kicked", "user": who, "until_date": _until(until)}
    if status == MemberStatus.LEFT:
        return {"status": "left", "user": who}
    return {"status": "member", "user": who}


def chat_member(m: Member, u: User, chat_kind: ChatKind) -> dict[str, Any]:
    return member_status(m.status.value, user(u), chat_kind=chat_kind,
                         rights=m.rights.to_dict() if m.rights else None, can_send=m.can_send,
                         until=m.until)  # fmt: skip


def _member_side(side: dict[str, Any], who: dict[str, Any], kind: ChatKind) -> dict[str, Any]:
    return member_status(str(side.get("status", "left")), who, chat_kind=kind,
                         rights=side.get("rights"), can_send=bool(side.get("can_send", True)),
                         until=side.get("until"))  # fmt: skip


def chat_member_updated(payload: dict[str, Any], refs: Refs) -> dict[str, Any]:
    c = refs.chats[int(payload["chat_id"])]
    who = _user_or_stub(refs, int(payload["user_id"]))
    return {
        "chat": chat(c, refs),
        "from": _user_or_stub(refs, int(payload.get("actor_id") or payload["user_id"])),
        "date": int(payload.get("date", 0)) // 1000,
        "old_chat_member": _member_side(payload.get("old", {}), who, c.kind),
        "new_chat_member": _member_side(payload.get("new", {}), who, c.kind),
    }


# -- updates -------------------------------------------------------------------------------
def update(u: StoredUpdate, refs: Refs) -> dict[str, Any]:
    p = u.payload
    body: dict[str, Any]
    if u.kind in ("message", "edited_message", "channel_post", "edited_channel_post"):
        body = message(decode_message(p["message"]), refs)
    elif u.kind == "callback_query":
        body = {"id": str(p["id"]), "from": _user_or_stub(refs, int(p["from_id"])),
                "chat_instance": str(p["chat_instance"]), "data": p["data"],
                "message": message(decode_message(p["message"]), refs)}  # fmt: skip
    else:
        body = chat_member_updated(p, refs)
    return {"update_id": u.update_id, u.kind: body}


def when(ms: int) -> datetime:
    return from_ms(ms)
