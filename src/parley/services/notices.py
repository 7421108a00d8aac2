"""Service notices to one user: a message from the "Parley Notices" system account in a private,
read-only chat (what any client already shows), plus a `notice` user event that carries the
same facts in structured form for clients that render notices specially.

Legal disclosures use it now; moderation decisions can use it the same way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from parley.domain.chats import ChatKind, MemberStatus, effective_status, private_chat_key
from parley.domain.events import UserEventKind
from parley.domain.users import UserKind
from parley.services.chats import add_member, load_chat
from parley.services.sequence import Changes
from parley.store.tx import Tx

NOTICES_ACCOUNT = "notices"
NOTICES_DISPLAY_NAME = "Parley Notices"


@dataclass(frozen=True, slots=True)
class Delivered:
    chat_id: int
    message_id: int


def notices_account(tx: Tx, *, at: datetime) -> int:
    """The system account notices come from, created on first use. It has no phone number
    and no username, so nobody can sign in as it or take its name."""
    user_id = tx.system_accounts.get(NOTICES_ACCOUNT)
    if user_id is None:
        user_id = tx.users.insert(
            kind=UserKind.USER, display_name=NOTICES_DISPLAY_NAME, created_at=at
        )
        tx.system_accounts.put(NOTICES_ACCOUNT, user_id)
    return user_id


def _notices_chat(tx: Tx, changes: Changes, system_id: int, user_id: int, at: datetime) -> int:
    key = private_chat_key(system_id, user_id)
    chat_id = tx.chats.id_by_private_key(key)
    if chat_id is None:
        chat_id = tx.chats.insert(kind=ChatKind.PRIVATE, title="", private_key=key, at=at)
        add_member(tx, changes, load_chat(tx, chat_id), system_id, at)
    member = tx.members.get(chat_id, user_id)
    if member is None or effective_status(member, at) is not MemberStatus.RESTRICTED:
        # The user reads notices but cannot write into this chat.
        if member is None or not member.is_active:
            member = add_member(
                tx, changes, load_chat(tx, chat_id), user_id, at, status=MemberStatus.RESTRICTED
            )
        tx.members.put(replace(member, status=MemberStatus.RESTRICTED, can_send=False))
    return chat_id


def deliver_notice(
    tx: Tx,
    changes: Changes,
    *,
    user_id: int,
    topic: str,
    text: str,
    data: dict[str, Any],
    at: datetime,
) -> Delivered:
    """Post a notice to the user inside the caller's transaction; the caller publishes
    `changes` after the commit."""
    system_id = notices_account(tx, at=at)
    chat_id = _notices_chat(tx, changes, system_id, user_id, at)
    message = changes.post(
        tx,
        chat_id=chat_id,
        sender_id=system_id,
        text=text,
        at=at,
        extra={"notice": {"topic": topic, **data}},
    )
    changes.user(
        tx,
        user_id=user_id,
        kind=UserEventKind.NOTICE,
        at=at,
        data={"topic": topic, "chat_id": chat_id, "message_id": message.id, **data},
    )
    return Delivered(chat_id=chat_id, message_id=message.id)
