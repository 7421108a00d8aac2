"""The WebSocket frames, built straight from the bus's plain dicts.

Live delivery renders every event once for all its receivers; building pydantic models for it
would cost more than the rest of the send. These functions produce exactly the JSON that the
REST models (MessageOut, ChatEventOut, UserEventOut) produce — tests/api/test_wire.py checks
that they agree."""

from __future__ import annotations

from typing import Any

import orjson

from parley.domain.clock import from_ms

_ENTITY_KEYS = ("type", "offset", "length", "url", "user_id", "language")


def iso(ms: int | None) -> str | None:
    if ms is None:
        return None
    text = from_ms(ms).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def message_wire(m: dict[str, Any]) -> dict[str, Any]:
    fwd = m.get("forward")
    extra = m.get("extra") or {}
    service = m["kind"] == "service"
    return {
        "chat_id": m["chat_id"], "id": m["id"], "sender_id": m["sender_id"], "kind": m["kind"],
        "text": m["text"],
        "entities": [{k: e.get(k) for k in _ENTITY_KEYS} for e in m.get("entities") or ()],
        "date": iso(m["date"]), "edit_date": iso(m.get("edit_date")),
        "reply_to_id": m.get("reply_to_id"),
        "forward": None if fwd is None else {
            "chat_id": fwd["chat_id"], "message_id": fwd["message_id"],
            "sender_id": fwd["sender_id"], "date": iso(fwd["date"]),
        },
        "pinned": m.get("pinned", False), "visibility": m.get("visibility", "visible"),
        "deleted": m.get("deleted", False), "media": m.get("media"),
        "action": dict(extra) if service and extra.get("action") else None,
        "reply_markup": extra.get("reply_markup"),
    }  # fmt: skip


def chat_event_wire(e: dict[str, Any]) -> dict[str, Any]:
    message = e.get("message")
    return {"type": "chat_event", "chat_id": e["chat_id"], "pts": e["pts"], "kind": e["kind"],
            "date": iso(e["date"]), "data": e["data"],
            "message": None if message is None else message_wire(message)}  # fmt: skip


def user_event_wire(e: dict[str, Any]) -> dict[str, Any]:
    return {"type": "user_event", "seq": e["seq"], "kind": e["kind"], "date": iso(e["date"]),
            "data": e["data"]}  # fmt: skip


def render_live(message: dict[str, Any]) -> bytes:
    """The frame for a bus event (chat or user), rendered once, shared by every receiver."""
    if message.get("t") == "user":
        return orjson.dumps(user_event_wire(message))
    return orjson.dumps(chat_event_wire(message))
