"""What every compat bot does, whatever library it is written with, so one set of scenarios
can drive all of them. Each library's module builds these bots with its own idioms and points
them at the server; nothing else about them changes.

- echo: in private chats, /start answers "Welcome!", any other text is echoed back.
- keyboard: /menu answers "Pick one" with inline buttons Yes (data "yes") and No ("no"); a press
  is answered "You picked <data>" and the message is edited to "Picked: <data>".
- moderation: in groups, a message containing BANNED_WORD is deleted and its author banned.
- channel: in private chats, "/announce <text>" posts <text> to the channel, edits the post to
  "<text> (edited)" and answers "done"."""

from __future__ import annotations

import socket
from typing import Protocol

BANNED_WORD = "badword"
WEBHOOK_SECRET = "compat-secret_1"


class Runner(Protocol):
    """A bot written with one library, running against the server until stopped."""

    async def start(self, kind: str, token: str, *, channel: str | None = None,
                    webhook_port: int | None = None) -> None: ...  # fmt: skip

    async def stop(self) -> None: ...


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
