"""Errors as Telegram answers them: {"ok": false, "error_code", "description", "parameters"}.

Domain errors are mapped once here. Telegram reports most refusals as 400 "Bad Request: ...",
keeps 403 for the bot's standing in a chat (kicked, blocked, not a member) and 409 for the
getUpdates/webhook conflict; descriptions follow its wording where one exists."""

from __future__ import annotations

from typing import Any

from parley.domain.errors import (
    Conflict,
    DomainError,
    PayloadTooLarge,
    RateLimited,
    Unauthenticated,
)


class BotApiError(Exception):
    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            out["parameters"] = {"retry_after": self.retry_after}
        return out


def bad_request(message: str) -> BotApiError:
    return BotApiError(400, f"Bad Request: {message}")


NOT_FOUND = BotApiError(404, "Not Found")
UNAUTHORIZED = BotApiError(401, "Unauthorized")

_MESSAGE_NOT_FOUND = {
    "editmessagetext": "message to edit not found",
    "editmessagereplymarkup": "message to edit not found",
    "deletemessage": "message to delete not found",
    "deletemessages": "message to delete not found",
    "forwardmessage": "message to forward not found",
    "copymessage": "message to copy not found",
    "pinchatmessage": "message to pin not found",
    "unpinchatmessage": "message to unpin not found",
}
_NO_RIGHTS = {
    "deletemessage": "message can't be deleted",
    "deletemessages": "message can't be deleted",
    "banchatmember": "not enough rights to restrict/unrestrict chat member",
    "unbanchatmember": "not enough rights to restrict/unrestrict chat member",
    "restrictchatmember": "not enough rights to restrict/unrestrict chat member",
    "promotechatmember": "not enough rights",
    "pinchatmessage": "not enough rights to manage pinned messages in the chat",
    "unpinchatmessage": "not enough rights to manage pinned messages in the chat",
    "createchatinvitelink": "not enough rights to manage chat invite link",
    "editmessagetext": "message can't be edited",
    "editmessagereplymarkup": "message can't be edited",
}
_SEND = "not enough rights to send text messages to the chat"
_FIXED: dict[str, tuple[int, str]] = {
    "bot_blocked": (403, "Forbidden: bot was blocked by the user"),
    "bot_cannot_initiate": (403, "Forbidden: bot can't initiate conversation with a user"),
    "bot_to_bot": (403, "Forbidden: bot can't send messages to bots"),
    "chat_not_found": (400, "Bad Request: chat not found"),
    "reply_invalid": (400, "Bad Request: message to be replied not found"),
    "message_empty": (400, "Bad Request: message text is empty"),
    "message_too_long": (400, "Bad Request: message is too long"),
    "caption_too_long": (400, "Bad Request: message caption is too long"),
    "message_not_modified": (
        400,
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message",
    ),
    "owner_protected": (400, "Bad Request: can't remove chat owner"),
    "admin_protected": (400, "Bad Request: user is an administrator of the chat"),
    "user_not_found": (400, "Bad Request: user not found"),
    "invalid_chat_kind": (
        400,
        "Bad Request: method is available for supergroup and channel chats only",
    ),
    "owner_cannot_leave": (400, "Bad Request: chat owner can't leave the chat"),
    "not_a_member": (400, "Bad Request: user not found"),
    "bot_groups_disabled": (403, "Forbidden: bot can't be added to groups"),
}


def _sentence(message: str) -> str:
    """Telegram lower-cases the first letter unless the message is an UPPER_CASE code."""
    if len(message) >= 2 and (message[1] == "_" or message[1].isupper()):
        return message
    return message[:1].lower() + message[1:]


def _chat_word(kind: object) -> str:
    return "channel" if kind == "channel" else "supergroup"


def from_domain(error: DomainError, method: str) -> BotApiError:
    code = error.code
    if isinstance(error, RateLimited):
        return BotApiError(429, f"Too Many Requests: retry after {error.retry_after}",
                           retry_after=error.retry_after)  # fmt: skip
    if isinstance(error, Unauthenticated):
        return UNAUTHORIZED
    if isinstance(error, PayloadTooLarge):
        return BotApiError(413, "Request Entity Too Large")
    if isinstance(error, Conflict) and error.message.startswith("Conflict"):
        return BotApiError(409, error.message)
    if code == "bot_kicked":
        kind = _chat_word(error.details.get("chat_kind"))
        return BotApiError(403, f"Forbidden: bot was kicked from the {kind} chat")
    if code == "bot_not_member":
        kind = _chat_word(error.details.get("chat_kind"))
        return BotApiError(403, f"Forbidden: bot is not a member of the {kind} chat")
    if code == "message_not_found":
        return bad_request(_MESSAGE_NOT_FOUND.get(method, "message not found"))
    if code in ("admin_required", "not_author"):
        return bad_request(_NO_RIGHTS.get(method, "not enough rights"))
    if code in ("channel_admins_only", "restricted", "account_restricted", "account_banned"):
        return bad_request(_SEND)
    if code == "not_a_member" and method.startswith(("send", "forward", "copy")):
        return bad_request(_SEND)
    if code in _FIXED:
        status, description = _FIXED[code]
        return BotApiError(status, description)
    return bad_request(_sentence(error.message))
