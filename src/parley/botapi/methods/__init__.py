"""Bot API methods by area; `METHODS` maps each lower-cased method name to its handler."""

from __future__ import annotations

from parley.botapi.methods import chats, commands, files, messages, updates, webhooks
from parley.botapi.methods.base import Handler

METHODS: dict[str, Handler] = {}
for _module in (updates, webhooks, commands, messages, files, chats):
    METHODS.update(_module.METHODS)
