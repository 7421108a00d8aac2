"""The chat list: a user's chats by last activity, with unread counts and the last message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from parley.domain.chats import ChatKind
from parley.domain.errors import InvalidInput
from parley.domain.messages import Message, Visibility
from parley.services.chats import ChatView
from parley.services.context import Ctx
from parley.store.tx import Tx

UNREAD_CAP = 9999


@dataclass(frozen=True, slots=True)
class Dialog:
    view: ChatView
    unread_count: int
    top_message: Message | None


async def list_dialogs(
    ctx: Ctx, user_id: int, *, limit: int = 50, before: tuple[datetime, int] | None = None
) -> list[Dialog]:
    """One page of dialogs; pass the last one's (last_activity_at, chat id) to get the next."""
    if not 1 <= limit <= 100:
        raise InvalidInput("limit must be 1–100", code="invalid_limit")

    def run(tx: Tx) -> list[Dialog]:
        rows = tx.members.dialogs(user_id, limit=limit, before=before, unread_cap=UNREAD_CAP)
        tops = tx.messages.get_keys([(r.chat.id, r.chat.top_message_id) for r in rows
                                     if r.chat.top_message_id])  # fmt: skip
        private = [r.chat.id for r in rows if r.chat.kind is ChatKind.PRIVATE]
        peer_ids = tx.members.peers_in(private, user_id)
        peers = tx.users.get_many(set(peer_ids.values()))
        out = []
        for row in rows:
            top = tops.get((row.chat.id, row.chat.top_message_id))
            if top is not None and (top.deleted or top.visibility is Visibility.REMOVED):
                top = None
            peer = peers.get(peer_ids.get(row.chat.id, 0))
            view = ChatView(chat=row.chat, member=row.member, peer=peer)
            out.append(Dialog(view=view, unread_count=row.unread_count, top_message=top))
        return out

    return await ctx.db.read(run)
