"""The Telegram Bot API surface: /bot<token>/<method> and file downloads, translating Telegram's
requests into Parley's services and Parley's answers into Telegram's objects (docs/bot-api.md)."""
