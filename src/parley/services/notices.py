"""Notices from the platform to a person: statements of reasons, appeal outcomes, report
outcomes, legal-disclosure notices. Each is a message in the person's private chat with the
"Parley" system account (as Telegram's service notifications are), carrying the structured
notice in `extra.notice`, plus a `notice` user event so clients can badge it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from parley.domain.chats import ChatKind, MemberStatus, private_chat_key
from parley.domain.events import UserEventKind
from parley.domain.messages import Message, MessageKind
from parley.domain.users import UserKind
from parley.services.chats import add_member, load_chat
from parley.services.sequence import Changes
from parley.store.tx import Tx

SYSTEM_NAME = "Parley"


def system_account(tx: Tx, at: datetime) -> int:
    found = tx.users.system_account()
    if found is not None:
        return found
    return tx.users.insert(kind=UserKind.SYSTEM, display_name=SYSTEM_NAME, created_at=at)


def notify(
    tx: Tx,
    changes: Changes,
    *,
    user_id: int,
    kind: str,
    text: str,
    data: dict[str, Any],
    at: datetime,
) -> Message:
    """Post a notice to `user_id` inside the caller's transaction."""
    system_id = system_account(tx, at)
    key = private_chat_key(system_id, user_id)
    chat_id = tx.chats.id_by_private_key(key)
    if chat_id is None:
        chat_id = tx.chats.insert(kind=ChatKind.PRIVATE, title="", private_key=key, at=at)
        for uid in sorted({system_id, user_id}):
            add_member(tx, changes, load_chat(tx, chat_id), uid, at)
        # The notices chat is read-only for the person: nothing they write would be read.
        member = tx.members.get(chat_id, user_id)
        assert member is not None
        tx.members.put(replace(member, status=MemberStatus.RESTRICTED, can_send=False))
    notice = {"kind": kind, **data}
    message = changes.post(tx, chat_id=chat_id, sender_id=system_id, text=text, at=at,
                           kind=MessageKind.TEXT, extra={"notice": notice})  # fmt: skip
    changes.user(tx, user_id=user_id, kind=UserEventKind.NOTICE, at=at,
                 data={"chat_id": chat_id, "message_id": message.id, **notice})  # fmt: skip
    return message
