"""Sync: the state a client holds (seq and one pts per chat) and the difference since then.

Clients that were offline send the pts they hold per chat and get each chat's events since
then; chats they do not mention come back as a state only (pts, top message id), so a client
with thousands of chats is not flooded. A chat too far behind is flagged `too_long`: the client
reloads its recent history instead of replaying events."""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.domain.errors import InvalidInput
from parley.domain.events import Audience, ChatEvent, ChatEventKind, UserEvent
from parley.domain.messages import Message
from parley.services.context import Ctx
from parley.store.tx import Tx

MAX_CHATS_PER_REQUEST = 500
MAX_USER_EVENTS = 500


@dataclass(frozen=True, slots=True)
class ChatState:
    chat_id: int
    pts: int
    top_message_id: int


@dataclass(frozen=True, slots=True)
class ChatDifference:
    chat_id: int
    pts: int
    events: list[tuple[ChatEvent, Message | None]]
    too_long: bool


@dataclass(frozen=True, slots=True)
class Difference:
    seq: int
    user_events: list[UserEvent]
    user_too_long: bool
    chats: list[ChatDifference]
    states: list[ChatState]
    not_member: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class State:
    seq: int
    chats: list[ChatState]


HYDRATED = (ChatEventKind.MESSAGE_NEW, ChatEventKind.MESSAGE_EDIT, ChatEventKind.MESSAGE_VISIBILITY)


def hydrate(
    tx: Tx, chat_id: int, events: list[ChatEvent]
) -> list[tuple[ChatEvent, Message | None]]:
    """Attach the current form of the message each message event is about."""
    ids = [
        int(e.data["message_id"]) for e in events if e.kind in HYDRATED and "message_id" in e.data
    ]
    found = tx.messages.get_many(chat_id, ids)
    return [(e, found.get(int(e.data.get("message_id", 0))) if e.kind in HYDRATED else None)
            for e in events]  # fmt: skip


async def get_state(ctx: Ctx, user_id: int) -> State:
    def run(tx: Tx) -> State:
        chat_ids = tx.members.chat_ids_of(user_id)
        states = tx.chats.states(chat_ids)
        return State(
            seq=tx.users.current_seq(user_id),
            chats=[ChatState(cid, *states[cid]) for cid in sorted(states)],
        )

    return await ctx.db.read(run)


async def get_difference(
    ctx: Ctx, user_id: int, *, seq: int, pts: dict[int, int], limit: int = 100
) -> Difference:
    if len(pts) > MAX_CHATS_PER_REQUEST:
        raise InvalidInput(f"send at most {MAX_CHATS_PER_REQUEST} chats per request",
                           code="too_many_chats")  # fmt: skip
    if not 1 <= limit <= 1000 or seq < 0 or any(p < 0 for p in pts.values()):
        raise InvalidInput("limit must be 1–1000 and states non-negative", code="invalid_state")

    def run(tx: Tx) -> Difference:
        current_seq = tx.users.current_seq(user_id)
        user_events = tx.events.user_since(user_id, seq, limit=MAX_USER_EVENTS + 1)
        chat_ids = tx.members.chat_ids_of(user_id)
        memberships = tx.members.memberships_of(user_id, chat_ids)
        states = tx.chats.states(chat_ids)
        diffs: list[ChatDifference] = []
        for chat_id, held in sorted(pts.items()):
            if chat_id not in states:
                continue
            current = states[chat_id][0]
            if held >= current:
                continue
            events = tx.events.chat_since(chat_id, held, limit=limit + 1)
            too_long = len(events) > limit
            events = events[:limit]
            member = memberships.get(chat_id)
            is_admin = member is not None and member.is_admin
            visible = [e for e in events if e.audience is Audience.ALL or is_admin]
            diffs.append(
                ChatDifference(
                    chat_id=chat_id,
                    pts=current,
                    events=hydrate(tx, chat_id, visible),
                    too_long=too_long,
                )
            )
        return Difference(
            seq=current_seq,
            user_events=user_events[:MAX_USER_EVENTS],
            user_too_long=len(user_events) > MAX_USER_EVENTS,
            chats=diffs,
            states=[ChatState(cid, *states[cid]) for cid in sorted(states) if cid not in pts],
            not_member=sorted(set(pts) - set(states)),
        )

    return await ctx.db.read(run)
